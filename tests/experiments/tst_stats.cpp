// core/stats: the building blocks of experiment reports, on cases small enough to check by
// hand (the whole report is checked against SciPy/statsmodels in tst_experimentreference).
#include "stats/armcomparison.h"
#include "stats/cuped.h"
#include "stats/holmbonferroni.h"
#include "stats/normal.h"
#include "stats/samplesummary.h"
#include "stats/srmtest.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace mw;

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

bool close(double a, double b, double rel = 1e-12)
{
    return std::fabs(a - b) <= rel * std::max({std::fabs(a), std::fabs(b), 1e-300});
}

} // namespace

class TestStats : public QObject {
    Q_OBJECT
private slots:
    void summaryOfSmallSample();
    void summaryKeepsPrecisionUnderLargeOffset();
    void summaryOfTooFewValues();
    void normalQuantilesAndTails();
    void comparisonByHand();
    void comparisonEdgeCases();
    void holmByHand();
    void holmLeavesUndefinedOut();
    void srmByHand();
    void cupedRemovesWhatTheCovariatePredicts();
    void cupedWithConstantCovariate();
};

void TestStats::summaryOfSmallSample()
{
    const std::vector<double> v{1, 2, 3, 4};
    const SampleSummary s = SampleSummary::of(v);
    QCOMPARE(s.n, int64_t(4));
    QCOMPARE(s.sum, 10.0);
    QCOMPARE(s.mean, 2.5);
    // Σ(y − 2.5)² = 2.25 + 0.25 + 0.25 + 2.25 = 5, over n − 1 = 3.
    QVERIFY(close(s.variance, 5.0 / 3.0));
}

void TestStats::summaryKeepsPrecisionUnderLargeOffset()
{
    // 1e9 + {4, 7, 13, 16}: variance 30 exactly; Σy² − n·x̄² loses every digit of it.
    std::vector<double> v;
    for (int k = 0; k < 10000; ++k)
        for (const double d : {4.0, 7.0, 13.0, 16.0})
            v.push_back(1e9 + d);
    const SampleSummary s = SampleSummary::of(v);
    QCOMPARE(s.mean, 1e9 + 10);
    // Σ(y − x̄)² = 10000·(36 + 9 + 9 + 36) = 900000 over 39999.
    QVERIFY2(close(s.variance, 900000.0 / 39999.0, 1e-12),
             qPrintable(QString::number(s.variance, 'g', 17)));
}

void TestStats::summaryOfTooFewValues()
{
    const SampleSummary none = SampleSummary::of({});
    QCOMPARE(none.n, int64_t(0));
    QVERIFY(std::isnan(none.mean));
    QVERIFY(std::isnan(none.variance));
    const std::vector<double> one{3.5};
    const SampleSummary s = SampleSummary::of(one);
    QCOMPARE(s.mean, 3.5);
    QVERIFY(std::isnan(s.variance));
}

void TestStats::normalQuantilesAndTails()
{
    // Published values: Φ⁻¹(0.975) = 1.959963984540054, Φ(1) = 0.8413447460685429,
    // 1 − Φ(10) = 7.619853024160527e-24 (which 1 − Φ(10) in doubles would round to 0).
    QVERIFY(close(Normal::quantile(0.975), 1.959963984540054, 1e-14));
    QVERIFY(close(Normal::cdf(1), 0.8413447460685429, 1e-14));
    QVERIFY(close(Normal::survival(10), 7.619853024160527e-24, 1e-12));
    QCOMPARE(Normal::cdf(std::numeric_limits<double>::infinity()), 1.0);
    QCOMPARE(Normal::survival(std::numeric_limits<double>::infinity()), 0.0);
    QVERIFY(std::isnan(Normal::cdf(kNan)));
    QVERIFY(std::isnan(Normal::quantile(1.0)));
}

void TestStats::comparisonByHand()
{
    // Treatment mean 0.12 (n 1000, s² 0.1), control 0.10 (n 800, s² 0.09).
    SampleSummary t{1000, 120, 0.12, 0.1};
    SampleSummary c{800, 80, 0.10, 0.09};
    const ArmComparison r = ArmComparison::compare(t, c);
    const double se = std::sqrt(0.1 / 1000 + 0.09 / 800);
    const double z = 1.959963984540054;
    QVERIFY(close(r.absDiff, 0.02));
    QVERIFY(close(r.se, se));
    QVERIFY(close(r.ciAbsLow, 0.02 - z * se, 1e-12));
    QVERIFY(close(r.ciAbsHigh, 0.02 + z * se, 1e-12));
    QVERIFY(close(r.relLift, 0.2));
    const double seRel = std::sqrt(0.1 / (1000 * 0.01) + 0.0144 * 0.09 / (800 * 0.0001));
    QVERIFY(close(r.seRel, seRel));
    QVERIFY(close(r.ciRelLow, 0.2 - z * seRel, 1e-12));
    QVERIFY(close(r.incremental, 20.0));
    // z-ratio 0.02/se = 1.3719...: p = erfc(ratio/√2), chance = Φ(ratio) = 1 − p/2.
    const double ratio = 0.02 / se;
    QVERIFY(close(r.pValue, std::erfc(ratio / std::sqrt(2.0)), 1e-12));
    QVERIFY(close(r.chanceToBeat, 1 - r.pValue / 2, 1e-12));
}

void TestStats::comparisonEdgeCases()
{
    // An arm of one: no variance, so nothing that needs se; the means still compare.
    const ArmComparison tiny =
        ArmComparison::compare(SampleSummary{1, 2, 2, kNan}, SampleSummary{10, 10, 1, 0.5});
    QCOMPARE(tiny.absDiff, 1.0);
    QCOMPARE(tiny.relLift, 1.0);
    QVERIFY(std::isnan(tiny.se) && std::isnan(tiny.pValue) && std::isnan(tiny.ciAbsLow) &&
            std::isnan(tiny.chanceToBeat) && std::isnan(tiny.ciRelHigh));
    // Both arms constant and different: se 0, a certain difference.
    const ArmComparison sure =
        ArmComparison::compare(SampleSummary{5, 10, 2, 0}, SampleSummary{5, 5, 1, 0});
    QCOMPARE(sure.se, 0.0);
    QCOMPARE(sure.ciAbsLow, 1.0);
    QCOMPARE(sure.ciAbsHigh, 1.0);
    QCOMPARE(sure.pValue, 0.0);
    QCOMPARE(sure.chanceToBeat, 1.0);
    // Both constant and equal: no evidence either way -- undefined, not p = 1.
    const ArmComparison same =
        ArmComparison::compare(SampleSummary{5, 5, 1, 0}, SampleSummary{5, 5, 1, 0});
    QVERIFY(std::isnan(same.pValue) && std::isnan(same.chanceToBeat));
    // Control mean 0: relative lift undefined, the absolute figures are fine.
    const ArmComparison zero =
        ArmComparison::compare(SampleSummary{100, 5, 0.05, 0.05}, SampleSummary{100, 0, 0, 0});
    QVERIFY(std::isnan(zero.relLift) && std::isnan(zero.seRel) && std::isnan(zero.ciRelLow));
    QVERIFY(close(zero.absDiff, 0.05));
    QVERIFY(!std::isnan(zero.pValue));
}

void TestStats::holmByHand()
{
    // Sorted 0.005, 0.01, 0.03, 0.04 -> ×4, ×3, ×2, ×1 = 0.02, 0.03, 0.06, 0.04, then the
    // running maximum: 0.02, 0.03, 0.06, 0.06.
    const std::vector<double> p{0.01, 0.04, 0.03, 0.005};
    const std::vector<double> a = HolmBonferroni::adjust(p);
    QVERIFY(close(a[0], 0.03));
    QVERIFY(close(a[1], 0.06));
    QVERIFY(close(a[2], 0.06));
    QVERIFY(close(a[3], 0.02));
    // Capped at 1.
    const std::vector<double> big{0.6, 0.7};
    QCOMPARE(HolmBonferroni::adjust(big), (std::vector<double>{1.0, 1.0}));
}

void TestStats::holmLeavesUndefinedOut()
{
    const std::vector<double> p{0.01, kNan, 0.02};
    const std::vector<double> a = HolmBonferroni::adjust(p);
    QVERIFY(close(a[0], 0.02)); // m = 2, not 3
    QVERIFY(std::isnan(a[1]));
    QVERIFY(close(a[2], 0.02));
}

void TestStats::srmByHand()
{
    // 550/450 against 50/50: χ² = (50² + 50²)/500 = 10, 1 df: p = erfc(√(10/2)).
    const std::vector<int64_t> obs{550, 450};
    const std::vector<double> w{1, 1};
    const SrmTest s = SrmTest::run(obs, w);
    QVERIFY(close(s.chi2, 10.0));
    QCOMPARE(s.degreesOfFreedom, 1);
    QVERIFY(close(s.pValue, std::erfc(std::sqrt(5.0)), 1e-12));
    QVERIFY(!s.flag); // p = 0.00157
    // 45/45/10 planned, exactly met: χ² = 0, p = 1.
    const std::vector<int64_t> exact{450, 450, 100};
    const std::vector<double> planned{45, 45, 10};
    const SrmTest ok = SrmTest::run(exact, planned);
    QCOMPARE(ok.chi2, 0.0);
    QCOMPARE(ok.pValue, 1.0);
    QCOMPARE(ok.degreesOfFreedom, 2);
    // A holdout twice its planned size is flagged.
    const std::vector<int64_t> skewed{400, 400, 200};
    QVERIFY(SrmTest::run(skewed, planned).flag);
}

void TestStats::cupedRemovesWhatTheCovariatePredicts()
{
    // y = 3 + 2x + noise with Σ noise·(x − x̄) = 0 and Σ noise = 0: θ is exactly 2.
    const std::vector<double> x{1, 2, 3, 4, 5, 6};
    const std::vector<double> noise{0.5, -0.5, 0, 0, -0.5, 0.5};
    double sxn = 0;
    for (size_t i = 0; i < x.size(); ++i)
        sxn += (x[i] - 3.5) * noise[i];
    QCOMPARE(sxn, 0.0);
    std::vector<double> y;
    for (size_t i = 0; i < x.size(); ++i)
        y.push_back(3 + 2 * x[i] + noise[i]);
    const Cuped c = Cuped::fit(x, y);
    QVERIFY(close(c.theta, 2.0));
    QCOMPARE(c.covariateMean, 3.5);
    const std::vector<double> adjusted = c.adjust(x, y);
    for (size_t i = 0; i < x.size(); ++i)
        QVERIFY(close(adjusted[i], 3 + 2 * 3.5 + noise[i]));
    // y′ = 10 + noise, so Var(y′) = Var(noise) = 4·0.25/5 = 0.2; Var(y) = 4·Var(x) + 0.2 =
    // 4·3.5 + 0.2 = 14.2 (x and the noise are uncorrelated).
    QVERIFY(close(SampleSummary::of(y).variance, 14.2, 1e-12));
    QVERIFY(close(c.varianceReduction, 1 - 0.2 / 14.2, 1e-12));
}

void TestStats::cupedWithConstantCovariate()
{
    const std::vector<double> x{2, 2, 2};
    const std::vector<double> y{1, 2, 3};
    const Cuped c = Cuped::fit(x, y);
    QVERIFY(std::isnan(c.theta));
    QVERIFY(std::isnan(c.varianceReduction));
}

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
