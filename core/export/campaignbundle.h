#pragma once

#include "common/error.h"
#include "content/campaigndocument.h"
#include "content/campaignstore.h"

#include <QByteArray>
#include <QString>

namespace mw {

/// A campaign as one portable JSON file (`campaign export` / `campaign import`):
/// {"mailwright_bundle": 1, "name", "version", "status", "approved_version", "document"}.
/// The document has its block-library references resolved (each such block carries its
/// content, so the bundle does not depend on the other database's library). Approval is
/// not carried over: an imported campaign is a draft until approved in its new database.
struct CampaignBundle {
    QString name;
    CampaignDocument document;

    static QByteArray toJson(const CampaignRecord &record, const CampaignDocument &resolved);
    /// Errors are BadInput naming the JSON path ("document.blocks[2].type: ...").
    static Result<CampaignBundle> fromJson(const QByteArray &bytes);
};

} // namespace mw
