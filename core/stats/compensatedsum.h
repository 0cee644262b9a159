#pragma once

#include <cmath>
#include <span>

namespace mw {

/// Neumaier's compensated summation: the sum of many terms is exact to about one rounding,
/// where a plain loop loses up to n roundings (64,000 squared deviations: ~1e-12 relative).
class CompensatedSum {
public:
    void add(double v)
    {
        const double t = m_sum + v;
        if (std::fabs(m_sum) >= std::fabs(v))
            m_compensation += (m_sum - t) + v;
        else
            m_compensation += (v - t) + m_sum;
        m_sum = t;
    }
    double value() const { return m_sum + m_compensation; }

    static double of(std::span<const double> values)
    {
        CompensatedSum s;
        for (const double v : values)
            s.add(v);
        return s.value();
    }

private:
    double m_sum = 0;
    double m_compensation = 0;
};

} // namespace mw
