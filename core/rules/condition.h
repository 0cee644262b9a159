#pragma once

#include "common/error.h"
#include "rules/membershipprovider.h"
#include "rules/subscriberrecord.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace mw {

/// What evaluating a condition saw: the values it read and whether any were missing.
struct ConditionTrace {
    QStringList values;  // "metrics.lifecycle_stage = \"vip\"", "segment vip: yes"
    QStringList missing; // paths that had no value
};

/// A rule condition, compiled from JSON:
///   null / {}                                       always
///   {"always": true}                                always
///   {"field": "metrics.purchase_propensity", "op": ">", "value": 0.75}
///   {"segment": "vip", "negate": true}
///   {"match": "all"|"any", "conditions": [ ... ]}
/// Field operators: = != < <= > >= in not_in contains starts_with is_set is_not_set.
/// A test on a missing value is false (is_not_set: true) and the trace names the field.
class Condition {
public:
    enum class Kind { Always, Field, Segment, Group };
    enum class Op { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn, Contains, StartsWith, IsSet, IsNotSet };

    static Result<Condition> parse(const QJsonValue &json, const QString &path);

    Kind kind() const { return m_kind; }
    bool isAlways() const { return m_kind == Kind::Always; }
    /// Human-readable form: metrics.purchase_propensity > 0.75, in segment "vip", ...
    QString describe() const;
    /// Segment names this condition refers to (for validation and preloading).
    void collectSegments(QStringList &out) const;

    /// Evaluates against a subscriber; membership answers segment tests. Errors from
    /// the membership provider make the condition false and are noted in the trace.
    bool evaluate(const SubscriberRecord &record, MembershipProvider *membership,
                  ConditionTrace *trace) const;

private:
    Kind m_kind = Kind::Always;
    FieldRef m_field;
    Op m_op = Op::Eq;
    std::vector<FieldValue> m_values; // one, or the list for in/not_in
    QString m_segment;
    bool m_negate = false;
    bool m_matchAll = true;
    std::vector<Condition> m_children;
};

} // namespace mw
