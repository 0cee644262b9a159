#pragma once

#include "common/error.h"

#include <QString>

#include <cstdint>

namespace mw {

/// Answers "is this subscriber in that saved segment?" for segment conditions. The
/// single-subscriber renderer asks the segment service; batches preload member sets.
class MembershipProvider {
public:
    virtual ~MembershipProvider() = default;
    /// Whether the segment exists (checked once when a campaign is compiled).
    virtual Status checkSegment(const QString &segment) = 0;
    virtual Result<bool> contains(const QString &segment, int64_t subscriberId) = 0;
};

} // namespace mw
