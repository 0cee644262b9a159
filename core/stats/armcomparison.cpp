#include "armcomparison.h"

#include "normal.h"

#include <cmath>
#include <limits>

namespace mw {

ArmComparison ArmComparison::compare(const SampleSummary &t, const SampleSummary &c,
                                     double confidence)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const double z = Normal::quantile(0.5 + confidence / 2);
    const double nt = static_cast<double>(t.n);
    const double nc = static_cast<double>(c.n);

    ArmComparison r;
    r.absDiff = t.mean - c.mean; // NaN when either arm has no values
    r.incremental = r.absDiff * nt;
    // Variances are NaN below two values, and so is everything built on them.
    r.se = std::sqrt(t.variance / nt + c.variance / nc);
    r.ciAbsLow = r.absDiff - z * r.se;
    r.ciAbsHigh = r.absDiff + z * r.se;
    const double ratio = r.absDiff / r.se; // ±∞ when se = 0, NaN for 0/0
    r.pValue = 2 * Normal::survival(std::fabs(ratio));
    r.chanceToBeat = Normal::cdf(ratio);

    if (c.mean == 0 || std::isnan(c.mean)) {
        r.relLift = r.seRel = r.ciRelLow = r.ciRelHigh = nan;
    } else {
        r.relLift = r.absDiff / c.mean;
        const double c2 = c.mean * c.mean;
        r.seRel = std::sqrt(t.variance / (nt * c2) + t.mean * t.mean * c.variance / (nc * c2 * c2));
        r.ciRelLow = r.relLift - z * r.seRel;
        r.ciRelHigh = r.relLift + z * r.seRel;
    }
    r.pAdjusted = r.pValue;
    return r;
}

} // namespace mw
