#include "bulkrowsource.h"

#include <sqlite3.h>

#include <QString>

namespace mw {

// The sqlite3_module callbacks. The table is eponymous-only (no xCreate): it needs no
// CREATE VIRTUAL TABLE and leaves nothing in the schema.
struct BulkRowSource::Module {
    struct Table : sqlite3_vtab {
        BulkRowSource *source = nullptr;
    };
    struct Cursor : sqlite3_vtab_cursor {
        size_t row = 0;
    };

    static int connect(sqlite3 *db, void *aux, int, const char *const *, sqlite3_vtab **out,
                       char **)
    {
        auto *source = static_cast<BulkRowSource *>(aux);
        std::string ddl = "CREATE TABLE x(";
        for (size_t i = 0; i < source->m_columns.size(); ++i)
            ddl += (i ? ", " : "") + source->m_columns[i];
        ddl += ")";
        if (int rc = sqlite3_declare_vtab(db, ddl.c_str()); rc != SQLITE_OK)
            return rc;
        auto *table = new Table{};
        table->source = source;
        *out = table;
        return SQLITE_OK;
    }
    static int disconnect(sqlite3_vtab *vtab)
    {
        delete static_cast<Table *>(vtab);
        return SQLITE_OK;
    }
    static int bestIndex(sqlite3_vtab *, sqlite3_index_info *info)
    {
        info->estimatedCost = 1e6; // a plain scan: no constraint is used
        return SQLITE_OK;
    }
    static int open(sqlite3_vtab *, sqlite3_vtab_cursor **out)
    {
        *out = new Cursor{};
        return SQLITE_OK;
    }
    static int close(sqlite3_vtab_cursor *cursor)
    {
        delete static_cast<Cursor *>(cursor);
        return SQLITE_OK;
    }
    static int filter(sqlite3_vtab_cursor *cursor, int, const char *, int, sqlite3_value **)
    {
        static_cast<Cursor *>(cursor)->row = 0;
        return SQLITE_OK;
    }
    static int next(sqlite3_vtab_cursor *cursor)
    {
        ++static_cast<Cursor *>(cursor)->row;
        return SQLITE_OK;
    }
    static int eof(sqlite3_vtab_cursor *cursor)
    {
        const auto *c = static_cast<Cursor *>(cursor);
        return c->row >= static_cast<Table *>(c->pVtab)->source->m_rows;
    }
    static int column(sqlite3_vtab_cursor *cursor, sqlite3_context *ctx, int i)
    {
        const auto *c = static_cast<Cursor *>(cursor);
        static_cast<Table *>(c->pVtab)->source->m_column(c->row, i, ctx);
        return SQLITE_OK;
    }
    static int rowid(sqlite3_vtab_cursor *cursor, sqlite3_int64 *out)
    {
        *out = static_cast<sqlite3_int64>(static_cast<Cursor *>(cursor)->row);
        return SQLITE_OK;
    }

    static const sqlite3_module &get()
    {
        static const sqlite3_module m = [] {
            sqlite3_module x{};
            x.iVersion = 0;
            x.xCreate = nullptr; // eponymous-only
            x.xConnect = &connect;
            x.xBestIndex = &bestIndex;
            x.xDisconnect = &disconnect;
            x.xDestroy = &disconnect;
            x.xOpen = &open;
            x.xClose = &close;
            x.xFilter = &filter;
            x.xNext = &next;
            x.xEof = &eof;
            x.xColumn = &column;
            x.xRowid = &rowid;
            return x;
        }();
        return m;
    }
};

BulkRowSource::BulkRowSource(std::string name, std::vector<std::string> columns, ColumnFn column)
    : m_name(std::move(name)), m_columns(std::move(columns)), m_column(std::move(column))
{
}

BulkRowSource::~BulkRowSource()
{
    detach();
}

Status BulkRowSource::attach(sqlite3 *db)
{
    detach();
    if (int rc = sqlite3_create_module_v2(db, m_name.c_str(), &Module::get(), this, nullptr);
        rc != SQLITE_OK)
        return Error(Error::Code::Internal, QStringLiteral("cannot register %1: %2")
                                                .arg(QString::fromStdString(m_name),
                                                     QString::fromUtf8(sqlite3_errstr(rc))));
    m_db = db;
    return {};
}

void BulkRowSource::detach()
{
    if (m_db) // registering no module under the name removes it
        sqlite3_create_module_v2(m_db, m_name.c_str(), nullptr, nullptr, nullptr);
    m_db = nullptr;
}

} // namespace mw
