#pragma once

#include <QWebEngineUrlRequestInterceptor>

#include <atomic>

namespace mw::ui {

/// Blocks every network request from the preview unless remote loading is allowed
/// (the "Load images" toggle): an email must not phone home while a marketer previews it.
class RemoteLoadBlocker : public QWebEngineUrlRequestInterceptor {
    Q_OBJECT
public:
    explicit RemoteLoadBlocker(QObject *parent = nullptr);

    void setAllowRemote(bool allow) { m_allowRemote = allow; }
    bool allowRemote() const { return m_allowRemote; }
    /// Requests blocked so far (shown in the toolbar, read by tests).
    int blockedCount() const { return m_blocked; }

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

private:
    std::atomic<bool> m_allowRemote{false};
    std::atomic<int> m_blocked{0};
};

} // namespace mw::ui
