#pragma once

#include "io/rowimporter.h"

#include <string>
#include <unordered_map>

namespace mw {

/// Products: upsert keyed by sku; sku, name, category and a non-negative price are required,
/// image_url and url are optional http(s) URLs. Other columns are ignored (and reported).
class ProductImporter : public RowImporter {
public:
    QStringList knownFields() const override;
    Status begin(Database &db, const QStringList &header, const std::vector<ColumnTarget> &mapping,
                 const ImportOptions &options) override;
    Outcome importRow(const CsvRecord &record, QString &reason) override;

private:
    Database *m_db = nullptr;
    Statement m_upsert;
    std::unordered_map<std::string, int64_t> m_seen; // sku -> line of its first good row
};

} // namespace mw
