#pragma once

#include "storage/database.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <map>
#include <random>
#include <vector>

namespace mw::test {

/// A small seeded database for segment tests, plus an in-memory copy of it and an
/// independent, straightforward evaluator of segment definitions over that copy.
///
/// The data deliberately contains values with quotes, semicolons and SQL keywords, NULLs,
/// subscribers without metrics, unsubscribed/bounced subscribers and events after "now".
class SegmentFixture {
public:
    static constexpr int64_t kNow = 1767225600; // 2026-01-01T00:00:00Z

    struct Event {
        int type = 0;
        int64_t at = 0;
        QVariant campaign; // name or null
        QVariant category; // product category or null
        QVariant sku;
        QVariant amount; // double or null
    };
    struct Subscriber {
        int64_t id = 0;
        QHash<QString, QVariant> profile; // field name -> value (null QVariant = NULL)
        bool hasMetrics = false;
        QHash<QString, QVariant> metrics; // "metrics.x" -> value
        QJsonObject attributes;
        std::vector<Event> events;
    };

    /// Fills an empty, migrated database and saves a few reference segments.
    void populate(Database &db, uint64_t seed, int subscribers);

    const std::vector<Subscriber> &subscribers() const { return m_subscribers; }
    const std::map<QString, QJsonObject> &savedSegments() const { return m_saved; }
    /// Distinct non-null values of a field in the data (for realistic random values).
    QVariantList valuesOf(const QString &field) const;

    /// Ascending ids of the members of a definition at time `now`.
    std::vector<int64_t> evaluate(const QJsonObject &definition, int64_t now) const;

    /// A random valid definition (nested groups, fields, events, references).
    QJsonObject randomDefinition(std::mt19937_64 &rng) const;

private:
    bool member(const Subscriber &s, const QJsonObject &definition, int64_t now) const;
    bool group(const Subscriber &s, const QJsonObject &group, int64_t now) const;
    bool condition(const Subscriber &s, const QJsonObject &c, int64_t now) const;
    bool field(const Subscriber &s, const QJsonObject &c, int64_t now) const;
    bool event(const Subscriber &s, const QJsonObject &c, int64_t now) const;
    QJsonObject randomGroup(std::mt19937_64 &rng, int depth) const;
    QJsonObject randomCondition(std::mt19937_64 &rng, int depth) const;
    QJsonObject randomField(std::mt19937_64 &rng) const;
    QJsonObject randomEvent(std::mt19937_64 &rng) const;

    std::vector<Subscriber> m_subscribers;
    std::map<QString, QJsonObject> m_saved;
};

} // namespace mw::test
