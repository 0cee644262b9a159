#include "samplesummary.h"

#include "compensatedsum.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mw {

SampleSummary SampleSummary::of(std::span<const double> values)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    SampleSummary s;
    s.n = static_cast<int64_t>(values.size());
    s.sum = CompensatedSum::of(values);
    if (s.n == 0) {
        s.mean = s.variance = nan;
        return s;
    }
    s.mean = s.sum / static_cast<double>(s.n);
    if (s.n < 2) {
        s.variance = nan;
        return s;
    }
    // Σ(y − x̄)² less the correction (Σ(y − x̄))²/n, which removes the rounding error left in
    // x̄ itself.
    CompensatedSum squares, deviations;
    for (const double v : values) {
        const double d = v - s.mean;
        squares.add(d * d);
        deviations.add(d);
    }
    const double n = static_cast<double>(s.n);
    const double dev = deviations.value();
    s.variance = std::max(0.0, (squares.value() - dev * dev / n) / (n - 1));
    return s;
}

} // namespace mw
