#pragma once

#include "experiments/experimentreport.h"

#include <QChartView>

class QScatterSeries;

namespace mw::ui {

/// The relative lift of every non-control arm against the control on one metric, as a
/// horizontal dot-and-whisker chart: a dot at the lift, a line across its 95 % interval,
/// and a vertical line at zero. Significant results (Holm p < 0.05) are filled dots,
/// the others hollow, and the legend says which is which -- not colour alone.
class LiftChart : public QChartView {
    Q_OBJECT
public:
    explicit LiftChart(QWidget *parent = nullptr);

    void showMetric(const ExperimentReport &report, int m, bool useCuped);

    /// Points drawn (one per non-control arm with a defined lift).
    int pointCount() const;
    int significantCount() const;
    /// The arms on the vertical axis, bottom to top.
    QStringList armLabels() const { return m_labels; }

private:
    QScatterSeries *m_significant = nullptr;
    QScatterSeries *m_other = nullptr;
    QStringList m_labels;
};

} // namespace mw::ui
