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

SubscriberImporter::SubscriberImporter()
    : m_rows("mw_import_subscribers",
             {"email", "external_id", "first_name", "last_name", "city", "country", "language",
              "timezone", "created_at", "status", "attributes"},
             [this](size_t row, int column, sqlite3_context *ctx) {
                 const Value v = value(*m_batch[row], column);
                 if (v.kind == Value::Text)
                     sqlite3_result_text(ctx, v.text.data(), static_cast<int>(v.text.size()),
                                         SQLITE_STATIC);
                 else if (v.kind == Value::Integer)
                     sqlite3_result_int64(ctx, v.number);
                 else
                     sqlite3_result_null(ctx);
             })
{
}

SubscriberImporter::~SubscriberImporter()
{
    m_insertBatch = Statement(); // finalized before its table goes
    m_rows.detach();
}

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
    if (Status s = m_rows.attach(db.handle()); !s)
        return s;
    // New rows only, in order: OR FAIL stops at the first row with a conflict (an email
    // already stored, an external_id taken ...) and keeps the rows before it, which is
    // exactly what row-by-row import would have done with them; that row goes through the
    // upsert and the run resumes after it. (OR FAIL also spares the statement journal that
    // an aborting multi-row statement needs.)
    auto batch =
        db.prepare("INSERT OR FAIL INTO subscribers(email, external_id, first_name, last_name,"
                   " city, country, language, timezone, created_at, status, attributes)"
                   " SELECT email, external_id, first_name, last_name, city, country,"
                   " language, timezone, coalesce(created_at, ?1),"
                   " coalesce(status, 'subscribed'), coalesce(attributes, '{}')"
                   " FROM mw_import_subscribers");
    if (!batch)
        return batch.error();
    m_insertBatch = std::move(*batch);
    sqlite3_bind_int64(m_insertBatch.handle(), 1, m_now);
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
    // The stored columns in the statements' order (created_at, a number, is derivedNumber).
    static constexpr Field kCellOf[kColumns] = {Email,     ExternalId,  FirstName,  LastName,
                                                City,      Country,     Language,   Timezone,
                                                CreatedAt, StatusField, StatusField};
    rec.values.resize(kColumns);
    for (int c = 0; c < kColumns; ++c)
        rec.values[size_t(c)] = cell(kCellOf[c]);
    rec.values[0] = rec.derived[DEmail];
    rec.values[5] = rec.derived[DCountry];
    rec.values[9] = rec.derived[DStatus];
    rec.values[10] = rec.derived[DAttributes];
}

SubscriberImporter::Value SubscriberImporter::value(const CsvRecord &rec, int column) const
{
    Value v;
    if (column == 8) {
        if (rec.derivedNumber[1]) {
            v.kind = Value::Integer;
            v.number = rec.derivedNumber[0];
        }
        return v;
    }
    const std::string_view text = rec.values[size_t(column)];
    if (!text.empty()) { // an empty cell is no value: it never erases a stored one
        v.kind = Value::Text;
        v.text = text;
    }
    return v;
}

int64_t SubscriberImporter::importBatch(std::span<const CsvRecord *const> records)
{
    // A few rows gain nothing. When runs of new rows keep ending early (a re-import that
    // mostly updates), decline a growing number of offers, each of which is one row.
    constexpr size_t kMinRun = 16;
    if (records.size() < kMinRun)
        return 0;
    if (m_skip > 0) {
        --m_skip;
        return 0;
    }
    sqlite3 *db = m_db->handle();
    m_batch = records;
    m_rows.setRowCount(records.size());
    sqlite3_stmt *st = m_insertBatch.handle();
    const int rc = sqlite3_step(st);
    const int ext = sqlite3_extended_errcode(db);
    const Error error = rc == SQLITE_DONE ? Error() : m_db->lastError();
    sqlite3_reset(st);
    m_rows.setRowCount(0);
    m_batch = {};
    const int64_t inserted = sqlite3_changes64(db);
    // Only a constraint stops the run harmlessly; anything else (disk full ...) is fatal,
    // and the caller rolls the import back.
    if (rc != SQLITE_DONE && ((ext & 0xff) != SQLITE_CONSTRAINT || sqlite3_get_autocommit(db))) {
        m_fatal = error;
        return -1;
    }
    if (inserted >= int64_t(kMinRun)) {
        m_backoff = 1;
    } else {
        m_skip = m_backoff;
        m_backoff = std::min(m_backoff * 2, 1024);
    }
    return inserted;
}

RowImporter::Outcome SubscriberImporter::importRow(const CsvRecord &rec, QString &reason)
{
    sqlite3_stmt *st = m_upsert.handle();
    // The record outlives the step, so SQLite need not copy the text.
    for (int c = 0; c < kColumns; ++c) {
        const Value v = value(rec, c);
        if (v.kind == Value::Text)
            sqlite3_bind_text(st, c + 1, v.text.data(), static_cast<int>(v.text.size()),
                              SQLITE_STATIC);
        else if (v.kind == Value::Integer)
            sqlite3_bind_int64(st, c + 1, v.number);
        else
            sqlite3_bind_null(st, c + 1);
    }
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
                         .arg(quoted(value(rec, 1).text));
            return Outcome::Bad;
        }
        // json_patch() meets stored attributes that are not JSON (a damaged database, or
        // a row another program wrote): this row cannot be merged; the others can.
        if (ext == SQLITE_ERROR && e.message.contains(QLatin1String("malformed JSON"))) {
            reason = QStringLiteral("the attributes stored for %1 are not valid JSON, so this "
                                    "row's attributes cannot be merged into them")
                         .arg(quoted(value(rec, 0).text));
            return Outcome::Bad;
        }
        return sqlFailure(e, reason);
    }
    sqlite3_reset(st);
    return sqlite3_last_insert_rowid(db) != before ? Outcome::Inserted : Outcome::Updated;
}

} // namespace mw
