#pragma once

#include <QStringList>

namespace mw {
class Database;
}

namespace mw::ui {

/// The names a campaign template can use: subscriber fields and metrics from the schema,
/// custom attribute keys found in the data, and the Liquid filters.
class LiquidFieldCatalog {
public:
    /// Reads columns and attribute keys (from a bounded sample of subscribers).
    static QStringList fields(Database &db);
    static QStringList filters();
};

} // namespace mw::ui
