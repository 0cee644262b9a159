#include "previewview.h"

#include "inboxrow.h"
#include "previewpage.h"
#include "remoteloadblocker.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QQuickWindow>
#include <QScrollArea>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineView>

namespace mw::ui {

namespace {
// Room for the web view's vertical scroll bar, so the email itself gets the full width.
constexpr int kScrollBarAllowance = 16;

bool chromiumGpuDisabled()
{
    const QString flags = qEnvironmentVariable("QTWEBENGINE_CHROMIUM_FLAGS");
    return flags.contains(QLatin1String("--disable-gpu")) ||
           QCoreApplication::arguments().contains(QLatin1String("--disable-gpu"));
}

// QWebEngineView shows Chromium's frames through a QQuickWidget. With Chromium's GPU off
// (our default: VMs, remote desktops, Xvfb) the frames are CPU bitmaps anyway, but an
// OpenGL QQuickWidget makes Qt composite the whole top-level window through OpenGL on
// every repaint — with no GPU that is Mesa's llvmpipe, about 20 ms per repaint of the
// campaign editor (each keystroke repaints at least twice). Qt Quick's software
// renderer paints the frames like any other widget instead. Must run before the first
// QQuickWindow exists; an explicit QT_QUICK_BACKEND / QSG_RHI_BACKEND wins.
void preferSoftwareQuickWithoutGpu()
{
    static const bool done = [] {
        if (chromiumGpuDisabled() && !qEnvironmentVariableIsSet("QT_QUICK_BACKEND") &&
            !qEnvironmentVariableIsSet("QSG_RHI_BACKEND"))
            QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        return true;
    }();
    Q_UNUSED(done)
}

/// An email's HTML without the <title> text and the body's content: the "shell" (doctype,
/// head with its styles, the <body> tag itself, what follows </body>). Two renders with
/// the same shell differ only in what a DOM patch brings up to date.
struct HtmlParts {
    QString shell;
    bool ok = false;
};

HtmlParts splitHtml(const QString &html)
{
    HtmlParts p;
    const qsizetype bodyTag = html.indexOf(QLatin1String("<body"), 0, Qt::CaseInsensitive);
    if (bodyTag < 0)
        return p;
    const qsizetype bodyOpenEnd = html.indexOf(QLatin1Char('>'), bodyTag);
    const qsizetype bodyClose = html.lastIndexOf(QLatin1String("</body>"), -1, Qt::CaseInsensitive);
    if (bodyOpenEnd < 0 || bodyClose <= bodyOpenEnd)
        return p;
    QString head = html.left(bodyOpenEnd + 1);
    const qsizetype titleOpen = head.indexOf(QLatin1String("<title>"), 0, Qt::CaseInsensitive);
    const qsizetype titleClose =
        titleOpen < 0 ? -1
                      : head.indexOf(QLatin1String("</title>"), titleOpen, Qt::CaseInsensitive);
    if (titleOpen >= 0 && titleClose > titleOpen) {
        const qsizetype textStart = titleOpen + 7;
        head.remove(textStart, titleClose - textStart);
    }
    p.shell = head + QChar(0) + html.mid(bodyClose);
    p.ok = true;
    return p;
}

// Runs in Qt's ApplicationWorld, an isolated JavaScript world: the page's own JavaScript
// stays disabled (JavascriptEnabled is off for the main world), so nothing in the email
// runs. The new HTML is parsed by DOMParser exactly as a load would parse it (an inert
// document: its scripts never run, its images are not fetched), then the live body is
// brought to the same tree touching only what differs: typing in a headline changes one
// text node, so images are not re-created and only that line is laid out and repainted.
const char kPatchScript[] = R"JS((function (html) {
  if (!document.body || document.readyState !== 'complete') return false;
  var next = new DOMParser().parseFromString(html, 'text/html');
  if (!next.body) return false;
  function syncAttributes(live, want) {
    for (var i = live.attributes.length - 1; i >= 0; --i) {
      var name = live.attributes[i].name;
      if (!want.hasAttribute(name)) live.removeAttribute(name);
    }
    for (var j = 0; j < want.attributes.length; ++j) {
      var a = want.attributes[j];
      if (live.getAttribute(a.name) !== a.value) live.setAttribute(a.name, a.value);
    }
  }
  function morph(live, want) {
    var liveKids = live.childNodes, wantKids = want.childNodes;
    if (liveKids.length !== wantKids.length) {
      var copies = [];
      for (var k = 0; k < wantKids.length; ++k) copies.push(document.importNode(wantKids[k], true));
      live.replaceChildren.apply(live, copies);
      return;
    }
    for (var i = 0; i < wantKids.length; ++i) {
      var l = liveKids[i], w = wantKids[i];
      if (l.isEqualNode(w)) continue;
      if (l.nodeType === 1 && w.nodeType === 1 && l.namespaceURI === w.namespaceURI &&
          l.localName === w.localName) {
        syncAttributes(l, w);
        morph(l, w);
      } else if (l.nodeType === w.nodeType && (l.nodeType === 3 || l.nodeType === 8)) {
        l.nodeValue = w.nodeValue;
      } else {
        live.replaceChild(document.importNode(w, true), l);
      }
    }
  }
  morph(document.body, next.body);
  var title = document.querySelector('title'), wanted = next.querySelector('title');
  if (title && wanted && title.textContent !== wanted.textContent)
    title.textContent = wanted.textContent;
  return true;
})(%1))JS";

} // namespace

PreviewView::PreviewView(QWidget *parent)
    : QWidget(parent), m_toolBar(new QToolBar(this)), m_inbox(new InboxRow(this)),
      m_error(new QLabel(this)), m_tabs(new QTabWidget(this)), m_stage(new QWidget(this)),
      m_web((preferSoftwareQuickWithoutGpu(), new QWebEngineView(m_stage))),
      m_blocker(new RemoteLoadBlocker(this)), m_text(new QPlainTextEdit(this))
{
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *widths = new QActionGroup(this);
    m_desktop = m_toolBar->addAction(tr("Desktop 600 px"));
    m_mobile = m_toolBar->addAction(tr("Mobile 375 px"));
    for (QAction *a : {m_desktop, m_mobile}) {
        a->setCheckable(true);
        widths->addAction(a);
    }
    m_desktop->setChecked(true);
    connect(m_desktop, &QAction::triggered, this, [this] { setWidthMode(Width::Desktop); });
    connect(m_mobile, &QAction::triggered, this, [this] { setWidthMode(Width::Mobile); });
    m_toolBar->addSeparator();
    m_loadImages = m_toolBar->addAction(tr("Load images"));
    m_loadImages->setCheckable(true);
    m_loadImages->setToolTip(tr("Remote images and other remote content are blocked until "
                                "you allow them"));
    connect(m_loadImages, &QAction::toggled, this, &PreviewView::setLoadImages);

    m_page = new PreviewPage(QWebEngineProfile::defaultProfile(), m_web);
    m_page->setUrlRequestInterceptor(m_blocker);
    m_web->setPage(m_page);
    m_web->setContextMenuPolicy(Qt::NoContextMenu);
    connect(m_web, &QWebEngineView::loadFinished, this, &PreviewView::onLoadFinished);
    // If the renderer dies, answers to pending patches may never come: forget them and
    // load the current HTML into the new renderer.
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this, [this] {
        ++m_generation;
        m_patchesInFlight = 0;
        m_navigating = false;
        if (!m_render.html.isEmpty()) {
            ++m_serial;
            navigate();
        }
    });

    m_stage->setObjectName(QStringLiteral("previewStage"));
    m_stage->setStyleSheet(QStringLiteral("#previewStage { background: #e9edf2; }"));
    auto *stageLayout = new QHBoxLayout(m_stage);
    stageLayout->setContentsMargins(0, 8, 0, 0);
    stageLayout->addStretch();
    stageLayout->addWidget(m_web);
    stageLayout->addStretch();

    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // The email keeps its real width (600 or 375 px); a pane narrower than that scrolls
    // sideways instead of forcing the whole window to be wider than a small screen.
    auto *stageScroll = new QScrollArea(this);
    stageScroll->setObjectName(QStringLiteral("previewScroll"));
    stageScroll->setWidgetResizable(true);
    stageScroll->setFrameShape(QFrame::NoFrame);
    stageScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the email scrolls itself
    stageScroll->setWidget(m_stage);
    m_tabs->addTab(stageScroll, tr("Email"));
    m_tabs->addTab(m_text, tr("Plain text"));
    m_tabs->setDocumentMode(true);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("background: #fdecea; color: #8a1c12; padding: 6px;"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_inbox);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);
    applyWidth();
}

PreviewView::~PreviewView()
{
    m_destroying = true; // pending patch callbacks may run while the page goes
    // The page uses the interceptor; drop it before the interceptor goes.
    m_web->setPage(nullptr);
    delete m_page;
}

void PreviewView::setRender(const PreviewRender &render)
{
    const bool sameText = m_render.text == render.text && !m_render.html.isEmpty();
    m_render = render;
    if (!render.error.isEmpty()) {
        m_error->setText(tr("This subscriber's email could not be rendered: %1").arg(render.error));
        m_error->show();
    } else {
        m_error->hide();
    }
    m_inbox->setMessage(render.fromName, render.subject, render.preheader);
    if (!sameText)
        m_text->setPlainText(render.text); // (re-laying it out costs; keeps the scroll position)
    showHtml();
}

void PreviewView::showHtml()
{
    ++m_serial;
    if (m_navigating) {
        // Loading a page cannot be interrupted by a patch; the newest HTML follows when
        // the load finishes (renders in between are skipped).
        m_dirtyAfterLoad = true;
        return;
    }
    const HtmlParts parts = splitHtml(m_render.html);
    if (!m_patching || !parts.ok || !m_loaded.splittable || !m_loaded.loaded ||
        parts.shell != m_loaded.shell) {
        navigate();
        return;
    }
    // Same head, styles and <body> tag as the loaded page: bring the body (and title) up
    // to date in place. Much cheaper than a navigation (no new document, no new renderer
    // frame) and the reader keeps the scroll position while the marketer types.
    m_lastWasPatch = true;
    ++m_patchesInFlight;
    const quint64 generation = m_generation;
    const QString args =
        QString::fromUtf8(QJsonDocument(QJsonArray{m_render.html}).toJson(QJsonDocument::Compact));
    const quint64 serial = m_serial;
    m_page->runJavaScript(
        QString::fromLatin1(kPatchScript).arg(args.mid(1, args.size() - 2)),
        QWebEngineScript::ApplicationWorld,
        [this, serial, generation, self = QPointer<PreviewView>(this)](const QVariant &result) {
            if (!self || m_destroying || generation != m_generation)
                return;
            --m_patchesInFlight;
            if (serial != m_serial)
                return; // a newer update is on its way
            if (!result.toBool()) {
                navigate(); // the page was not in a state to patch: load it whole
                return;
            }
            if (!isUpdating())
                emit htmlLoaded(true);
        });
}

void PreviewView::navigate()
{
    const HtmlParts parts = splitHtml(m_render.html);
    m_loaded = {parts.shell, parts.ok, false};
    // Patches still on their way are obsolete: the new document replaces what they touch.
    ++m_generation;
    m_patchesInFlight = 0;
    m_lastWasPatch = false;
    m_navigating = true;
    m_dirtyAfterLoad = false;
    // A stable origin that is not a real site: relative URLs resolve to nothing.
    m_web->setHtml(m_render.html, QUrl(QStringLiteral("about:blank")));
}

void PreviewView::onLoadFinished(bool ok)
{
    if (!m_navigating) {
        emit htmlLoaded(ok); // not one of ours (e.g. a reload from the engine)
        return;
    }
    m_navigating = false;
    m_loaded.loaded = ok;
    if (m_dirtyAfterLoad) {
        m_dirtyAfterLoad = false;
        showHtml();
        return;
    }
    if (!isUpdating())
        emit htmlLoaded(ok);
}

void PreviewView::setWidthMode(Width width)
{
    m_width = width;
    (width == Width::Desktop ? m_desktop : m_mobile)->setChecked(true);
    applyWidth();
}

void PreviewView::applyWidth()
{
    m_web->setFixedWidth(static_cast<int>(m_width) + kScrollBarAllowance);
}

void PreviewView::setLoadImages(bool load)
{
    if (m_blocker->allowRemote() == load)
        return;
    m_blocker->setAllowRemote(load);
    m_loadImages->setChecked(load);
    // Images blocked so far are only fetched by loading the page anew.
    if (m_navigating) {
        m_dirtyAfterLoad = true;
        m_loaded.splittable = false; // makes the update after this load a navigation too
    } else if (!m_render.html.isEmpty()) {
        ++m_serial;
        navigate();
    }
}

bool PreviewView::loadImages() const
{
    return m_blocker->allowRemote();
}

} // namespace mw::ui
