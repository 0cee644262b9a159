#pragma once

#include "common/error.h"
#include "content/campaigndocument.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace mw {

/// The ESP-ready form of a campaign: the whole email as one HTML template with the Liquid
/// kept (layout, subject in <title>, preheader, every block's default content), its
/// plain-text twin, and a manifest of the variables both read. Our per-subscriber rules
/// (variants, hide rules, requires) have no Liquid form yet: the template uses each
/// block's default content and the manifest lists what was left out.
struct LiquidExport {
    QByteArray html;
    QByteArray text;
    QJsonObject manifest;

    /// Parses the generated templates (they must be valid Liquid) to collect the fields.
    static Result<LiquidExport> build(const CampaignDocument &doc);
};

} // namespace mw
