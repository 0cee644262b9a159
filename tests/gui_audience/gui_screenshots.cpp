// gui_screenshots DATABASE OUTDIR SUBSCRIBER_ID: renders the main window in the states the
// documentation shows (welcome, audience, detail pane, an empty-state page) with
// QWidget::grab() and writes them as PNG files.
#include "audience/audiencepage.h"
#include "audience/subscriberbrowser.h"
#include "audience/subscriberdetailpane.h"
#include "audience/subscribertablemodel.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>

#include <cstdio>

#include "testutils.h"

using namespace mw::ui;

namespace {

bool save(QWidget *w, const QString &dir, const QString &name)
{
    mw::test::settle(300);
    const QString path = QDir(dir).filePath(name);
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(QStringLiteral(MW_VERSION));
    QTemporaryDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    Translations::install();
    const QStringList args = QApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: gui_screenshots DATABASE OUTDIR SUBSCRIBER_ID [SUFFIX]\n");
        return 1;
    }
    const QString suffix = args.size() > 4 ? args.at(4) : QString();
    QDir().mkpath(args.at(2));
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    bool ok = save(&window, args.at(2), QStringLiteral("welcome%1.png").arg(suffix));

    if (!window.openDatabase(args.at(1)))
        return 2;
    SubscriberBrowser *browser = window.audiencePage()->browser();
    if (!mw::test::waitFor([&] {
            return browser->model()->matchCount() >= 0 && browser->totalSubscribers() >= 0;
        }))
        return 3;
    ok &= save(&window, args.at(2), QStringLiteral("audience%1.png").arg(suffix));

    bool loaded = false;
    QObject::connect(browser->detailPane(), &SubscriberDetailPane::detailsLoaded,
                     [&](qint64) { loaded = true; });
    window.showSubscriber(args.at(3).toLongLong());
    if (!mw::test::waitFor([&] { return loaded; }))
        return 4;
    ok &= save(&window, args.at(2), QStringLiteral("detail%1.png").arg(suffix));
    if (auto *tabs = browser->detailPane()->findChild<QTabWidget *>(QStringLiteral("detailTabs"))) {
        tabs->setCurrentIndex(1);
        ok &= save(&window, args.at(2), QStringLiteral("detail-metrics%1.png").arg(suffix));
        tabs->setCurrentIndex(2);
        ok &= save(&window, args.at(2), QStringLiteral("detail-timeline%1.png").arg(suffix));
    }
    browser->setSearchText(QStringLiteral("anna sch"));
    if (!mw::test::waitFor([&] { return browser->model()->matchCount() >= 0; }))
        return 5;
    ok &= save(&window, args.at(2), QStringLiteral("search%1.png").arg(suffix));

    window.showPage(MainWindow::Page::Content);
    ok &= save(&window, args.at(2), QStringLiteral("empty-state%1.png").arg(suffix));
    return ok ? 0 : 6;
}
