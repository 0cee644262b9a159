#pragma once

#include <QStringList>

namespace mw::cli {

/// mailwright-cli campaign export --db FILE --campaign NAME --out FILE.json
int runCampaignExport(const QStringList &args);
/// mailwright-cli campaign import --db FILE --bundle FILE.json
int runCampaignImport(const QStringList &args);

} // namespace mw::cli
