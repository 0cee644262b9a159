#pragma once

#include "io/bulkrowsource.h"
#include "io/rowimporter.h"
#include "io/seenkeys.h"

#include <string>
#include <utility>
#include <vector>

namespace mw {

/// Subscribers: upsert keyed by the normalised email; custom columns merge into the
/// attributes JSON; an empty cell never erases a stored value.
class SubscriberImporter : public RowImporter {
public:
    QStringList knownFields() const override;
    Status begin(Database &db, const QStringList &header, const std::vector<ColumnTarget> &mapping,
                 const ImportOptions &options) override;
    void validateRow(CsvRecord &record) override;
    Outcome importRow(const CsvRecord &record, QString &reason) override;
    int64_t importBatch(std::span<const CsvRecord *const> records) override;
    const char *deferrableIndexTable() const override { return "subscribers"; }

    SubscriberImporter();
    ~SubscriberImporter() override;

private:
    /// One stored column's value for a record: null, text or an integer.
    struct Value {
        enum Kind { Null, Text, Integer } kind = Null;
        std::string_view text;
        int64_t number = 0;
    };
    static constexpr int kColumns = 11; // email ... attributes, in the statements' order
    Value value(const CsvRecord &record, int column) const;
    bool validTimezone(std::string_view tz);

    Database *m_db = nullptr;
    Statement m_upsert;
    // The batch path: an INSERT ... SELECT from m_rows, which shows m_batch.
    BulkRowSource m_rows;
    Statement m_insertBatch;
    std::span<const CsvRecord *const> m_batch;
    int m_skip = 0; // offers to decline after short runs (an import that mostly updates)
    int m_backoff = 1;
    int64_t m_now = 0;
    SeenKeys m_seen;                                       // emails of this file's good rows
    std::vector<std::pair<std::string, bool>> m_timezones; // few distinct values: a list
};

} // namespace mw
