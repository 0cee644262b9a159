#pragma once

#include "experiments/experimentdata.h"
#include "stats/armcomparison.h"
#include "stats/cuped.h"
#include "stats/samplesummary.h"
#include "stats/srmtest.h"

#include <QString>

#include <optional>
#include <vector>

namespace mw {

/// The statistics of one experiment (CONTRACT.md, "Experiments"): per arm and metric the
/// summary and the comparison with the control, SRM, Holm–Bonferroni over every
/// (arm, metric) comparison, and optionally CUPED on the covariate.
struct ExperimentReport {
    struct Metric {
        QString name;
        SampleSummary summary;                  // over the arm's units that have a value
        std::optional<ArmComparison> vsControl; // none for the control arm
        // CUPED (only when asked and the experiment has a covariate).
        bool hasCuped = false;
        Cuped cuped; // θ and variance reduction are per metric, the same in every arm
        SampleSummary cupedSummary;
        std::optional<ArmComparison> cupedVsControl;
    };
    struct Arm {
        QString name;
        int64_t n = 0; // units assigned
        bool isControl = false;
        bool isHoldout = false;
        double expectedShare = 0;
        std::vector<Metric> metrics;
    };

    QString experiment;
    QString control;
    double confidence = 0.95;
    QString covariate;
    bool cuped = false;
    SrmTest srm;
    std::vector<Arm> arms; // in the stored order

    /// withCuped: add CUPED when the experiment has a covariate (cuped stays false if not).
    /// p_adjusted: Holm–Bonferroni over the comparisons of all non-control arms on all
    /// metrics; the CUPED comparisons form a family of their own.
    static ExperimentReport compute(const ExperimentData &data, bool withCuped);
};

} // namespace mw
