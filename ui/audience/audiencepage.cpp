#include "audiencepage.h"

#include "subscriberbrowser.h"

namespace mw::ui {

AudiencePage::AudiencePage(QWidget *parent) : QTabWidget(parent), m_browser(new SubscriberBrowser)
{
    setObjectName(QStringLiteral("audiencePage"));
    setDocumentMode(true);
    addTab(m_browser, tr("Subscribers"));
}

void AudiencePage::showSubscriber(qint64 id)
{
    setCurrentWidget(m_browser);
    m_browser->showSubscriber(id);
}

} // namespace mw::ui
