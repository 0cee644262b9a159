#pragma once

#include "common/error.h"
#include "content/campaignstore.h"
#include "storage/database.h"

#include <QString>

#include <cstdint>

namespace mw {

/// Records and checks approval of a campaign version (campaigns.status, approved_version,
/// approved_by, approved_at). CampaignStore::save bumps the version and turns an approved
/// campaign back into a draft, so an edit after approval is never exportable.
class CampaignApproval {
public:
    explicit CampaignApproval(Database &db) : m_db(db) {}

    /// Marks exactly `version` of the campaign approved. Refused when the campaign was
    /// saved again since it was checked (its version is no longer `version`).
    Status approve(int64_t campaignId, int version, const QString &by, int64_t now);

    /// Ok when the campaign is approved and its approved version is the current one;
    /// otherwise a Refused error saying why.
    static Status requireApproved(const CampaignRecord &record);

private:
    Database &m_db;
};

} // namespace mw
