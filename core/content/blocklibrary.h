#pragma once

#include "common/error.h"
#include "content/campaigndocument.h"
#include "storage/database.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace mw {

/// A reusable saved block (header, footer, offer ...) of the block library.
struct LibraryBlock {
    int64_t id = 0;
    QString name;
    QString status; // draft, approved, needs_refresh
    int version = 0;
    CampaignBlock block;
};

/// The block library: tables blocks + block_versions. Every save is a new version.
class BlockLibrary {
public:
    explicit BlockLibrary(Database &db) : m_db(db) {}

    static bool isValidStatus(const QString &status);

    Result<std::vector<LibraryBlock>> list();
    Result<LibraryBlock> find(const QString &name);
    /// Creates or updates (new version) in one transaction; returns the block id.
    Result<int64_t> save(const QString &name, const CampaignBlock &block, const QString &status,
                         int64_t now);
    Status setStatus(const QString &name, const QString &status, int64_t now);

private:
    Database &m_db;
};

} // namespace mw
