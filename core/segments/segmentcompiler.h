#pragma once

#include "common/error.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <cstdint>
#include <vector>

namespace mw {

class Database;

/// A piece of SQL and the values bound to its `?` placeholders, in textual order.
struct SqlFragment {
    QString sql;
    QVariantList binds;
};

/// A segment definition compiled to one predicate over `subscribers s`.
struct CompiledSegment {
    SqlFragment predicate; // suppression AND the definition
    /// Per suppressed subscriber, the stage its top-level conditions reach: for "all" the
    /// 1-based index of the first condition that fails (n + 1 if none), for "any" of the
    /// first that holds. funnelLabels[0] names the start, [i] condition i.
    SqlFragment funnelStages;
    bool funnelMatchAny = false;
    QStringList funnelLabels;
    bool includeUnsubscribed = false;

    SqlFragment countQuery() const;
    SqlFragment membersQuery() const; // ordered by id, no limit
    SqlFragment funnelQuery() const;  // rows (stage, count)
};

/// Validates a segment definition (CONTRACT.md, "Segments") and compiles it to SQL.
///
/// Every value is bound as a parameter; only whitelisted column names and fixed SQL are
/// written into the text. Errors name the offending JSON path ("conditions[2].op").
/// Saved segments referenced by name are inlined, with cycle detection.
class SegmentCompiler {
public:
    /// How event (and, for Correlated, metric) conditions are written. Correlated probes the
    /// (subscriber_id, type, occurred_at) index once per candidate subscriber and suits a few
    /// subscribers (membership tests); Grouped reads the matching events once through (type,
    /// occurred_at) and suits rare events; Auto picks per condition from a bounded count of the
    /// matching events.
    enum class EventStrategy { Auto, Correlated, Grouped };

    explicit SegmentCompiler(Database &db);
    void setEventStrategy(EventStrategy strategy) { m_strategy = strategy; }

    /// selfName: the name the definition is (to be) saved under, so that a reference back
    /// to it is reported as a cycle.
    Result<CompiledSegment> compile(const QJsonObject &definition, int64_t now,
                                    const QString &selfName = {});
    /// Loads and compiles a saved segment.
    Result<CompiledSegment> compileSaved(const QString &name, int64_t now);

    /// A short human label for a condition ("country in US, CA", "open >= 1 in 30 days").
    static QString describe(const QJsonObject &condition);
    /// Parses a date value: Unix seconds, "YYYY-MM-DD" (UTC) or ISO 8601 date-time.
    /// endOfDay: a date-only value means the last second of that day.
    static bool parseDate(const class QJsonValue &value, bool endOfDay, int64_t *out);

private:
    struct Context;
    Result<SqlFragment> compileGroup(const QJsonObject &group, const QString &path, Context &ctx);
    Result<SqlFragment> compileCondition(const QJsonValue &value, const QString &path,
                                         Context &ctx);
    Result<SqlFragment> compileField(const QJsonObject &c, const QString &path, Context &ctx);
    Result<SqlFragment> compileEvent(const QJsonObject &c, const QString &path, Context &ctx);
    Result<SqlFragment> compileReference(const QJsonObject &c, const QString &path, Context &ctx);
    Result<CompiledSegment> compileTop(const QJsonObject &definition, const QString &path,
                                       Context &ctx, bool withFunnel);
    Result<int> eventTypeId(const QString &name);

    bool preferGrouped(const SqlFragment &typeAndTime);

    Database &m_db;
    QHash<QString, int> m_eventTypes;
    EventStrategy m_strategy = EventStrategy::Auto;
    int64_t m_subscriberEstimate = -1;
};

} // namespace mw
