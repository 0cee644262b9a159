#pragma once

#include "common/error.h"
#include "storage/database.h"

#include <QString>

#include <cstdint>
#include <functional>

namespace mw {

/// Fills an empty, migrated database with a realistic, reproducible sample: subscribers
/// across several countries, a product catalogue, 180 days of behavioural events ending at
/// the reference time, weekly historical sends, derived metrics, example segments and an
/// example experiment with a holdout. Same options => identical table contents.
class SampleGenerator {
public:
    /// 2026-10-01T00:00:00Z: the sample's "now" unless Options::referenceTime says otherwise
    /// (a fixed default keeps the content independent of the day it is generated).
    static constexpr int64_t kDefaultReferenceTime = 1790812800;
    static constexpr int kHistoryDays = 180;

    struct Options {
        int subscribers = 10000;
        uint64_t seed = 42;
        /// Called now and then with the share done; return false to cancel (nothing is written).
        std::function<bool(double fraction, const QString &stage)> progress;
        int64_t referenceTime = kDefaultReferenceTime;
    };

    /// db must be freshly migrated and hold no subscribers. One transaction: on error or
    /// cancel the database is left as it was.
    static Status generate(Database &db, const Options &options);

    /// The experiment arm bucket of a unit: FNV-1a 64 of "salt:unit" mapped to [0, 1).
    static double assignmentBucket(const QString &salt, const QString &unit);
};

} // namespace mw
