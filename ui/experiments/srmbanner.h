#pragma once

#include "experiments/experimentreport.h"

#include <QLabel>

namespace mw::ui {

/// The sample-ratio check of a report: a prominent warning when the arms' sizes do not
/// match the planned split (SRM flag, p < 0.001), with observed against planned shares and
/// the p-value; otherwise one quiet line that the assignment looks balanced.
class SrmBanner : public QLabel {
    Q_OBJECT
public:
    explicit SrmBanner(QWidget *parent = nullptr);

    void showReport(const ExperimentReport &report);
    /// True while the warning (not the quiet line) is shown.
    bool isWarning() const { return m_warning; }

private:
    bool m_warning = false;
};

} // namespace mw::ui
