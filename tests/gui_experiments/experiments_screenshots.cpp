// experiments_screenshots OUTDIR [LANGUAGE]: builds a database with Hillstrom's test and
// a synthetic unbalanced one (through the CLI), opens it in the main window, and writes
// the Experiments page as OUTDIR/experiments[-LANGUAGE].png (Hillstrom) and
// experiments-srm[-LANGUAGE].png (the sample-ratio warning, CUPED on) and
// experiments-empty[-LANGUAGE].png (a database without experiments) with QWidget::grab().
#include "experimentfixture.h"
#include "experiments/experimentreportview.h"
#include "mainwindow.h"
#include "pages/experimentspage.h"
#include "translations.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>

#include "testutils.h"

using namespace mw::ui;

namespace {

bool save(QWidget *w, const QString &path)
{
    mw::test::settle(400);
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("MW_CLI"))
        qputenv("MW_CLI", MW_CLI_PATH);
    if (qEnvironmentVariableIsEmpty("MW_SOURCE_DIR"))
        qputenv("MW_SOURCE_DIR", MW_SOURCE_PATH);
    QTemporaryDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: experiments_screenshots OUTDIR [LANGUAGE]\n");
        return 1;
    }
    const QString language = args.size() > 2 ? args.at(2) : QString();
    const QString suffix = language.isEmpty() ? QString() : QLatin1Char('-') + language;
    if (!language.isEmpty()) {
        QLocale::setDefault(QLocale(language));
        Translations::install(QLocale(language));
    } else {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    QTemporaryDir work;
    const QString db = mw::test::makeExperimentDatabase(work.path(), true);
    if (db.isEmpty())
        return 2;
    QDir().mkpath(args.at(1));

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    window.showPage(MainWindow::Page::Experiments);
    auto *page = window.findChild<ExperimentsPage *>();
    if (!page)
        return 3;
    bool shown = false;
    QObject::connect(page, &ExperimentsPage::reportShown, [&] { shown = true; });
    if (!window.openDatabase(db))
        return 4;
    window.showPage(MainWindow::Page::Experiments);
    if (!mw::test::waitFor([&] { return shown && !page->isBusy(); }))
        return 5;
    bool ok =
        save(&window, QDir(args.at(1)).filePath(QStringLiteral("experiments%1.png").arg(suffix)));
    shown = false;
    page->reportView()->cupedCheckBox()->setChecked(true);
    if (!mw::test::waitFor([&] { return shown && !page->isBusy(); }))
        return 6;
    shown = false;
    if (!page->selectExperiment(QStringLiteral("unbalanced")) ||
        !mw::test::waitFor([&] { return shown && !page->isBusy(); }))
        return 7;
    ok &= save(&window,
               QDir(args.at(1)).filePath(QStringLiteral("experiments-srm%1.png").arg(suffix)));
    // A database without experiments: the empty state.
    bool loaded = false;
    QObject::connect(page, &ExperimentsPage::experimentsLoaded, [&] { loaded = true; });
    const QString empty = mw::test::makeExperimentDatabase(work.path(), false);
    if (empty.isEmpty() || !window.openDatabase(empty))
        return 9;
    window.showPage(MainWindow::Page::Experiments);
    if (!mw::test::waitFor([&] { return loaded && !page->isBusy(); }))
        return 10;
    ok &= save(&window,
               QDir(args.at(1)).filePath(QStringLiteral("experiments-empty%1.png").arg(suffix)));
    return ok ? 0 : 8;
}
