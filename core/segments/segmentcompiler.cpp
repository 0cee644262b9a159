#include "segmentcompiler.h"

#include "segmentfields.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mw {

namespace {

constexpr int64_t kDay = 86400;

/// A whole JSON number as int64, saturated at the type's range: a number beyond it (1e300)
/// means "later / more than anything stored", and converting it unchecked is undefined
/// behaviour (in practice INT64_MIN, which turned "more than 1e20" into "everyone").
int64_t saturatedInt64(double d)
{
    if (d >= 9223372036854775808.0) // 2^63
        return std::numeric_limits<int64_t>::max();
    if (d < -9223372036854775808.0)
        return std::numeric_limits<int64_t>::min();
    return static_cast<int64_t>(d);
}

/// now - days * kDay for a whole number of days >= 0, saturated at INT64_MIN.
int64_t daysBefore(int64_t now, double days)
{
    int64_t span = 0, from = 0;
    if (__builtin_mul_overflow(saturatedInt64(days), kDay, &span) ||
        __builtin_sub_overflow(now, span, &from))
        return std::numeric_limits<int64_t>::min();
    return from;
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexPath(const QString &path, int i)
{
    return join(path, QStringLiteral("conditions[%1]").arg(i));
}

Error bad(const QString &path, const QString &message)
{
    return Error(Error::Code::BadInput, message, 0, 0, path);
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return QStringLiteral("null");
}

/// JSON numbers bind as integers when they are integral (exact, and prettier in `segment sql`).
QVariant numberValue(double d)
{
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e15)
        return QVariant::fromValue<qint64>(static_cast<qint64>(d));
    return QVariant(d);
}

/// A `?` placeholder list for n values: "?, ?, ?".
QString placeholders(qsizetype n)
{
    QStringList q;
    for (qsizetype i = 0; i < n; ++i)
        q << QStringLiteral("?");
    return q.join(QStringLiteral(", "));
}

/// Parses "op N" such as ">= 1", "=0", "< 3". Returns false when malformed.
bool parseComparison(const QJsonValue &v, QString *op, double *number)
{
    if (v.isDouble()) {
        *op = QStringLiteral(">=");
        *number = v.toDouble();
        return true;
    }
    if (!v.isString())
        return false;
    static const QRegularExpression re(
        QStringLiteral("^\\s*(>=|<=|!=|=|==|<|>)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*$"));
    const auto m = re.match(v.toString());
    if (!m.hasMatch())
        return false;
    *op = m.captured(1) == QLatin1String("==") ? QStringLiteral("=") : m.captured(1);
    *number = m.captured(2).toDouble();
    return true;
}

QString sqlComparison(const QString &op)
{
    return op == QLatin1String("!=") ? QStringLiteral("<>") : op;
}

} // namespace

// ---------------------------------------------------------------- CompiledSegment

SqlFragment CompiledSegment::countQuery() const
{
    return {QStringLiteral("SELECT count(*) FROM subscribers s WHERE ") + predicate.sql,
            predicate.binds};
}

SqlFragment CompiledSegment::funnelQuery() const
{
    return {QStringLiteral("SELECT stage, count(*) FROM (") + funnelStages.sql +
                QStringLiteral(") GROUP BY stage ORDER BY stage"),
            funnelStages.binds};
}

SqlFragment CompiledSegment::membersQuery() const
{
    return {QStringLiteral("SELECT s.id FROM subscribers s WHERE ") + predicate.sql +
                QStringLiteral(" ORDER BY s.id"),
            predicate.binds};
}

// ---------------------------------------------------------------- SegmentCompiler

struct SegmentCompiler::Context {
    int64_t now = 0;
    QStringList stack;  // names of saved segments being compiled, outermost first
    int depth = 0;      // groups open, including those of inlined segments
    int conditions = 0; // conditions compiled, including those of inlined segments
};

// What SQLite can run: it parses about 90 nested parentheses ("parser stack overflow") and
// evaluates expressions at most 1000 deep, and each group or condition adds to both.
// Definitions beyond these limits are refused with their path instead of failing when run.
constexpr int kMaxGroupDepth = 32;
constexpr int kMaxConditions = 256;

namespace {

/// The limits above cannot foresee every shape (a chain of a dozen negated segment
/// references already nests too deep), so a compiled definition is also prepared once:
/// SQLite's own refusal becomes an invalid definition (exit 2) rather than an internal
/// error when the query runs.
Status checkRunnable(Database &db, const CompiledSegment &c)
{
    for (const SqlFragment &q : {c.countQuery(), c.funnelQuery()}) {
        auto st = db.prepare(q.sql.toStdString());
        if (st || st.error().code != Error::Code::Internal)
            continue; // runnable, or a problem of the database that running will report
        const QString m = st.error().message;
        if (m.contains(QLatin1String("stack overflow")) || m.contains(QLatin1String("too large")) ||
            m.contains(QLatin1String("too many")))
            return Error(Error::Code::BadInput,
                         QStringLiteral("the definition is too complex for SQLite to run (%1); "
                                        "use fewer nested groups or segment references")
                             .arg(m));
    }
    return {};
}

} // namespace

SegmentCompiler::SegmentCompiler(Database &db) : m_db(db) {}

bool SegmentCompiler::parseDate(const QJsonValue &value, bool endOfDay, int64_t *out)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::floor(d) != d)
            return false;
        *out = saturatedInt64(d);
        return true;
    }
    if (!value.isString())
        return false;
    const QString s = value.toString().trimmed();
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (dateOnly.match(s).hasMatch()) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid())
            return false;
        *out = QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() + (endOfDay ? kDay - 1 : 0);
        return true;
    }
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid())
        return false;
    if (dt.timeSpec() == Qt::LocalTime) // no offset given: the contract's times are UTC
        dt = QDateTime(dt.date(), dt.time(), Qt::UTC);
    *out = dt.toSecsSinceEpoch();
    return true;
}

Result<int> SegmentCompiler::eventTypeId(const QString &name)
{
    if (m_eventTypes.isEmpty()) {
        auto st = m_db.prepare("SELECT id, name FROM event_types");
        if (st) {
            while (st->step())
                m_eventTypes.insert(st->text(1), static_cast<int>(st->int64(0)));
        }
        if (m_eventTypes.isEmpty()) {
            const QStringList &names = SegmentFields::eventTypeNames();
            for (int i = 0; i < names.size(); ++i)
                m_eventTypes.insert(names[i], i + 1);
        }
    }
    auto it = m_eventTypes.constFind(name);
    if (it == m_eventTypes.constEnd())
        return Error(Error::Code::BadInput, QString());
    return it.value();
}

Result<CompiledSegment> SegmentCompiler::compile(const QJsonObject &definition, int64_t now,
                                                 const QString &selfName)
{
    Context ctx;
    ctx.now = now;
    if (!selfName.isEmpty())
        ctx.stack << selfName;
    auto r = compileTop(definition, QString(), ctx, true);
    if (r)
        if (Status s = checkRunnable(m_db, *r); !s)
            return s.error();
    return r;
}

Result<CompiledSegment> SegmentCompiler::compileSaved(const QString &name, int64_t now)
{
    auto st = m_db.prepare("SELECT definition FROM segments WHERE name = ?");
    if (!st)
        return st.error();
    st->bind(1, name);
    if (!st->step()) {
        if (st->error())
            return *st->error();
        return Error(Error::Code::NotFound, QStringLiteral("unknown segment \"%1\"").arg(name));
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(st->text(0).toUtf8(), &pe);
    if (!doc.isObject())
        return Error(
            Error::Code::BadInput,
            QStringLiteral("segment \"%1\": stored definition is not a JSON object").arg(name));
    Context ctx;
    ctx.now = now;
    ctx.stack << name;
    auto r = compileTop(doc.object(), QString(), ctx, true);
    if (r)
        if (Status s = checkRunnable(m_db, *r); !s)
            r = s.error();
    if (!r)
        return Error(r.error().code,
                     QStringLiteral("segment \"%1\": %2").arg(name, r.error().toString()));
    return r;
}

Result<CompiledSegment> SegmentCompiler::compileTop(const QJsonObject &def, const QString &path,
                                                    Context &ctx, bool withFunnel)
{
    static const QStringList topKeys = {QStringLiteral("match"),
                                        QStringLiteral("conditions"),
                                        QStringLiteral("include_unsubscribed"),
                                        QStringLiteral("name"),
                                        QStringLiteral("description"),
                                        QStringLiteral("purpose"),
                                        QStringLiteral("inclusion_notes"),
                                        QStringLiteral("exclusion_notes"),
                                        QStringLiteral("kpi"),
                                        QStringLiteral("owner"),
                                        QStringLiteral("label")};
    for (auto it = def.begin(); it != def.end(); ++it)
        if (!topKeys.contains(it.key()))
            return bad(join(path, it.key()), QStringLiteral("unknown key"));

    CompiledSegment out;
    const QJsonValue inc = def.value(QLatin1String("include_unsubscribed"));
    if (!inc.isUndefined() && !inc.isBool())
        return bad(join(path, QStringLiteral("include_unsubscribed")),
                   QStringLiteral("expected true or false"));
    out.includeUnsubscribed = inc.toBool(false);

    SqlFragment suppression;
    if (out.includeUnsubscribed) {
        suppression.sql = QStringLiteral("1");
    } else {
        suppression.sql = QStringLiteral("s.status = ?");
        suppression.binds << QStringLiteral("subscribed");
    }

    const int conditionsBefore = ctx.conditions;
    auto group = compileGroup(def, path, ctx);
    if (!group)
        return group.error();
    out.predicate.sql = suppression.sql + QStringLiteral(" AND (") + group->sql + QLatin1Char(')');
    out.predicate.binds = suppression.binds + group->binds;

    if (withFunnel) {
        // The funnel is answered in one pass over the subscribers: each row gets the stage
        // at which the top-level conditions, taken in order, first fail ("all") or first
        // hold ("any"); every condition is evaluated at most once per row.
        const bool any = def.value(QLatin1String("match")).toString() == QLatin1String("any");
        const QJsonArray conds = def.value(QLatin1String("conditions")).toArray();
        out.funnelLabels << (out.includeUnsubscribed ? QStringLiteral("all subscribers")
                                                     : QStringLiteral("subscribed"));
        SqlFragment stage{QStringLiteral("CASE"), {}};
        const int conditionsAfter = ctx.conditions;
        ctx.conditions = conditionsBefore; // the same conditions once more, not new ones
        for (int i = 0; i < conds.size(); ++i) {
            auto c = compileCondition(conds[i], indexPath(path, i), ctx);
            if (!c)
                return c.error();
            stage.sql += (any ? QStringLiteral(" WHEN coalesce((")
                              : QStringLiteral(" WHEN NOT coalesce((")) +
                         c->sql + QStringLiteral("), 0) THEN %1").arg(i + 1);
            stage.binds += c->binds;
            out.funnelLabels << describe(conds[i].toObject());
        }
        ctx.conditions = conditionsAfter;
        stage.sql += QStringLiteral(" ELSE %1 END").arg(conds.size() + 1);
        if (conds.isEmpty())
            stage.sql = QStringLiteral("1");
        out.funnelStages = {QStringLiteral("SELECT ") + stage.sql +
                                QStringLiteral(" AS stage FROM subscribers s WHERE ") +
                                suppression.sql,
                            stage.binds + suppression.binds};
        out.funnelMatchAny = any;
    }
    return out;
}

Result<SqlFragment> SegmentCompiler::compileGroup(const QJsonObject &group, const QString &path,
                                                  Context &ctx)
{
    const QJsonValue matchValue = group.value(QLatin1String("match"));
    QString match = QStringLiteral("all");
    if (!matchValue.isUndefined()) {
        if (!matchValue.isString() || (matchValue.toString() != QLatin1String("all") &&
                                       matchValue.toString() != QLatin1String("any")))
            return bad(join(path, QStringLiteral("match")),
                       QStringLiteral("expected \"all\" or \"any\""));
        match = matchValue.toString();
    }
    const QJsonValue condsValue = group.value(QLatin1String("conditions"));
    if (condsValue.isUndefined())
        return SqlFragment{QStringLiteral("1"), {}};
    if (!condsValue.isArray())
        return bad(join(path, QStringLiteral("conditions")), QStringLiteral("expected a list"));
    const QJsonArray conds = condsValue.toArray();
    if (conds.isEmpty()) // an empty group restricts nothing, whatever its match
        return SqlFragment{QStringLiteral("1"), {}};
    if (ctx.depth == kMaxGroupDepth)
        return bad(path,
                   QStringLiteral("groups nest more than %1 levels deep").arg(kMaxGroupDepth));
    SqlFragment out;
    QStringList parts;
    ++ctx.depth;
    for (int i = 0; i < conds.size(); ++i) {
        auto c = compileCondition(conds[i], indexPath(path, i), ctx);
        if (!c) {
            --ctx.depth;
            return c.error();
        }
        parts << QLatin1Char('(') + c->sql + QLatin1Char(')');
        out.binds += c->binds;
    }
    --ctx.depth;
    out.sql = parts.join(match == QLatin1String("any") ? QStringLiteral(" OR ")
                                                       : QStringLiteral(" AND "));
    return out;
}

Result<SqlFragment> SegmentCompiler::compileCondition(const QJsonValue &value, const QString &path,
                                                      Context &ctx)
{
    if (!value.isObject())
        return bad(path, QStringLiteral("expected a condition object"));
    if (++ctx.conditions > kMaxConditions)
        return bad(path,
                   QStringLiteral("more than %1 conditions in one definition").arg(kMaxConditions));
    const QJsonObject c = value.toObject();
    const bool isField = c.contains(QLatin1String("field"));
    const bool isEvent = c.contains(QLatin1String("event"));
    const bool isSegment = c.contains(QLatin1String("segment"));
    const bool isGroup =
        c.contains(QLatin1String("conditions")) || c.contains(QLatin1String("match"));
    const int kinds = int(isField) + int(isEvent) + int(isSegment) + int(isGroup);
    if (kinds == 0)
        return bad(path, QStringLiteral("expected one of \"field\", \"event\", \"segment\" or "
                                        "\"conditions\""));
    if (kinds > 1)
        return bad(path, QStringLiteral("a condition has only one of \"field\", \"event\", "
                                        "\"segment\" or \"conditions\""));
    if (isField)
        return compileField(c, path, ctx);
    if (isEvent)
        return compileEvent(c, path, ctx);
    if (isSegment)
        return compileReference(c, path, ctx);
    for (auto it = c.begin(); it != c.end(); ++it)
        if (it.key() != QLatin1String("match") && it.key() != QLatin1String("conditions") &&
            it.key() != QLatin1String("label"))
            return bad(join(path, it.key()), QStringLiteral("unknown key"));
    return compileGroup(c, path, ctx);
}

Result<SqlFragment> SegmentCompiler::compileField(const QJsonObject &c, const QString &path,
                                                  Context &ctx)
{
    for (auto it = c.begin(); it != c.end(); ++it)
        if (it.key() != QLatin1String("field") && it.key() != QLatin1String("op") &&
            it.key() != QLatin1String("value") && it.key() != QLatin1String("label"))
            return bad(join(path, it.key()), QStringLiteral("unknown key"));

    const QString fieldPath = join(path, QStringLiteral("field"));
    const QString opPath = join(path, QStringLiteral("op"));
    const QString valuePath = join(path, QStringLiteral("value"));
    const QJsonValue fieldValue = c.value(QLatin1String("field"));
    if (!fieldValue.isString())
        return bad(fieldPath, QStringLiteral("expected a field name"));
    const QString name = fieldValue.toString();
    const SegmentField *found = SegmentFields::find(name);
    if (!found) {
        if (name.startsWith(QLatin1String("attributes.")))
            return bad(fieldPath, QStringLiteral("invalid attribute name \"%1\" (letters, "
                                                 "digits and _ only)")
                                      .arg(name));
        return bad(fieldPath, QStringLiteral("unknown field \"%1\"").arg(name));
    }
    const SegmentField field = *found;

    const QJsonValue opValue = c.value(QLatin1String("op"));
    if (!opValue.isString())
        return bad(opPath, QStringLiteral("expected an operator"));
    const QString op = opValue.toString();
    if (!SegmentFields::allOperators().contains(op))
        return bad(opPath, QStringLiteral("unknown operator \"%1\"").arg(op));
    if (!SegmentFields::operatorFits(op, field.type))
        return bad(opPath, QStringLiteral("operator \"%1\" does not apply to %2 field \"%3\"")
                               .arg(op, SegmentFields::typeName(field.type), name));

    const QJsonValue value = c.value(QLatin1String("value"));

    // Converts one JSON scalar to the bound value for this field's type.
    auto scalar = [&](const QJsonValue &v, const QString &vpath, bool endOfDay,
                      QVariant *out) -> Status {
        switch (field.type) {
        case FieldType::Text:
            if (!v.isString())
                return bad(vpath, QStringLiteral("expected a text value"));
            *out = v.toString();
            return {};
        case FieldType::Number:
            if (!v.isDouble())
                return bad(vpath, QStringLiteral("expected a number"));
            *out = numberValue(v.toDouble());
            return {};
        case FieldType::Date: {
            int64_t t = 0;
            if (!parseDate(v, endOfDay, &t))
                return bad(vpath, QStringLiteral("expected a date (YYYY-MM-DD, ISO 8601 or Unix "
                                                 "seconds)"));
            *out = QVariant::fromValue<qint64>(t);
            return {};
        }
        case FieldType::Boolean:
            if (!v.isBool())
                return bad(vpath, QStringLiteral("expected true or false"));
            *out = QVariant::fromValue<qint64>(v.toBool() ? 1 : 0);
            return {};
        case FieldType::Any:
            if (v.isString())
                *out = v.toString();
            else if (v.isDouble())
                *out = numberValue(v.toDouble());
            else if (v.isBool()) // json_extract gives 1/0 for true/false
                *out = QVariant::fromValue<qint64>(v.toBool() ? 1 : 0);
            else
                return bad(vpath, QStringLiteral("expected a text, number or true/false value"));
            return {};
        }
        return bad(vpath, QStringLiteral("unsupported value"));
    };

    // The column expression, written for the table the condition runs on.
    SqlFragment col;
    const bool metrics = field.group == FieldGroup::Metrics;
    if (metrics) {
        col.sql = QStringLiteral("m.") + field.column;
    } else if (field.group == FieldGroup::Attributes) {
        col.sql = QStringLiteral("json_extract(s.attributes, ?)");
        col.binds << QString(QStringLiteral("$.") + SegmentFields::attributeKey(name));
    } else {
        col.sql = QStringLiteral("s.") + field.column;
    }

    // base: the positive test. Operators that also match a missing value (!=, not_in,
    // is_not_set) are written as the negation of a positive test, so that a subscriber
    // without the value (NULL, or no metrics row) counts as "not equal".
    SqlFragment base;
    bool negate = false;
    auto add = [&](const QVariant &v) { base.binds << v; };
    auto colSql = [&]() {
        base.binds += col.binds;
        return col.sql;
    };

    if (op == QLatin1String("is_set") || op == QLatin1String("is_not_set")) {
        if (!value.isUndefined() && !value.isNull())
            return bad(valuePath, QStringLiteral("operator \"%1\" takes no value").arg(op));
        base.sql = QStringLiteral("coalesce(") + colSql() + QStringLiteral(", '') <> ''");
        negate = op == QLatin1String("is_not_set");
    } else if (op == QLatin1String("in") || op == QLatin1String("not_in")) {
        if (!value.isArray() || value.toArray().isEmpty())
            return bad(valuePath, QStringLiteral("expected a non-empty list"));
        const QJsonArray list = value.toArray();
        const QString c0 = colSql();
        QVariantList items;
        for (int i = 0; i < list.size(); ++i) {
            QVariant v;
            if (Status s = scalar(list[i], valuePath + QStringLiteral("[%1]").arg(i), false, &v);
                !s)
                return s.error();
            items << v;
        }
        base.sql = c0 + QStringLiteral(" IN (") + placeholders(items.size()) + QLatin1Char(')');
        base.binds += items;
        if (field.nocaseIndex) {
            // Equal bytes are equal ignoring case, so this conjunct selects a superset and
            // changes nothing but the plan: a seek in the NOCASE index.
            base.sql = QLatin1Char('(') + c0 + QStringLiteral(" COLLATE NOCASE IN (") +
                       placeholders(items.size()) + QStringLiteral(") AND ") + base.sql +
                       QLatin1Char(')');
            base.binds = items + base.binds;
        }
        negate = op == QLatin1String("not_in");
    } else if (op == QLatin1String("contains") || op == QLatin1String("starts_with")) {
        if (!value.isString() || value.toString().isEmpty())
            return bad(valuePath, QStringLiteral("expected a non-empty text value"));
        // instr/substr compare literally: no LIKE wildcards, case-sensitive.
        if (op == QLatin1String("contains")) {
            base.sql = QStringLiteral("instr(") + colSql() + QStringLiteral(", ?) > 0");
            add(value.toString());
        } else {
            base.sql = QStringLiteral("substr(") + colSql() + QStringLiteral(", 1, length(?)) = ?");
            add(value.toString());
            add(value.toString());
        }
    } else if (op == QLatin1String("between")) {
        if (!value.isArray() || value.toArray().size() != 2)
            return bad(valuePath, QStringLiteral("expected a list of two values [low, high]"));
        QVariant lo, hi;
        if (Status s = scalar(value.toArray()[0], valuePath + QStringLiteral("[0]"), false, &lo);
            !s)
            return s.error();
        if (Status s = scalar(value.toArray()[1], valuePath + QStringLiteral("[1]"), true, &hi); !s)
            return s.error();
        base.sql = colSql() + QStringLiteral(" BETWEEN ? AND ?");
        add(lo);
        add(hi);
    } else if (op == QLatin1String("within_last_days")) {
        if (!value.isDouble() || value.toDouble() < 0 ||
            std::floor(value.toDouble()) != value.toDouble())
            return bad(valuePath, QStringLiteral("expected a whole number of days (0 or more)"));
        const QString c0 = colSql();
        base.sql = c0 + QStringLiteral(" BETWEEN ? AND ?");
        add(QVariant::fromValue<qint64>(daysBefore(ctx.now, value.toDouble())));
        add(QVariant::fromValue<qint64>(ctx.now));
    } else {
        // =, !=, <, <=, >, >=, before, after
        QString sqlOp = op;
        if (op == QLatin1String("before"))
            sqlOp = QStringLiteral("<");
        else if (op == QLatin1String("after"))
            sqlOp = QStringLiteral(">");
        // "after 2026-01-31" and "<= 2026-01-31" mean after / up to the end of that day.
        const bool endOfDay =
            op == QLatin1String("after") || op == QLatin1String("<=") || op == QLatin1String(">");
        if (value.isArray() || value.isObject() || value.isUndefined() || value.isNull())
            return bad(valuePath, QStringLiteral("expected a single value"));
        QVariant v;
        if (Status s = scalar(value, valuePath, endOfDay, &v); !s)
            return s.error();
        if (op == QLatin1String("!=")) {
            negate = true;
            sqlOp = QStringLiteral("=");
        }
        base.sql = colSql() + QLatin1Char(' ') + sqlOp + QStringLiteral(" ?");
        add(v);
        if (field.nocaseIndex && sqlOp == QLatin1String("=")) {
            // As for "in": a superset that lets SQLite seek the NOCASE index.
            base.sql = QLatin1Char('(') + col.sql + QStringLiteral(" COLLATE NOCASE = ? AND ") +
                       base.sql + QLatin1Char(')');
            base.binds.prepend(v);
        }
    }

    if (metrics && m_strategy == EventStrategy::Correlated) {
        // Membership tests of one subscriber: a primary-key probe, not the whole IN list.
        return SqlFragment{(negate ? QStringLiteral("NOT EXISTS") : QStringLiteral("EXISTS")) +
                               QStringLiteral(" (SELECT 1 FROM subscriber_metrics m WHERE "
                                              "m.subscriber_id = s.id AND ") +
                               base.sql + QLatin1Char(')'),
                           base.binds};
    }
    if (metrics) {
        // A semi-join on subscriber_metrics lets SQLite drive from the metric indexes
        // (engagement score, tier, lifecycle) instead of probing per subscriber.
        return SqlFragment{QStringLiteral("s.id ") +
                               (negate ? QStringLiteral("NOT IN") : QStringLiteral("IN")) +
                               QStringLiteral(" (SELECT m.subscriber_id FROM subscriber_metrics "
                                              "m WHERE ") +
                               base.sql + QLatin1Char(')'),
                           base.binds};
    }
    if (negate)
        return SqlFragment{QStringLiteral("coalesce(") + base.sql + QStringLiteral(", 0) = 0"),
                           base.binds};
    return base;
}

Result<SqlFragment> SegmentCompiler::compileEvent(const QJsonObject &c, const QString &path,
                                                  Context &ctx)
{
    for (auto it = c.begin(); it != c.end(); ++it)
        if (it.key() != QLatin1String("event") && it.key() != QLatin1String("count") &&
            it.key() != QLatin1String("within_days") && it.key() != QLatin1String("between") &&
            it.key() != QLatin1String("where") && it.key() != QLatin1String("label"))
            return bad(join(path, it.key()), QStringLiteral("unknown key"));

    const QJsonValue ev = c.value(QLatin1String("event"));
    if (!ev.isString())
        return bad(join(path, QStringLiteral("event")), QStringLiteral("expected an event type"));
    auto type = eventTypeId(ev.toString());
    if (!type)
        return bad(join(path, QStringLiteral("event")),
                   QStringLiteral("unknown event type \"%1\"").arg(ev.toString()));

    QString countOp = QStringLiteral(">=");
    double countN = 1;
    if (c.contains(QLatin1String("count"))) {
        if (!parseComparison(c.value(QLatin1String("count")), &countOp, &countN) || countN < 0 ||
            std::floor(countN) != countN)
            return bad(join(path, QStringLiteral("count")),
                       QStringLiteral("expected a comparison such as \">= 1\" or \"= 0\""));
    }

    SqlFragment filter;
    filter.sql = QStringLiteral("e.type = ?");
    filter.binds << *type;

    const bool hasWindow = c.contains(QLatin1String("within_days"));
    const bool hasBetween = c.contains(QLatin1String("between"));
    if (hasWindow && hasBetween)
        return bad(join(path, QStringLiteral("between")),
                   QStringLiteral("use either \"within_days\" or \"between\""));
    int64_t from = 0;
    int64_t to = ctx.now;
    bool bounded = false;
    if (hasWindow) {
        const QJsonValue w = c.value(QLatin1String("within_days"));
        if (!w.isDouble() || w.toDouble() < 0 || std::floor(w.toDouble()) != w.toDouble())
            return bad(join(path, QStringLiteral("within_days")),
                       QStringLiteral("expected a whole number of days (0 or more)"));
        from = daysBefore(ctx.now, w.toDouble());
        bounded = true;
    } else if (hasBetween) {
        const QJsonValue b = c.value(QLatin1String("between"));
        const QString bpath = join(path, QStringLiteral("between"));
        if (!b.isArray() || b.toArray().size() != 2)
            return bad(bpath, QStringLiteral("expected a list of two dates [from, to]"));
        if (!parseDate(b.toArray()[0], false, &from))
            return bad(bpath + QStringLiteral("[0]"), QStringLiteral("expected a date"));
        if (!parseDate(b.toArray()[1], true, &to))
            return bad(bpath + QStringLiteral("[1]"), QStringLiteral("expected a date"));
        to = std::min(to, ctx.now); // a window reaching past "now" ends there
        bounded = true;
    }
    // Events after "now" never count, so results stay reproducible for a given --now.
    if (bounded) {
        filter.sql += QStringLiteral(" AND e.occurred_at BETWEEN ? AND ?");
        filter.binds << QVariant::fromValue<qint64>(from) << QVariant::fromValue<qint64>(to);
    } else {
        filter.sql += QStringLiteral(" AND e.occurred_at <= ?");
        filter.binds << QVariant::fromValue<qint64>(to);
    }

    const SqlFragment typeAndTime = filter; // what events_by_type_time can answer alone
    const QJsonValue where = c.value(QLatin1String("where"));
    if (!where.isUndefined()) {
        const QString wpath = join(path, QStringLiteral("where"));
        if (!where.isObject())
            return bad(wpath, QStringLiteral("expected an object of filters"));
        const QJsonObject w = where.toObject();
        for (auto it = w.begin(); it != w.end(); ++it) {
            const QString key = it.key();
            const QString kpath = join(wpath, key);
            if (key == QLatin1String("amount")) {
                QString op;
                double n = 0;
                if (it.value().isDouble()) {
                    op = QStringLiteral("=");
                    n = it.value().toDouble();
                } else if (!parseComparison(it.value(), &op, &n)) {
                    return bad(kpath, QStringLiteral("expected a comparison such as \">= 50\""));
                }
                filter.sql +=
                    QStringLiteral(" AND e.amount ") + sqlComparison(op) + QStringLiteral(" ?");
                filter.binds << numberValue(n);
                continue;
            }
            QString table, column, target;
            if (key == QLatin1String("campaign")) {
                table = QStringLiteral("campaigns");
                column = QStringLiteral("name");
                target = QStringLiteral("e.campaign_id");
            } else if (key == QLatin1String("category")) {
                table = QStringLiteral("products");
                column = QStringLiteral("category");
                target = QStringLiteral("e.product_id");
            } else if (key == QLatin1String("sku")) {
                table = QStringLiteral("products");
                column = QStringLiteral("sku");
                target = QStringLiteral("e.product_id");
            } else {
                return bad(kpath, QStringLiteral("unknown filter (expected campaign, category, "
                                                 "sku or amount)"));
            }
            QVariantList names;
            if (it.value().isString()) {
                names << it.value().toString();
            } else if (it.value().isArray() && !it.value().toArray().isEmpty()) {
                const QJsonArray a = it.value().toArray();
                for (int i = 0; i < a.size(); ++i) {
                    if (!a[i].isString())
                        return bad(kpath + QStringLiteral("[%1]").arg(i),
                                   QStringLiteral("expected a text value"));
                    names << a[i].toString();
                }
            } else {
                return bad(kpath, QStringLiteral("expected a name or a non-empty list of names"));
            }
            filter.sql += QStringLiteral(" AND ") + target +
                          QStringLiteral(" IN (SELECT id FROM ") + table +
                          QStringLiteral(" WHERE ") + column + QStringLiteral(" IN (") +
                          placeholders(names.size()) + QStringLiteral("))");
            filter.binds += names;
        }
    }

    // No subscriber has 2^53 events: a larger count (1e300) works like that one, and n + 1
    // below stays in range.
    const auto n = static_cast<qint64>(std::min(countN, 9007199254740992.0));
    // Conditions that always / never hold need no SQL at all.
    if (countOp == QLatin1String(">=") && n == 0)
        return SqlFragment{QStringLiteral("1"), {}};
    if (countOp == QLatin1String("<") && n == 0)
        return SqlFragment{QStringLiteral("0"), {}};

    if (preferGrouped(typeAndTime)) {
        // Read the matching events once via events_by_type_time and keep the subscribers
        // whose count passes: "count >= k" / "count = k" as IN, their complements as NOT IN.
        bool in = true;
        QString having; // empty: any matching event
        qint64 k = 0;
        if (countOp == QLatin1String(">=")) {
            k = n;
        } else if (countOp == QLatin1String(">")) {
            k = n + 1;
        } else if (countOp == QLatin1String("<")) {
            in = false;
            k = n;
        } else if (countOp == QLatin1String("<=")) {
            in = false;
            k = n + 1;
        } else if (countOp == QLatin1String("=")) {
            in = n > 0;
            if (n > 0)
                having = QStringLiteral("count(*) = ?");
            else
                k = 1;
        } else { // !=
            in = n == 0;
            if (n > 0)
                having = QStringLiteral("count(*) = ?");
            else
                k = 1;
        }
        SqlFragment out;
        out.sql = QStringLiteral("s.id ") + (in ? QStringLiteral("IN") : QStringLiteral("NOT IN")) +
                  QStringLiteral(" (SELECT e.subscriber_id FROM events e WHERE ") + filter.sql;
        out.binds = filter.binds;
        if (having.isEmpty() && k > 1)
            having = QStringLiteral("count(*) >= ?");
        else if (having.isEmpty())
            k = 0;
        if (!having.isEmpty()) {
            out.sql += QStringLiteral(" GROUP BY e.subscriber_id HAVING ") + having;
            out.binds << (k > 0 ? k : n);
        }
        out.sql += QLatin1Char(')');
        return out;
    }

    // Correlated: EXISTS / NOT EXISTS stop at the first entry of the (subscriber_id, type,
    // occurred_at) index; other counts count that index range.
    const QString correlated =
        QStringLiteral("FROM events e WHERE e.subscriber_id = s.id AND ") + filter.sql;
    if ((countOp == QLatin1String(">=") && n == 1) || (countOp == QLatin1String(">") && n == 0) ||
        (countOp == QLatin1String("!=") && n == 0))
        return SqlFragment{QStringLiteral("EXISTS (SELECT 1 ") + correlated + QLatin1Char(')'),
                           filter.binds};
    if ((countOp == QLatin1String("=") && n == 0) || (countOp == QLatin1String("<") && n == 1) ||
        (countOp == QLatin1String("<=") && n == 0))
        return SqlFragment{QStringLiteral("NOT EXISTS (SELECT 1 ") + correlated + QLatin1Char(')'),
                           filter.binds};
    SqlFragment out{QStringLiteral("(SELECT count(*) ") + correlated + QStringLiteral(") ") +
                        sqlComparison(countOp) + QStringLiteral(" ?"),
                    filter.binds};
    out.binds << n;
    return out;
}

bool SegmentCompiler::preferGrouped(const SqlFragment &typeAndTime)
{
    if (m_strategy != EventStrategy::Auto)
        return m_strategy == EventStrategy::Grouped;
    if (m_subscriberEstimate < 0) {
        auto n = m_db.scalar("SELECT coalesce(max(id), 0) FROM subscribers");
        m_subscriberEstimate = n ? n->toLongLong() : 0;
    }
    // Measured on 1M subscribers / 20M events: one correlated probe costs about a sixth of
    // reading one matching event through events_by_type_time (a random row look-up), so
    // grouping wins while the matching events number less than ~1/6 of the subscribers.
    // Counting them on the covering index is cheap, and the LIMIT bounds it.
    const qint64 limit = std::max<qint64>(1, m_subscriberEstimate / 6);
    QVariantList binds = typeAndTime.binds;
    binds << limit;
    auto st = m_db.prepare((QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM events e WHERE ") +
                            typeAndTime.sql + QStringLiteral(" LIMIT ?)"))
                               .toStdString());
    if (!st)
        return false;
    st->bindAll(binds);
    if (!st->step())
        return false;
    return st->int64(0) < limit;
}

Result<SqlFragment> SegmentCompiler::compileReference(const QJsonObject &c, const QString &path,
                                                      Context &ctx)
{
    for (auto it = c.begin(); it != c.end(); ++it)
        if (it.key() != QLatin1String("segment") && it.key() != QLatin1String("negate") &&
            it.key() != QLatin1String("label"))
            return bad(join(path, it.key()), QStringLiteral("unknown key"));
    const QString spath = join(path, QStringLiteral("segment"));
    const QJsonValue nameValue = c.value(QLatin1String("segment"));
    if (!nameValue.isString() || nameValue.toString().isEmpty())
        return bad(spath, QStringLiteral("expected a segment name"));
    const QJsonValue negValue = c.value(QLatin1String("negate"));
    if (!negValue.isUndefined() && !negValue.isBool())
        return bad(join(path, QStringLiteral("negate")), QStringLiteral("expected true or false"));
    const QString name = nameValue.toString();
    if (ctx.stack.contains(name)) {
        QStringList cycle = ctx.stack.mid(ctx.stack.indexOf(name));
        cycle << name;
        return bad(
            spath,
            QStringLiteral("cycle between segments: %1").arg(cycle.join(QStringLiteral(" -> "))));
    }
    auto st = m_db.prepare("SELECT definition FROM segments WHERE name = ?");
    if (!st)
        return st.error();
    st->bind(1, name);
    if (!st->step())
        return bad(spath, QStringLiteral("unknown segment \"%1\"").arg(name));
    const QJsonDocument doc = QJsonDocument::fromJson(st->text(0).toUtf8());
    if (!doc.isObject())
        return bad(spath, QStringLiteral("segment \"%1\" has no valid definition").arg(name));
    ctx.stack << name;
    auto inner = compileTop(doc.object(), QString(), ctx, false);
    ctx.stack.removeLast();
    if (!inner) {
        // Keep the innermost explanation (e.g. the cycle) but anchor it at this reference.
        if (inner.error().message.startsWith(QLatin1String("cycle between segments")))
            return bad(spath, inner.error().message);
        return bad(
            spath,
            QStringLiteral("segment \"%1\" is invalid: %2").arg(name, inner.error().toString()));
    }
    // The referenced segment is inlined over the same row, with its own suppression.
    // NOT on a predicate that may be NULL would drop rows, hence coalesce.
    if (negValue.toBool(false))
        return SqlFragment{QStringLiteral("coalesce(") + inner->predicate.sql +
                               QStringLiteral(", 0) = 0"),
                           inner->predicate.binds};
    return inner->predicate;
}

QString SegmentCompiler::describe(const QJsonObject &c)
{
    if (c.contains(QLatin1String("label")) && c.value(QLatin1String("label")).isString())
        return c.value(QLatin1String("label")).toString();
    if (c.contains(QLatin1String("field"))) {
        QString s = c.value(QLatin1String("field")).toString() + QLatin1Char(' ') +
                    c.value(QLatin1String("op")).toString();
        const QJsonValue v = c.value(QLatin1String("value"));
        if (v.isArray()) {
            QStringList items;
            for (const QJsonValue &x : v.toArray())
                items << (x.isString() ? x.toString() : jsonText(x));
            s += QLatin1Char(' ') + items.join(QStringLiteral(", "));
        } else if (!v.isUndefined() && !v.isNull()) {
            s += QLatin1Char(' ') + (v.isString() ? v.toString() : jsonText(v));
        }
        return s;
    }
    if (c.contains(QLatin1String("event"))) {
        QString count = c.value(QLatin1String("count")).toString(QStringLiteral(">= 1"));
        if (c.value(QLatin1String("count")).isDouble())
            count = QStringLiteral(">= ") + jsonText(c.value(QLatin1String("count")));
        QString s = c.value(QLatin1String("event")).toString() + QLatin1Char(' ') + count;
        if (c.contains(QLatin1String("within_days")))
            s += QStringLiteral(" in %1 days").arg(c.value(QLatin1String("within_days")).toInt());
        const QJsonObject where = c.value(QLatin1String("where")).toObject();
        QStringList filters;
        for (auto it = where.begin(); it != where.end(); ++it) {
            QString v = it.value().isString() ? it.value().toString() : jsonText(it.value());
            if (it.value().isArray()) {
                QStringList items;
                for (const QJsonValue &x : it.value().toArray())
                    items << (x.isString() ? x.toString() : jsonText(x));
                v = items.join(QStringLiteral(", "));
            }
            filters << it.key() + QLatin1Char(' ') + v;
        }
        if (!filters.isEmpty())
            s += QStringLiteral(" where ") + filters.join(QStringLiteral("; "));
        return s;
    }
    if (c.contains(QLatin1String("segment")))
        return (c.value(QLatin1String("negate")).toBool() ? QStringLiteral("not in segment ")
                                                          : QStringLiteral("in segment ")) +
               c.value(QLatin1String("segment")).toString();
    const QJsonArray conds = c.value(QLatin1String("conditions")).toArray();
    return QStringLiteral("%1 of %2 conditions")
        .arg(c.value(QLatin1String("match")).toString(QStringLiteral("all")))
        .arg(conds.size());
}

} // namespace mw
