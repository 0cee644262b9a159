// mw_preview_bench --db FILE [--keystrokes N] [--screenshots DIR]
//
// Opens the campaign editor on the database's sample campaign (installing it if the
// database has none), then types N characters into the hero headline and measures, for
// each keystroke, the time from the key event to the preview's web view having loaded
// the HTML of a render that includes it. With --screenshots, saves the editor for two
// different subscribers instead.
#include "campaign/blockinspector.h"
#include "campaign/campaigndocument.h"
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
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QWebEngineView>

#include <algorithm>
#include <cstdio>

using namespace mw;
using namespace mw::ui;

namespace {

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

void fail(const char *what)
{
    std::fprintf(stderr, "error: %s\n", what);
    std::exit(2);
}

/// The first block with a text field we can type into: the hero's headline if any.
QStringList headlinePath(const ui::CampaignDocument *doc)
{
    for (int i = 0; i < doc->blockCount(); ++i) {
        const QJsonObject content = doc->block(i).value(QLatin1String("content")).toObject();
        if (content.value(QLatin1String("headline")).isString())
            return ui::CampaignDocument::blockPath(
                i, {QStringLiteral("content"), QStringLiteral("headline")});
    }
    for (int i = 0; i < doc->blockCount(); ++i) {
        const QJsonObject content = doc->block(i).value(QLatin1String("content")).toObject();
        if (content.value(QLatin1String("text")).isString())
            return ui::CampaignDocument::blockPath(
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
    std::vector<double> renderMs; // key event to render result on the GUI thread
    qint64 renderedAt = 0;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(editor, &CampaignEditor::rendered, [&] { renderedAt = clock.nsecsElapsed(); });
    std::vector<double> ms;
    ms.reserve(static_cast<size_t>(n));
    const QString alphabet = QStringLiteral("abcdefghij ");
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        const qint64 start = clock.nsecsElapsed();
        QTest::keyClick(field, alphabet.at(i % alphabet.size()).toLatin1());
        const quint64 request = editor->latestRenderRequest();
        if (!settle(editor, request))
            fail("preview did not update");
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        renderMs.push_back(static_cast<double>(renderedAt - start) / 1e6);
        if (!editor->preview()->html().contains(field->toPlainText().right(3).toHtmlEscaped()) &&
            i == n - 1)
            std::fprintf(stderr, "warning: last text not found in the preview HTML\n");
    }
    std::sort(ms.begin(), ms.end());
    std::sort(renderMs.begin(), renderMs.end());
    auto pct = [&](double p) {
        return ms[std::min(ms.size() - 1, static_cast<size_t>(p * static_cast<double>(ms.size())))];
    };
    double sum = 0;
    for (double v : ms)
        sum += v;
    std::printf("keystroke-to-preview latency over %d keystrokes (HTML %lld bytes):\n", n,
                static_cast<long long>(editor->preview()->html().toUtf8().size()));
    std::printf("  median %.1f ms, mean %.1f ms, p95 %.1f ms, max %.1f ms, min %.1f ms\n", pct(0.5),
                sum / static_cast<double>(ms.size()), pct(0.95), ms.back(), ms.front());
    std::printf("  of which key event to render result on the GUI thread (compile + render on the "
                "worker): median %.1f ms, p95 %.1f ms\n",
                renderMs[renderMs.size() / 2],
                renderMs[std::min(renderMs.size() - 1, renderMs.size() * 95 / 100)]);
    return 0;
}
