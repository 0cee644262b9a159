#pragma once

#include "common/error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mw {
class Database;
}

namespace mw::ui {

/// A subscriber as the picker shows it.
struct SubscriberRef {
    qint64 id = 0;
    QString email;
    QString name;
    QString label() const;
};

/// The look-ups behind the subscriber picker. Each call takes the calling thread's own
/// connection; the picker runs them on a worker thread.
class SubscriberDirectory {
public:
    /// Subscribers whose email or name contains text (case-insensitive), by id.
    static Result<QList<SubscriberRef>> search(Database &db, const QString &text, int limit);
    static Result<SubscriberRef> byId(Database &db, qint64 id);
    /// The next (step > 0) or previous subscriber by id, wrapping around.
    static Result<SubscriberRef> neighbour(Database &db, qint64 id, int step);
    /// A subscriber drawn uniformly by id range (fast on large tables).
    static Result<SubscriberRef> random(Database &db, quint32 seed);
    static Result<SubscriberRef> first(Database &db);
    static Result<QStringList> segmentNames(Database &db);
    /// Up to limit member ids of a saved segment at the database's reference time.
    static Result<QList<qint64>> segmentMembers(Database &db, const QString &segment, int limit);
};

} // namespace mw::ui
