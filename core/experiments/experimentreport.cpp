#include "experimentreport.h"

#include "stats/holmbonferroni.h"

#include <cmath>

namespace mw {
namespace {

// Holm–Bonferroni over one family: every comparison that select() picks in the report.
template <typename Select> void adjustFamily(ExperimentReport &r, Select select)
{
    std::vector<ArmComparison *> family;
    for (ExperimentReport::Arm &arm : r.arms)
        for (ExperimentReport::Metric &m : arm.metrics)
            if (std::optional<ArmComparison> &c = select(m))
                family.push_back(&*c);
    std::vector<double> p;
    for (const ArmComparison *c : family)
        p.push_back(c->pValue);
    const std::vector<double> adjusted = HolmBonferroni::adjust(p);
    for (size_t i = 0; i < family.size(); ++i)
        family[i]->pAdjusted = adjusted[i];
}

} // namespace

ExperimentReport ExperimentReport::compute(const ExperimentData &data, bool withCuped)
{
    ExperimentReport r;
    r.experiment = data.name;
    r.control = data.arms[static_cast<size_t>(data.control)].name;
    r.covariate = data.covariate;
    r.cuped = withCuped && !data.covariate.isEmpty();

    const size_t armCount = data.arms.size();
    std::vector<int64_t> observed(armCount, 0);
    for (const int a : data.unitArm)
        ++observed[static_cast<size_t>(a)];
    std::vector<double> weights;
    double weightSum = 0;
    for (const ExperimentArm &a : data.arms) {
        weights.push_back(a.weight);
        weightSum += a.weight;
    }
    r.srm = SrmTest::run(observed, weights);

    for (size_t a = 0; a < armCount; ++a) {
        Arm arm;
        arm.name = data.arms[a].name;
        arm.n = observed[a];
        arm.isControl = static_cast<int>(a) == data.control;
        arm.isHoldout = data.arms[a].isHoldout;
        arm.expectedShare = data.arms[a].weight / weightSum;
        r.arms.push_back(std::move(arm));
    }

    for (qsizetype m = 0; m < data.metrics.size(); ++m) {
        const std::vector<double> &y = data.outcomes[static_cast<size_t>(m)];
        // Each arm's values (units without a value for this metric are left out).
        std::vector<std::vector<double>> values(armCount);
        for (size_t u = 0; u < y.size(); ++u)
            if (!std::isnan(y[u]))
                values[static_cast<size_t>(data.unitArm[u])].push_back(y[u]);
        std::vector<SampleSummary> summaries;
        for (const auto &v : values)
            summaries.push_back(SampleSummary::of(v));

        // CUPED: θ over every unit (all arms) that has both the outcome and the covariate.
        Cuped cuped;
        std::vector<SampleSummary> cupedSummaries;
        if (r.cuped) {
            std::vector<double> xs, ys;
            std::vector<int> arms;
            for (size_t u = 0; u < y.size(); ++u)
                if (!std::isnan(y[u]) && !std::isnan(data.unitCovariate[u])) {
                    xs.push_back(data.unitCovariate[u]);
                    ys.push_back(y[u]);
                    arms.push_back(data.unitArm[u]);
                }
            cuped = Cuped::fit(xs, ys);
            const std::vector<double> adjusted = cuped.adjust(xs, ys);
            std::vector<std::vector<double>> perArm(armCount);
            for (size_t i = 0; i < adjusted.size(); ++i)
                perArm[static_cast<size_t>(arms[i])].push_back(adjusted[i]);
            for (const auto &v : perArm)
                cupedSummaries.push_back(SampleSummary::of(v));
        }

        const size_t c = static_cast<size_t>(data.control);
        for (size_t a = 0; a < armCount; ++a) {
            Metric metric;
            metric.name = data.metrics[m];
            metric.summary = summaries[a];
            if (a != c)
                metric.vsControl = ArmComparison::compare(summaries[a], summaries[c], r.confidence);
            if (r.cuped) {
                metric.hasCuped = true;
                metric.cuped = cuped;
                metric.cupedSummary = cupedSummaries[a];
                if (a != c && !std::isnan(cuped.theta))
                    metric.cupedVsControl =
                        ArmComparison::compare(cupedSummaries[a], cupedSummaries[c], r.confidence);
            }
            r.arms[a].metrics.push_back(std::move(metric));
        }
    }

    adjustFamily(r, [](Metric &m) -> std::optional<ArmComparison> & { return m.vsControl; });
    adjustFamily(r, [](Metric &m) -> std::optional<ArmComparison> & { return m.cupedVsControl; });
    return r;
}

} // namespace mw
