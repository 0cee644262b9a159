#pragma once

#include "common/error.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mw {

class Database;

/// For a bulk write into a table that holds few rows compared with what is coming: drops
/// the table's non-unique indexes inside the writer's open transaction and creates them
/// again at the end.
///
/// Inserting a million rows into an index whose keys come in random order touches a
/// random leaf page per row; CREATE INDEX instead sorts all keys once and writes the
/// B-tree page by page, in order. Unique indexes stay, since they check each row as it
/// comes (an upsert finds its row through them). A rollback, or a rebuild() that fails
/// or is cancelled, brings the indexes back exactly as they were, with the rest of the
/// transaction; rebuild() must run before the transaction commits.
class DeferredIndexes {
public:
    /// Drops table's non-unique indexes (those with a CREATE statement: not the ones
    /// UNIQUE or PRIMARY KEY constraints make). The caller's transaction must be open.
    /// May be called for several tables; rebuild() creates all of them.
    Status defer(Database &db, std::string_view table);
    /// Whether indexes were dropped and still wait for rebuild().
    bool pending() const { return !m_sql.empty(); }
    /// How many indexes wait for rebuild().
    size_t count() const { return m_sql.size(); }
    /// Creates the dropped indexes again, in their original order. keepGoing (may be
    /// empty) is asked now and then; when it says no, the build stops with a Cancelled
    /// error and SQLite rolls the whole transaction back.
    Status rebuild(const std::function<bool()> &keepGoing = {});

private:
    Database *m_db = nullptr;
    std::vector<std::string> m_sql; // CREATE INDEX statements, as stored in the schema
};

} // namespace mw
