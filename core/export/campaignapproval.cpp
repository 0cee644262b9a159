#include "campaignapproval.h"

namespace mw {

Status CampaignApproval::approve(int64_t campaignId, int version, const QString &by, int64_t now)
{
    auto up = m_db.prepare("UPDATE campaigns SET status = 'approved', approved_version = ?2, "
                           "approved_by = ?3, approved_at = ?4 WHERE id = ?1 AND version = ?2");
    if (!up)
        return up.error();
    up->bind(1, campaignId).bind(2, static_cast<int64_t>(version));
    up->bind(3, by).bind(4, now);
    if (Status s = up->run(); !s)
        return s;
    if (m_db.changes() != 1)
        return Error(Error::Code::Refused,
                     QStringLiteral("the campaign was changed while it was being checked; "
                                    "run the approval again"));
    return {};
}

Status CampaignApproval::requireApproved(const CampaignRecord &record)
{
    if (!record.approvedVersion || record.status != QLatin1String("approved"))
        return Error(Error::Code::Refused,
                     QStringLiteral("campaign \"%1\" is not approved (status %2); run "
                                    "campaign approve first")
                         .arg(record.name, record.status));
    if (*record.approvedVersion != record.version)
        return Error(Error::Code::Refused,
                     QStringLiteral("campaign \"%1\" was edited after approval (approved "
                                    "version %2, current version %3); approve it again")
                         .arg(record.name)
                         .arg(*record.approvedVersion)
                         .arg(record.version));
    return {};
}

} // namespace mw
