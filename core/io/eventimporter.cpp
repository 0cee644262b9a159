#include "eventimporter.h"

#include "io/fieldparsers.h"

#include <sqlite3.h>

#include <algorithm>
#include <bit>

namespace mw {

namespace {

enum Field { Email, ExternalId, Type, OccurredAt, Amount, Sku, Campaign };

Status loadMap(Database &db, std::string_view sql, std::unordered_map<std::string, int64_t> &out)
{
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    out.clear();
    while (st->step())
        out.emplace(std::string(st->textView(1)), st->int64(0));
    if (const Error *e = st->error())
        return *e;
    return {};
}

// Looks up one subscriber id; 0 when there is none.
int64_t lookup(Statement &st, std::string_view key)
{
    sqlite3_bind_text(st.handle(), 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
    const int64_t id = st.step() ? st.int64(0) : 0;
    st.reset();
    return id;
}

} // namespace

QStringList EventImporter::knownFields() const
{
    return {QStringLiteral("email"),       QStringLiteral("external_id"), QStringLiteral("type"),
            QStringLiteral("occurred_at"), QStringLiteral("amount"),      QStringLiteral("sku"),
            QStringLiteral("campaign")};
}

Status EventImporter::begin(Database &db, const QStringList &,
                            const std::vector<ColumnTarget> &mapping, const ImportOptions &options)
{
    if (Status s = resolveColumns(mapping); !s)
        return s;
    if (m_column[Email] < 0 && m_column[ExternalId] < 0)
        return Error(Error::Code::BadInput,
                     QStringLiteral("the file needs an \"email\" or an \"external_id\" column"), 1);
    if (m_column[Type] < 0)
        return Error(Error::Code::BadInput, QStringLiteral("the file has no \"type\" column"), 1);
    if (m_column[OccurredAt] < 0)
        return Error(Error::Code::BadInput,
                     QStringLiteral("the file has no \"occurred_at\" column"), 1);
    m_db = &db;
    m_now = options.now != 0 ? options.now : db.referenceTime();
    if (Status s = loadMap(db, "SELECT id, name FROM event_types", m_types); !s)
        return s;
    if (Status s = loadMap(db, "SELECT id, sku FROM products", m_products); !s)
        return s;
    if (Status s = loadMap(db, "SELECT id, name FROM campaigns", m_campaigns); !s)
        return s;
    struct {
        Statement *target;
        std::string_view sql;
    } statements[] = {
        {&m_byEmail, "SELECT id FROM subscribers WHERE email = ?1"},
        {&m_byExternalId, "SELECT id FROM subscribers WHERE external_id = ?1"},
        {&m_insert, "INSERT INTO events(subscriber_id, type, occurred_at, campaign_id, product_id,"
                    " amount, properties) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&m_newCampaign, "INSERT INTO campaigns(name, status, created_at, updated_at)"
                         " VALUES(?1, 'sent', ?2, ?2)"},
    };
    for (auto &s : statements) {
        auto st = db.prepare(s.sql);
        if (!st)
            return st.error();
        *s.target = std::move(*st);
    }
    return {};
}

// derived[]: normalised email, properties JSON; derivedNumber[]: type id, occurred_at,
// amount (bits of a double), whether there is an amount, product id (0 = none).
enum Derived { DEmail, DProperties };
enum DerivedNumber { NType, NWhen, NAmount, NHasAmount, NProduct };

void EventImporter::validateRow(CsvRecord &rec)
{
    auto cell = [&](int f) -> std::string_view {
        const int c = m_column[static_cast<size_t>(f)];
        return c < 0 ? std::string_view() : fields::trimmed(rec.field(c));
    };
    const std::string_view email = cell(Email);
    rec.derived[DEmail].clear();
    if (email.empty() && cell(ExternalId).empty()) {
        rec.error = QStringLiteral("no email or external_id");
        return;
    }
    if (!email.empty()) {
        if (const char *why = fields::normalizeEmail(email, rec.derived[DEmail]); *why) {
            rec.error = QString::fromLatin1(why) + QStringLiteral(": ") + quoted(email);
            return;
        }
    }

    const std::string_view type = cell(Type);
    m_type.assign(type);
    for (char &c : m_type)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    const auto typeIt = m_types.find(m_type);
    if (typeIt == m_types.end()) {
        rec.error = QStringLiteral("unknown event type %1").arg(quoted(type));
        return;
    }
    rec.derivedNumber[NType] = typeIt->second;

    const std::string_view occurred = cell(OccurredAt);
    if (occurred.empty()) {
        rec.error = QStringLiteral("occurred_at is empty");
        return;
    }
    if (!fields::parseIsoDateTime(occurred, rec.derivedNumber[NWhen])) {
        rec.error = QStringLiteral("occurred_at is not an ISO 8601 date: %1").arg(quoted(occurred));
        return;
    }

    double amount = 0;
    const std::string_view amountText = cell(Amount);
    if (!amountText.empty() && !fields::parseNumber(amountText, amount)) {
        rec.error = QStringLiteral("amount is not a number: %1").arg(quoted(amountText));
        return;
    }
    if (!amountText.empty() && !fields::parseMoney(amountText, amount)) {
        rec.error = QStringLiteral("amount is out of range (at most 1,000,000,000,000 either "
                                   "way): %1")
                        .arg(quoted(amountText));
        return;
    }
    rec.derivedNumber[NAmount] = std::bit_cast<int64_t>(amount);
    rec.derivedNumber[NHasAmount] = !amountText.empty();

    // The product catalogue was loaded in begin() and does not change during the import.
    rec.derivedNumber[NProduct] = 0;
    const std::string_view sku = cell(Sku);
    if (!sku.empty()) {
        const auto it = m_products.find(std::string(sku));
        if (it == m_products.end()) {
            rec.error = QStringLiteral("unknown product sku %1").arg(quoted(sku));
            return;
        }
        rec.derivedNumber[NProduct] = it->second;
    }
    // An unknown name creates a campaign, and campaign names are listed one per line.
    const std::string_view campaign = cell(Campaign);
    if (std::any_of(campaign.begin(), campaign.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
        rec.error = QStringLiteral("campaign name contains a line break, tab or other control "
                                   "character: %1")
                        .arg(quoted(campaign));
        return;
    }
    buildAttributes(rec, rec.derived[DProperties]);
}

RowImporter::Outcome EventImporter::importRow(const CsvRecord &rec, QString &reason)
{
    auto cell = [&](int f) -> std::string_view {
        const int c = m_column[static_cast<size_t>(f)];
        return c < 0 ? std::string_view() : fields::trimmed(rec.field(c));
    };

    // Who: email first, else external_id; when both are given they must agree.
    int64_t subscriber = 0;
    const std::string &email = rec.derived[DEmail];
    const std::string_view externalId = cell(ExternalId);
    if (!email.empty()) {
        subscriber = lookup(m_byEmail, email);
        if (subscriber == 0) {
            reason = QStringLiteral("unknown subscriber %1").arg(quoted(email));
            return Outcome::Bad;
        }
    }
    if (!externalId.empty()) {
        const int64_t byId = lookup(m_byExternalId, externalId);
        if (byId == 0) {
            reason = QStringLiteral("unknown subscriber external_id %1").arg(quoted(externalId));
            return Outcome::Bad;
        }
        if (subscriber != 0 && byId != subscriber) {
            reason = QStringLiteral("email %1 and external_id %2 name different subscribers")
                         .arg(quoted(email), quoted(externalId));
            return Outcome::Bad;
        }
        subscriber = byId;
    }
    const int64_t product = rec.derivedNumber[NProduct];

    int64_t campaign = 0;
    const std::string_view campaignName = cell(Campaign);
    if (!campaignName.empty()) {
        const std::string key(campaignName);
        auto it = m_campaigns.find(key);
        if (it == m_campaigns.end()) {
            // A historical send that events refer to; created inside the import's
            // transaction, so an aborted import leaves no trace of it.
            m_newCampaign.bind(1, campaignName).bind(2, m_now);
            if (Status s = m_newCampaign.run(); !s) {
                m_newCampaign.reset();
                return sqlFailure(s.error(), reason);
            }
            it = m_campaigns.emplace(key, m_db->lastInsertRowId()).first;
            ++m_createdCampaigns;
        }
        campaign = it->second;
    }

    sqlite3_stmt *st = m_insert.handle();
    sqlite3_bind_int64(st, 1, subscriber);
    sqlite3_bind_int64(st, 2, rec.derivedNumber[NType]);
    sqlite3_bind_int64(st, 3, rec.derivedNumber[NWhen]);
    campaign ? sqlite3_bind_int64(st, 4, campaign) : sqlite3_bind_null(st, 4);
    product ? sqlite3_bind_int64(st, 5, product) : sqlite3_bind_null(st, 5);
    rec.derivedNumber[NHasAmount]
        ? sqlite3_bind_double(st, 6, std::bit_cast<double>(rec.derivedNumber[NAmount]))
        : sqlite3_bind_null(st, 6);
    const std::string &props = rec.derived[DProperties];
    if (props.empty())
        sqlite3_bind_null(st, 7);
    else
        sqlite3_bind_text(st, 7, props.data(), static_cast<int>(props.size()), SQLITE_STATIC);
    if (Status s = m_insert.run(); !s) {
        m_insert.reset();
        return sqlFailure(s.error(), reason);
    }
    return Outcome::Inserted;
}

} // namespace mw
