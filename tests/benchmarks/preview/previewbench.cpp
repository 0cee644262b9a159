// mw_preview_bench --db FILE [--keystrokes N] [--screenshots DIR]
//
// Opens the campaign editor on the database's sample campaign (installing it if the
// database has none), then types N characters into the hero headline and measures, for
// each keystroke, the time from the key event to the preview's web view having loaded
// the HTML of a render that includes it. With --screenshots, saves the editor for two
// different subscribers instead.
#include "campaign/blockinspector.h"
#include "campaign/campaigndraft.h"
#include "campaign/campaigneditor.h"
#include "campaign/campaignspage.h"
#include "campaign/liquidtextedit.h"
#include "campaign/previewview.h"
#include "campaign/subscriberpicker.h"
#include "content/samplecampaign.h"
#include "storage/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWebEngineView>

#include <algorithm>
#include <cstdio>
#include <map>

#include <unistd.h>

using namespace mw;
using namespace mw::ui;

namespace {

/// Runs the event loop until done() (or the timeout). Sleeps while there is nothing to do,
/// like the application's own event loop: a polling loop would burn a core that the
/// render worker and the web engine need.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QTimer timeout;
    timeout.setSingleShot(true);
    timeout.start(timeoutMs);
    while (!done()) {
        if (!timeout.isActive())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

/// Timestamps of the paint events of the widget that shows the web engine's frames.
class PaintClock : public QObject {
public:
    PaintClock(QWidget *target, const QElapsedTimer &clock) : m_clock(clock)
    {
        target->installEventFilter(this);
    }
    qint64 last() const { return m_last; }

protected:
    bool eventFilter(QObject *o, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            m_last = m_clock.nsecsElapsed();
        return QObject::eventFilter(o, e);
    }

private:
    const QElapsedTimer &m_clock;
    qint64 m_last = -1;
};

void fail(const char *what)
{
    std::fprintf(stderr, "error: %s\n", what);
    std::exit(2);
}

/// The first block with a text field we can type into: the hero's headline if any.
QStringList headlinePath(const ui::CampaignDraft *doc)
{
    for (int i = 0; i < doc->blockCount(); ++i) {
        const QJsonObject content = doc->block(i).value(QLatin1String("content")).toObject();
        if (content.value(QLatin1String("headline")).isString())
            return ui::CampaignDraft::blockPath(
                i, {QStringLiteral("content"), QStringLiteral("headline")});
    }
    for (int i = 0; i < doc->blockCount(); ++i) {
        const QJsonObject content = doc->block(i).value(QLatin1String("content")).toObject();
        if (content.value(QLatin1String("text")).isString())
            return ui::CampaignDraft::blockPath(
                i, {QStringLiteral("content"), QStringLiteral("text")});
    }
    return {};
}

/// Waits until the preview shows the newest render and its HTML has loaded.
bool settle(CampaignEditor *editor, quint64 request)
{
    quint64 loaded = 0;
    auto c = QObject::connect(editor, &CampaignEditor::previewUpdated,
                              [&loaded](quint64 id) { loaded = std::max(loaded, id); });
    const bool ok = waitFor([&] { return loaded >= request; }, 20000);
    QObject::disconnect(c);
    return ok;
}

/// CPU time (user + system, ms) used so far by this process and by its descendants that
/// are still running (the web engine's zygote, renderer and utility processes), read from
/// /proc: wall-clock latency on a shared machine depends on the load, CPU time much less.
struct CpuTime {
    double editor = 0; // this process: GUI thread, render worker, Chromium's browser side
    double engine = 0; // QtWebEngineProcess children
};

CpuTime cpuTime()
{
    const double tick = 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
    std::map<long, long> parent;
    std::map<long, double> cpu;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &p : pids) {
        bool ok = false;
        const long pid = p.toLong(&ok);
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        // After "pid (comm) ": state ppid ... utime(14) stime(15), counted from 1.
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            continue;
        parent[pid] = fields.at(1).toLong();
        cpu[pid] =
            static_cast<double>(fields.at(11).toLongLong() + fields.at(12).toLongLong()) * tick;
    }
    CpuTime t;
    const long self = getpid();
    t.editor = cpu[self];
    for (const auto &[pid, ms] : cpu) {
        for (long p = parent[pid]; p > 1; p = parent.count(p) ? parent[p] : 0) {
            if (p == self) {
                t.engine += ms;
                break;
            }
        }
    }
    return t;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("keystrokes"), QStringLiteral("keystrokes to time"),
                      QStringLiteral("N"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("screenshots"), QStringLiteral("save screenshots to DIR"),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("no-patch"),
                      QStringLiteral("load every update as a new page (no DOM patch)")});
    parser.process(app);
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty())
        fail("--db is required");
    {
        auto db = Database::open(path);
        if (!db)
            fail(qPrintable(db.error().toString()));
        auto n =
            db->scalar("SELECT count(*) FROM campaigns WHERE name = ?1", {SampleCampaign::name()});
        if (n && n->toInt() == 0) {
            if (Status s = SampleCampaign::install(*db); !s)
                fail(qPrintable(s.error().toString()));
        }
    }

    CampaignsPage page;
    page.resize(1600, 1000);
    page.show();
    CampaignEditor *editor = page.editor();
    editor->preview()->setPatchingEnabled(!parser.isSet(QStringLiteral("no-patch")));
    QSignalSpy loaded(&page, &CampaignsPage::campaignsLoaded);
    page.setDatabase(path);
    if (!loaded.wait(20000))
        fail("campaign list did not load");
    if (!page.openCampaign(SampleCampaign::name()))
        fail("sample campaign not found");
    if (!waitFor([&] { return editor->subscriberId() > 0; }, 20000))
        fail("no subscriber");
    editor->requestPreview();
    if (!settle(editor, editor->latestRenderRequest()))
        fail("first preview did not load");

    const QStringList path0 = headlinePath(editor->document());
    if (path0.isEmpty())
        fail("the campaign has no headline or text field");
    editor->selectBlock(path0.at(1).toInt());
    LiquidTextEdit *field = editor->inspector()->liquidEditorFor(path0);
    if (!field)
        fail("no editor for the headline");
    field->setFocus();
    field->moveCursor(QTextCursor::End);

    if (parser.isSet(QStringLiteral("screenshots"))) {
        const QString dir = parser.value(QStringLiteral("screenshots"));
        QDir().mkpath(dir);
        // Two subscribers who get different content: the first, and one from "vip".
        QList<qint64> shown;
        for (int shot = 0; shot < 2; ++shot) {
            if (shot == 1) {
                const qint64 before = editor->subscriberId();
                editor->picker()->pickFromSegment(QStringLiteral("vip"));
                if (!waitFor([&] { return editor->subscriberId() != before; }, 20000))
                    editor->picker()->next();
                waitFor([&] { return editor->subscriberId() != before; }, 20000);
                // Show the hero's first variant (its condition) in the inspector.
                editor->inspector()->selectVariant(0);
            }
            settle(editor, editor->latestRenderRequest());
            QTest::qWait(600); // let the web view paint
            const QString file =
                QStringLiteral("%1/editor-subscriber-%2.png").arg(dir).arg(shot + 1);
            page.grab().save(file);
            std::printf("saved %s (subscriber %lld)\n", qPrintable(file),
                        static_cast<long long>(editor->subscriberId()));
        }
        return 0;
    }

    const int n = parser.value(QStringLiteral("keystrokes")).toInt();
    QElapsedTimer clock;
    clock.start();
    // The web view shows Chromium's frames in a child widget (its focus proxy); a frame
    // with the new content repaints it.
    QWidget *frames = editor->preview()->webView()->focusProxy();
    if (!frames)
        fail("the web view has no frame widget");
    PaintClock painted(frames, clock);
    qint64 renderedAt = 0;
    QObject::connect(editor, &CampaignEditor::rendered, [&] { renderedAt = clock.nsecsElapsed(); });
    std::vector<double> renderMs, updatedMs, paintedMs;
    int patches = 0, missedPaints = 0;
    const QString alphabet = QStringLiteral("abcdefghij ");
    const CpuTime cpuBefore = cpuTime();
    for (int i = 0; i < n; ++i) {
        const qint64 start = clock.nsecsElapsed();
        QTest::keyClick(field, alphabet.at(i % alphabet.size()).toLatin1());
        const quint64 request = editor->latestRenderRequest();
        if (!settle(editor, request))
            fail("preview did not update");
        const qint64 updatedAt = clock.nsecsElapsed();
        // The first repaint of the frame widget after the new HTML was handed to the web
        // engine shows it (Chromium only sends frames when the page changed).
        if (!waitFor([&] { return painted.last() > renderedAt; }, 1000))
            ++missedPaints;
        patches += editor->preview()->lastUpdateWasPatch() ? 1 : 0;
        renderMs.push_back(static_cast<double>(renderedAt - start) / 1e6);
        updatedMs.push_back(static_cast<double>(updatedAt - start) / 1e6);
        paintedMs.push_back(static_cast<double>(std::max(painted.last(), updatedAt) - start) / 1e6);
        if (!editor->preview()->html().contains(field->toPlainText().right(3).toHtmlEscaped()) &&
            i == n - 1)
            std::fprintf(stderr, "warning: last text not found in the preview HTML\n");
    }
    const CpuTime cpuAfter = cpuTime();
    auto report = [](const char *what, std::vector<double> v) {
        std::sort(v.begin(), v.end());
        double sum = 0;
        for (double x : v)
            sum += x;
        auto pct = [&](double p) {
            return v[std::min(v.size() - 1,
                              static_cast<size_t>(p * static_cast<double>(v.size())))];
        };
        std::printf("  %-44s median %6.1f ms, mean %6.1f, p95 %6.1f, min %6.1f, max %6.1f\n", what,
                    pct(0.5), sum / static_cast<double>(v.size()), pct(0.95), v.front(), v.back());
    };
    std::printf("keystroke-to-preview latency over %d keystrokes (HTML %lld bytes; %d updates "
                "patched in place, %d navigations; %d without a repaint within 1 s):\n",
                n, static_cast<long long>(editor->preview()->html().toUtf8().size()), patches,
                n - patches, missedPaints);
    report("key event -> render result on the GUI thread", renderMs);
    report("key event -> web view holds the new HTML", updatedMs);
    report("key event -> web view repainted with it", paintedMs);
    std::printf("  CPU time per keystroke: editor process %.1f ms, web engine processes %.1f ms\n",
                (cpuAfter.editor - cpuBefore.editor) / n, (cpuAfter.engine - cpuBefore.engine) / n);
    return 0;
}
