#pragma once

#include "content/campaigndocument.h"
#include "storage/database.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace mw::test {

/// A sample database (mailwright-cli init --sample) and helpers to derive campaigns from its
/// example campaign.
class ExportFixture {
public:
    /// Creates the database at path with the CLI; QVERIFY-style: returns false on failure.
    static bool createSample(const QString &path, int subscribers);
    /// The example campaign's document (library references resolved).
    static CampaignDocument sampleDocument(Database &db);
    /// Saves edit(sample document) as campaign name (a new version if it exists).
    static bool saveVariant(Database &db, const QString &name,
                            const std::function<void(CampaignDocument &)> &edit);
    /// The checklist's documented sample, computed independently here from the rule in
    /// docs/export.md: up to 200 ids spread evenly, index i * (n - 1) / 199.
    static std::vector<int64_t> documentedSample(Database &db);
};

} // namespace mw::test
