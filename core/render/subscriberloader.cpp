#include "subscriberloader.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

namespace mw {

namespace {

std::string selectSql()
{
    std::string sql = "SELECT s.id, s.email, s.external_id, s.first_name, s.last_name, s.city, "
                      "s.country, s.language, s.timezone, s.created_at, s.status, s.attributes";
    for (const char *m : metricColumns()) {
        sql += ", m.";
        sql += m;
    }
    sql += " FROM subscribers s LEFT JOIN subscriber_metrics m ON m.subscriber_id = s.id ";
    return sql;
}

FieldValue columnValue(const Statement &st, int col)
{
    switch (sqlite3_column_type(st.handle(), col)) {
    case SQLITE_INTEGER:
        return st.int64(col);
    case SQLITE_FLOAT:
        return st.real(col);
    case SQLITE_TEXT: {
        const std::string_view v = st.textView(col);
        size_t b = 0, e = v.size();
        while (b < e && (v[b] == ' ' || v[b] == '\t'))
            ++b;
        while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t'))
            --e;
        if (b == e)
            return {};
        return QString::fromUtf8(v.data() + b, static_cast<qsizetype>(e - b));
    }
    default:
        return {};
    }
}

void fill(const Statement &st, SubscriberRecord &r)
{
    for (int i = 0; i < kSubscriberFieldCount; ++i)
        r.fields[static_cast<size_t>(i)] = columnValue(st, i);
    const std::string_view attrs = st.textView(kSubscriberFieldCount);
    r.attributes = QJsonObject();
    if (attrs.size() > 2) {
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromRawData(attrs.data(), static_cast<qsizetype>(attrs.size())));
        r.attributes = doc.object();
    }
    for (int i = 0; i < kMetricCount; ++i)
        r.metrics[static_cast<size_t>(i)] = columnValue(st, kSubscriberFieldCount + 1 + i);
    r.recommendationCount = 0;
}

} // namespace

Result<SubscriberRecord> SubscriberLoader::one(std::string_view where, const QVariant &bind)
{
    auto st = m_db.prepare(selectSql() + std::string(where));
    if (!st)
        return st.error();
    st->bind(1, bind);
    if (!st->step()) {
        if (const Error *e = st->error())
            return *e;
        return Error(Error::Code::NotFound,
                     QStringLiteral("unknown subscriber \"%1\"").arg(bind.toString()));
    }
    SubscriberRecord r;
    fill(*st, r);
    return r;
}

Result<SubscriberRecord> SubscriberLoader::byId(int64_t id)
{
    return one("WHERE s.id = ?1", QVariant::fromValue<qint64>(id));
}

Result<SubscriberRecord> SubscriberLoader::byEmail(const QString &email)
{
    return one("WHERE s.email = ?1", email.trimmed().toLower());
}

Result<SubscriberRecord> SubscriberLoader::byIdOrEmail(const QString &key)
{
    if (key.contains(QLatin1Char('@')))
        return byEmail(key);
    bool ok = false;
    const qint64 id = key.trimmed().toLongLong(&ok);
    if (!ok)
        return Error(Error::Code::BadInput,
                     QStringLiteral("\"%1\" is neither a subscriber id nor an email").arg(key));
    return byId(id);
}

Status SubscriberLoader::forEach(const std::vector<int64_t> &ids,
                                 const std::function<bool(SubscriberRecord &)> &visit)
{
    if (ids.empty())
        return {};
    // One range scan over the rowid instead of one look-up per id; ids not in the list
    // (not members) are skipped while merging.
    // Prepared once per loader: a batch calls this for every chunk of a few hundred ids.
    if (!m_range) {
        auto prepared = m_db.prepare(selectSql() + "WHERE s.id BETWEEN ?1 AND ?2 ORDER BY s.id");
        if (!prepared)
            return prepared.error();
        m_range = std::move(*prepared);
    }
    Statement *st = &*m_range;
    st->bind(1, ids.front()).bind(2, ids.back());
    // Ends the statement (and its read transaction) however the loop below ends.
    struct ResetLater {
        Statement *st;
        ~ResetLater() { st->reset(); }
    } resetLater{st};
    size_t next = 0;
    SubscriberRecord r;
    while (next < ids.size() && st->step()) {
        const int64_t id = st->int64(0);
        while (next < ids.size() && ids[next] < id)
            ++next;
        if (next >= ids.size() || ids[next] != id)
            continue;
        fill(*st, r);
        if (!visit(r))
            return {};
        ++next;
    }
    if (const Error *e = st->error())
        return *e;
    return {};
}

} // namespace mw
