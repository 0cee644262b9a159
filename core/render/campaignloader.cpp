#include "campaignloader.h"

#include "storage/database.h"

namespace mw {

Result<LoadedCampaign> CampaignLoader::load(Database &db, const QString &name, int64_t now)
{
    CampaignStore store(db);
    auto record = store.find(name);
    if (!record)
        return record.error();
    auto doc = store.document(*record);
    if (!doc)
        return doc.error();
    return fromDocument(db, *record, *doc, now);
}

Result<LoadedCampaign> CampaignLoader::fromDocument(Database &db, const CampaignRecord &record,
                                                    const CampaignDocument &doc, int64_t now)
{
    auto compiled = CompiledCampaign::compile(record.id, record.name, doc);
    if (!compiled)
        return compiled.error();
    auto recs = RecommendationProvider::load(db);
    if (!recs)
        return recs.error();
    LoadedCampaign out;
    out.record = record;
    out.compiled = *compiled;
    out.renderer = std::make_shared<const Renderer>(*compiled, *recs, now);
    return out;
}

} // namespace mw
