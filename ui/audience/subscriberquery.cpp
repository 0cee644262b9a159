#include "subscriberquery.h"

#include <QStringList>

namespace mw::ui {

namespace {

// Appended to a prefix, gives an upper bound above every string that starts with it:
// U+10FFFF is the largest code point, so its UTF-8 bytes sort after any continuation.
QString upperBound(const QString &prefix)
{
    return prefix + QString::fromUcs4(U"\U0010FFFF");
}

} // namespace

const char *SubscriberQuery::rowColumns()
{
    return "s.id, s.email, s.first_name, s.last_name, s.country, s.status, "
           "m.lifecycle_stage, m.engagement_tier, m.engagement_score, m.last_open_at";
}

bool SubscriberQuery::hasCheapFirstPage() const
{
    return search.simplified().isEmpty() && lifecycle.isEmpty() && tier.isEmpty() &&
           (sortColumn == Id || sortColumn == Email);
}

bool SubscriberQuery::needsMetrics() const
{
    return !lifecycle.isEmpty() || !tier.isEmpty() || sortColumn == Lifecycle ||
           sortColumn == Tier || sortColumn == Score || sortColumn == LastOpen;
}

std::string SubscriberQuery::fromWhere(QVariantList &binds, bool joinMetrics) const
{
    std::string sql = joinMetrics || needsMetrics()
                          ? " FROM subscribers s LEFT JOIN subscriber_metrics m"
                            " ON m.subscriber_id = s.id"
                          : " FROM subscribers s";
    QStringList conditions;
    const QString text = search.simplified();
    if (!text.isEmpty()) {
        // Each UNION branch is an index range; the IN list is built once per query.
        QStringList branches;
        auto range = [&](const char *column, const QString &prefix, bool nocase) {
            const QString coll = nocase ? QStringLiteral(" COLLATE NOCASE") : QString();
            binds << prefix << upperBound(prefix);
            return QStringLiteral("%1%2 >= ? AND %1%2 < ?").arg(QLatin1String(column), coll);
        };
        const QString lower = text.toLower();
        if (text.contains(QLatin1Char('@'))) {
            branches << QStringLiteral("SELECT id FROM subscribers WHERE ") +
                            range("email", lower, false);
        } else {
            branches << QStringLiteral("SELECT id FROM subscribers WHERE ") +
                            range("email", lower, false);
            const QStringList words = text.split(QLatin1Char(' '));
            if (words.size() == 1) {
                branches << QStringLiteral("SELECT id FROM subscribers WHERE ") +
                                range("first_name", text, true);
                branches << QStringLiteral("SELECT id FROM subscribers WHERE ") +
                                range("last_name", text, true);
            } else {
                // Separate statements: range() appends binds, so the order must be fixed.
                const QString first = words.first();
                const QString last = QStringList(words.mid(1)).join(QLatin1Char(' '));
                const QString firstRange = range("first_name", first, true);
                const QString lastRange = range("last_name", last, true);
                branches << QStringLiteral("SELECT id FROM subscribers WHERE ") + firstRange +
                                QStringLiteral(" AND ") + lastRange;
                // Multi-word last names ("van der Berg").
                branches << QStringLiteral("SELECT id FROM subscribers WHERE ") +
                                range("last_name", text, true);
            }
        }
        conditions << QStringLiteral("s.id IN (%1)").arg(branches.join(QStringLiteral(" UNION ")));
    }
    if (!country.isEmpty()) {
        conditions << QStringLiteral("s.country = ?");
        binds << country;
    }
    if (!lifecycle.isEmpty()) {
        conditions << QStringLiteral("m.lifecycle_stage = ?");
        binds << lifecycle;
    }
    if (!tier.isEmpty()) {
        conditions << QStringLiteral("m.engagement_tier = ?");
        binds << tier;
    }
    if (!conditions.isEmpty())
        sql += " WHERE " + conditions.join(QStringLiteral(" AND ")).toStdString();
    return sql;
}

std::string SubscriberQuery::orderBy() const
{
    const char *dir = descending ? " DESC" : "";
    std::string key;
    switch (sortColumn) {
    case Email:
        key = "s.email";
        break;
    case Name:
        key = std::string("s.last_name COLLATE NOCASE") + dir + ", s.first_name COLLATE NOCASE";
        break;
    case Country:
        key = "s.country";
        break;
    case Status:
        key = "s.status";
        break;
    case Lifecycle:
        key = "m.lifecycle_stage";
        break;
    case Tier:
        // Tiers are bands of the score: ascending means the most engaged tier first.
        return std::string(" ORDER BY m.engagement_score") + (descending ? "" : " DESC") +
               ", s.id" + dir;
    case Score:
        key = "m.engagement_score";
        break;
    case LastOpen:
        key = "m.last_open_at";
        break;
    default:
        return std::string(" ORDER BY s.id") + dir;
    }
    return " ORDER BY " + key + dir + ", s.id" + dir;
}

std::string SubscriberQuery::firstPageSql(QVariantList &binds, int limit) const
{
    // The first page always joins the metrics: its rows show them.
    const std::string from = fromWhere(binds, true);
    binds << limit;
    return std::string("SELECT ") + rowColumns() + from + orderBy() + " LIMIT ?";
}

std::string SubscriberQuery::idsSql(QVariantList &binds) const
{
    return "SELECT s.id" + fromWhere(binds, false) + orderBy();
}

std::string SubscriberQuery::rowsByIdSql(int idCount)
{
    std::string sql = std::string("SELECT ") + rowColumns() +
                      " FROM subscribers s LEFT JOIN subscriber_metrics m"
                      " ON m.subscriber_id = s.id WHERE s.id IN (";
    for (int i = 0; i < idCount; ++i)
        sql += i ? ",?" : "?";
    return sql + ")";
}

} // namespace mw::ui
