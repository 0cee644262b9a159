#include "remoteloadblocker.h"

#include <QUrl>
#include <QWebEngineUrlRequestInfo>

namespace mw::ui {

RemoteLoadBlocker::RemoteLoadBlocker(QObject *parent) : QWebEngineUrlRequestInterceptor(parent) {}

void RemoteLoadBlocker::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    // Inline content (data:, the page itself) is fine; anything fetched from elsewhere
    // waits for the user's consent.
    const QString scheme = info.requestUrl().scheme();
    if (scheme == QLatin1String("data") || scheme == QLatin1String("about") ||
        scheme == QLatin1String("qrc"))
        return;
    if (m_allowRemote && (scheme == QLatin1String("http") || scheme == QLatin1String("https")))
        return;
    ++m_blocked;
    info.block(true);
}

} // namespace mw::ui
