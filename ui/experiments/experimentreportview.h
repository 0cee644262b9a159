#pragma once

#include "experiments/experimentreport.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace mw::ui {

class ExperimentReportTable;
class LiftChart;
class SrmBanner;

/// One experiment's report, read-only: what is compared (control, confidence,
/// covariate), the sample-ratio check, a metric selector, the table of arms and the lift
/// chart. Holds no database: the page computes reports on a worker and hands them in.
class ExperimentReportView : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentReportView(QWidget *parent = nullptr);

    void showReport(const ExperimentReport &report);
    const ExperimentReport &report() const { return m_report; }

    /// The metric shown, by name (the selector keeps its choice across reports).
    QString currentMetric() const;
    void setCurrentMetric(const QString &name);
    bool cupedChecked() const;

    ExperimentReportTable *table() const { return m_table; }
    LiftChart *chart() const { return m_chart; }
    SrmBanner *srmBanner() const { return m_srm; }
    QCheckBox *cupedCheckBox() const { return m_cuped; }

signals:
    /// The user asked for (or against) CUPED; the page recomputes the report.
    void cupedRequested(bool on);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showMetric();
    void fitTable();

    ExperimentReport m_report;
    QLabel *m_title;
    QLabel *m_header;
    SrmBanner *m_srm;
    QComboBox *m_metric;
    QCheckBox *m_cuped;
    QLabel *m_cupedInfo;
    ExperimentReportTable *m_table;
    LiftChart *m_chart;
};

} // namespace mw::ui
