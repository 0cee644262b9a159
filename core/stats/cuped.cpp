#include "cuped.h"

#include "compensatedsum.h"
#include "samplesummary.h"

#include <cmath>
#include <limits>

namespace mw {

Cuped Cuped::fit(std::span<const double> x, std::span<const double> y)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    Cuped c;
    const SampleSummary sx = SampleSummary::of(x);
    const SampleSummary sy = SampleSummary::of(y);
    c.covariateMean = sx.mean;
    if (x.size() != y.size() || sx.n < 2 || !(sx.variance > 0)) {
        c.theta = c.varianceReduction = nan;
        return c;
    }
    // Two-pass co-moment about the means (the n − 1 cancels in the ratio).
    CompensatedSum comoment, squares;
    for (size_t i = 0; i < x.size(); ++i) {
        const double dx = x[i] - sx.mean;
        comoment.add(dx * (y[i] - sy.mean));
        squares.add(dx * dx);
    }
    c.theta = comoment.value() / squares.value();
    const std::vector<double> adjusted = c.adjust(x, y);
    const SampleSummary sa = SampleSummary::of(adjusted);
    c.varianceReduction = sy.variance > 0 ? 1 - sa.variance / sy.variance : nan;
    return c;
}

std::vector<double> Cuped::adjust(std::span<const double> x, std::span<const double> y) const
{
    std::vector<double> out(y.size());
    for (size_t i = 0; i < y.size(); ++i)
        out[i] = y[i] - theta * (x[i] - covariateMean);
    return out;
}

} // namespace mw
