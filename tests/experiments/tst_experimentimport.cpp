// mailwright-cli import experiment / experiment list / experiment report: hostile input
// (exact messages and line numbers, the database unchanged byte for byte), Hillstrom end to
// end (arm sizes and the rates published in ../shared/data/README.md), the sample database.
#include "testutils.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mw;

namespace {

QByteArray sha256(const QString &path)
{
    return QCryptographicHash::hash(test::fileBytes(path), QCryptographicHash::Sha256).toHex();
}

QStringList errLines(const test::CliRun &r)
{
    return QString::fromUtf8(r.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// A small valid file: 3 units in A (control), 2 in B.
const QByteArray kGood = "id,arm,y,x\r\n"
                         "u1,A,1,10\r\n"
                         "u2,B,0,12\r\n"
                         "u3,A,0,9\r\n"
                         "u4,B,1,11\r\n"
                         "u5,A,1,10";

} // namespace

class TestExperimentImport : public QObject {
    Q_OBJECT
private slots:
    void init();
    void importsAndReports();
    void rejectsHostileInput_data();
    void rejectsHostileInput();
    void listsAtMostHundredBadLines();
    void refusesAnExistingName();
    void usageErrors_data();
    void usageErrors();
    void hillstromEndToEnd();
    void sampleDatabaseExperiment();

private:
    QStringList importArgs(const QString &csv, const QStringList &extra = {}) const;
    std::unique_ptr<test::TempDir> m_dir;
    QString m_db;
};

void TestExperimentImport::init()
{
    m_dir = std::make_unique<test::TempDir>();
    m_db = m_dir->path(QStringLiteral("t.db"));
    QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--db"), m_db}).exitCode, 0);
}

QStringList TestExperimentImport::importArgs(const QString &csv, const QStringList &extra) const
{
    QStringList args{QStringLiteral("import"),       QStringLiteral("experiment"),
                     QStringLiteral("--db"),         m_db,
                     QStringLiteral("--name"),       QStringLiteral("t"),
                     QStringLiteral("--csv"),        csv,
                     QStringLiteral("--arm-column"), QStringLiteral("arm"),
                     QStringLiteral("--control"),    QStringLiteral("A"),
                     QStringLiteral("--metrics"),    QStringLiteral("y")};
    return args + extra;
}

void TestExperimentImport::importsAndReports()
{
    const QString csv = m_dir->writeFile(QStringLiteral("e.csv"), kGood);
    const auto r = test::runCli(importArgs(
        csv, {QStringLiteral("--id-column"), QStringLiteral("id"), QStringLiteral("--covariate"),
              QStringLiteral("x"), QStringLiteral("--weights"), QStringLiteral("A=3,B=2")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(summary[QStringLiteral("rows")].toInt(), 5);
    QCOMPARE(summary[QStringLiteral("arms")].toObject()[QStringLiteral("A")].toInt(), 3);
    QCOMPARE(summary[QStringLiteral("arms")].toObject()[QStringLiteral("B")].toInt(), 2);

    // What is stored: units by id, the control flagged, weights, covariates, outcomes.
    {
        auto db = test::openFresh(m_db);
        QCOMPARE(db.scalar("SELECT group_concat(name || ':' || weight || ':' || is_control, ' ') "
                           "FROM (SELECT * FROM experiment_arms ORDER BY id)")
                     ->toString(),
                 QStringLiteral("A:3.0:1 B:2.0:0"));
        QCOMPARE(db.scalar("SELECT group_concat(unit_id || '=' || covariate, ' ') FROM "
                           "(SELECT * FROM assignments ORDER BY unit_id)")
                     ->toString(),
                 QStringLiteral("u1=10.0 u2=12.0 u3=9.0 u4=11.0 u5=10.0"));
        QCOMPARE(
            db.scalar("SELECT sum(value) FROM experiment_outcomes WHERE metric = 'y'")->toDouble(),
            3.0);
        QCOMPARE(db.scalar("SELECT metrics || covariate FROM experiments")->toString(),
                 QStringLiteral("[\"y\"]x"));
    }

    const auto list = test::runCli(
        {QStringLiteral("experiment"), QStringLiteral("list"), QStringLiteral("--db"), m_db});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out, QByteArray("t\n"));
    const auto listJson =
        test::runCli({QStringLiteral("experiment"), QStringLiteral("list"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonObject first = QJsonDocument::fromJson(listJson.out).array()[0].toObject();
    QCOMPARE(first[QStringLiteral("name")].toString(), QStringLiteral("t"));
    QCOMPARE(first[QStringLiteral("control")].toString(), QStringLiteral("A"));
    QCOMPARE(first[QStringLiteral("units")].toInt(), 5);

    // The report by hand: A = {1, 0, 1}: mean 2/3, s² 1/3; B = {0, 1}: mean 1/2, s² 1/2.
    const auto rep =
        test::runCli({QStringLiteral("experiment"), QStringLiteral("report"),
                      QStringLiteral("--db"), m_db, QStringLiteral("--name"), QStringLiteral("t")});
    QVERIFY2(rep.exitCode == 0, rep.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(rep.out).object();
    QCOMPARE(o[QStringLiteral("control")].toString(), QStringLiteral("A"));
    QCOMPARE(o[QStringLiteral("confidence")].toDouble(), 0.95);
    const QJsonObject srm = o[QStringLiteral("srm")].toObject();
    QCOMPARE(srm[QStringLiteral("expected_share")].toObject()[QStringLiteral("A")].toDouble(), 0.6);
    QCOMPARE(srm[QStringLiteral("chi2")].toDouble(), 0.0); // 3:2 observed, 3:2 planned
    const QJsonArray arms = o[QStringLiteral("arms")].toArray();
    QCOMPARE(arms.size(), 2);
    const QJsonObject a =
        arms[0].toObject()[QStringLiteral("metrics")].toObject()[QStringLiteral("y")].toObject();
    QVERIFY(a[QStringLiteral("vs_control")].isNull());
    QVERIFY(!a.contains(QStringLiteral("cuped")));
    QVERIFY(qFuzzyCompare(a[QStringLiteral("variance")].toDouble(), 1.0 / 3));
    const QJsonObject b =
        arms[1].toObject()[QStringLiteral("metrics")].toObject()[QStringLiteral("y")].toObject();
    const QJsonObject vs = b[QStringLiteral("vs_control")].toObject();
    QVERIFY(qFuzzyCompare(vs[QStringLiteral("abs_diff")].toDouble(), 0.5 - 2.0 / 3));
    QVERIFY(qFuzzyCompare(vs[QStringLiteral("rel_lift")].toDouble(), -0.25));
    QVERIFY(qFuzzyCompare(vs[QStringLiteral("incremental")].toDouble(), 2 * (0.5 - 2.0 / 3)));
    QCOMPARE(vs[QStringLiteral("ci95_abs")].toArray().size(), 2);

    // --cuped: the covariate's block appears.
    const auto cuped = test::runCli({QStringLiteral("experiment"), QStringLiteral("report"),
                                     QStringLiteral("--db"), m_db, QStringLiteral("--name"),
                                     QStringLiteral("t"), QStringLiteral("--cuped")});
    QCOMPARE(cuped.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(cuped.out)
                .object()[QStringLiteral("arms")]
                .toArray()[1]
                .toObject()[QStringLiteral("metrics")]
                .toObject()[QStringLiteral("y")]
                .toObject()[QStringLiteral("cuped")]
                .toObject()
                .contains(QStringLiteral("theta")));

    // An unknown experiment is bad input.
    const auto unknown = test::runCli({QStringLiteral("experiment"), QStringLiteral("report"),
                                       QStringLiteral("--db"), m_db, QStringLiteral("--name"),
                                       QStringLiteral("nope")});
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(errLines(unknown), QStringList{QStringLiteral("error: unknown experiment \"nope\"")});
}

void TestExperimentImport::rejectsHostileInput_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("messages");
    const QStringList idCol{QStringLiteral("--id-column"), QStringLiteral("id")};
    const QString bad1 = QStringLiteral("error: 1 of 5 rows are bad; nothing was imported");

    QTest::newRow("unknown arm column")
        << kGood << QStringList{QStringLiteral("--arm-column"), QStringLiteral("group")} << 2
        << QStringList{QStringLiteral(
               "error: --arm-column: no column \"group\" in the header (columns: id, arm, y, x)")};
    QTest::newRow("unknown metric")
        << kGood << QStringList{QStringLiteral("--metrics"), QStringLiteral("y,revenue")} << 2
        << QStringList{QStringLiteral(
               "error: --metrics: no column \"revenue\" in the header (columns: id, arm, y, x)")};
    QTest::newRow("unknown covariate")
        << kGood << QStringList{QStringLiteral("--covariate"), QStringLiteral("pre")} << 2
        << QStringList{QStringLiteral(
               "error: --covariate: no column \"pre\" in the header (columns: id, arm, y, x)")};
    QTest::newRow("control arm absent")
        << kGood << QStringList{QStringLiteral("--control"), QStringLiteral("C")} << 2
        << QStringList{QStringLiteral(
               "error: --control: arm \"C\" does not occur in column \"arm\" (arms: A, B)")};
    QTest::newRow("empty arm")
        << QByteArray("id,arm,y,x\nu1,A,1,1\nu2, ,1,1\nu3,B,0,1\nu4,A,0,1\nu5,B,1,1\n")
        << QStringList{} << 2
        << QStringList{bad1, QStringLiteral("line 3: column 2 \"arm\": the arm is empty")};
    QTest::newRow("metric not a number")
        << QByteArray("id,arm,y,x\nu1,A,1,1\nu2,B,1,1\nu3,B,yes,1\nu4,A,0,1\nu5,B,1,1\n")
        << QStringList{} << 2
        << QStringList{bad1, QStringLiteral("line 4: column 3 \"y\": \"yes\" is not a number")};
    QTest::newRow("metric NaN")
        << QByteArray("id,arm,y,x\nu1,A,1,1\nu2,B,1,1\nu3,B,1,1\nu4,A,0,1\nu5,B,nan,1\n")
        << QStringList{} << 2
        << QStringList{bad1, QStringLiteral("line 6: column 3 \"y\": \"nan\" is not a number")};
    QTest::newRow("covariate empty")
        << QByteArray("id,arm,y,x\nu1,A,1,1\nu2,B,1,\nu3,B,1,1\nu4,A,0,1\nu5,B,0,1\n")
        << QStringList{QStringLiteral("--covariate"), QStringLiteral("x")} << 2
        << QStringList{bad1, QStringLiteral("line 3: column 4 \"x\": \"\" is not a number")};
    QTest::newRow("duplicate unit id")
        << QByteArray("id,arm,y,x\nu1,A,1,1\nu2,B,1,1\nu3,B,1,1\nu4,A,0,1\nu2,B,1,1\n") << idCol
        << 2
        << QStringList{bad1,
                       QStringLiteral("line 6: column 1 \"id\": unit id \"u2\" repeats line 3")};
    QTest::newRow("empty unit id")
        << QByteArray("id,arm,y,x\nu1,A,1,1\n,B,1,1\nu3,B,1,1\nu4,A,0,1\nu5,B,1,1\n") << idCol << 2
        << QStringList{bad1, QStringLiteral("line 3: column 1 \"id\": the unit id is empty")};
    QTest::newRow("wrong field count, two reasons on a line, quoted newline")
        << QByteArray("id,arm,y,x\nu1,A,1,1\nu2,B,1\n\"u\n3\",B,x,1\nu4,,z,1\nu5,B,1,1\n") << idCol
        << 2
        << QStringList{QStringLiteral("error: 3 of 5 rows are bad; nothing was imported"),
                       QStringLiteral("line 3: wrong number of fields: expected 4, found 3"),
                       QStringLiteral("line 4: column 3 \"y\": \"x\" is not a number"),
                       QStringLiteral("line 6: column 2 \"arm\": the arm is empty; column 3 "
                                      "\"y\": \"z\" is not a number")};
    QTest::newRow("one arm only") << QByteArray("id,arm,y\nu1,A,1\nu2,A,0\n") << QStringList{} << 2
                                  << QStringList{QStringLiteral(
                                         "error: column \"arm\" has only one arm (\"A\"); an "
                                         "experiment needs a control and at least one other arm")};
    QTest::newRow("weights: unknown arm")
        << kGood << QStringList{QStringLiteral("--weights"), QStringLiteral("A=1,B=1,C=1")} << 2
        << QStringList{QStringLiteral(
               "error: --weights: arm \"C\" does not occur in column \"arm\" (arms: A, B)")};
    QTest::newRow("weights: an arm without")
        << kGood << QStringList{QStringLiteral("--weights"), QStringLiteral("A=1")} << 2
        << QStringList{QStringLiteral("error: --weights: no weight for arm \"B\" (give every arm "
                                      "one, or none for an equal split)")};
    QTest::newRow("weights: zero")
        << kGood << QStringList{QStringLiteral("--weights"), QStringLiteral("A=1,B=0")} << 1
        << QStringList{
               QStringLiteral("error: --weights: the weight of \"B\" must be positive, not 0")};
    QTest::newRow("weights: negative")
        << kGood << QStringList{QStringLiteral("--weights"), QStringLiteral("A=-1,B=1")} << 1
        << QStringList{
               QStringLiteral("error: --weights: the weight of \"A\" must be positive, not -1")};
    QTest::newRow("weights: not a number")
        << kGood << QStringList{QStringLiteral("--weights"), QStringLiteral("A=1,B")} << 1
        << QStringList{QStringLiteral("error: --weights: expected ARM=WEIGHT, not \"B\"")};
    QTest::newRow("empty file") << QByteArray() << QStringList{} << 2
                                << QStringList{
                                       QStringLiteral("error: the file is empty (no header row)")};
    QTest::newRow("header only") << QByteArray("id,arm,y\r\n") << QStringList{} << 2
                                 << QStringList{QStringLiteral("error: the file has no data rows")};
    QTest::newRow("invalid UTF-8")
        << QByteArray("id,arm,y,x\nu1,A,1,1\nu2,B\xff,1,1\nu3,B,1,1\nu4,A,0,1\nu5,B,1,1\n")
        << QStringList{} << 2
        << QStringList{bad1, QStringLiteral("line 3: invalid UTF-8 in column 2")};
}

void TestExperimentImport::rejectsHostileInput()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, extra);
    QFETCH(int, exitCode);
    QFETCH(QStringList, messages);
    const QString path = m_dir->writeFile(QStringLiteral("bad.csv"), csv);
    const QByteArray before = sha256(m_db);
    const auto r = test::runCli(importArgs(path, extra));
    QCOMPARE(errLines(r), messages);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(sha256(m_db), before);
    auto db = test::openFresh(m_db);
    QCOMPARE(db.scalar("SELECT (SELECT count(*) FROM experiments) + (SELECT count(*) FROM "
                       "experiment_arms) + (SELECT count(*) FROM assignments) + (SELECT "
                       "count(*) FROM experiment_outcomes)")
                 ->toInt(),
             0);
}

void TestExperimentImport::listsAtMostHundredBadLines()
{
    QByteArray csv = "arm,y\nA,1\nB,0\n";
    for (int i = 0; i < 150; ++i)
        csv += "B,?\n";
    const QString path = m_dir->writeFile(QStringLiteral("many.csv"), csv);
    const auto r = test::runCli(importArgs(path));
    QCOMPARE(r.exitCode, 2);
    const QStringList lines = errLines(r);
    QCOMPARE(lines.size(), 102);
    QCOMPARE(lines[0], QStringLiteral("error: 150 of 152 rows are bad; nothing was imported"));
    QCOMPARE(lines[1], QStringLiteral("line 4: column 2 \"y\": \"?\" is not a number"));
    QCOMPARE(lines[100], QStringLiteral("line 103: column 2 \"y\": \"?\" is not a number"));
    QCOMPARE(lines[101], QStringLiteral("... and 50 more bad rows"));
}

void TestExperimentImport::refusesAnExistingName()
{
    const QString csv = m_dir->writeFile(QStringLiteral("e.csv"), kGood);
    QCOMPARE(test::runCli(importArgs(csv)).exitCode, 0);
    const QByteArray before = sha256(m_db);
    const auto again = test::runCli(importArgs(csv));
    QCOMPARE(again.exitCode, 3);
    QCOMPARE(errLines(again), QStringList{QStringLiteral(
                                  "error: experiment \"t\" already exists; imports never "
                                  "replace an experiment's results (choose another --name)")});
    QCOMPARE(sha256(m_db), before);
    // Without --id-column the units are the data lines' numbers (2..6).
    auto db = test::openFresh(m_db);
    QCOMPARE(db.scalar("SELECT group_concat(unit_id, ' ') FROM (SELECT unit_id FROM assignments "
                       "ORDER BY CAST(unit_id AS INTEGER))")
                 ->toString(),
             QStringLiteral("2 3 4 5 6"));
}

void TestExperimentImport::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing --control")
        << QStringList{QStringLiteral("import"),       QStringLiteral("experiment"),
                       QStringLiteral("--db"),         QStringLiteral("x.db"),
                       QStringLiteral("--name"),       QStringLiteral("n"),
                       QStringLiteral("--csv"),        QStringLiteral("x.csv"),
                       QStringLiteral("--arm-column"), QStringLiteral("arm"),
                       QStringLiteral("--metrics"),    QStringLiteral("y")}
        << QStringLiteral("error: missing required option --control");
    QTest::newRow("empty metric name")
        << QStringList{QStringLiteral("import"),       QStringLiteral("--db"),
                       QStringLiteral("x.db"),         QStringLiteral("experiment"),
                       QStringLiteral("--name"),       QStringLiteral("n"),
                       QStringLiteral("--csv"),        QStringLiteral("x.csv"),
                       QStringLiteral("--arm-column"), QStringLiteral("arm"),
                       QStringLiteral("--control"),    QStringLiteral("A"),
                       QStringLiteral("--metrics"),    QStringLiteral("y,,z")}
        << QStringLiteral("error: --metrics: an empty metric name in \"y,,z\"");
    QTest::newRow("report: bad format")
        << QStringList{QStringLiteral("experiment"), QStringLiteral("report"),
                       QStringLiteral("--db"),       QStringLiteral("x.db"),
                       QStringLiteral("--name"),     QStringLiteral("n"),
                       QStringLiteral("--format"),   QStringLiteral("xml")}
        << QStringLiteral("error: --format: expected json or csv");
    QTest::newRow("no subcommand") << QStringList{QStringLiteral("experiment")}
                                   << QStringLiteral("error: no experiment subcommand given");
}

void TestExperimentImport::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = test::runCli(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(errLines(r).value(0).startsWith(message), r.err.constData());
}

void TestExperimentImport::hillstromEndToEnd()
{
    const QString csv = test::sharedDir() + QStringLiteral("/data/hillstrom.csv");
    const auto r = test::runCli(
        {QStringLiteral("import"), QStringLiteral("experiment"), QStringLiteral("--db"), m_db,
         QStringLiteral("--name"), QStringLiteral("hillstrom"), QStringLiteral("--csv"), csv,
         QStringLiteral("--arm-column"), QStringLiteral("segment"), QStringLiteral("--control"),
         QStringLiteral("No E-Mail"), QStringLiteral("--metrics"),
         QStringLiteral("visit,conversion,spend"), QStringLiteral("--covariate"),
         QStringLiteral("history")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto rep = test::runCli({QStringLiteral("experiment"), QStringLiteral("report"),
                                   QStringLiteral("--db"), m_db, QStringLiteral("--name"),
                                   QStringLiteral("hillstrom"), QStringLiteral("--cuped")});
    QCOMPARE(rep.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(rep.out).object();
    QCOMPARE(o[QStringLiteral("srm")].toObject()[QStringLiteral("flag")].toBool(), false);
    // ../shared/data/README.md: arm sizes, and the published rates to their two decimals.
    struct Expected {
        const char *arm;
        int n;
        double visit, conversion, spend;
    };
    const Expected expected[] = {{"No E-Mail", 21306, 10.62, 0.57, 0.65},
                                 {"Womens E-Mail", 21387, 15.14, 0.88, 1.08},
                                 {"Mens E-Mail", 21307, 18.28, 1.25, 1.42}};
    const QJsonArray arms = o[QStringLiteral("arms")].toArray();
    QCOMPARE(arms.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject arm = arms[i].toObject();
        QCOMPARE(arm[QStringLiteral("name")].toString(), QString::fromUtf8(expected[i].arm));
        QCOMPARE(arm[QStringLiteral("n")].toInt(), expected[i].n);
        const QJsonObject m = arm[QStringLiteral("metrics")].toObject();
        auto mean = [&](const char *metric) {
            return m[QString::fromLatin1(metric)].toObject()[QStringLiteral("mean")].toDouble();
        };
        QCOMPARE(std::round(mean("visit") * 10000) / 100, expected[i].visit);
        QCOMPARE(std::round(mean("conversion") * 10000) / 100, expected[i].conversion);
        QCOMPARE(std::round(mean("spend") * 100) / 100, expected[i].spend);
        if (i > 0) {
            // Every e-mail beats no e-mail on visits, clearly.
            const QJsonObject vs =
                m[QStringLiteral("visit")].toObject()[QStringLiteral("vs_control")].toObject();
            QVERIFY(vs[QStringLiteral("p_adjusted")].toDouble() < 1e-30);
            QVERIFY(vs[QStringLiteral("ci95_abs")].toArray()[0].toDouble() > 0.03);
        }
    }
}

void TestExperimentImport::sampleDatabaseExperiment()
{
    const QString db = m_dir->path(QStringLiteral("sample.db"));
    QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--db"), db,
                           QStringLiteral("--sample"), QStringLiteral("1500"),
                           QStringLiteral("--seed"), QStringLiteral("3")})
                 .exitCode,
             0);
    const auto list = test::runCli(
        {QStringLiteral("experiment"), QStringLiteral("list"), QStringLiteral("--db"), db});
    QCOMPARE(list.out, QByteArray("subject-line-test\n"));
    auto dbh = test::openFresh(db);
    const int units = dbh.scalar("SELECT count(*) FROM assignments")->toInt();
    const auto rep = test::runCli({QStringLiteral("experiment"), QStringLiteral("report"),
                                   QStringLiteral("--db"), db, QStringLiteral("--name"),
                                   QStringLiteral("subject-line-test"), QStringLiteral("--cuped")});
    QVERIFY2(rep.exitCode == 0, rep.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(rep.out).object();
    QCOMPARE(o[QStringLiteral("control")].toString(), QStringLiteral("control"));
    const QJsonArray arms = o[QStringLiteral("arms")].toArray();
    QCOMPARE(arms.size(), 3);
    int total = 0, holdouts = 0;
    for (const QJsonValue &v : arms) {
        const QJsonObject arm = v.toObject();
        total += arm[QStringLiteral("n")].toInt();
        holdouts += arm[QStringLiteral("is_holdout")].toBool() ? 1 : 0;
        const QJsonObject metrics = arm[QStringLiteral("metrics")].toObject();
        QCOMPARE(metrics.keys(), (QStringList{QStringLiteral("click"), QStringLiteral("conversion"),
                                              QStringLiteral("open"), QStringLiteral("revenue")}));
        QVERIFY(metrics[QStringLiteral("revenue")].toObject().contains(QStringLiteral("cuped")));
    }
    QCOMPARE(total, units);
    QCOMPARE(holdouts, 1);
    const QJsonObject shares =
        o[QStringLiteral("srm")].toObject()[QStringLiteral("expected_share")].toObject();
    QCOMPARE(shares[QStringLiteral("holdout")].toDouble(), 0.1);
    // The holdout got no e-mail: nobody in it opened one.
    for (const QJsonValue &v : arms)
        if (v.toObject()[QStringLiteral("is_holdout")].toBool())
            QCOMPARE(v.toObject()[QStringLiteral("metrics")]
                         .toObject()[QStringLiteral("open")]
                         .toObject()[QStringLiteral("sum")]
                         .toDouble(),
                     0.0);
    const auto csv = test::runCli({QStringLiteral("experiment"), QStringLiteral("report"),
                                   QStringLiteral("--db"), db, QStringLiteral("--name"),
                                   QStringLiteral("subject-line-test"), QStringLiteral("--format"),
                                   QStringLiteral("csv")});
    QCOMPARE(csv.exitCode, 0);
    QCOMPARE(csv.out.count("\r\n"), 1 + 3 * 4);
}

QTEST_GUILESS_MAIN(TestExperimentImport)
#include "tst_experimentimport.moc"
