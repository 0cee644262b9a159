#pragma once

#include <QJsonObject>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace mw {

/// A scalar a rule can test: missing (no value), integer, real or text.
using FieldValue = std::variant<std::monostate, int64_t, double, QString>;

inline bool isMissing(const FieldValue &v)
{
    return std::holds_alternative<std::monostate>(v);
}

/// The columns of subscriber_metrics that rules and templates can read as metrics.*.
enum class Metric : int {
    EngagementScore,
    EngagementScore30,
    EngagementTier,
    RecencyDays,
    RScore,
    FScore,
    MScore,
    RfmSegment,
    LifecycleStage,
    OrderCount,
    Revenue,
    LifetimeValue,
    AverageOrderValue,
    LastOpenAt,
    LastClickAt,
    LastPurchaseAt,
    FavoriteCategory,
    ChurnRisk,
    PurchasePropensity,
    BestSendHour,
    Count
};
constexpr int kMetricCount = static_cast<int>(Metric::Count);
/// Column names, in Metric order ("engagement_score", ...).
const std::array<const char *, kMetricCount> &metricColumns();

/// The subscriber fields templates and rules read as subscriber.*.
enum class SubscriberField : int {
    Id,
    Email,
    ExternalId,
    FirstName,
    LastName,
    City,
    Country,
    Language,
    Timezone,
    CreatedAt,
    Status,
    Count
};
constexpr int kSubscriberFieldCount = static_cast<int>(SubscriberField::Count);
const std::array<const char *, kSubscriberFieldCount> &subscriberFieldNames();

/// Everything known about one subscriber for rules and rendering: the subscriber row,
/// the custom attributes and the derived metrics (all missing when never computed).
struct SubscriberRecord {
    std::array<FieldValue, kSubscriberFieldCount> fields;
    std::array<FieldValue, kMetricCount> metrics;
    QJsonObject attributes;
    int recommendationCount = 0; // filled in by the renderer

    int64_t id() const;
    QString email() const;
    const FieldValue &field(SubscriberField f) const { return fields[static_cast<int>(f)]; }
    const FieldValue &metric(Metric m) const { return metrics[static_cast<int>(m)]; }
};

/// A compiled reference to one value of a subscriber ("subscriber.first_name",
/// "metrics.lifecycle_stage", "attributes.shoe_size", "recommendations").
struct FieldRef {
    enum class Source {
        Subscriber,
        Metric,
        Attribute,
        Recommendations
    } source = Source::Subscriber;
    int index = 0;
    QString key;  // attribute name
    QString path; // as written

    /// Resolves a dotted path; nullopt when it names nothing known.
    static std::optional<FieldRef> resolve(const QString &path);
    FieldValue read(const SubscriberRecord &record) const;
};

/// Short display form of a value for traces: "\"vip\"", "0.82", "missing".
QString displayValue(const FieldValue &v);

} // namespace mw
