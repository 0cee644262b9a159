#pragma once

namespace mw {

/// The standard normal distribution, through Boost.Math (no hand-written special functions).
/// NaN in gives NaN out; ±∞ give the limits.
class Normal {
public:
    /// Φ(x).
    static double cdf(double x);
    /// 1 − Φ(x), accurate far into the tail (where 1 − cdf(x) would round to 0).
    static double survival(double x);
    /// Φ⁻¹(p) for 0 < p < 1, else NaN.
    static double quantile(double p);
};

} // namespace mw
