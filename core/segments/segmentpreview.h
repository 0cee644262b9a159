#pragma once

#include "common/error.h"
#include "segmentservice.h"

#include <QJsonObject>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <cstdint>
#include <vector>

namespace mw {

/// Everything the segment builder shows for one definition: exact count, funnel, a sample
/// of members and the SQL. Errors (e.g. an invalid value) come back in `error`.
struct SegmentPreview {
    bool ok = false;
    Error error;
    int64_t count = 0;
    std::vector<FunnelStep> funnel;
    std::vector<SegmentMember> sample;
    QString sql;
    QVariantList binds;
    double elapsedMs = 0;
};

/// Computes a SegmentPreview on the calling thread with its own connection. `stale` is
/// polled while SQLite runs (progress handler): when it returns true the work stops early
/// and the result is marked cancelled, so a newer edit never waits for an older count.
/// A `now` below 0 means the database's reference time.
class SegmentPreviewJob {
public:
    static SegmentPreview run(const QString &databasePath, const QJsonObject &definition,
                              int64_t now, int sampleSize, const std::function<bool()> &stale);
    /// Distinct non-empty values of a field (for pick lists), at most `limit`.
    static Result<QStringList> distinctValues(const QString &databasePath, const QString &field,
                                              int limit = 200);
    /// Names found in the campaigns / product categories tables, and attribute keys seen in
    /// the first rows of subscribers.
    static Result<QStringList> campaignNames(const QString &databasePath);
    static Result<QStringList> categories(const QString &databasePath);
    static Result<QStringList> attributeKeys(const QString &databasePath, int sampleRows = 5000);
};

} // namespace mw
