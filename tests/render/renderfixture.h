#pragma once

#include "storage/database.h"

#include <QString>

namespace mw::test {

/// A small database for render tests: nine subscribers covering the interesting cases
/// (VIP, high propensity, no first name, at risk, no metrics, hostile names, missing
/// favourite category, unsubscribed), a product catalogue with purchases, the segments
/// "vip" and "everyone", and the sample campaign. Reference time 2025-06-15.
class RenderFixture {
public:
    static constexpr int64_t kNow = 1750000000;
    /// Creates the database at path; QFAILs (returns a closed Database) on error.
    static Database create(const QString &path);

    static void addSubscriber(Database &db, int64_t id, const QString &email, const QString &first,
                              const QString &status = QStringLiteral("subscribed"));
    static void addMetrics(Database &db, int64_t id, const QString &stage, double propensity,
                           const QString &favoriteCategory, int orders);
    static void saveSegment(Database &db, const QString &name, const QString &definition);
};

} // namespace mw::test
