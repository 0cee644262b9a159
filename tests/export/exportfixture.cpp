#include "exportfixture.h"

#include "content/campaignstore.h"
#include "content/samplecampaign.h"
#include "testutils.h"

namespace mw::test {

bool ExportFixture::createSample(const QString &path, int subscribers)
{
    const CliRun r = runCli({QStringLiteral("init"), QStringLiteral("--db"), path,
                             QStringLiteral("--sample"), QString::number(subscribers)});
    return r.exitCode == 0;
}

CampaignDocument ExportFixture::sampleDocument(Database &db)
{
    CampaignStore store(db);
    auto record = store.find(SampleCampaign::name());
    if (!record)
        return {};
    auto doc = store.document(*record);
    return doc ? *doc : CampaignDocument{};
}

bool ExportFixture::saveVariant(Database &db, const QString &name,
                                const std::function<void(CampaignDocument &)> &edit)
{
    CampaignDocument doc = sampleDocument(db);
    if (doc.blocks.empty())
        return false;
    edit(doc);
    CampaignStore store(db);
    return bool(store.save(name, doc, QStringLiteral("test"), QStringLiteral("broken on purpose"),
                           1790900000));
}

std::vector<int64_t> ExportFixture::documentedSample(Database &db)
{
    std::vector<int64_t> ids;
    auto st = db.prepare("SELECT id FROM subscribers ORDER BY id");
    if (!st)
        return ids;
    while (st->step())
        ids.push_back(st->int64(0));
    if (ids.size() <= 200)
        return ids;
    std::vector<int64_t> out;
    const size_t n = ids.size();
    for (size_t i = 0; i < 200; ++i)
        out.push_back(ids[i * (n - 1) / 199]);
    return out;
}

} // namespace mw::test
