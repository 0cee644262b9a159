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
    for (const auto &[name, valid] : m_timezones)
        if (name == tz)
            return valid;
    const bool valid =
        QTimeZone::isTimeZoneIdAvailable(QByteArray(tz.data(), static_cast<qsizetype>(tz.size())));
    m_timezones.emplace_back(std::string(tz), valid);
    return valid;
}

// derived[]: normalised email, upper-case country, lower-case status, attributes JSON;
// derivedNumber[]: created_at, whether it was given.
enum Derived { DEmail, DCountry, DStatus, DAttributes };

void SubscriberImporter::validateRow(CsvRecord &rec)
{
    auto cell = [&](int f) -> std::string_view {
        const int c = m_column[static_cast<size_t>(f)];
        return c < 0 ? std::string_view() : fields::trimmed(rec.field(c));
    };
    if (const char *why = fields::normalizeEmail(cell(Email), rec.derived[DEmail]); *why) {
        rec.error = QString::fromLatin1(why);
        if (!cell(Email).empty())
            rec.error += QStringLiteral(": ") + quoted(cell(Email));
        return;
    }
    // An email may appear once per file: later rows name the first line that had it, even
    // when that row was bad for another reason (so the message is true of the file alone).
    if (const int64_t first = m_seen.find(rec.derived[DEmail])) {
        rec.error = QStringLiteral("duplicate email %1 (first on line %2)")
                        .arg(quoted(rec.derived[DEmail]))
                        .arg(first);
        return;
    }
    m_seen.insert(rec.derived[DEmail], rec.line);
    const std::string_view country = cell(Country);
    rec.derived[DCountry].clear();
    if (!country.empty() && !fields::parseCountry(country, rec.derived[DCountry])) {
        rec.error = QStringLiteral("country must be a two-letter ISO 3166 code, not %1")
                        .arg(quoted(country));
        return;
    }
    const std::string_view language = cell(Language);
    if (!language.empty() && !fields::isLanguageTag(language)) {
        rec.error = QStringLiteral("language must be a BCP 47 tag such as \"de\" or \"pt-BR\", "
                                   "not %1")
                        .arg(quoted(language));
        return;
    }
    const std::string_view timezone = cell(Timezone);
    if (!timezone.empty() && !validTimezone(timezone)) {
        rec.error = QStringLiteral("unknown time zone %1 (use an IANA name such as "
                                   "\"Europe/Berlin\")")
                        .arg(quoted(timezone));
        return;
    }
    const std::string_view createdAt = cell(CreatedAt);
    rec.derivedNumber[1] = !createdAt.empty();
    if (!createdAt.empty() && !fields::parseIsoDateTime(createdAt, rec.derivedNumber[0])) {
        rec.error = QStringLiteral("created_at is not an ISO 8601 date: %1").arg(quoted(createdAt));
        return;
    }
    const std::string_view status = cell(StatusField);
    std::string &st = rec.derived[DStatus];
    st.assign(status);
    for (char &c : st)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    if (!st.empty() && st != "subscribed" && st != "unsubscribed" && st != "bounced") {
        rec.error = QStringLiteral("status must be subscribed, unsubscribed or bounced, not %1")
                        .arg(quoted(status));
        return;
    }
    buildAttributes(rec, rec.derived[DAttributes]);
}

RowImporter::Outcome SubscriberImporter::importRow(const CsvRecord &rec, QString &reason)
{
    auto cell = [&](int f) -> std::string_view {
        const int c = m_column[static_cast<size_t>(f)];
        return c < 0 ? std::string_view() : fields::trimmed(rec.field(c));
    };
    sqlite3_stmt *st = m_upsert.handle();
    // The record outlives the step, so SQLite need not copy the text.
    auto bindText = [&](int index, std::string_view v) {
        if (v.empty())
            sqlite3_bind_null(st, index);
        else
            sqlite3_bind_text(st, index, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    };
    const std::string &email = rec.derived[DEmail];

    bindText(1, email);
    bindText(2, cell(ExternalId));
    bindText(3, cell(FirstName));
    bindText(4, cell(LastName));
    bindText(5, cell(City));
    bindText(6, rec.derived[DCountry]);
    bindText(7, cell(Language));
    bindText(8, cell(Timezone));
    if (rec.derivedNumber[1])
        sqlite3_bind_int64(st, 9, rec.derivedNumber[0]);
    else
        sqlite3_bind_null(st, 9);
    bindText(10, rec.derived[DStatus]);
    bindText(11, rec.derived[DAttributes]);
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
    return sqlite3_last_insert_rowid(db) != before ? Outcome::Inserted : Outcome::Updated;
}

} // namespace mw
