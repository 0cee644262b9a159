// `experiment report` against an independent reference: reference_report.py (beside this
// file) computes every figure of the report from the raw CSV with NumPy, SciPy and
// statsmodels on Debian's /usr/bin/python3 -- statsmodels' CompareMeans for the difference,
// its interval and p-value, multipletests(method="holm") for p_adjusted,
// scipy.stats.chisquare for the SRM check, numpy.cov for CUPED's θ, the contract's delta
// method for the relative interval (its docstring lists each source). This test imports
// each dataset through the CLI, asks for the report (JSON with and without --cuped, and
// CSV) and compares every field: same keys, same nulls, numbers within 1e-9 relative
// (p-values on a log scale: a p of 1e-112 moves by 1e-10 relative when z moves by 1e-13).
// Datasets: four synthetic ones written by the script (unequal arm sizes and planned
// weights; four arms with missing values; arms of one and two units; constant metrics,
// se = 0 and a control mean of 0) and Hillstrom's e-mail test.
#include "testutils.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <cmath>

using namespace mw;

namespace {

QString script()
{
    return test::sourceDir() + QStringLiteral("/tests/experiments/reference_report.py");
}

QByteArray runPython(const QStringList &args)
{
    QProcess p;
    p.start(test::systemPython(), QStringList{script()} + args);
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("reference failed: %s", p.readAllStandardError().constData());
        return {};
    }
    return p.readAllStandardOutput();
}

bool isPValueKey(const QString &path)
{
    return path.endsWith(QLatin1String(".p_value")) || path.endsWith(QLatin1String(".p_adjusted"));
}

// Every difference between ours and the reference, as "path: ours vs reference".
void compare(const QJsonValue &ours, const QJsonValue &ref, const QString &path, QStringList &diffs,
             int &numbers)
{
    if (ours.type() != ref.type()) {
        diffs << QStringLiteral("%1: type %2 vs %3").arg(path).arg(ours.type()).arg(ref.type());
        return;
    }
    if (ours.isObject()) {
        const QJsonObject a = ours.toObject(), b = ref.toObject();
        if (a.keys() != b.keys()) {
            diffs << QStringLiteral("%1: keys %2 vs %3")
                         .arg(path, a.keys().join(QLatin1Char(',')),
                              b.keys().join(QLatin1Char(',')));
            return;
        }
        for (const QString &k : a.keys())
            compare(a[k], b[k], path + QLatin1Char('.') + k, diffs, numbers);
    } else if (ours.isArray()) {
        const QJsonArray a = ours.toArray(), b = ref.toArray();
        if (a.size() != b.size()) {
            diffs << QStringLiteral("%1: %2 vs %3 elements").arg(path).arg(a.size()).arg(b.size());
            return;
        }
        for (qsizetype i = 0; i < a.size(); ++i)
            compare(a[i], b[i], QStringLiteral("%1[%2]").arg(path).arg(i), diffs, numbers);
    } else if (ours.isDouble()) {
        ++numbers;
        double x = ours.toDouble(), y = ref.toDouble();
        if (isPValueKey(path) && x > 0 && y > 0) {
            x = std::log(x);
            y = std::log(y);
        }
        const double tolerance = 1e-9 * std::max(std::fabs(x), std::fabs(y)) + 1e-15;
        if (!(std::fabs(x - y) <= tolerance))
            diffs << QStringLiteral("%1: %2 vs %3")
                         .arg(path, QString::number(ours.toDouble(), 'g', 17),
                              QString::number(ref.toDouble(), 'g', 17));
    } else if (ours != ref) {
        diffs << QStringLiteral("%1: %2 vs %3")
                     .arg(path, ours.toVariant().toString(), ref.toVariant().toString());
    }
}

QStringList importArgs(const QJsonObject &a)
{
    QStringList args{QStringLiteral("--arm-column"), a[QStringLiteral("arm_column")].toString(),
                     QStringLiteral("--control"),    a[QStringLiteral("control")].toString(),
                     QStringLiteral("--metrics"),    a[QStringLiteral("metrics")].toString()};
    for (const char *key : {"covariate", "id_column", "weights"}) {
        const QString k = QString::fromLatin1(key);
        if (a.contains(k))
            args << QStringLiteral("--") + QString(k).replace(QLatin1Char('_'), QLatin1Char('-'))
                 << a[k].toString();
    }
    return args;
}

} // namespace

class TestExperimentReference : public QObject {
    Q_OBJECT
private slots:
    void matchesScipyAndStatsmodels_data();
    void matchesScipyAndStatsmodels();
};

void TestExperimentReference::matchesScipyAndStatsmodels_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("3 arms, unequal sizes, weights 1:2:1") << QStringLiteral("unequal");
    QTest::newRow("4 arms, missing values, 45/45/5/5") << QStringLiteral("four_arms");
    QTest::newRow("arms of 1 and 2 units") << QStringLiteral("tiny");
    QTest::newRow("constant metrics, se 0, control mean 0") << QStringLiteral("degenerate");
    QTest::newRow("Hillstrom e-mail test") << QStringLiteral("hillstrom");
}

void TestExperimentReference::matchesScipyAndStatsmodels()
{
    QFETCH(QString, kind);
    test::TempDir dir;
    QString csv;
    QJsonObject spec;
    if (kind == QLatin1String("hillstrom")) {
        csv = test::sharedDir() + QStringLiteral("/data/hillstrom.csv");
        spec = QJsonObject{{QStringLiteral("arm_column"), QStringLiteral("segment")},
                           {QStringLiteral("control"), QStringLiteral("No E-Mail")},
                           {QStringLiteral("metrics"), QStringLiteral("visit,conversion,spend")},
                           {QStringLiteral("covariate"), QStringLiteral("history")}};
    } else {
        csv = dir.path(kind + QStringLiteral(".csv"));
        const QByteArray out = runPython({QStringLiteral("generate"), QStringLiteral("--kind"),
                                          kind, QStringLiteral("--out"), csv});
        QVERIFY(!out.isEmpty());
        spec = QJsonDocument::fromJson(out).object();
    }
    const QString db = dir.path(QStringLiteral("t.db"));
    QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--db"), db}).exitCode, 0);
    const QStringList args = importArgs(spec);
    const auto imported = test::runCli(
        QStringList{QStringLiteral("import"), QStringLiteral("experiment"), QStringLiteral("--db"),
                    db, QStringLiteral("--name"), kind, QStringLiteral("--csv"), csv} +
        args);
    QVERIFY2(imported.exitCode == 0, imported.err.constData());

    for (const bool cuped : {false, true}) {
        QStringList reportArgs{QStringLiteral("experiment"), QStringLiteral("report"),
                               QStringLiteral("--db"),       db,
                               QStringLiteral("--name"),     kind};
        QStringList refArgs = QStringList{QStringLiteral("report"), QStringLiteral("--csv"), csv,
                                          QStringLiteral("--name"), kind} +
                              args;
        if (cuped) {
            reportArgs << QStringLiteral("--cuped");
            refArgs << QStringLiteral("--cuped");
        }
        const auto ours = test::runCli(reportArgs);
        QVERIFY2(ours.exitCode == 0, ours.err.constData());
        const QByteArray ref = runPython(refArgs);
        QVERIFY(!ref.isEmpty());
        QJsonParseError e1, e2;
        const QJsonDocument a = QJsonDocument::fromJson(ours.out, &e1);
        const QJsonDocument b = QJsonDocument::fromJson(ref, &e2);
        QVERIFY2(e1.error == QJsonParseError::NoError, qPrintable(e1.errorString()));
        QVERIFY2(e2.error == QJsonParseError::NoError, qPrintable(e2.errorString()));
        QStringList diffs;
        int numbers = 0;
        compare(a.object(), b.object(), QStringLiteral("report"), diffs, numbers);
        QVERIFY2(diffs.isEmpty(), qPrintable(diffs.mid(0, 20).join(QLatin1Char('\n'))));
        QVERIFY(numbers > 50);
        const QJsonObject control = a.object()[QStringLiteral("arms")].toArray()[0].toObject();
        QCOMPARE(control[QStringLiteral("is_control")].toBool(), true);
        const QJsonObject firstMetric =
            control[QStringLiteral("metrics")].toObject().begin()->toObject();
        QVERIFY(firstMetric[QStringLiteral("vs_control")].isNull());
        QCOMPARE(firstMetric.contains(QStringLiteral("cuped")), cuped);

        if (!cuped)
            continue;
        // The CSV holds the JSON's figures: one row per (arm, metric), nulls as empty fields.
        reportArgs << QStringLiteral("--format") << QStringLiteral("csv");
        const auto csvRun = test::runCli(reportArgs);
        QCOMPARE(csvRun.exitCode, 0);
        QStringList lines =
            QString::fromUtf8(csvRun.out).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        const QStringList header = lines.takeFirst().split(QLatin1Char(','));
        const QJsonArray arms = a.object()[QStringLiteral("arms")].toArray();
        int row = 0;
        for (const QJsonValue &armValue : arms) {
            const QJsonObject arm = armValue.toObject();
            const QJsonObject metrics = arm[QStringLiteral("metrics")].toObject();
            // Metrics in the order the JSON document lists them (QJsonObject sorts keys).
            QStringList order;
            for (const QString &m :
                 spec[QStringLiteral("metrics")].toString().split(QLatin1Char(',')))
                for (const QString &k : metrics.keys())
                    if (k.compare(m, Qt::CaseInsensitive) == 0)
                        order << k;
            for (const QString &m : order) {
                QVERIFY(row < lines.size());
                const QStringList f = lines[row++].split(QLatin1Char(','));
                QCOMPARE(f.size(), header.size());
                auto field = [&](const QString &column) { return f[header.indexOf(column)]; };
                QCOMPARE(field(QStringLiteral("arm")), arm[QStringLiteral("name")].toString());
                QCOMPARE(field(QStringLiteral("metric")), m);
                const QJsonObject mo = metrics[m].toObject();
                auto same = [&](const QString &column, const QJsonValue &v) {
                    return v.isNull() ? field(column).isEmpty()
                                      : field(column).toDouble() == v.toDouble();
                };
                QVERIFY(same(QStringLiteral("mean"), mo[QStringLiteral("mean")]));
                QVERIFY(same(QStringLiteral("variance"), mo[QStringLiteral("variance")]));
                const QJsonValue vs = mo[QStringLiteral("vs_control")];
                const QJsonObject c = vs.toObject();
                QVERIFY(same(QStringLiteral("p_adjusted"),
                             vs.isNull() ? QJsonValue() : c[QStringLiteral("p_adjusted")]));
                QVERIFY(
                    same(QStringLiteral("ci95_rel_high"),
                         vs.isNull() ? QJsonValue() : c[QStringLiteral("ci95_rel")].toArray()[1]));
                const QJsonObject cu = mo[QStringLiteral("cuped")].toObject();
                QVERIFY(same(QStringLiteral("cuped_theta"), cu[QStringLiteral("theta")]));
                const QJsonValue cvs = cu[QStringLiteral("vs_control")];
                QVERIFY(
                    same(QStringLiteral("cuped_abs_diff"),
                         cvs.isNull() ? QJsonValue() : cvs.toObject()[QStringLiteral("abs_diff")]));
            }
        }
        QCOMPARE(row, lines.size());
    }
}

QTEST_GUILESS_MAIN(TestExperimentReference)
#include "tst_experimentreference.moc"
