#include "reportformat.h"

#include <cmath>

namespace mw::ui {

namespace {

const QString kDash = QStringLiteral("–");

} // namespace

bool ReportFormat::isRate(const ExperimentReport &report, int m)
{
    bool any = false;
    for (const ExperimentReport::Arm &arm : report.arms) {
        if (m < 0 || m >= int(arm.metrics.size()))
            return false;
        const SampleSummary &s = arm.metrics[size_t(m)].summary;
        if (s.n == 0)
            continue;
        const double p = s.mean;
        if (!(p >= 0 && p <= 1))
            return false;
        // The sum of 0/1 values is a whole number of ones.
        if (std::abs(s.sum - std::round(s.sum)) > 1e-9)
            return false;
        if (s.n >= 2) {
            const double expected = double(s.n) * p * (1 - p) / double(s.n - 1);
            if (!(std::abs(s.variance - expected) <= 1e-9 * std::max(1.0, expected)))
                return false;
        }
        any = true;
    }
    return any;
}

QString ReportFormat::number(double value, int decimals) const
{
    return m_locale.toString(value, 'f', decimals);
}

QString ReportFormat::signedNumber(double value, int decimals) const
{
    const QString text = number(value, decimals);
    // Rounding can turn a tiny negative figure into "-0.00"; show it without a sign.
    if (text == number(0.0, decimals) || text == m_locale.negativeSign() + number(0.0, decimals))
        return number(0.0, decimals);
    return value > 0 ? m_locale.positiveSign() + text : text;
}

QString ReportFormat::count(int64_t n) const
{
    return m_locale.toString(qlonglong(n));
}

QString ReportFormat::mean(double value, bool rate) const
{
    if (!std::isfinite(value))
        return kDash;
    if (rate)
        return tr("%1 %", "percentage").arg(number(value * 100, value < 0.1 ? 3 : 2));
    return number(value, 3);
}

QString ReportFormat::difference(double value, bool rate) const
{
    if (!std::isfinite(value))
        return kDash;
    if (rate)
        return tr("%1 pp", "percentage points").arg(signedNumber(value * 100, 2));
    return signedNumber(value, 3);
}

QString ReportFormat::differenceInterval(double low, double high, bool rate) const
{
    if (!std::isfinite(low) || !std::isfinite(high))
        return kDash;
    if (rate)
        return tr("[%1, %2] pp", "interval in percentage points")
            .arg(number(low * 100, 2), number(high * 100, 2));
    return tr("[%1, %2]", "interval").arg(number(low, 3), number(high, 3));
}

QString ReportFormat::lift(double value) const
{
    if (!std::isfinite(value))
        return kDash;
    return tr("%1 %", "percentage").arg(signedNumber(value * 100, 1));
}

QString ReportFormat::liftInterval(double low, double high) const
{
    if (!std::isfinite(low) || !std::isfinite(high))
        return kDash;
    return tr("[%1 %, %2 %]", "interval of percentages")
        .arg(number(low * 100, 1), number(high * 100, 1));
}

QString ReportFormat::pValue(double p) const
{
    if (!std::isfinite(p))
        return kDash;
    if (p < 0.001)
        return tr("< %1", "p-value below a bound").arg(number(0.001, 3));
    return number(p, 3);
}

QString ReportFormat::chance(double value) const
{
    if (!std::isfinite(value))
        return kDash;
    if (value > 0.999)
        return tr("> %1 %", "more than a percentage").arg(number(99.9, 1));
    if (value < 0.001)
        return tr("< %1 %", "less than a percentage").arg(number(0.1, 1));
    return tr("%1 %", "percentage").arg(number(value * 100, 1));
}

QString ReportFormat::incremental(double value) const
{
    if (!std::isfinite(value))
        return kDash;
    return signedNumber(value, std::abs(value) >= 100 ? 0 : 1);
}

QString ReportFormat::percent(double share, int decimals) const
{
    if (!std::isfinite(share))
        return kDash;
    return tr("%1 %", "percentage").arg(number(share * 100, decimals));
}

} // namespace mw::ui
