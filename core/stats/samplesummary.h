#pragma once

#include <cstdint>
#include <span>

namespace mw {

/// Count, sum, mean and sample variance (n - 1) of one group of values.
///
/// Undefined figures are NaN (the JSON writers print them as null): the mean of no values,
/// the variance of fewer than two.
struct SampleSummary {
    int64_t n = 0;
    double sum = 0;
    double mean = 0;
    double variance = 0;

    /// Two passes with compensated sums: the mean, then the corrected two-pass sum of
    /// squared deviations (Chan, Golub & LeVeque), which stays accurate when the mean is
    /// large compared with the spread -- the textbook Σy² − n·x̄² does not.
    static SampleSummary of(std::span<const double> values);
};

} // namespace mw
