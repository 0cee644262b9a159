// mailwright [DATABASE]: the desktop application.
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Mailwright"));
    QApplication::setOrganizationName(QStringLiteral("Mailwright"));
    QApplication::setApplicationVersion(QStringLiteral(MW_VERSION));
    mw::ui::Translations::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Design, personalise and test email campaigns on a local database."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("DATABASE"),
        QApplication::translate("main", "The database to open (created if it does not exist)."));
    parser.process(app);

    mw::ui::MainWindow window;
    window.show();
    // CONTRACT.md: open (creating) the file given; otherwise reopen the last one or offer
    // to create a sample.
    if (const QStringList files = parser.positionalArguments(); !files.isEmpty())
        window.openDatabase(files.first(), true);
    else
        window.openLastDatabase();
    return QApplication::exec();
}
