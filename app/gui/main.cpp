// mailwright [DATABASE]: the desktop application.
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Mailwright"));
    QApplication::setOrganizationName(QStringLiteral("Mailwright"));
    QApplication::setApplicationVersion(QStringLiteral(MW_VERSION));

    mw::ui::MainWindow window;
    const QStringList args = QApplication::arguments();
    if (args.size() > 1)
        window.openDatabase(args.at(1));
    window.show();
    return QApplication::exec();
}
