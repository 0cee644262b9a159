#include "samplesummary.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mw {

double compensatedSum(std::span<const double> values)
{
    double sum = 0, compensation = 0;
    for (const double v : values) {
        const double t = sum + v;
        if (std::fabs(sum) >= std::fabs(v))
            compensation += (sum - t) + v;
        else
            compensation += (v - t) + sum;
        sum = t;
    }
    return sum + compensation;
}

SampleSummary SampleSummary::of(std::span<const double> values)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    SampleSummary s;
    s.n = static_cast<int64_t>(values.size());
    s.sum = compensatedSum(values);
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
    double squares = 0, deviations = 0;
    for (const double v : values) {
        const double d = v - s.mean;
        squares += d * d;
        deviations += d;
    }
    const double n = static_cast<double>(s.n);
    s.variance = std::max(0.0, (squares - deviations * deviations / n) / (n - 1));
    return s;
}

} // namespace mw
