#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace mw {

class Database;

/// What a segment is for, stored beside its definition.
struct SegmentDocumentation {
    QString purpose;
    QString inclusionNotes;
    QString exclusionNotes;
    QString kpi;
    QString owner;
};

/// A saved segment as stored in the `segments` table.
struct SavedSegment {
    int64_t id = 0;
    QString name;
    QJsonObject definition;
    SegmentDocumentation documentation;
    int version = 0;
    int64_t createdAt = 0;
    int64_t updatedAt = 0;
    std::optional<int64_t> lastCount;
    int64_t lastCountedAt = 0;
};

/// Loads and saves segment documents (with version history) in the `segments` tables.
class SegmentRepository {
public:
    explicit SegmentRepository(Database &db);

    Result<std::vector<SavedSegment>> list();
    Result<SavedSegment> load(const QString &name);
    /// Validates (including cycles through this name) and saves in one transaction: a new
    /// segment gets version 1, an existing one the next version; each version's definition
    /// is kept in segment_versions. Documentation fields left unset keep their old value.
    Result<SavedSegment> save(const QString &name, const QJsonObject &definition,
                              const std::optional<SegmentDocumentation> &documentation,
                              int64_t referenceNow);
    Status recordCount(const QString &name, int64_t count, int64_t countedAt);
    /// Deletes a saved segment and its history. Refused (naming them) while another
    /// segment, a campaign's current version or a library block refers to it.
    Status remove(const QString &name);
    /// Renames a saved segment, keeping its history. Refused while anything refers to the
    /// old name (references are by name, so they would break) or the new name is taken.
    Status rename(const QString &name, const QString &newName);
    /// What refers to the segment by name: "segment \"x\"", "campaign \"y\"",
    /// "block \"z\"", sorted.
    Result<QStringList> usedBy(const QString &name);

private:
    Database &m_db;
};

} // namespace mw
