#include "segmentfields.h"

#include <QRegularExpression>

namespace mw {

namespace {

std::vector<SegmentField> buildCatalogue()
{
    using G = FieldGroup;
    using T = FieldType;
    auto f = [](const char *name, const char *column, G g, T t, bool cat = false) {
        return SegmentField{QString::fromLatin1(name), QString::fromLatin1(column), g, t, cat};
    };
    auto nocase = [](SegmentField field) {
        field.nocaseIndex = true;
        return field;
    };
    return {
        f("email", "email", G::Profile, T::Text),
        f("external_id", "external_id", G::Profile, T::Text),
        nocase(f("first_name", "first_name", G::Profile, T::Text)),
        nocase(f("last_name", "last_name", G::Profile, T::Text)),
        f("city", "city", G::Profile, T::Text, true),
        f("country", "country", G::Profile, T::Text, true),
        f("language", "language", G::Profile, T::Text, true),
        f("timezone", "timezone", G::Profile, T::Text, true),
        f("created_at", "created_at", G::Profile, T::Date),
        f("status", "status", G::Profile, T::Text, true),
        f("metrics.engagement_score", "engagement_score", G::Metrics, T::Number),
        f("metrics.engagement_score_30", "engagement_score_30", G::Metrics, T::Number),
        f("metrics.engagement_tier", "engagement_tier", G::Metrics, T::Text, true),
        f("metrics.recency_days", "recency_days", G::Metrics, T::Number),
        f("metrics.r_score", "r_score", G::Metrics, T::Number),
        f("metrics.f_score", "f_score", G::Metrics, T::Number),
        f("metrics.m_score", "m_score", G::Metrics, T::Number),
        f("metrics.rfm_segment", "rfm_segment", G::Metrics, T::Text, true),
        f("metrics.lifecycle_stage", "lifecycle_stage", G::Metrics, T::Text, true),
        f("metrics.order_count", "order_count", G::Metrics, T::Number),
        f("metrics.revenue", "revenue", G::Metrics, T::Number),
        f("metrics.lifetime_value", "lifetime_value", G::Metrics, T::Number),
        f("metrics.average_order_value", "average_order_value", G::Metrics, T::Number),
        f("metrics.last_open_at", "last_open_at", G::Metrics, T::Date),
        f("metrics.last_click_at", "last_click_at", G::Metrics, T::Date),
        f("metrics.last_purchase_at", "last_purchase_at", G::Metrics, T::Date),
        f("metrics.favorite_category", "favorite_category", G::Metrics, T::Text, true),
        f("metrics.churn_risk", "churn_risk", G::Metrics, T::Number),
        f("metrics.purchase_propensity", "purchase_propensity", G::Metrics, T::Number),
        f("metrics.best_send_hour", "best_send_hour", G::Metrics, T::Number),
    };
}

} // namespace

const std::vector<SegmentField> &SegmentFields::all()
{
    static const std::vector<SegmentField> catalogue = buildCatalogue();
    return catalogue;
}

const SegmentField *SegmentFields::find(const QString &name)
{
    for (const SegmentField &f : all())
        if (f.name == name)
            return &f;
    if (isAttribute(name)) {
        // One synthetic entry per thread is enough: callers copy what they need at once.
        thread_local SegmentField attribute;
        attribute = SegmentField{name, QString(), FieldGroup::Attributes, FieldType::Any, true};
        return &attribute;
    }
    return nullptr;
}

bool SegmentFields::isAttribute(const QString &name)
{
    return name.startsWith(QLatin1String("attributes.")) && isValidAttributeKey(attributeKey(name));
}

QString SegmentFields::attributeKey(const QString &name)
{
    if (!name.startsWith(QLatin1String("attributes.")))
        return {};
    return name.mid(11);
}

bool SegmentFields::isValidAttributeKey(const QString &key)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,63}$"));
    return identifier.match(key).hasMatch();
}

const QStringList &SegmentFields::allOperators()
{
    static const QStringList ops = {
        QStringLiteral("="),        QStringLiteral("!="),
        QStringLiteral("<"),        QStringLiteral("<="),
        QStringLiteral(">"),        QStringLiteral(">="),
        QStringLiteral("in"),       QStringLiteral("not_in"),
        QStringLiteral("contains"), QStringLiteral("starts_with"),
        QStringLiteral("is_set"),   QStringLiteral("is_not_set"),
        QStringLiteral("between"),  QStringLiteral("within_last_days"),
        QStringLiteral("before"),   QStringLiteral("after"),
    };
    return ops;
}

QStringList SegmentFields::operatorsFor(FieldType type)
{
    switch (type) {
    case FieldType::Text:
        return {
            QStringLiteral("="),      QStringLiteral("!="),         QStringLiteral("in"),
            QStringLiteral("not_in"), QStringLiteral("contains"),   QStringLiteral("starts_with"),
            QStringLiteral("is_set"), QStringLiteral("is_not_set"), QStringLiteral("<"),
            QStringLiteral("<="),     QStringLiteral(">"),          QStringLiteral(">="),
            QStringLiteral("between")};
    case FieldType::Number:
        return {QStringLiteral("="),       QStringLiteral("!="),        QStringLiteral("<"),
                QStringLiteral("<="),      QStringLiteral(">"),         QStringLiteral(">="),
                QStringLiteral("between"), QStringLiteral("in"),        QStringLiteral("not_in"),
                QStringLiteral("is_set"),  QStringLiteral("is_not_set")};
    case FieldType::Date:
        return {QStringLiteral("within_last_days"),
                QStringLiteral("before"),
                QStringLiteral("after"),
                QStringLiteral("between"),
                QStringLiteral("<"),
                QStringLiteral("<="),
                QStringLiteral(">"),
                QStringLiteral(">="),
                QStringLiteral("is_set"),
                QStringLiteral("is_not_set")};
    case FieldType::Boolean:
        return {QStringLiteral("="), QStringLiteral("!="), QStringLiteral("is_set"),
                QStringLiteral("is_not_set")};
    case FieldType::Any:
        return {
            QStringLiteral("="),      QStringLiteral("!="),         QStringLiteral("in"),
            QStringLiteral("not_in"), QStringLiteral("contains"),   QStringLiteral("starts_with"),
            QStringLiteral("is_set"), QStringLiteral("is_not_set"), QStringLiteral("<"),
            QStringLiteral("<="),     QStringLiteral(">"),          QStringLiteral(">="),
            QStringLiteral("between")};
    }
    return {};
}

bool SegmentFields::operatorFits(const QString &op, FieldType type)
{
    return operatorsFor(type).contains(op);
}

QString SegmentFields::typeName(FieldType type)
{
    switch (type) {
    case FieldType::Text:
        return QStringLiteral("text");
    case FieldType::Number:
        return QStringLiteral("number");
    case FieldType::Date:
        return QStringLiteral("date");
    case FieldType::Boolean:
        return QStringLiteral("boolean");
    case FieldType::Any:
        return QStringLiteral("attribute");
    }
    return {};
}

const QStringList &SegmentFields::eventTypeNames()
{
    static const QStringList names = {
        QStringLiteral("sent"),         QStringLiteral("open"),         QStringLiteral("click"),
        QStringLiteral("visit"),        QStringLiteral("product_view"), QStringLiteral("cart_add"),
        QStringLiteral("purchase"),     QStringLiteral("unsubscribe"),  QStringLiteral("bounce"),
        QStringLiteral("forward"),      QStringLiteral("reply"),        QStringLiteral("download"),
        QStringLiteral("demo_request"), QStringLiteral("review"),       QStringLiteral("referral"),
    };
    return names;
}

} // namespace mw
