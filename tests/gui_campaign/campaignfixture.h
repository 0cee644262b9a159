#pragma once

#include "campaign/previewrender.h"

#include <QJsonObject>
#include <QString>

namespace mw::test {

/// A small database for the editor tests: three subscribers (Anna, Ben, Chloe) with
/// metrics, and one campaign "Spring sale" whose subject and hero greet by first name.
struct CampaignFixture {
    static QJsonObject springSale();
    /// Creates the database at path; returns the campaign id (0 on failure).
    static qint64 create(const QString &path);
    /// A stand-in renderer (subscriber.* substitution only) until the render core lands.
    static ui::PreviewRendererFactory simpleRenderer();
};

} // namespace mw::test
