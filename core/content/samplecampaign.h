#pragma once

#include "common/error.h"
#include "content/campaigndocument.h"
#include "storage/database.h"

#include <QString>

namespace mw {

/// The example campaign of the sample database: every block type, rule-based variants
/// for lifecycle stages, a VIP subject line, and library header/footer blocks.
class SampleCampaign {
public:
    static QString name();
    /// The campaign document (also used by tests and benchmarks).
    static CampaignDocument document();
    /// Saves the library blocks and the campaign (one version each), timestamps at the
    /// database's reference time so equal seeds give identical databases.
    static Status install(Database &db);
};

} // namespace mw
