#pragma once

#include "io/rowimporter.h"

#include <string>
#include <unordered_map>

namespace mw {

/// Events: each row names an existing subscriber (email or external_id), an event type
/// from event_types, a time; optionally an amount, a product sku and a campaign name
/// (unknown campaigns are created with status 'sent'). Other columns go to properties.
/// Events are appended: importing a file twice records its events twice.
class EventImporter : public RowImporter {
public:
    QStringList knownFields() const override;
    Status begin(Database &db, const QStringList &header, const std::vector<ColumnTarget> &mapping,
                 const ImportOptions &options) override;
    void validateRow(CsvRecord &record) override;
    Outcome importRow(const CsvRecord &record, QString &reason) override;
    // Events are only ever inserted, never looked up: all their indexes may wait.
    const char *deferrableIndexTable() const override { return "events"; }

private:
    Database *m_db = nullptr;
    Statement m_byEmail, m_byExternalId, m_insert, m_newCampaign;
    int64_t m_now = 0;
    std::unordered_map<std::string, int64_t> m_types, m_products, m_campaigns;
    std::string m_type; // reader thread
};

} // namespace mw
