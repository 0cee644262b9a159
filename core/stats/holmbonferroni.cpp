#include "holmbonferroni.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mw {

std::vector<double> HolmBonferroni::adjust(std::span<const double> pValues)
{
    std::vector<double> adjusted(pValues.begin(), pValues.end());
    std::vector<size_t> order;
    for (size_t i = 0; i < pValues.size(); ++i)
        if (!std::isnan(pValues[i]))
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return pValues[a] < pValues[b]; });
    const size_t m = order.size();
    double running = 0;
    for (size_t k = 0; k < m; ++k) {
        const double scaled = static_cast<double>(m - k) * pValues[order[k]];
        running = std::max(running, scaled);
        adjusted[order[k]] = std::min(1.0, running);
    }
    return adjusted;
}

} // namespace mw
