#pragma once

#include <QTabWidget>

namespace mw::ui {

class SubscriberBrowser;

/// The Audience page: tabs over the audience, the subscriber browser first. Further
/// views (the segment builder) are added as tabs with addTab().
class AudiencePage : public QTabWidget {
    Q_OBJECT
public:
    explicit AudiencePage(QWidget *parent = nullptr);

    SubscriberBrowser *browser() const { return m_browser; }
    /// Brings the browser forward and shows subscriber id in it.
    void showSubscriber(qint64 id);

private:
    SubscriberBrowser *m_browser;
};

} // namespace mw::ui
