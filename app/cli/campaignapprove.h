#pragma once

#include <QStringList>

namespace mw::cli {

/// mailwright-cli campaign approve --db FILE --campaign NAME --by NAME (args after "approve").
int runCampaignApprove(const QStringList &args);

} // namespace mw::cli
