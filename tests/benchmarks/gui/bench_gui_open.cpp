// bench_gui_open DATABASE [RUNS]: times the GUI on a (large) database, printing one line
// per figure. Each run builds a new main window, so nothing is cached in the process
// (the operating system's file cache is, after the first run).
#include "audience/audiencepage.h"
#include "audience/subscriberbrowser.h"
#include "audience/subscriberdetailpane.h"
#include "audience/subscribertablemodel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace mw::ui;

namespace {

template <typename Pred> bool waitFor(Pred pred, const char *what, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > timeoutMs) {
            std::fprintf(stderr, "error: timed out waiting for %s\n", what);
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

struct Figures {
    double open = 0, firstRows = 0, count = 0, countModel = 0, scrollAvg = 0, scrollMax = 0,
           search = 0, searchCount = 0, detail = 0;
    qint64 rows = 0, searchRows = 0;
};

bool runOnce(const QString &path, Figures &f)
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();
    SubscriberBrowser *browser = window.audiencePage()->browser();
    SubscriberTableModel *model = browser->model();
    QTableView *view = browser->view();

    QElapsedTimer t;
    double countSignal = 0;
    QObject::connect(model, &SubscriberTableModel::matchCountKnown, model,
                     [&] { countSignal = ms(t); });
    t.start();
    if (!window.openDatabase(path)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(window.lastError()));
        return false;
    }
    f.open = ms(t);
    // First rows: in the model and painted by the view.
    if (!waitFor([&] { return model->isRowLoaded(0); }, "the first rows"))
        return false;
    view->viewport()->repaint();
    f.firstRows = ms(t);
    if (!waitFor([&] { return model->matchCount() >= 0; }, "the row count"))
        return false;
    f.rows = model->matchCount();
    // ... and the scroll bar spans all rows (the view lays out after the model grew).
    if (!waitFor([&] { return view->verticalScrollBar()->maximum() >= f.rows - 100; },
                 "the scroll bar"))
        return false;
    f.count = ms(t);
    f.countModel = countSignal;

    // Jumps to random rows, as dragging the scroll bar does: time until the rows show.
    QRandomGenerator rng(42);
    double total = 0;
    const int jumps = 20;
    for (int i = 0; i < jumps; ++i) {
        const int row = int(rng.bounded(qint64(f.rows)));
        QElapsedTimer s;
        s.start();
        view->scrollTo(model->index(row, 1), QAbstractItemView::PositionAtTop);
        view->viewport()->repaint(); // asks the model for the visible rows
        if (!waitFor([&] { return model->isRowLoaded(row); }, "a scrolled-to row"))
            return false;
        view->viewport()->repaint();
        const double e = ms(s);
        total += e;
        f.scrollMax = std::max(f.scrollMax, e);
    }
    f.scrollAvg = total / jumps;

    // Search: a common first-name prefix.
    QElapsedTimer s;
    s.start();
    browser->setSearchText(QStringLiteral("anna"));
    if (!waitFor([&] { return model->isRowLoaded(0); }, "the first rows"))
        return false;
    f.search = ms(s);
    if (!waitFor([&] { return model->matchCount() >= 0; }, "the row count"))
        return false;
    f.searchCount = ms(s);
    f.searchRows = model->matchCount();

    // Detail pane of the first match.
    const qint64 id = model->subscriberId(0);
    QElapsedTimer d;
    d.start();
    bool loaded = false;
    QObject::connect(browser->detailPane(), &SubscriberDetailPane::detailsLoaded,
                     [&](qint64) { loaded = true; });
    window.showSubscriber(id);
    if (!waitFor([&] { return loaded; }, "the detail pane"))
        return false;
    f.detail = ms(d);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTemporaryDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_gui_open DATABASE [RUNS]\n");
        return 1;
    }
    const int runs = args.size() > 2 ? args.at(2).toInt() : 3;
    QVector<Figures> all;
    for (int r = 0; r < runs; ++r) {
        Figures f;
        if (!runOnce(args.at(1), f))
            return 2;
        std::printf(
            "run %d: open %.1f ms, first rows shown %.1f ms, row count (%lld) %.1f ms, "
            "(model %.1f ms), random jump avg %.1f ms max %.1f ms, search first rows %.1f ms, "
            "search count (%lld) %.1f ms, detail pane %.1f ms\n",
            r + 1, f.open, f.firstRows, f.rows, f.count, f.countModel, f.scrollAvg, f.scrollMax,
            f.search, f.searchRows, f.searchCount, f.detail);
        std::fflush(stdout);
        all << f;
    }
    auto median = [&](double Figures::*m) {
        QVector<double> v;
        for (const Figures &f : all)
            v << f.*m;
        std::sort(v.begin(), v.end());
        return v.at(v.size() / 2);
    };
    std::printf("median of %d: open-to-first-rows %.1f ms (target < 1000 ms), full row count "
                "%.1f ms, random jump %.1f ms, search first rows %.1f ms, detail pane %.1f ms\n",
                runs, median(&Figures::firstRows), median(&Figures::count),
                median(&Figures::scrollAvg), median(&Figures::search), median(&Figures::detail));
    return 0;
}
