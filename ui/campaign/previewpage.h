#pragma once

#include <QWebEnginePage>

namespace mw::ui {

/// The preview's page: no JavaScript, no navigation away from the email (links in a
/// preview are for looking at, not following).
class PreviewPage : public QWebEnginePage {
    Q_OBJECT
public:
    explicit PreviewPage(QWebEngineProfile *profile, QObject *parent = nullptr);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
};

} // namespace mw::ui
