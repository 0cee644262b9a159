#pragma once

#include <cstdint>
#include <span>

namespace mw {

/// Sample-ratio mismatch: Pearson's χ² of the observed arm sizes against the planned
/// shares, k − 1 degrees of freedom (the χ² tail from Boost.Math). flag: p < 0.001.
/// With no units at all (or fewer than two arms) chi2 and p are NaN and flag is false.
struct SrmTest {
    double chi2 = 0;
    double pValue = 0;
    int degreesOfFreedom = 0;
    bool flag = false;

    static constexpr double kThreshold = 0.001;

    /// weights need not sum to 1 (they are the planned split, e.g. 45/45/10); every weight
    /// must be positive.
    static SrmTest run(std::span<const int64_t> observed, std::span<const double> weights);
};

} // namespace mw
