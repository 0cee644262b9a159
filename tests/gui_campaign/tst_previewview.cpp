// The preview's web view on its own: updates with the same head are patched into the
// loaded page, others load it anew; either way nothing in the email runs and remote
// loads stay blocked.
#include "campaign/previewview.h"
#include "campaign/remoteloadblocker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QWebEnginePage>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineView>
#include <QtTest>

using namespace mw::ui;

namespace {

QString page(const QString &title, const QString &body,
             const QString &style = QStringLiteral("p { color: #333; }"))
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<title>%1</title>\n<style>%3</style>\n</head>\n"
                          "<body style=\"margin:0;\">\n%2\n</body>\n</html>\n")
        .arg(title, body, style);
}

PreviewRender render(const QString &html)
{
    PreviewRender r;
    r.subscriberId = 1;
    r.subject = QStringLiteral("Subject");
    r.html = html;
    return r;
}

/// Runs JavaScript in Qt's isolated world (as the test's probe) and waits for the result.
QVariant evaluate(QWebEngineView *view, const QString &js)
{
    struct Reply {
        QVariant value;
        bool done = false;
    };
    auto reply = std::make_shared<Reply>();
    view->page()->runJavaScript(js, QWebEngineScript::ApplicationWorld, [reply](const QVariant &v) {
        reply->value = v;
        reply->done = true;
    });
    QElapsedTimer timer;
    timer.start();
    while (!reply->done && timer.elapsed() < 10000)
        QTest::qWait(5);
    return reply->value;
}

/// The DOM as the engine holds it, serialised.
QString webHtml(QWebEngineView *view)
{
    struct Reply {
        QString html;
        bool done = false;
    };
    auto reply = std::make_shared<Reply>();
    view->page()->toHtml([reply](const QString &html) {
        reply->html = html;
        reply->done = true;
    });
    QElapsedTimer timer;
    timer.start();
    while (!reply->done && timer.elapsed() < 10000)
        QTest::qWait(5);
    return reply->html;
}

// Would set the document's title if any script or inline handler of the email ran: one
// <script>, one broken image's onerror, one SVG onload.
const char kProbes[] = R"(<script>document.title = 'pwned by script';</script>
<img src="data:," alt="" onerror="document.title = 'pwned by onerror'">
<svg onload="document.title = 'pwned by onload'"></svg>)";

} // namespace

class TestPreviewView : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void patchesBodyWhenOnlyBodyAndTitleChange();
    void loadsAnewWhenTheHeadChanges();
    void lastOfManyQuickUpdatesWins();
    void patchedTreeEqualsALoadedOne();
    void unchangedNodesAreKept();
    void emailScriptsNeverRun_data();
    void emailScriptsNeverRun();
    void remoteLoadsStayBlockedInPatches();
    void recoversFromARendererCrash();

private:
    /// Shows html and waits until the web view holds it.
    void show(const QString &html);

    std::unique_ptr<PreviewView> m_view;
};

void TestPreviewView::init()
{
    m_view = std::make_unique<PreviewView>();
    m_view->resize(800, 700);
    m_view->show();
    show(page(QStringLiteral("First"), QStringLiteral("<p id=\"x\">first body</p>")));
    QVERIFY(!m_view->lastUpdateWasPatch()); // nothing loaded yet: a navigation
}

void TestPreviewView::cleanup()
{
    m_view.reset();
}

void TestPreviewView::show(const QString &html)
{
    QSignalSpy loaded(m_view.get(), &PreviewView::htmlLoaded);
    m_view->setRender(render(html));
    QVERIFY(m_view->isUpdating());
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 15000);
    QVERIFY(!m_view->isUpdating());
    QCOMPARE(loaded.size(), 1); // one signal per update shown
    QCOMPARE(loaded.first().first().toBool(), true);
}

void TestPreviewView::patchesBodyWhenOnlyBodyAndTitleChange()
{
    QWebEngineView *web = m_view->webView();
    // Mark the document: a patch keeps it, a navigation would start a new one.
    QCOMPARE(evaluate(web, QStringLiteral("document.documentElement.dataset.mark = 'kept'; 1")),
             QVariant(1));
    show(page(QStringLiteral("Second &amp; last"), QStringLiteral("<p id=\"x\">second body</p>")));
    QVERIFY(m_view->lastUpdateWasPatch());
    const QString html = webHtml(web);
    QVERIFY2(html.contains(QLatin1String("second body")), qPrintable(html));
    QVERIFY(!html.contains(QLatin1String("first body")));
    QVERIFY(html.contains(QLatin1String("data-mark=\"kept\"")));
    // The title is parsed like a loaded one: the entity is decoded.
    QCOMPARE(evaluate(web, QStringLiteral("document.title")).toString(),
             QStringLiteral("Second & last"));
    QCOMPARE(evaluate(web, QStringLiteral("document.querySelectorAll('p').length")), QVariant(1));
}

void TestPreviewView::loadsAnewWhenTheHeadChanges()
{
    QWebEngineView *web = m_view->webView();
    QCOMPARE(evaluate(web, QStringLiteral("document.documentElement.dataset.mark = 'old'; 1")),
             QVariant(1));
    show(page(QStringLiteral("First"), QStringLiteral("<p id=\"x\">styled</p>"),
              QStringLiteral("p { color: rgb(1, 2, 3); }")));
    QVERIFY(!m_view->lastUpdateWasPatch());
    const QString html = webHtml(web);
    QVERIFY(html.contains(QLatin1String("styled")));
    QVERIFY(!html.contains(QLatin1String("data-mark"))); // a new document
    QCOMPARE(evaluate(web, QStringLiteral("getComputedStyle(document.getElementById('x')).color"))
                 .toString(),
             QStringLiteral("rgb(1, 2, 3)"));
    // The next body-only change patches the new page.
    show(page(QStringLiteral("First"), QStringLiteral("<p id=\"x\">styled again</p>"),
              QStringLiteral("p { color: rgb(1, 2, 3); }")));
    QVERIFY(m_view->lastUpdateWasPatch());
    QVERIFY(webHtml(web).contains(QLatin1String("styled again")));
}

void TestPreviewView::lastOfManyQuickUpdatesWins()
{
    QSignalSpy loaded(m_view.get(), &PreviewView::htmlLoaded);
    // A navigation (new style) followed at once by body changes: they wait for the load,
    // then only the newest is shown.
    m_view->setRender(render(page(QStringLiteral("T"), QStringLiteral("<p>one</p>"),
                                  QStringLiteral("p { margin: 1px; }"))));
    for (int i = 2; i <= 6; ++i) {
        m_view->setRender(render(page(QStringLiteral("T"), QStringLiteral("<p>body %1</p>").arg(i),
                                      QStringLiteral("p { margin: 1px; }"))));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 15000);
    QVERIFY(!m_view->isUpdating());
    const QString html = webHtml(m_view->webView());
    QVERIFY2(html.contains(QLatin1String("body 6")), qPrintable(html));
    QVERIFY(!html.contains(QLatin1String("<p>one</p>")));
    QTest::qWait(200);
    QCOMPARE(loaded.size(), 1); // only the update of the last render is reported

    // A patch still on its way when a new head forces a load: the load wins, reported once.
    loaded.clear();
    m_view->setRender(render(page(QStringLiteral("T"), QStringLiteral("<p>patched</p>"),
                                  QStringLiteral("p { margin: 1px; }"))));
    QVERIFY(m_view->lastUpdateWasPatch());
    m_view->setRender(render(page(QStringLiteral("T"), QStringLiteral("<p>loaded</p>"),
                                  QStringLiteral("p { margin: 5px; }"))));
    QVERIFY(!m_view->lastUpdateWasPatch());
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 15000);
    QVERIFY(!m_view->isUpdating());
    QVERIFY(webHtml(m_view->webView()).contains(QLatin1String("<p>loaded</p>")));
    QTest::qWait(200);
    QCOMPARE(loaded.size(), 1);
}

void TestPreviewView::patchedTreeEqualsALoadedOne()
{
    // A second view loads every HTML anew: the reference the patched tree must equal.
    PreviewView reference;
    reference.setPatchingEnabled(false);
    reference.resize(800, 700);
    reference.show();
    const QString bodies[] = {
        QStringLiteral("<table><tr><td><h1>Hello Anna</h1><img src=\"data:,\" alt=\"a\">"
                       "</td></tr></table><p>Text &amp; more</p><!-- c1 -->"),
        // one text node changes
        QStringLiteral("<table><tr><td><h1>Hello Anna from Oslo</h1><img src=\"data:,\" "
                       "alt=\"a\"></td></tr></table><p>Text &amp; more</p><!-- c1 -->"),
        // attributes change, are added and removed; the comment changes
        QStringLiteral("<table class=\"x\"><tr><td style=\"color:red\"><h1>Hello Anna from "
                       "Oslo</h1><img src=\"data:,b\"></td></tr></table><p>Text &amp; more</p>"
                       "<!-- c2 -->"),
        // an element changes type, one is added, text becomes an element
        QStringLiteral("<table class=\"x\"><tr><td style=\"color:red\"><h2>Hello</h2><img "
                       "src=\"data:,b\"></td><td>new cell</td></tr></table><p><b>Text</b> &amp; "
                       "more</p><!-- c2 --><ul><li>one</li></ul>"),
        // elements removed, an SVG child (other namespace), markup the parser fixes up
        QStringLiteral("<p>only <i>this</i><svg width=\"4\"><rect width=\"2\"/></svg></p>"
                       "<table><td>no tr</td></table><p>unclosed"),
        // back to the first
        QStringLiteral("<table><tr><td><h1>Hello Anna</h1><img src=\"data:,\" alt=\"a\">"
                       "</td></tr></table><p>Text &amp; more</p><!-- c1 -->"),
    };
    const QString dom = QStringLiteral("document.documentElement.outerHTML");
    int step = 0;
    for (const QString &body : bodies) {
        const QString html = page(QStringLiteral("Step %1 &lt;x&gt;").arg(step++), body);
        show(html);
        QVERIFY(m_view->lastUpdateWasPatch());
        QSignalSpy loaded(&reference, &PreviewView::htmlLoaded);
        reference.setRender(render(html));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 15000);
        QCOMPARE(evaluate(m_view->webView(), dom).toString(),
                 evaluate(reference.webView(), dom).toString());
    }
}

void TestPreviewView::unchangedNodesAreKept()
{
    const QString img = QStringLiteral("<img src=\"data:,\" alt=\"pic\">");
    show(page(QStringLiteral("First"), img + QStringLiteral("<p>one</p>")));
    QWebEngineView *web = m_view->webView();
    // An expando on the node's wrapper (same isolated world) survives only if the node does.
    QCOMPARE(evaluate(web, QStringLiteral("document.querySelector('img').keep = 7; 1")),
             QVariant(1));
    show(page(QStringLiteral("First"), img + QStringLiteral("<p>two</p>")));
    QVERIFY(m_view->lastUpdateWasPatch());
    QCOMPARE(evaluate(web, QStringLiteral("document.querySelector('img').keep")), QVariant(7));
    QCOMPARE(evaluate(web, QStringLiteral("document.querySelector('p').textContent")),
             QVariant(QStringLiteral("two")));
}

void TestPreviewView::emailScriptsNeverRun_data()
{
    QTest::addColumn<bool>("javascriptEnabled"); // the control: proves the probes work
    QTest::addColumn<bool>("newHead");           // navigation instead of a patch
    QTest::newRow("patch") << false << false;
    QTest::newRow("navigation") << false << true;
    QTest::newRow("control: patch with JavaScript on") << true << false;
    QTest::newRow("control: navigation with JavaScript on") << true << true;
}

void TestPreviewView::emailScriptsNeverRun()
{
    QFETCH(bool, javascriptEnabled);
    QFETCH(bool, newHead);
    QWebEngineView *web = m_view->webView();
    QVERIFY(!web->settings()->testAttribute(QWebEngineSettings::JavascriptEnabled));
    web->settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, javascriptEnabled);
    // A document gets the setting when it is created: load one with it first.
    const QString style = QStringLiteral("p { margin: 3px; }");
    show(page(QStringLiteral("Clean"), QStringLiteral("<p>clean</p>"), style));
    QVERIFY(!m_view->lastUpdateWasPatch());
    show(page(QStringLiteral("Clean"), QString::fromUtf8(kProbes),
              newHead ? QStringLiteral("p { margin: 2px; }") : style));
    QCOMPARE(m_view->lastUpdateWasPatch(), !newHead);
    if (javascriptEnabled) {
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(web, QStringLiteral("document.title"))
                                     .toString()
                                     .startsWith(QLatin1String("pwned")),
                                 5000);
        return;
    }
    QTest::qWait(300); // the broken image's error event and the SVG's load have fired
    QCOMPARE(evaluate(web, QStringLiteral("document.title")).toString(), QStringLiteral("Clean"));
    QCOMPARE(web->page()->title(), QStringLiteral("Clean"));
}

void TestPreviewView::remoteLoadsStayBlockedInPatches()
{
    RemoteLoadBlocker *blocker = m_view->blocker();
    const int before = blocker->blockedCount();
    show(page(QStringLiteral("First"),
              QStringLiteral("<img src=\"http://127.0.0.1:9/pixel.png\" alt=\"pixel\">")));
    QVERIFY(m_view->lastUpdateWasPatch());
    QTRY_VERIFY_WITH_TIMEOUT(blocker->blockedCount() > before, 5000);
}

void TestPreviewView::recoversFromARendererCrash()
{
    QWebEngineView *web = m_view->webView();
    QSignalSpy terminated(web->page(), &QWebEnginePage::renderProcessTerminated);
    QSignalSpy loaded(m_view.get(), &PreviewView::htmlLoaded);
    web->page()->load(QUrl(QStringLiteral("chrome://crash")));
    QVERIFY(terminated.wait(15000));
    // The view reloads what it showed, and the next update arrives whole.
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isUpdating(), 15000);
    m_view->setRender(render(page(QStringLiteral("First"), QStringLiteral("<p>after</p>"))));
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isUpdating(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(webHtml(web).contains(QLatin1String("<p>after</p>")), 15000);
}

QTEST_MAIN(TestPreviewView)
#include "tst_previewview.moc"
