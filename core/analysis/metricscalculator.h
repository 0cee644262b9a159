#pragma once

#include "common/error.h"
#include "storage/database.h"

#include <QString>

#include <cstdint>
#include <functional>

namespace mw {

/// Options of MetricsCalculator::refresh (declared outside the class so that it can be a
/// default argument there).
struct MetricsRefreshOptions {
    int64_t now = 0; // 0 = db.referenceTime()
    /// Called now and then; return false to cancel (the table is then left as it was).
    std::function<bool(int64_t done, int64_t total)> progress;
};

/// Recomputes subscriber_metrics (engagement scores and tiers, RFM, lifecycle stage,
/// order figures, churn risk, purchase propensity, best send hour) from the events.
/// Definitions: docs/data.md.
class MetricsCalculator {
public:
    using Options = MetricsRefreshOptions;

    /// Refreshes every subscriber in one transaction (a savepoint when the caller already
    /// holds one). A cancel or error leaves subscriber_metrics unchanged.
    static Status refresh(Database &db, const Options &options = {});

    // The pieces below are public so that tests and the docs can refer to them.

    /// Score weights (points per event) of the engagement framework.
    struct Weights {
        static constexpr int open = 5, click = 15, forward = 25, reply = 30, unsubscribe = -50;
        static constexpr int pageView = 2, returnVisit = 10, download = 20, demoRequest = 50;
        static constexpr int purchase = 25, perTenDollars = 1, newCategory = 15, review = 20;
        static constexpr int referral = 30;
    };

    /// "Highly engaged" (>= 150), "Moderately engaged" (75..149), "Low" (25..74),
    /// "At risk" (0..24), "Inactive" (< 0).
    static QString tierFor(double score90);

    /// The named RFM segment for quintile scores (1..5); see docs/data.md for the grid.
    static QString rfmSegment(int r, int f, int m);
};

} // namespace mw
