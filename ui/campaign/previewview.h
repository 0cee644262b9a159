#pragma once

#include "previewrender.h"

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QToolBar;
class QWebEngineView;

namespace mw::ui {

class InboxRow;
class PreviewPage;
class RemoteLoadBlocker;

/// The email as one subscriber receives it: an inbox row (from, subject, preheader), the
/// HTML in a real browser engine (no JavaScript, remote loads blocked until "Load images"),
/// at desktop (600 px) or mobile (375 px) width, and the plain-text alternative.
class PreviewView : public QWidget {
    Q_OBJECT
public:
    enum class Width { Desktop = 600, Mobile = 375 };

    explicit PreviewView(QWidget *parent = nullptr);
    ~PreviewView() override;

    void setRender(const PreviewRender &render);
    const PreviewRender &currentRender() const { return m_render; }

    void setWidthMode(Width width);
    Width widthMode() const { return m_width; }
    void setLoadImages(bool load);
    bool loadImages() const;

    /// The HTML last handed to the web view.
    QString html() const { return m_render.html; }

    QToolBar *toolBar() const { return m_toolBar; }
    InboxRow *inboxRow() const { return m_inbox; }
    QWebEngineView *webView() const { return m_web; }
    QPlainTextEdit *plainTextView() const { return m_text; }
    RemoteLoadBlocker *blocker() const { return m_blocker; }
    QAction *desktopAction() const { return m_desktop; }
    QAction *mobileAction() const { return m_mobile; }
    QAction *loadImagesAction() const { return m_loadImages; }

signals:
    /// The web view finished loading the HTML from the last setRender().
    void htmlLoaded(bool ok);

private:
    void applyWidth();
    void reloadHtml();

    PreviewRender m_render;
    Width m_width = Width::Desktop;
    QToolBar *m_toolBar;
    QAction *m_desktop;
    QAction *m_mobile;
    QAction *m_loadImages;
    InboxRow *m_inbox;
    QLabel *m_error;
    QTabWidget *m_tabs;
    QWidget *m_stage;
    QWebEngineView *m_web;
    PreviewPage *m_page;
    RemoteLoadBlocker *m_blocker;
    QPlainTextEdit *m_text;
};

} // namespace mw::ui
