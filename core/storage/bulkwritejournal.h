#pragma once

#include <QByteArray>

namespace mw {

class Database;

/// For the span of one big write (sample generation, a bulk import): switches the
/// connection from WAL to a rollback journal if it can, and back to WAL afterwards.
///
/// In WAL mode every page is written twice: into the WAL at commit, then into the
/// database by the checkpoint. New pages (rows appended to a table) need no journal at
/// all in rollback mode, so they go straight to the file once; a crash still rolls back
/// to the state before the write. The switch needs the only connection to the file and no
/// open transaction; where that is not so (the GUI has other connections open), WAL
/// simply stays and nothing else changes.
///
/// A write that is rolled back leaves the file byte for byte as it was: switching
/// journal modes makes SQLite count "changes" in the file header (the change counter and
/// its version-valid-for copy) although no content changed, so unless committed() was
/// called, those two header fields are put back afterwards.
class BulkWriteJournal {
public:
    explicit BulkWriteJournal(Database &db);
    ~BulkWriteJournal();
    BulkWriteJournal(const BulkWriteJournal &) = delete;
    BulkWriteJournal &operator=(const BulkWriteJournal &) = delete;

    /// Whether the switch happened.
    bool active() const { return m_switched; }
    /// The write was committed: the header keeps SQLite's new change counter.
    void committed() { m_committed = true; }

private:
    void restoreChangeCounter();

    Database &m_db;
    bool m_switched = false;
    bool m_committed = false;
    QByteArray m_header; // the file's first 100 bytes before the switch
};

} // namespace mw
