// mailwright-cli from outside, the way an acceptance check drives it: usage errors,
// hostile arguments and malformed input must give the contract's exit code and one
// "error: " line on stderr (CONTRACT.md, "General").
#include "testutils.h"

#include <QtTest>

using namespace mw;

class TestCliContract : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void helpAndVersion_data();
    void helpAndVersion();

private:
    test::TempDir m_dir;
    QString m_db;
};

void TestCliContract::initTestCase()
{
    m_db = m_dir.path(QStringLiteral("t.db"));
    const auto init = test::runCli({QStringLiteral("init"), QStringLiteral("--db"), m_db});
    QCOMPARE(init.exitCode, 0);
}

void TestCliContract::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message"); // the start of stderr's first line
    const QString db = QStringLiteral("@DB@");
    auto row = [](const char *name, const QStringList &args, const char *message) {
        QTest::newRow(name) << args << QString::fromUtf8(message);
    };
    row("no command", {}, "error: no command given");
    row("unknown command", {QStringLiteral("frobnicate")}, "error: unknown command");
    row("segment without subcommand", {QStringLiteral("segment")},
        "error: no segment subcommand given");
    row("campaign without subcommand", {QStringLiteral("campaign")},
        "error: no campaign subcommand given");
    row("import without kind", {QStringLiteral("import")}, "error: name what to import");
    row("unknown option",
        {QStringLiteral("segment"), QStringLiteral("list"), QStringLiteral("--db"), db,
         QStringLiteral("--bogus")},
        "error: Unknown option 'bogus'");
    row("missing value", {QStringLiteral("init"), QStringLiteral("--db")},
        "error: Missing value after '--db'");
    row("init with an empty --db", {QStringLiteral("init"), QStringLiteral("--db"), QString()},
        "error: --db: the file name is empty");
    row("list with an empty --db",
        {QStringLiteral("segment"), QStringLiteral("list"), QStringLiteral("--db"), QString()},
        "error: --db: the file name is empty");
    row("stray argument to segment count",
        {QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("--db"), db,
         QStringLiteral("--name"), QStringLiteral("spring"), QStringLiteral("picks")},
        "error: unexpected argument \"picks\"");
    row("stray argument to render",
        {QStringLiteral("render"), QStringLiteral("--db"), db, QStringLiteral("--campaign"),
         QStringLiteral("spring"), QStringLiteral("picks"), QStringLiteral("--subscriber"),
         QStringLiteral("1")},
        "error: unexpected argument \"picks\"");
    row("stray argument to campaign list",
        {QStringLiteral("campaign"), QStringLiteral("list"), QStringLiteral("--db"), db,
         QStringLiteral("extra")},
        "error: unexpected argument \"extra\"");
    row("stray argument to liquid",
        {QStringLiteral("liquid"), QStringLiteral("--template"), QStringLiteral("t.liquid"),
         QStringLiteral("--data"), QStringLiteral("d.json"), QStringLiteral("extra")},
        "error: unexpected argument \"extra\"");
}

void TestCliContract::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    args.replaceInStrings(QStringLiteral("@DB@"), m_db);
    const auto run = test::runCli(args);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    QVERIFY2(run.err.startsWith(message.toUtf8()), run.err.constData());
}

void TestCliContract::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected"); // in stdout
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << QStringLiteral("Usage:");
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")}
                               << QStringLiteral("mailwright-cli ");
    for (const char *c : {"init", "import", "liquid", "render"})
        QTest::newRow(c) << QStringList{QLatin1String(c), QStringLiteral("--help")}
                         << QStringLiteral("Usage: mailwright-cli ") + QLatin1String(c);
    for (const char *c : {"count", "sql", "save", "list", "members", "rename", "delete"})
        QTest::newRow(c) << QStringList{QStringLiteral("segment"), QLatin1String(c),
                                        QStringLiteral("--help")}
                         << QStringLiteral("Usage: mailwright-cli segment ") + QLatin1String(c);
    QTest::newRow("segment") << QStringList{QStringLiteral("segment"), QStringLiteral("--help")}
                             << QStringLiteral("Usage: mailwright-cli segment");
    QTest::newRow("campaign") << QStringList{QStringLiteral("campaign"), QStringLiteral("--help")}
                              << QStringLiteral("Usage: mailwright-cli campaign");
    QTest::newRow("campaign list")
        << QStringList{QStringLiteral("campaign"), QStringLiteral("list"), QStringLiteral("--help")}
        << QStringLiteral("Usage: mailwright-cli campaign list");
}

void TestCliContract::helpAndVersion()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const auto run = test::runCli(args);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(expected.toUtf8()), run.out.constData());
    QVERIFY2(run.err.isEmpty(), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliContract)
#include "tst_clicontract.moc"
