#include "normal.h"

#include "mathpolicy.h"

#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <limits>

namespace mw {
namespace {

const boost::math::normal_distribution<double, MathPolicy> kStandard(0.0, 1.0);
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

} // namespace

double Normal::cdf(double x)
{
    if (std::isnan(x))
        return kNan;
    return boost::math::cdf(kStandard, x);
}

double Normal::survival(double x)
{
    if (std::isnan(x))
        return kNan;
    return boost::math::cdf(boost::math::complement(kStandard, x));
}

double Normal::quantile(double p)
{
    if (!(p > 0 && p < 1))
        return kNan;
    return boost::math::quantile(kStandard, p);
}

} // namespace mw
