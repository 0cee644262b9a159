#pragma once

#include "subscriberdetails.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace mw::ui {

class DbWorker;

/// The right-hand pane of the subscriber browser: who the subscriber is (profile and
/// custom attributes), what we derived about them (metrics) and what they did (the event
/// timeline, newest first, loaded a page at a time). Loads on its own worker thread.
class SubscriberDetailPane : public QWidget {
    Q_OBJECT
public:
    explicit SubscriberDetailPane(QWidget *parent = nullptr);
    ~SubscriberDetailPane() override;

    Status setDatabase(const QString &path);
    void closeDatabase();

    /// Loads and shows subscriber id (-1 clears the pane).
    void showSubscriber(qint64 id);
    qint64 subscriber() const { return m_id; }
    /// The details on show (valid after detailsLoaded()).
    const SubscriberDetails &details() const { return m_details; }

    static constexpr int kEventPage = 100;
    /// Timeline items: campaign and product names, on column 2.
    static constexpr int kCampaignRole = Qt::UserRole + 1;
    static constexpr int kProductRole = Qt::UserRole + 2;

signals:
    void detailsLoaded(qint64 id);
    void eventsLoaded(int shown, qint64 total);

private:
    void showDetails(const SubscriberDetails &d);
    void appendEvents(const QVector<TimelineEvent> &events);
    void loadMoreEvents();
    void updateEventFooter();
    void showMessage(const QString &text);

    DbWorker *m_worker;
    qint64 m_id = -1;
    SubscriberDetails m_details;

    QStackedWidget *m_stack;
    QLabel *m_message;
    QLabel *m_name;
    QLabel *m_email;
    QLabel *m_status;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QTreeWidget *m_profile;
    QTreeWidget *m_metrics;
    QTreeWidget *m_timeline;
    QLabel *m_eventsLabel;
    QPushButton *m_moreEvents;
};

} // namespace mw::ui
