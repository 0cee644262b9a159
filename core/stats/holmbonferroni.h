#pragma once

#include <span>
#include <vector>

namespace mw {

/// Holm–Bonferroni step-down adjustment of a family of p-values (as statsmodels'
/// multipletests(method="holm")): sorted ascending, p₍ᵢ₎ becomes
/// min(1, max over j ≤ i of (m − j + 1)·p₍ⱼ₎). NaN p-values (undefined comparisons) are
/// not part of the family: they stay NaN and do not count in m.
class HolmBonferroni {
public:
    static std::vector<double> adjust(std::span<const double> pValues);
};

} // namespace mw
