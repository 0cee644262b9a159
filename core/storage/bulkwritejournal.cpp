#include "bulkwritejournal.h"

#include "database.h"

#include <QFile>

#include <sqlite3.h>

namespace mw {

namespace {

// SQLite file header (https://www.sqlite.org/fileformat.html#the_database_header).
constexpr qint64 kHeaderSize = 100;
constexpr qint64 kChangeCounter = 24;   // 4 bytes
constexpr qint64 kVersionValidFor = 92; // 4 bytes, a copy of the change counter

QByteArray readHeader(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(kHeaderSize);
}

// Copies the whole WAL into the database file without waiting for anyone; false when
// frames remain (a reader still needs them) or on error.
bool checkpointed(Database &db)
{
    auto st = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
    if (!st || !st->step())
        return false;
    return st->int64(0) == 0 && st->int64(1) == st->int64(2);
}

} // namespace

BulkWriteJournal::BulkWriteJournal(Database &db) : m_db(db)
{
    if (!sqlite3_get_autocommit(db.handle())) // inside a caller's transaction: no switch
        return;
    auto mode = db.scalar("PRAGMA journal_mode");
    if (!mode || mode->toString() != QLatin1String("wal"))
        return;
    // Everything into the file first, so its header is the current one. PASSIVE never
    // waits: frames it cannot copy mean another connection is reading, and then the
    // switch would fail anyway.
    if (!checkpointed(db))
        return;
    m_header = readHeader(db.path());
    if (m_header.size() != kHeaderSize)
        return;
    auto now = db.scalar("PRAGMA journal_mode=TRUNCATE");
    m_switched = now && now->toString() == QLatin1String("truncate");
}

BulkWriteJournal::~BulkWriteJournal()
{
    if (!m_switched)
        return;
    if (!m_db.exec("PRAGMA journal_mode=WAL"))
        return;
    if (!m_committed)
        restoreChangeCounter();
}

void BulkWriteJournal::restoreChangeCounter()
{
    // Holding the write lock, with the WAL empty, nobody else can write the file's pages;
    // readers only ever see the counter torn, and it means nothing in WAL mode.
    if (!checkpointed(m_db) || !m_db.exec("BEGIN IMMEDIATE"))
        return;
    const QByteArray now = readHeader(m_db.path());
    // Put the counter back only when nothing else in the header differs (the content is
    // the same as before); anything else, and the header stays as SQLite wrote it.
    auto masked = [](QByteArray h) {
        h.replace(kChangeCounter, 4, QByteArray(4, '\0'));
        h.replace(kVersionValidFor, 4, QByteArray(4, '\0'));
        return h;
    };
    if (now.size() == kHeaderSize && now != m_header && masked(now) == masked(m_header)) {
        QFile f(m_db.path());
        if (f.open(QIODevice::ReadWrite) && f.seek(kChangeCounter) &&
            f.write(m_header.mid(kChangeCounter, 4)) == 4 && f.seek(kVersionValidFor) &&
            f.write(m_header.mid(kVersionValidFor, 4)) == 4)
            f.flush();
        // Forget cached pages, so this connection reads page 1 as it now is.
        sqlite3_db_release_memory(m_db.handle());
    }
    m_db.exec("COMMIT");
}

} // namespace mw
