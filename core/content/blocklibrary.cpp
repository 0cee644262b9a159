#include "blocklibrary.h"

#include <QJsonDocument>

#include <optional>

#include <sqlite3.h>

namespace mw {

namespace {

Result<LibraryBlock> fromRow(const Statement &st)
{
    LibraryBlock b;
    b.id = st.int64(0);
    b.name = st.text(1);
    b.status = st.text(2);
    b.version = static_cast<int>(st.int64(3));
    const QByteArray json = st.text(4).toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    auto block = blockFromJson(doc.object(), QStringLiteral("block \"%1\"").arg(b.name));
    if (!block)
        return block.error();
    b.block = *block;
    return b;
}

} // namespace

bool BlockLibrary::isValidStatus(const QString &status)
{
    return status == QLatin1String("draft") || status == QLatin1String("approved") ||
           status == QLatin1String("needs_refresh");
}

Result<std::vector<LibraryBlock>> BlockLibrary::list()
{
    auto st = m_db.prepare("SELECT id, name, status, version, document FROM blocks ORDER BY name");
    if (!st)
        return st.error();
    std::vector<LibraryBlock> out;
    while (st->step()) {
        auto b = fromRow(*st);
        if (!b)
            return b.error();
        out.push_back(std::move(*b));
    }
    if (const Error *e = st->error())
        return *e;
    return out;
}

Result<LibraryBlock> BlockLibrary::find(const QString &name)
{
    auto st =
        m_db.prepare("SELECT id, name, status, version, document FROM blocks WHERE name = ?1");
    if (!st)
        return st.error();
    st->bind(1, name);
    if (st->step())
        return fromRow(*st);
    if (const Error *e = st->error())
        return *e;
    return Error(Error::Code::NotFound, QStringLiteral("unknown library block \"%1\"").arg(name));
}

Result<int64_t> BlockLibrary::save(const QString &name, const CampaignBlock &block,
                                   const QString &status, int64_t now)
{
    if (!isValidStatus(status))
        return Error(Error::Code::BadInput,
                     QStringLiteral("unknown block status \"%1\"").arg(status));
    CampaignBlock stored = block;
    stored.libraryRef.clear();
    const QByteArray json = QJsonDocument(blockToJson(stored)).toJson(QJsonDocument::Compact);
    const std::string_view doc(json.constData(), static_cast<size_t>(json.size()));
    // Join a transaction the caller already has open (e.g. the sample generator's).
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto existing = m_db.scalar("SELECT id FROM blocks WHERE name = ?1", {name});
    if (!existing)
        return existing.error();
    int64_t id = 0;
    if (existing->isNull()) {
        auto ins = m_db.prepare("INSERT INTO blocks(name, type, status, document, version, "
                                "created_at, updated_at) VALUES(?1, ?2, ?3, ?4, 1, ?5, ?5)");
        if (!ins)
            return ins.error();
        ins->bind(1, name)
            .bind(2, blockTypeName(block.type))
            .bind(3, status)
            .bind(4, doc)
            .bind(5, now);
        if (Status s = ins->run(); !s)
            return s.error();
        id = m_db.lastInsertRowId();
    } else {
        id = existing->toLongLong();
        auto up = m_db.prepare("UPDATE blocks SET type = ?2, status = ?3, document = ?4, "
                               "version = version + 1, updated_at = ?5 WHERE id = ?1");
        if (!up)
            return up.error();
        up->bind(1, id)
            .bind(2, blockTypeName(block.type))
            .bind(3, status)
            .bind(4, doc)
            .bind(5, now);
        if (Status s = up->run(); !s)
            return s.error();
    }
    auto ver = m_db.prepare("INSERT INTO block_versions(block_id, version, document, created_at) "
                            "SELECT id, version, document, ?2 FROM blocks WHERE id = ?1");
    if (!ver)
        return ver.error();
    ver->bind(1, id).bind(2, now);
    if (Status s = ver->run(); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Status BlockLibrary::setStatus(const QString &name, const QString &status, int64_t now)
{
    if (!isValidStatus(status))
        return Error(Error::Code::BadInput,
                     QStringLiteral("unknown block status \"%1\"").arg(status));
    auto st = m_db.prepare("UPDATE blocks SET status = ?2, updated_at = ?3 WHERE name = ?1");
    if (!st)
        return st.error();
    st->bind(1, name).bind(2, status).bind(3, now);
    if (Status s = st->run(); !s)
        return s;
    if (m_db.changes() == 0)
        return Error(Error::Code::NotFound,
                     QStringLiteral("unknown library block \"%1\"").arg(name));
    return {};
}

} // namespace mw
