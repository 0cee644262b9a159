#pragma once

#include "io/rowimporter.h"

#include <string>
#include <unordered_map>

namespace mw {

/// Subscribers: upsert keyed by the normalised email; custom columns merge into the
/// attributes JSON; an empty cell never erases a stored value.
class SubscriberImporter : public RowImporter {
public:
    QStringList knownFields() const override;
    Status begin(Database &db, const QStringList &header, const std::vector<ColumnTarget> &mapping,
                 const ImportOptions &options) override;
    Outcome importRow(const CsvRecord &record, QString &reason) override;

private:
    bool validTimezone(std::string_view tz);

    Database *m_db = nullptr;
    Statement m_upsert;
    int64_t m_now = 0;
    std::unordered_map<std::string, int64_t> m_seen; // email -> line of its first good row
    std::unordered_map<std::string, bool> m_timezones;
    std::string m_email, m_country, m_status, m_attrs;
};

} // namespace mw
