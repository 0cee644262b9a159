#pragma once

#include <span>
#include <vector>

namespace mw {

/// CUPED (Deng et al. 2013): removes from an outcome y the part a pre-period covariate x
/// predicts. θ = Cov(x, y) / Var(x) over every unit of every arm, y′ = y − θ·(x − x̄_all),
/// variance_reduction = 1 − Var(y′)/Var(y) (pooled over all units). The arms are then
/// compared on y′ with the usual formulas.
///
/// θ is NaN (no adjustment possible) with fewer than two units or when x is constant;
/// variance_reduction is NaN when y is constant.
struct Cuped {
    double theta = 0;
    double covariateMean = 0;
    double varianceReduction = 0;

    /// x and y are paired per unit (same length).
    static Cuped fit(std::span<const double> x, std::span<const double> y);
    /// y′ for every unit.
    std::vector<double> adjust(std::span<const double> x, std::span<const double> y) const;
};

} // namespace mw
