#include "condition.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace mw {

namespace {

struct OpName {
    Condition::Op op;
    const char *name;
};
constexpr OpName kOps[] = {
    {Condition::Op::Eq, "="},
    {Condition::Op::Ne, "!="},
    {Condition::Op::Lt, "<"},
    {Condition::Op::Le, "<="},
    {Condition::Op::Gt, ">"},
    {Condition::Op::Ge, ">="},
    {Condition::Op::In, "in"},
    {Condition::Op::NotIn, "not_in"},
    {Condition::Op::Contains, "contains"},
    {Condition::Op::StartsWith, "starts_with"},
    {Condition::Op::IsSet, "is_set"},
    {Condition::Op::IsNotSet, "is_not_set"},
};

Error condError(const QString &path, const QString &message)
{
    return Error(Error::Code::BadInput, message, 0, 0, path);
}

std::optional<FieldValue> scalarOf(const QJsonValue &v)
{
    if (v.isString())
        return FieldValue(v.toString());
    if (v.isBool())
        return FieldValue(static_cast<int64_t>(v.toBool() ? 1 : 0));
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15)
            return FieldValue(static_cast<int64_t>(d));
        return FieldValue(d);
    }
    return std::nullopt;
}

bool isNumber(const FieldValue &v)
{
    return std::holds_alternative<int64_t>(v) || std::holds_alternative<double>(v);
}

double asDouble(const FieldValue &v)
{
    return std::holds_alternative<int64_t>(v) ? static_cast<double>(std::get<int64_t>(v))
                                              : std::get<double>(v);
}

/// -1/0/1, or nullopt when the two values cannot be ordered (text vs number).
std::optional<int> compare(const FieldValue &a, const FieldValue &b)
{
    if (isNumber(a) && isNumber(b)) {
        if (std::holds_alternative<int64_t>(a) && std::holds_alternative<int64_t>(b)) {
            const int64_t x = std::get<int64_t>(a), y = std::get<int64_t>(b);
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        const double x = asDouble(a), y = asDouble(b);
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (std::holds_alternative<QString>(a) && std::holds_alternative<QString>(b)) {
        // Text compares case-insensitively: "VIP" and "vip" are the same stage.
        const int c =
            QString::compare(std::get<QString>(a), std::get<QString>(b), Qt::CaseInsensitive);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    return std::nullopt;
}

QString valueLiteral(const FieldValue &v)
{
    if (std::holds_alternative<QString>(v))
        return QLatin1Char('"') + std::get<QString>(v) + QLatin1Char('"');
    return displayValue(v);
}

} // namespace

Result<Condition> Condition::parse(const QJsonValue &json, const QString &path)
{
    Condition c;
    if (json.isNull() || json.isUndefined())
        return c;
    if (!json.isObject())
        return condError(path, QStringLiteral("expected a condition object"));
    const QJsonObject o = json.toObject();
    if (o.isEmpty() || (o.size() == 1 && o.value(QStringLiteral("always")).toBool(false)))
        return c;
    const auto sub = [&](const char *key) { return path + QLatin1Char('.') + QLatin1String(key); };

    if (o.contains(QStringLiteral("conditions")) || o.contains(QStringLiteral("match"))) {
        c.m_kind = Kind::Group;
        const QString match = o.value(QStringLiteral("match")).toString(QStringLiteral("all"));
        if (match != QLatin1String("all") && match != QLatin1String("any"))
            return condError(sub("match"), QStringLiteral("expected \"all\" or \"any\""));
        c.m_matchAll = match == QLatin1String("all");
        const QJsonValue list = o.value(QStringLiteral("conditions"));
        if (!list.isArray() || list.toArray().isEmpty())
            return condError(sub("conditions"), QStringLiteral("expected a non-empty array"));
        const QJsonArray a = list.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            auto child = parse(a.at(i), QStringLiteral("%1.conditions[%2]").arg(path).arg(i));
            if (!child)
                return child.error();
            c.m_children.push_back(std::move(*child));
        }
        return c;
    }
    if (o.contains(QStringLiteral("segment"))) {
        c.m_kind = Kind::Segment;
        const QJsonValue s = o.value(QStringLiteral("segment"));
        if (!s.isString() || s.toString().isEmpty())
            return condError(sub("segment"), QStringLiteral("expected a segment name"));
        c.m_segment = s.toString();
        c.m_negate = o.value(QStringLiteral("negate")).toBool(false);
        return c;
    }
    if (o.contains(QStringLiteral("field"))) {
        c.m_kind = Kind::Field;
        const QString field = o.value(QStringLiteral("field")).toString();
        const auto ref = FieldRef::resolve(field);
        if (!ref)
            return condError(sub("field"), QStringLiteral("unknown field \"%1\"").arg(field));
        c.m_field = *ref;
        const QString op = o.value(QStringLiteral("op")).toString(QStringLiteral("="));
        bool known = false;
        for (const OpName &n : kOps)
            if (op == QLatin1String(n.name)) {
                c.m_op = n.op;
                known = true;
            }
        if (!known)
            return condError(sub("op"), QStringLiteral("unknown operator \"%1\"").arg(op));
        const QJsonValue value = o.value(QStringLiteral("value"));
        if (c.m_op == Op::IsSet || c.m_op == Op::IsNotSet)
            return c;
        if (c.m_op == Op::In || c.m_op == Op::NotIn) {
            if (!value.isArray())
                return condError(sub("value"), QStringLiteral("expected an array"));
            const QJsonArray a = value.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                auto v = scalarOf(a.at(i));
                if (!v)
                    return condError(QStringLiteral("%1.value[%2]").arg(path).arg(i),
                                     QStringLiteral("expected a string or number"));
                c.m_values.push_back(*v);
            }
            return c;
        }
        auto v = scalarOf(value);
        if (!v)
            return condError(sub("value"), QStringLiteral("expected a string or number"));
        if ((c.m_op == Op::Contains || c.m_op == Op::StartsWith) &&
            !std::holds_alternative<QString>(*v))
            return condError(sub("value"), QStringLiteral("expected a string"));
        c.m_values.push_back(*v);
        return c;
    }
    return condError(path, QStringLiteral("a condition needs \"field\", \"segment\", "
                                          "\"conditions\" or \"always\""));
}

QString Condition::describe() const
{
    switch (m_kind) {
    case Kind::Always:
        return QStringLiteral("always");
    case Kind::Segment:
        return (m_negate ? QStringLiteral("not in segment \"") : QStringLiteral("in segment \"")) +
               m_segment + QLatin1Char('"');
    case Kind::Group: {
        QStringList parts;
        for (const Condition &c : m_children)
            parts << (c.m_kind == Kind::Group ? QLatin1Char('(') + c.describe() + QLatin1Char(')')
                                              : c.describe());
        return parts.join(m_matchAll ? QStringLiteral(" and ") : QStringLiteral(" or "));
    }
    case Kind::Field: {
        QString opName;
        for (const OpName &n : kOps)
            if (n.op == m_op)
                opName = QLatin1String(n.name);
        if (m_op == Op::IsSet || m_op == Op::IsNotSet)
            return m_field.path + QLatin1Char(' ') + opName;
        if (m_op == Op::In || m_op == Op::NotIn) {
            QStringList vs;
            for (const FieldValue &v : m_values)
                vs << valueLiteral(v);
            return m_field.path + QLatin1Char(' ') + opName + QStringLiteral(" [") +
                   vs.join(QStringLiteral(", ")) + QLatin1Char(']');
        }
        return m_field.path + QLatin1Char(' ') + opName + QLatin1Char(' ') +
               valueLiteral(m_values.front());
    }
    }
    return {};
}

void Condition::collectSegments(QStringList &out) const
{
    if (m_kind == Kind::Segment && !out.contains(m_segment))
        out << m_segment;
    for (const Condition &c : m_children)
        c.collectSegments(out);
}

bool Condition::evaluate(const SubscriberRecord &record, MembershipProvider *membership,
                         ConditionTrace *trace) const
{
    switch (m_kind) {
    case Kind::Always:
        return true;
    case Kind::Segment: {
        if (!membership) {
            if (trace)
                trace->missing << QStringLiteral("segment ") + m_segment;
            return false;
        }
        auto in = membership->contains(m_segment, record.id());
        if (!in) {
            if (trace)
                trace->values
                    << QStringLiteral("segment \"%1\": %2").arg(m_segment, in.error().message);
            return false;
        }
        if (trace)
            trace->values << QStringLiteral("segment \"%1\": %2")
                                 .arg(m_segment, *in ? QStringLiteral("member")
                                                     : QStringLiteral("not a member"));
        return m_negate ? !*in : *in;
    }
    case Kind::Group: {
        // Evaluate every child so the trace shows all the values the decision looked at.
        bool result = m_matchAll;
        for (const Condition &c : m_children) {
            const bool r = c.evaluate(record, membership, trace);
            result = m_matchAll ? (result && r) : (result || r);
        }
        return result;
    }
    case Kind::Field: {
        const FieldValue v = m_field.read(record);
        if (trace) {
            if (isMissing(v))
                trace->missing << m_field.path;
            trace->values << m_field.path + QStringLiteral(" = ") + displayValue(v);
        }
        if (m_op == Op::IsSet)
            return !isMissing(v);
        if (m_op == Op::IsNotSet)
            return isMissing(v);
        if (isMissing(v))
            return false;
        switch (m_op) {
        case Op::In:
        case Op::NotIn: {
            bool found = false;
            for (const FieldValue &x : m_values)
                found = found || compare(v, x) == 0;
            return m_op == Op::In ? found : !found;
        }
        case Op::Contains:
        case Op::StartsWith: {
            if (!std::holds_alternative<QString>(v))
                return false;
            const QString &s = std::get<QString>(v);
            const QString &needle = std::get<QString>(m_values.front());
            return m_op == Op::Contains ? s.contains(needle, Qt::CaseInsensitive)
                                        : s.startsWith(needle, Qt::CaseInsensitive);
        }
        default: {
            const auto c = compare(v, m_values.front());
            if (!c)
                return m_op == Op::Ne;
            switch (m_op) {
            case Op::Eq:
                return *c == 0;
            case Op::Ne:
                return *c != 0;
            case Op::Lt:
                return *c < 0;
            case Op::Le:
                return *c <= 0;
            case Op::Gt:
                return *c > 0;
            case Op::Ge:
                return *c >= 0;
            default:
                return false;
            }
        }
        }
    }
    }
    return false;
}

} // namespace mw
