#pragma once

#include "samplesummary.h"

namespace mw {

/// One arm against the control on one metric: normal approximation, two-sided
/// (CONTRACT.md, "Formulas"). Figures that are undefined are NaN:
/// - either arm has fewer than two values: everything that needs a standard error (se,
///   both intervals, p_value, chance_to_beat); abs_diff and rel_lift need only the means.
/// - se = 0 (both arms constant): the interval is the point; a non-zero difference has
///   p = 0 and chance_to_beat 0 or 1, a zero difference has both NaN.
/// - control mean 0: rel_lift and its interval.
struct ArmComparison {
    double absDiff = 0;
    double se = 0;
    double ciAbsLow = 0, ciAbsHigh = 0;
    double relLift = 0;
    double seRel = 0;
    double ciRelLow = 0, ciRelHigh = 0;
    double pValue = 0;
    double chanceToBeat = 0;
    double incremental = 0;
    double pAdjusted = 0; // filled in by the report (Holm–Bonferroni over all comparisons)

    static ArmComparison compare(const SampleSummary &treatment, const SampleSummary &control,
                                 double confidence = 0.95);
};

} // namespace mw
