#include "bulkwritejournal.h"

#include "database.h"

#include <sqlite3.h>

namespace mw {

BulkWriteJournal::BulkWriteJournal(Database &db) : m_db(db)
{
    if (!sqlite3_get_autocommit(db.handle())) // inside a caller's transaction: no switch
        return;
    auto mode = db.scalar("PRAGMA journal_mode");
    if (!mode || mode->toString() != QLatin1String("wal"))
        return;
    auto now = db.scalar("PRAGMA journal_mode=TRUNCATE");
    m_switched = now && now->toString() == QLatin1String("truncate");
}

BulkWriteJournal::~BulkWriteJournal()
{
    if (m_switched)
        m_db.exec("PRAGMA journal_mode=WAL");
}

} // namespace mw
