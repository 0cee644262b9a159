#include "campaignstore.h"

#include "content/blocklibrary.h"

#include <QJsonDocument>

#include <optional>

#include <sqlite3.h>

namespace mw {

namespace {
constexpr std::string_view kColumns =
    "SELECT id, name, status, version, coalesce(document, ''), created_at, updated_at, "
    "approved_version FROM campaigns ";

CampaignRecord recordFrom(const Statement &st)
{
    CampaignRecord r;
    r.id = st.int64(0);
    r.name = st.text(1);
    r.status = st.text(2);
    r.version = static_cast<int>(st.int64(3));
    const std::string_view doc = st.textView(4);
    r.document = QByteArray(doc.data(), static_cast<qsizetype>(doc.size()));
    r.createdAt = st.int64(5);
    r.updatedAt = st.int64(6);
    if (!st.isNull(7))
        r.approvedVersion = static_cast<int>(st.int64(7));
    return r;
}
} // namespace

Result<std::vector<CampaignRecord>> CampaignStore::list()
{
    auto st = m_db.prepare(std::string(kColumns) + "ORDER BY name");
    if (!st)
        return st.error();
    std::vector<CampaignRecord> out;
    while (st->step())
        out.push_back(recordFrom(*st));
    if (const Error *e = st->error())
        return *e;
    return out;
}

Result<CampaignRecord> CampaignStore::find(const QString &name)
{
    auto st = m_db.prepare(std::string(kColumns) + "WHERE name = ?1");
    if (!st)
        return st.error();
    st->bind(1, name);
    if (st->step())
        return recordFrom(*st);
    if (const Error *e = st->error())
        return *e;
    return Error(Error::Code::NotFound, QStringLiteral("unknown campaign \"%1\"").arg(name));
}

Result<CampaignDocument> CampaignStore::document(const CampaignRecord &record)
{
    if (record.document.isEmpty())
        return Error(Error::Code::BadInput,
                     QStringLiteral("campaign \"%1\" has no document (it is a historical send)")
                         .arg(record.name));
    auto doc = CampaignDocument::fromJsonText(record.document);
    if (!doc)
        return doc.error();
    BlockLibrary library(m_db);
    for (size_t i = 0; i < doc->blocks.size(); ++i) {
        CampaignBlock &b = doc->blocks[i];
        if (b.libraryRef.isEmpty() || !b.content.isEmpty())
            continue; // a block with its own content overrides the library's
        auto lib = library.find(b.libraryRef);
        if (!lib)
            return Error(lib.error().code, lib.error().message, 0, 0,
                         QStringLiteral("blocks[%1].library").arg(i));
        if (lib->block.type != b.type)
            return Error(
                Error::Code::BadInput,
                QStringLiteral("library block \"%1\" is a %2 block, not %3")
                    .arg(b.libraryRef, blockTypeName(lib->block.type), blockTypeName(b.type)),
                0, 0, QStringLiteral("blocks[%1].library").arg(i));
        const QString id = b.id;
        const QString ref = b.libraryRef;
        b = lib->block;
        b.id = id;
        b.libraryRef = ref;
    }
    return doc;
}

Result<int64_t> CampaignStore::save(const QString &name, const CampaignDocument &doc,
                                    const QString &author, const QString &note, int64_t now)
{
    const QByteArray json = QJsonDocument(doc.toJson()).toJson(QJsonDocument::Compact);
    // Join a transaction the caller already has open (e.g. the sample generator's).
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto existing = m_db.scalar("SELECT id FROM campaigns WHERE name = ?1", {name});
    if (!existing)
        return existing.error();
    int64_t id = 0;
    if (existing->isNull()) {
        auto ins =
            m_db.prepare("INSERT INTO campaigns(name, status, document, version, created_at, "
                         "updated_at) VALUES(?1, 'draft', ?2, 1, ?3, ?3)");
        if (!ins)
            return ins.error();
        ins->bind(1, name).bind(
            2, std::string_view(json.constData(), static_cast<size_t>(json.size())));
        ins->bind(3, now);
        if (Status s = ins->run(); !s)
            return s.error();
        id = m_db.lastInsertRowId();
    } else {
        id = existing->toLongLong();
        auto up = m_db.prepare("UPDATE campaigns SET document = ?2, version = version + 1, "
                               "updated_at = ?3, status = CASE WHEN status = 'approved' THEN "
                               "'draft' ELSE status END WHERE id = ?1");
        if (!up)
            return up.error();
        up->bind(1, id).bind(2,
                             std::string_view(json.constData(), static_cast<size_t>(json.size())));
        up->bind(3, now);
        if (Status s = up->run(); !s)
            return s.error();
    }
    auto ver = m_db.prepare("INSERT INTO campaign_versions(campaign_id, version, document, "
                            "created_at, author, note) SELECT id, version, document, ?2, ?3, ?4 "
                            "FROM campaigns WHERE id = ?1");
    if (!ver)
        return ver.error();
    ver->bind(1, id).bind(2, now).bind(3, author).bind(4, note);
    if (Status s = ver->run(); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

} // namespace mw
