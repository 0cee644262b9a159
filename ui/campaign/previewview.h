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
    /// True while the web view does not yet show the HTML of the last setRender().
    bool isUpdating() const { return m_navigating || m_patchesInFlight > 0; }
    /// How the last update reached the web view: false = navigation (setHtml), true = the
    /// body patched in place.
    bool lastUpdateWasPatch() const { return m_lastWasPatch; }
    /// Patching is on by default; off, every update loads the page anew (for comparison).
    void setPatchingEnabled(bool enabled) { m_patching = enabled; }

    QToolBar *toolBar() const { return m_toolBar; }
    InboxRow *inboxRow() const { return m_inbox; }
    QWebEngineView *webView() const { return m_web; }
    QPlainTextEdit *plainTextView() const { return m_text; }
    RemoteLoadBlocker *blocker() const { return m_blocker; }
    QAction *desktopAction() const { return m_desktop; }
    QAction *mobileAction() const { return m_mobile; }
    QAction *loadImagesAction() const { return m_loadImages; }

signals:
    /// The web view holds the HTML from the last setRender() (loaded, or patched in).
    void htmlLoaded(bool ok);

private:
    void applyWidth();
    void showHtml();
    void navigate();
    void onLoadFinished(bool ok);

    /// The page the web view holds (or is loading): a render with the same shell can be
    /// shown by patching the body in place (see previewview.cpp).
    struct LoadedPage {
        QString shell;           // everything but the <title> text and the body's content
        bool splittable = false; // the HTML had a <body> ... </body> to patch
        bool loaded = false;     // its load finished successfully
    };

    PreviewRender m_render;
    LoadedPage m_loaded;
    bool m_navigating = false;     // a setHtml() has not finished loading yet
    bool m_dirtyAfterLoad = false; // a newer render arrived during that navigation
    int m_patchesInFlight = 0;
    quint64 m_generation = 0; // bumped when pending patches become moot (navigation, crash)
    quint64 m_serial = 0;     // one per update handed to the web view
    bool m_lastWasPatch = false;
    bool m_patching = true;
    bool m_destroying = false;
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
