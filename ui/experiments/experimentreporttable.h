#pragma once

#include "experiments/experimentreport.h"

#include <QTableWidget>

namespace mw::ui {

/// One metric of an experiment report as a table: a row per arm (control first and marked,
/// holdouts marked), the arm's mean and its comparison with the control. Ctrl+C copies the
/// selected cells as tab-separated text.
class ExperimentReportTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column {
        ArmColumn,
        NColumn,
        MeanColumn,
        DiffColumn,
        DiffCiColumn,
        LiftColumn,
        LiftCiColumn,
        PColumn,
        HolmColumn,
        ChanceColumn,
        IncrementalColumn,
        ColumnCount
    };

    explicit ExperimentReportTable(QWidget *parent = nullptr);

    /// Shows metric m of report; with useCuped the CUPED-adjusted figures.
    void showMetric(const ExperimentReport &report, int m, bool useCuped);
    /// The selected cells, rows by newlines and columns by tabs (header-less).
    QString selectionAsText() const;
    void copySelection() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace mw::ui
