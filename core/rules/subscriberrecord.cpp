#include "subscriberrecord.h"

#include <QJsonValue>

namespace mw {

const std::array<const char *, kMetricCount> &metricColumns()
{
    static const std::array<const char *, kMetricCount> names = {"engagement_score",
                                                                 "engagement_score_30",
                                                                 "engagement_tier",
                                                                 "recency_days",
                                                                 "r_score",
                                                                 "f_score",
                                                                 "m_score",
                                                                 "rfm_segment",
                                                                 "lifecycle_stage",
                                                                 "order_count",
                                                                 "revenue",
                                                                 "lifetime_value",
                                                                 "average_order_value",
                                                                 "last_open_at",
                                                                 "last_click_at",
                                                                 "last_purchase_at",
                                                                 "favorite_category",
                                                                 "churn_risk",
                                                                 "purchase_propensity",
                                                                 "best_send_hour"};
    return names;
}

const std::array<const char *, kSubscriberFieldCount> &subscriberFieldNames()
{
    static const std::array<const char *, kSubscriberFieldCount> names = {
        "id",      "email",    "external_id", "first_name", "last_name", "city",
        "country", "language", "timezone",    "created_at", "status"};
    return names;
}

int64_t SubscriberRecord::id() const
{
    const FieldValue &v = field(SubscriberField::Id);
    return std::holds_alternative<int64_t>(v) ? std::get<int64_t>(v) : 0;
}

QString SubscriberRecord::email() const
{
    const FieldValue &v = field(SubscriberField::Email);
    return std::holds_alternative<QString>(v) ? std::get<QString>(v) : QString();
}

std::optional<FieldRef> FieldRef::resolve(const QString &path)
{
    FieldRef ref;
    ref.path = path;
    if (path == QLatin1String("recommendations") || path == QLatin1String("recommendations.size")) {
        ref.source = Source::Recommendations;
        return ref;
    }
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    if (dot <= 0)
        return std::nullopt;
    const QString root = path.left(dot);
    const QString name = path.mid(dot + 1);
    if (root == QLatin1String("subscriber")) {
        const auto &names = subscriberFieldNames();
        for (int i = 0; i < kSubscriberFieldCount; ++i)
            if (name == QLatin1String(names[static_cast<size_t>(i)])) {
                ref.source = Source::Subscriber;
                ref.index = i;
                return ref;
            }
        return std::nullopt;
    }
    if (root == QLatin1String("metrics")) {
        const auto &names = metricColumns();
        for (int i = 0; i < kMetricCount; ++i)
            if (name == QLatin1String(names[static_cast<size_t>(i)])) {
                ref.source = Source::Metric;
                ref.index = i;
                return ref;
            }
        return std::nullopt;
    }
    if (root == QLatin1String("attributes") && !name.isEmpty() &&
        !name.contains(QLatin1Char('.'))) {
        ref.source = Source::Attribute;
        ref.key = name;
        return ref;
    }
    return std::nullopt;
}

FieldValue FieldRef::read(const SubscriberRecord &r) const
{
    switch (source) {
    case Source::Subscriber:
        return r.fields[static_cast<size_t>(index)];
    case Source::Metric:
        return r.metrics[static_cast<size_t>(index)];
    case Source::Recommendations:
        return static_cast<int64_t>(r.recommendationCount);
    case Source::Attribute: {
        const QJsonValue v = r.attributes.value(key);
        if (v.isString())
            return v.toString();
        if (v.isBool())
            return static_cast<int64_t>(v.toBool() ? 1 : 0);
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d == static_cast<double>(static_cast<int64_t>(d)))
                return static_cast<int64_t>(d);
            return d;
        }
        return {};
    }
    }
    return {};
}

QString displayValue(const FieldValue &v)
{
    if (std::holds_alternative<int64_t>(v))
        return QString::number(std::get<int64_t>(v));
    if (std::holds_alternative<double>(v))
        return QString::number(std::get<double>(v), 'g', 6);
    if (std::holds_alternative<QString>(v))
        return QLatin1Char('"') + std::get<QString>(v) + QLatin1Char('"');
    return QStringLiteral("missing");
}

} // namespace mw
