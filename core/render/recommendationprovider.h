#pragma once

#include "common/error.h"
#include "liquid/value.h"
#include "storage/database.h"

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace mw {

/// The products a subscriber is recommended, as the Liquid array `recommendations`:
/// best-sellers (by purchase events) of the subscriber's favourite category first, then
/// the overall best-sellers. Lists are computed once per category and shared by every
/// subscriber and thread (immutable after load).
class RecommendationProvider {
public:
    static constexpr int kDefaultSize = 12;

    static Result<std::shared_ptr<const RecommendationProvider>> load(Database &db,
                                                                      int size = kDefaultSize);
    /// An empty provider (no products sold).
    static std::shared_ptr<const RecommendationProvider> empty();

    /// A small integer that identifies the list for a category (memo keys).
    int listIndex(const QString &favoriteCategory) const;
    const liquid::Value &list(int index) const { return m_lists[static_cast<size_t>(index)]; }
    int count(int index) const
    {
        return static_cast<int>(m_lists[static_cast<size_t>(index)].array().size());
    }

private:
    std::vector<liquid::Value> m_lists; // [0] = overall
    QHash<QString, int> m_byCategory;   // lower-cased category -> list index
};

} // namespace mw
