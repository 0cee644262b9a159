#pragma once

#include "common/error.h"

namespace mw {

class Database;

/// Numbered, forward-only schema migrations tracked in PRAGMA user_version.
///
/// Each migration runs in its own transaction together with the user_version bump, so a
/// failure leaves the file at the previous version. To change the schema, append a
/// migration; never edit one that has shipped.
class Migrations {
public:
    static int latestVersion();
    /// Brings the database to latestVersion() (or to targetVersion when >= 0; tests use
    /// this to build every earlier version).
    static Status migrate(Database &db, int targetVersion = -1);
};

} // namespace mw
