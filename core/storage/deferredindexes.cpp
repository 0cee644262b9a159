#include "deferredindexes.h"

#include "database.h"

#include <sqlite3.h>

#include <optional>

namespace mw {

namespace {

int askKeepGoing(void *keepGoing)
{
    return (*static_cast<const std::function<bool()> *>(keepGoing))() ? 0 : 1;
}

std::string quotedName(std::string_view name)
{
    std::string q = "\"";
    for (char c : name) {
        q.push_back(c);
        if (c == '"')
            q.push_back('"');
    }
    q.push_back('"');
    return q;
}

/// Sets a connection setting for the span of a scope and puts the old value back.
/// (A setting SQLite refuses to change is simply left as it was.)
class ScopedPragma {
public:
    ScopedPragma(Database &db, const std::string &name, int64_t value) : m_db(db), m_name(name)
    {
        auto old = db.scalar("PRAGMA " + name);
        if (old && db.exec("PRAGMA " + name + " = " + std::to_string(value)))
            m_old = old->toLongLong();
    }
    ~ScopedPragma()
    {
        if (m_old)
            m_db.exec("PRAGMA " + m_name + " = " + std::to_string(*m_old));
    }
    ScopedPragma(const ScopedPragma &) = delete;
    ScopedPragma &operator=(const ScopedPragma &) = delete;

private:
    Database &m_db;
    std::string m_name;
    std::optional<int64_t> m_old;
};

} // namespace

Status DeferredIndexes::defer(Database &db, std::string_view table)
{
    m_db = &db;
    if (sqlite3_get_autocommit(db.handle()))
        return Error(Error::Code::Internal,
                     QStringLiteral("indexes can only be deferred inside a transaction"));
    auto st = db.prepare("SELECT m.name, m.sql FROM main.sqlite_master m"
                         " WHERE m.type = 'index' AND m.tbl_name = ?1 AND m.sql IS NOT NULL"
                         " AND NOT EXISTS (SELECT 1 FROM pragma_index_list(?1) l"
                         "                 WHERE l.name = m.name AND l.\"unique\")"
                         " ORDER BY m.rowid");
    if (!st)
        return st.error();
    st->bind(1, table);
    std::vector<std::string> names, sql;
    while (st->step()) {
        names.emplace_back(st->textView(0));
        sql.emplace_back(st->textView(1));
    }
    if (st->error())
        return *st->error();
    for (size_t i = 0; i < names.size(); ++i) {
        if (Status s = db.exec("DROP INDEX main." + quotedName(names[i])); !s)
            return s; // the caller's rollback restores what was dropped
        m_sql.push_back(std::move(sql[i]));
    }
    return {};
}

Status DeferredIndexes::rebuild(const std::function<bool()> &keepGoing)
{
    if (m_sql.empty())
        return {};
    sqlite3 *handle = m_db->handle();
    if (keepGoing)
        sqlite3_progress_handler(handle, 100000, &askKeepGoing,
                                 const_cast<std::function<bool()> *>(&keepGoing));
    Status result;
    {
        // How SQLite's sorter sorts the keys: with temporary storage in memory it keeps
        // all of them in one list and sorts it at the end, chasing pointers all over a
        // hundred megabytes for a million rows. With temporary files it sorts runs of
        // the page cache's size (2 MB here: they stay in the CPU's caches), spills each
        // to a file, which the OS keeps in memory, and merges them; one worker thread
        // sorts the next run meanwhile. 1M subscribers: 0.9 s for the three indexes
        // instead of 3 s. (The dirty pages that leave the smaller cache would be written
        // at the commit anyway; the import's cache comes back afterwards.)
        const ScopedPragma tempFiles(*m_db, "temp_store", 1);
        const ScopedPragma smallRuns(*m_db, "cache_size", -2000);
        const ScopedPragma worker(*m_db, "threads", 1);
        for (const std::string &sql : m_sql) {
            result = m_db->exec(sql);
            const int rc = sqlite3_extended_errcode(handle) & 0xff;
            if (!result && !sqlite3_get_autocommit(handle) &&
                (rc == SQLITE_FULL || rc == SQLITE_IOERR || rc == SQLITE_CANTOPEN) &&
                m_db->exec("PRAGMA temp_store = MEMORY"))
                result = m_db->exec(sql); // no room for temporary files: sort in memory
            if (!result)
                break;
        }
    }
    if (keepGoing)
        sqlite3_progress_handler(handle, 0, nullptr, nullptr);
    if (!result && sqlite3_errcode(handle) == SQLITE_INTERRUPT)
        result = Error(Error::Code::Cancelled, QStringLiteral("cancelled"));
    m_sql.clear();
    return result;
}

} // namespace mw
