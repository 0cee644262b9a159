#pragma once

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
class BulkWriteJournal {
public:
    explicit BulkWriteJournal(Database &db);
    ~BulkWriteJournal();
    BulkWriteJournal(const BulkWriteJournal &) = delete;
    BulkWriteJournal &operator=(const BulkWriteJournal &) = delete;

    /// Whether the switch happened.
    bool active() const { return m_switched; }

private:
    Database &m_db;
    bool m_switched = false;
};

} // namespace mw
