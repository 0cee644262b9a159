#include "srmtest.h"

#include "compensatedsum.h"
#include "mathpolicy.h"

#include <boost/math/distributions/chi_squared.hpp>

#include <cmath>
#include <limits>
#include <vector>

namespace mw {

SrmTest SrmTest::run(std::span<const int64_t> observed, std::span<const double> weights)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    SrmTest r;
    r.degreesOfFreedom = static_cast<int>(observed.size()) - 1;
    int64_t total = 0;
    for (const int64_t o : observed)
        total += o;
    const double weightSum = CompensatedSum::of(weights);
    if (observed.size() < 2 || observed.size() != weights.size() || total == 0 ||
        !(weightSum > 0)) {
        r.chi2 = r.pValue = nan;
        return r;
    }
    std::vector<double> terms;
    for (size_t i = 0; i < observed.size(); ++i) {
        const double expected = static_cast<double>(total) * weights[i] / weightSum;
        const double d = static_cast<double>(observed[i]) - expected;
        terms.push_back(d * d / expected);
    }
    r.chi2 = CompensatedSum::of(terms);
    const boost::math::chi_squared_distribution<double, MathPolicy> dist(r.degreesOfFreedom);
    r.pValue = boost::math::cdf(boost::math::complement(dist, r.chi2));
    r.flag = r.pValue < kThreshold;
    return r;
}

} // namespace mw
