#pragma once

#include "common/error.h"

#include <QString>
#include <QVariant>
#include <QVector>

#include <utility>

namespace mw {
class Database;
}

namespace mw::ui {

/// One event of a subscriber's timeline.
struct TimelineEvent {
    qint64 id = 0;
    qint64 occurredAt = 0;
    QString type; // event_types.name
    QString campaign;
    QString product;
    QVariant amount;
};

/// Everything the detail pane shows about one subscriber, read in one go on a worker
/// thread: profile columns, custom JSON attributes, derived metrics and the newest events.
struct SubscriberDetails {
    qint64 id = 0;
    QVector<std::pair<QString, QVariant>> profile;   // subscribers column -> value
    QVector<std::pair<QString, QString>> attributes; // custom attribute -> value text
    QVector<std::pair<QString, QVariant>> metrics;   // subscriber_metrics column -> value
    QVector<TimelineEvent> events;                   // newest first
    qint64 eventCount = 0;

    QVariant profileValue(const QString &column) const;
    QVariant metricValue(const QString &column) const;

    /// Reads subscriber id with its first eventLimit events; NotFound if there is none.
    static Result<SubscriberDetails> load(Database &db, qint64 id, int eventLimit);
    /// The next events of the timeline, newest first.
    static Result<QVector<TimelineEvent>> loadEvents(Database &db, qint64 id, int offset,
                                                     int limit);
};

} // namespace mw::ui
