#pragma once

#include "common/error.h"
#include "segmentcompiler.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace mw {

class Database;

/// One step of a segment funnel: how many remain after the first `index` conditions.
struct FunnelStep {
    int index = 0; // 0 = suppression only
    QString label;
    int64_t count = 0;
};

/// A subscriber shown as a sample member of a segment.
struct SegmentMember {
    int64_t id = 0;
    QString email;
    QString firstName;
    QString lastName;
    QString country;
};

/// Counts, member lists, membership tests and funnels for segment definitions.
/// Uses the caller's connection (one per thread); compiled saved segments are cached per
/// (name, now) so that contains() is cheap when called once per subscriber.
class SegmentService {
public:
    explicit SegmentService(Database &db);

    Result<int64_t> count(const QJsonObject &definition, int64_t now);
    Result<int64_t> countSaved(const QString &segmentName, int64_t now);
    /// Ascending ids; limit < 0 means all.
    Result<std::vector<int64_t>> memberIds(const QString &segmentName, int64_t now,
                                           int64_t limit = -1);
    Result<std::vector<int64_t>> memberIds(const CompiledSegment &segment, int64_t limit,
                                           int64_t offset = 0);
    Result<std::vector<SegmentMember>> members(const CompiledSegment &segment, int64_t limit,
                                               int64_t offset = 0);
    Result<bool> contains(const QString &segmentName, int64_t subscriberId, int64_t now);
    Result<std::vector<FunnelStep>> funnel(const QJsonObject &definition, int64_t now);
    Result<std::vector<FunnelStep>> funnel(const CompiledSegment &segment);

    /// Runs a `SELECT count(*) ...` fragment.
    Result<int64_t> runCount(const SqlFragment &query);
    /// Drops cached compilations (call after saving segments).
    void clearCache() { m_cache.clear(); }

private:
    Result<CompiledSegment>
    saved(const QString &name, int64_t now,
          SegmentCompiler::EventStrategy strategy = SegmentCompiler::EventStrategy::Auto);

    Database &m_db;
    QHash<QString, CompiledSegment> m_cache;
};

} // namespace mw
