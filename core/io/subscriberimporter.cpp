#include "subscriberimporter.h"

#include "io/fieldparsers.h"

#include <QTimeZone>

#include <sqlite3.h>

namespace mw {

namespace {

enum Field {
    Email,
    ExternalId,
    FirstName,
    LastName,
    City,
    Country,
    Language,
    Timezone,
    CreatedAt,
    StatusField
};

QString quoted(std::string_view v)
{
    return QLatin1Char('"') + QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size())) +
           QLatin1Char('"');
}

} // namespace

QStringList SubscriberImporter::knownFields() const
{
    return {QStringLiteral("email"),      QStringLiteral("external_id"),
            QStringLiteral("first_name"), QStringLiteral("last_name"),
            QStringLiteral("city"),       QStringLiteral("country"),
            QStringLiteral("language"),   QStringLiteral("timezone"),
            QStringLiteral("created_at"), QStringLiteral("status")};
}

Status SubscriberImporter::begin(Database &db, const QStringList &,
                                 const std::vector<ColumnTarget> &mapping,
                                 const ImportOptions &options)
{
    if (Status s = resolveColumns(mapping); !s)
        return s;
    if (m_column[Email] < 0)
        return Error(Error::Code::BadInput,
                     QStringLiteral("the file has no \"email\" column (subscribers need one)"), 1);
    m_db = &db;
    m_now = options.now != 0 ? options.now : db.referenceTime();
    // Unqualified names in DO UPDATE are the stored row; ?N the file's values (NULL = no
    // value, which keeps what is stored).
    auto st = db.prepare(
        "INSERT INTO subscribers(email, external_id, first_name, last_name, city, country,"
        " language, timezone, created_at, status, attributes)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce(?9, ?12), coalesce(?10, 'subscribed'),"
        " coalesce(?11, '{}'))"
        " ON CONFLICT(email) DO UPDATE SET"
        " external_id = coalesce(?2, external_id), first_name = coalesce(?3, first_name),"
        " last_name = coalesce(?4, last_name), city = coalesce(?5, city),"
        " country = coalesce(?6, country), language = coalesce(?7, language),"
        " timezone = coalesce(?8, timezone), created_at = coalesce(?9, created_at),"
        " status = coalesce(?10, status),"
        " attributes = CASE WHEN ?11 IS NULL THEN attributes"
        " ELSE json_patch(attributes, ?11) END");
    if (!st)
        return st.error();
    m_upsert = std::move(*st);
    m_seen.clear();
    return {};
}

bool SubscriberImporter::validTimezone(std::string_view tz)
{
    const std::string key(tz);
    auto it = m_timezones.find(key);
    if (it == m_timezones.end())
        it = m_timezones
                 .emplace(key, QTimeZone::isTimeZoneIdAvailable(
                                   QByteArray(key.data(), static_cast<qsizetype>(key.size()))))
                 .first;
    return it->second;
}

RowImporter::Outcome SubscriberImporter::importRow(const CsvRecord &rec, QString &reason)
{
    auto cell = [&](int f) -> std::string_view {
        const int c = m_column[static_cast<size_t>(f)];
        return c < 0 ? std::string_view() : fields::trimmed(rec.field(c));
    };
    sqlite3_stmt *st = m_upsert.handle();
    auto bindText = [&](int index, std::string_view v) {
        if (v.empty())
            sqlite3_bind_null(st, index);
        else
            sqlite3_bind_text(st, index, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    };

    if (const char *why = fields::normalizeEmail(cell(Email), m_email); *why) {
        reason = QString::fromLatin1(why);
        if (!cell(Email).empty())
            reason += QStringLiteral(": ") + quoted(cell(Email));
        return Outcome::Bad;
    }
    const auto seen = m_seen.find(m_email);
    if (seen != m_seen.end()) {
        reason = QStringLiteral("duplicate email %1 (first on line %2)")
                     .arg(quoted(m_email))
                     .arg(seen->second);
        return Outcome::Bad;
    }

    const std::string_view country = cell(Country);
    if (!country.empty() && !fields::parseCountry(country, m_country)) {
        reason = QStringLiteral("country must be a two-letter ISO 3166 code, not %1")
                     .arg(quoted(country));
        return Outcome::Bad;
    }
    const std::string_view language = cell(Language);
    if (!language.empty() && !fields::isLanguageTag(language)) {
        reason = QStringLiteral("language must be a BCP 47 tag such as \"de\" or \"pt-BR\", not %1")
                     .arg(quoted(language));
        return Outcome::Bad;
    }
    const std::string_view timezone = cell(Timezone);
    if (!timezone.empty() && !validTimezone(timezone)) {
        reason = QStringLiteral("unknown time zone %1 (use an IANA name such as \"Europe/Berlin\")")
                     .arg(quoted(timezone));
        return Outcome::Bad;
    }
    const std::string_view createdAt = cell(CreatedAt);
    int64_t created = 0;
    if (!createdAt.empty() && !fields::parseIsoDateTime(createdAt, created)) {
        reason = QStringLiteral("created_at is not an ISO 8601 date: %1").arg(quoted(createdAt));
        return Outcome::Bad;
    }
    const std::string_view status = cell(StatusField);
    if (!status.empty()) {
        m_status.assign(status);
        for (char &c : m_status)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        if (m_status != "subscribed" && m_status != "unsubscribed" && m_status != "bounced") {
            reason = QStringLiteral("status must be subscribed, unsubscribed or bounced, not %1")
                         .arg(quoted(status));
            return Outcome::Bad;
        }
    }
    buildAttributes(rec, m_attrs);

    bindText(1, m_email);
    bindText(2, cell(ExternalId));
    bindText(3, cell(FirstName));
    bindText(4, cell(LastName));
    bindText(5, cell(City));
    bindText(6, country.empty() ? std::string_view() : std::string_view(m_country));
    bindText(7, language);
    bindText(8, timezone);
    if (createdAt.empty())
        sqlite3_bind_null(st, 9);
    else
        sqlite3_bind_int64(st, 9, created);
    bindText(10, status.empty() ? std::string_view() : std::string_view(m_status));
    bindText(11, m_attrs);
    sqlite3_bind_int64(st, 12, m_now);

    sqlite3 *db = m_db->handle();
    const int64_t before = sqlite3_last_insert_rowid(db);
    const int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        const int ext = sqlite3_extended_errcode(db);
        const Error e = m_db->lastError();
        sqlite3_reset(st);
        if (ext == SQLITE_CONSTRAINT_UNIQUE) {
            reason = QStringLiteral("external_id %1 already belongs to another subscriber")
                         .arg(quoted(cell(ExternalId)));
            return Outcome::Bad;
        }
        return sqlFailure(e, reason);
    }
    sqlite3_reset(st);
    m_seen.emplace(m_email, rec.line);
    return sqlite3_last_insert_rowid(db) != before ? Outcome::Inserted : Outcome::Updated;
}

} // namespace mw
