#pragma once

#include <boost/math/policies/policy.hpp>

namespace mw {

/// The Boost.Math policy of core/stats: errors come back as NaN/∞ values, never as
/// exceptions (core code does not throw), and callers check their inputs first.
using MathPolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::pole_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::underflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;

} // namespace mw
