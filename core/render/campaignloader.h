#pragma once

#include "common/error.h"
#include "content/campaignstore.h"
#include "render/compiledcampaign.h"
#include "render/recommendationprovider.h"
#include "render/renderer.h"

#include <QString>

#include <memory>

namespace mw {

class Database;

/// Everything needed to render a stored campaign: its record, the compiled campaign and a
/// renderer with the database's recommendations and reference time.
struct LoadedCampaign {
    CampaignRecord record;
    std::shared_ptr<const CompiledCampaign> compiled;
    std::shared_ptr<const Renderer> renderer;
};

/// Loads a campaign by name from the database, compiles it (parse once) and prepares a
/// renderer. Unknown campaign: NotFound; invalid document or Liquid: BadInput.
class CampaignLoader {
public:
    static Result<LoadedCampaign> load(Database &db, const QString &name, int64_t now);
    /// Compiles a document that is not stored (editor preview, tests).
    static Result<LoadedCampaign> fromDocument(Database &db, const CampaignRecord &record,
                                               const CampaignDocument &doc, int64_t now);
};

} // namespace mw
