#pragma once

#include "common/error.h"

#include <functional>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_context;

namespace mw {

/// Exposes a batch of in-memory rows to SQL as an eponymous virtual table, so that one
/// `INSERT ... SELECT ... FROM <name>` writes the whole batch. That opens the target
/// table's and indexes' cursors once per batch instead of once per row, which is where
/// most of a per-row INSERT's overhead goes. The table exists on one connection from
/// attach() until the object is destroyed (or detach()).
class BulkRowSource {
public:
    /// Sets column `column` of row `row` of the current batch as the SQL result
    /// (sqlite3_result_text(..., SQLITE_STATIC) of memory that outlives the statement, ...).
    using ColumnFn = std::function<void(size_t row, int column, sqlite3_context *)>;

    BulkRowSource(std::string name, std::vector<std::string> columns, ColumnFn column);
    ~BulkRowSource();
    BulkRowSource(const BulkRowSource &) = delete;
    BulkRowSource &operator=(const BulkRowSource &) = delete;

    /// Registers the table on the connection.
    Status attach(sqlite3 *db);
    /// Unregisters it. Statements that use it must be finalized first.
    void detach();
    /// The number of rows the table shows until the next call.
    void setRowCount(size_t rows) { m_rows = rows; }

    const std::string &name() const { return m_name; }

private:
    struct Module;
    friend struct Module;

    std::string m_name;
    std::vector<std::string> m_columns;
    ColumnFn m_column;
    size_t m_rows = 0;
    sqlite3 *m_db = nullptr;
};

} // namespace mw
