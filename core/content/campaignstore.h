#pragma once

#include "common/error.h"
#include "content/campaigndocument.h"
#include "storage/database.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace mw {

/// A row of campaigns (the document itself is parsed on demand).
struct CampaignRecord {
    int64_t id = 0;
    QString name;
    QString status;
    int version = 0;
    QByteArray document; // JSON, empty for historical sends without a document
    int64_t createdAt = 0;
    int64_t updatedAt = 0;
    std::optional<int> approvedVersion;
};

/// Campaign documents in campaigns.document with every saved version in
/// campaign_versions. Uses the caller's connection.
class CampaignStore {
public:
    explicit CampaignStore(Database &db) : m_db(db) {}

    /// All campaigns by name (including historical sends without a document).
    Result<std::vector<CampaignRecord>> list();
    Result<CampaignRecord> find(const QString &name);
    /// The document of a campaign, with block-library references resolved.
    Result<CampaignDocument> document(const CampaignRecord &record);

    /// Creates or updates a campaign (status draft), bumps its version and records the
    /// version in campaign_versions, all in one transaction. Returns the campaign id.
    Result<int64_t> save(const QString &name, const CampaignDocument &doc, const QString &author,
                         const QString &note, int64_t now);

private:
    Database &m_db;
};

} // namespace mw
