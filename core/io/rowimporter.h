#pragma once

#include "io/csvreader.h"
#include "io/importtypes.h"
#include "storage/database.h"

#include <QStringList>

#include <span>
#include <string>
#include <vector>

namespace mw {

/// Imports the rows of one kind of CSV file (subscribers, events, products) inside the
/// transaction CsvImporter holds. Subclasses validate each row on UTF-8 bytes and write it
/// with prepared statements that live for the whole import.
class RowImporter {
public:
    enum class Outcome { Inserted, Updated, Bad, Fatal };

    virtual ~RowImporter() = default;

    /// The fields this kind knows (e.g. "email", "first_name" ...).
    virtual QStringList knownFields() const = 0;
    /// Checks the mapping (required fields present) and prepares statements.
    virtual Status begin(Database &db, const QStringList &header,
                         const std::vector<ColumnTarget> &mapping,
                         const ImportOptions &options) = 0;
    /// Checks what needs no database and stores derived values in record.derived; marks a
    /// bad record by setting record.error. Runs on the reader thread (RecordPipeline), one
    /// record at a time, before importRow sees the record.
    virtual void validateRow(CsvRecord &) {}
    /// Imports one validated record whose field count matches the header. On Bad, reason
    /// says why; on Fatal (disk full, ...), fatalError() does and the import stops.
    virtual Outcome importRow(const CsvRecord &record, QString &reason) = 0;
    /// Optionally writes the leading records of a run of validated records (in file order)
    /// in one statement, as new rows, stopping before the first record that cannot simply
    /// be inserted (its email is already stored, ...). Returns how many it inserted; the
    /// caller sends the next record through importRow and offers the rest again, so
    /// outcomes, messages and their order are exactly those of row-by-row import.
    /// Returns -1 on a fatal error (fatalError() says which).
    virtual int64_t importBatch(std::span<const CsvRecord *const>) { return 0; }
    /// The table whose non-unique indexes an import that brings many rows compared with
    /// what the table holds may drop and build again at the end (DeferredIndexes), or
    /// null. Only a table that begin() and importRow() find rows in through unique
    /// indexes alone.
    virtual const char *deferrableIndexTable() const { return nullptr; }

    int64_t createdCampaigns() const { return m_createdCampaigns; }
    const Error &fatalError() const { return m_fatal; }

    static std::unique_ptr<RowImporter> create(ImportKind kind);

protected:
    /// Column index of each known field (-1 when unmapped); fails when a field is mapped
    /// twice or an attribute name repeats.
    Status resolveColumns(const std::vector<ColumnTarget> &mapping);
    /// Builds a JSON object of the attribute columns' non-empty cells into out (empty
    /// string when there are none). Cells that are JSON numbers stay numbers.
    void buildAttributes(const CsvRecord &record, std::string &out) const;
    /// A cell value for a message: in double quotes, control characters escaped (one bad
    /// row stays one line on stderr), cut after 80 characters.
    static QString quoted(std::string_view value);
    /// Turns an SQLite failure of a row's statement into Bad (constraint) or Fatal.
    Outcome sqlFailure(const Error &e, QString &reason);

    std::vector<int> m_column;                             // per known field
    std::vector<std::pair<int, std::string>> m_attributes; // column, JSON-quoted key
    int64_t m_createdCampaigns = 0;
    Error m_fatal;
};

} // namespace mw
