#pragma once

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

private:
    bool validTimezone(std::string_view tz);

    Database *m_db = nullptr;
    Statement m_upsert;
    int64_t m_now = 0;
    SeenKeys m_seen;                                       // emails of this file's good rows
    std::vector<std::pair<std::string, bool>> m_timezones; // few distinct values: a list
};

} // namespace mw
