#include "previewview.h"

#include "inboxrow.h"
#include "previewpage.h"
#include "remoteloadblocker.h"

#include <QActionGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>
#include <QWebEngineProfile>
#include <QWebEngineView>

namespace mw::ui {

namespace {
// Room for the web view's vertical scroll bar, so the email itself gets the full width.
constexpr int kScrollBarAllowance = 16;
} // namespace

PreviewView::PreviewView(QWidget *parent)
    : QWidget(parent), m_toolBar(new QToolBar(this)), m_inbox(new InboxRow(this)),
      m_error(new QLabel(this)), m_tabs(new QTabWidget(this)), m_stage(new QWidget(this)),
      m_web(new QWebEngineView(m_stage)), m_blocker(new RemoteLoadBlocker(this)),
      m_text(new QPlainTextEdit(this))
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
    connect(m_web, &QWebEngineView::loadFinished, this, &PreviewView::htmlLoaded);

    m_stage->setObjectName(QStringLiteral("previewStage"));
    m_stage->setStyleSheet(QStringLiteral("#previewStage { background: #e9edf2; }"));
    auto *stageLayout = new QHBoxLayout(m_stage);
    stageLayout->setContentsMargins(0, 8, 0, 0);
    stageLayout->addStretch();
    stageLayout->addWidget(m_web);
    stageLayout->addStretch();

    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_tabs->addTab(m_stage, tr("Email"));
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
    // The page uses the interceptor; drop it before the interceptor goes.
    m_web->setPage(nullptr);
    delete m_page;
}

void PreviewView::setRender(const PreviewRender &render)
{
    m_render = render;
    if (!render.error.isEmpty()) {
        m_error->setText(tr("This subscriber's email could not be rendered: %1").arg(render.error));
        m_error->show();
    } else {
        m_error->hide();
    }
    m_inbox->setMessage(render.fromName, render.subject, render.preheader);
    m_text->setPlainText(render.text);
    reloadHtml();
}

void PreviewView::reloadHtml()
{
    // A stable origin that is not a real site: relative URLs resolve to nothing.
    m_web->setHtml(m_render.html, QUrl(QStringLiteral("about:blank")));
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
    reloadHtml();
}

bool PreviewView::loadImages() const
{
    return m_blocker->allowRemote();
}

} // namespace mw::ui
