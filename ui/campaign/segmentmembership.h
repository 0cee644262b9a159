#pragma once

#include "rules/membershipprovider.h"

#include <QHash>

#include <cstdint>
#include <memory>

namespace mw {
class Database;
class SegmentService;
} // namespace mw

namespace mw::ui {

/// Answers segment conditions in previews from saved segments, at the database's
/// reference time, through the segment service (its compiled segments are cached).
class SegmentMembership : public MembershipProvider {
public:
    explicit SegmentMembership(Database &db);
    ~SegmentMembership() override;

    Status checkSegment(const QString &segment) override;
    Result<bool> contains(const QString &segment, int64_t subscriberId) override;

private:
    Database &m_db;
    std::unique_ptr<SegmentService> m_service;
    int64_t m_now;
};

} // namespace mw::ui
