#pragma once

#include "experiments/experimentreport.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace mw::ui {

/// Turns a report's figures into text for people: rates and lifts as percentages, sensible
/// decimals, the locale's digits and signs; undefined figures (NaN) as a dash.
class ReportFormat {
    Q_DECLARE_TR_FUNCTIONS(mw::ui::ReportFormat)
public:
    explicit ReportFormat(const QLocale &locale = QLocale()) : m_locale(locale) {}

    /// True when every arm's values of metric index m are all 0 or 1: for 0/1 data the
    /// sample variance is exactly n·p(1 − p)/(n − 1), which other data almost never hits.
    static bool isRate(const ExperimentReport &report, int m);

    QString count(int64_t n) const;
    /// A mean: a percentage for rates, otherwise three decimals.
    QString mean(double value, bool rate) const;
    /// An absolute difference with sign: percentage points for rates.
    QString difference(double value, bool rate) const;
    /// "[low, high]" in the unit of difference().
    QString differenceInterval(double low, double high, bool rate) const;
    /// A relative lift (0.721 → "+72.1 %").
    QString lift(double value) const;
    QString liftInterval(double low, double high) const;
    /// p-values: three decimals, "< 0.001" below.
    QString pValue(double p) const;
    /// Chance to beat the control as a percentage, "> 99.9 %" and "< 0.1 %" at the ends.
    QString chance(double value) const;
    /// Incremental units (visits, orders, currency): signed, whole above 100.
    QString incremental(double value) const;
    /// A plain percentage of a share (0.45 → "45.0 %").
    QString percent(double share, int decimals = 1) const;

private:
    QString number(double value, int decimals) const;
    QString signedNumber(double value, int decimals) const;

    QLocale m_locale;
};

} // namespace mw::ui
