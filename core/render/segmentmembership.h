#pragma once

#include "rules/membershipprovider.h"

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace mw {

class Database;
class SegmentService;

/// Segment membership asked of the segment service, one subscriber at a time (preview,
/// single renders). Uses the caller's connection.
class ServiceMembership : public MembershipProvider {
public:
    ServiceMembership(Database &db, int64_t now);
    ~ServiceMembership() override;
    Status checkSegment(const QString &segment) override;
    Result<bool> contains(const QString &segment, int64_t subscriberId) override;

private:
    Database &m_db;
    int64_t m_now;
    std::unique_ptr<SegmentService> m_service;
};

/// Member sets loaded once (batch rendering); read-only afterwards, so any number of
/// threads may share it.
class PreloadedMembership : public MembershipProvider {
public:
    /// Loads the members of every named segment at time now.
    static Result<std::shared_ptr<PreloadedMembership>>
    load(Database &db, const QStringList &segments, int64_t now);
    void setMembers(const QString &segment, std::vector<int64_t> ascendingIds);

    Status checkSegment(const QString &segment) override;
    Result<bool> contains(const QString &segment, int64_t subscriberId) override;

private:
    QHash<QString, std::vector<int64_t>> m_members;
};

} // namespace mw
