// mailwright-cli from outside, the way an acceptance check drives it: usage errors,
// hostile arguments and malformed input must give the contract's exit code and one
// "error: " line on stderr (CONTRACT.md, "General").
#include "testutils.h"

#include <QProcess>
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
    void endlessInputIsRefused_data();
    void endlessInputIsRefused();
    void outputOntoAnInputIsRefused_data();
    void outputOntoAnInputIsRefused();
    void fullStdoutIsAnError_data();
    void fullStdoutIsAnError();
    void databaseErrorsNameTheFile_data();
    void databaseErrorsNameTheFile();
    void readingWorksWhileAnotherProgramWrites();

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

void TestCliContract::endlessInputIsRefused_data()
{
    // Input files are read whole (a template, a definition, a CSV record, a JSON document):
    // /dev/zero used to take all memory and die in std::bad_alloc (SIGABRT). The CLI runs
    // here with 1.5 GB of address space, so a regression fails instead of eating the machine.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString db = QStringLiteral("@DB@"), zero = QStringLiteral("/dev/zero");
    const QString tpl = QStringLiteral("@TPL@"), data = QStringLiteral("@DATA@");
    QTest::newRow("import --csv")
        << QStringList{QStringLiteral("import"), QStringLiteral("subscribers"),
                       QStringLiteral("--db"),   db,
                       QStringLiteral("--csv"),  zero}
        << QStringLiteral("error: line 1: header: a record longer than 64 MiB");
    QTest::newRow("liquid --template")
        << QStringList{QStringLiteral("liquid"), QStringLiteral("--template"), zero,
                       QStringLiteral("--data"), data}
        << QStringLiteral("error: /dev/zero: larger than 64 MiB");
    QTest::newRow("liquid --data")
        << QStringList{QStringLiteral("liquid"), QStringLiteral("--template"), tpl,
                       QStringLiteral("--data"), zero}
        << QStringLiteral("error: /dev/zero: larger than 512 MiB");
    QTest::newRow("liquid --data-jsonl")
        << QStringList{QStringLiteral("liquid"), QStringLiteral("--template"), tpl,
                       QStringLiteral("--data-jsonl"), zero}
        << QStringLiteral("error: /dev/zero: larger than 512 MiB");
    QTest::newRow("segment count --definition")
        << QStringList{QStringLiteral("segment"),      QStringLiteral("count"),
                       QStringLiteral("--db"),         db,
                       QStringLiteral("--definition"), zero}
        << QStringLiteral("error: /dev/zero: larger than 64 MiB");
    QTest::newRow("segment save --definition")
        << QStringList{QStringLiteral("segment"),      QStringLiteral("save"),
                       QStringLiteral("--db"),         db,
                       QStringLiteral("--name"),       QStringLiteral("z"),
                       QStringLiteral("--definition"), zero}
        << QStringLiteral("error: /dev/zero: larger than 64 MiB");
}

void TestCliContract::endlessInputIsRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    args.replaceInStrings(QStringLiteral("@DB@"), m_db);
    args.replaceInStrings(QStringLiteral("@TPL@"),
                          m_dir.writeFile(QStringLiteral("t.liquid"), "{{ a }}"));
    args.replaceInStrings(QStringLiteral("@DATA@"),
                          m_dir.writeFile(QStringLiteral("d.json"), "{\"a\": 1}"));
    QProcess p;
    p.start(QStringLiteral("/bin/sh"),
            QStringList{QStringLiteral("-c"),
                        QStringLiteral("ulimit -v 1500000; exec \"$0\" \"$@\""),
                        qEnvironmentVariable("MW_CLI")} +
                args);
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(err.startsWith(message.toUtf8()), err.constData());
    QVERIFY(p.readAllStandardOutput().isEmpty());
}

void TestCliContract::outputOntoAnInputIsRefused_data()
{
    // An output written over an input destroyed it: `render --out DB` replaced the database
    // with the .jsonl (exit 0), `import --rejects DB` with the rejects CSV, and
    // `--rejects CSV` the file being imported.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString db = QStringLiteral("@DB@"), csv = QStringLiteral("@CSV@");
    const QString tpl = QStringLiteral("@TPL@"), data = QStringLiteral("@DATA@");
    const QString sameDb = QStringLiteral("@SAMEDB@");
    QTest::newRow("render --out the database")
        << QStringList{QStringLiteral("render"),
                       QStringLiteral("--db"),
                       db,
                       QStringLiteral("--campaign"),
                       QStringLiteral("c"),
                       QStringLiteral("--segment"),
                       QStringLiteral("s"),
                       QStringLiteral("--out"),
                       db}
        << QStringLiteral("error: --out: \"@DB@\" is the database");
    QTest::newRow("render --out the database by another name")
        << QStringList{QStringLiteral("render"),
                       QStringLiteral("--db"),
                       db,
                       QStringLiteral("--campaign"),
                       QStringLiteral("c"),
                       QStringLiteral("--segment"),
                       QStringLiteral("s"),
                       QStringLiteral("--out"),
                       sameDb}
        << QStringLiteral("error: --out: \"@SAMEDB@\" is the database");
    QTest::newRow("import --rejects the database")
        << QStringList{QStringLiteral("import"),     QStringLiteral("subscribers"),
                       QStringLiteral("--db"),       db,
                       QStringLiteral("--csv"),      csv,
                       QStringLiteral("--on-error"), QStringLiteral("skip"),
                       QStringLiteral("--rejects"),  db}
        << QStringLiteral("error: --rejects: \"@DB@\" is the database");
    QTest::newRow("import --rejects the CSV")
        << QStringList{QStringLiteral("import"),     QStringLiteral("subscribers"),
                       QStringLiteral("--db"),       db,
                       QStringLiteral("--csv"),      csv,
                       QStringLiteral("--on-error"), QStringLiteral("skip"),
                       QStringLiteral("--rejects"),  csv}
        << QStringLiteral("error: --rejects: \"@CSV@\" is the file being imported");
    QTest::newRow("liquid --out the template")
        << QStringList{QStringLiteral("liquid"),
                       QStringLiteral("--template"),
                       tpl,
                       QStringLiteral("--data"),
                       data,
                       QStringLiteral("--out"),
                       tpl}
        << QStringLiteral("error: --out: \"@TPL@\" is the template");
    QTest::newRow("liquid --out the data")
        << QStringList{QStringLiteral("liquid"),
                       QStringLiteral("--template"),
                       tpl,
                       QStringLiteral("--data"),
                       data,
                       QStringLiteral("--out"),
                       data}
        << QStringLiteral("error: --out: \"@DATA@\" is the data file");
}

void TestCliContract::outputOntoAnInputIsRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString csv = m_dir.writeFile(QStringLiteral("in.csv"), "email\na@example.com\nbad\n");
    const QString tpl = m_dir.writeFile(QStringLiteral("t.liquid"), "{{ a }}");
    const QString data = m_dir.writeFile(QStringLiteral("d.json"), "{\"a\": 1}");
    const QString sameDb = m_dir.path(QStringLiteral(".")) + QStringLiteral("/./t.db");
    const QList<std::pair<QString, QString>> names = {{QStringLiteral("@DB@"), m_db},
                                                      {QStringLiteral("@CSV@"), csv},
                                                      {QStringLiteral("@TPL@"), tpl},
                                                      {QStringLiteral("@DATA@"), data},
                                                      {QStringLiteral("@SAMEDB@"), sameDb}};
    for (const auto &[from, to] : names) {
        args.replaceInStrings(from, to);
        message.replace(from, to);
    }
    const QByteArray before =
        test::fileBytes(m_db) + test::fileBytes(csv) + test::fileBytes(tpl) + test::fileBytes(data);
    const auto run = test::runCli(args);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(message.toUtf8()), run.err.constData());
    QCOMPARE(test::fileBytes(m_db) + test::fileBytes(csv) + test::fileBytes(tpl) +
                 test::fileBytes(data),
             before);
}

void TestCliContract::fullStdoutIsAnError_data()
{
    // Results go to stdout; when they cannot be written (a full disk) the command used to
    // exit 0 with a truncated or empty result.
    QTest::addColumn<QStringList>("args");
    const QString db = QStringLiteral("@DB@");
    QTest::newRow("liquid") << QStringList{QStringLiteral("liquid"), QStringLiteral("--template"),
                                           QStringLiteral("@TPL@"), QStringLiteral("--data"),
                                           QStringLiteral("@DATA@")};
    QTest::newRow("segment count") << QStringList{
        QStringLiteral("segment"),      QStringLiteral("count"), QStringLiteral("--db"), db,
        QStringLiteral("--definition"), QStringLiteral("@DEF@")};
    QTest::newRow("campaign list --format json") << QStringList{
        QStringLiteral("campaign"), QStringLiteral("list"), QStringLiteral("--db"), db,
        QStringLiteral("--format"), QStringLiteral("json")};
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
}

void TestCliContract::fullStdoutIsAnError()
{
    QFETCH(QStringList, args);
    args.replaceInStrings(QStringLiteral("@DB@"), m_db);
    args.replaceInStrings(QStringLiteral("@TPL@"),
                          m_dir.writeFile(QStringLiteral("t.liquid"), "{{ a }}"));
    args.replaceInStrings(QStringLiteral("@DATA@"),
                          m_dir.writeFile(QStringLiteral("d.json"), "{\"a\": 1}"));
    args.replaceInStrings(QStringLiteral("@DEF@"),
                          m_dir.writeFile(QStringLiteral("def.json"), "{\"conditions\": []}"));
    QProcess p;
    p.setStandardOutputFile(QStringLiteral("/dev/full"));
    p.start(qEnvironmentVariable("MW_CLI"), args);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(err.startsWith("error: cannot write to standard output: "), err.constData());
}

void TestCliContract::databaseErrorsNameTheFile_data()
{
    // Some database errors said only "error: disk I/O error", without the file.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("file");
    QTest::newRow("init /dev/null")
        << QStringList{QStringLiteral("init"), QStringLiteral("--db"), QStringLiteral("/dev/null")}
        << QStringLiteral("/dev/null");
    QTest::newRow("segment list /dev/zero")
        << QStringList{QStringLiteral("segment"), QStringLiteral("list"), QStringLiteral("--db"),
                       QStringLiteral("/dev/zero")}
        << QStringLiteral("/dev/zero");
    QTest::newRow("not a database")
        << QStringList{QStringLiteral("campaign"), QStringLiteral("list"), QStringLiteral("--db"),
                       QStringLiteral("@TEXT@")}
        << QStringLiteral("@TEXT@");
}

void TestCliContract::databaseErrorsNameTheFile()
{
    QFETCH(QStringList, args);
    QFETCH(QString, file);
    const QString text = m_dir.writeFile(QStringLiteral("text.db"), "hello\n");
    args.replaceInStrings(QStringLiteral("@TEXT@"), text);
    file.replace(QStringLiteral("@TEXT@"), text);
    const auto run = test::runCli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith("error: " + file.toUtf8() + ": "), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);
}

// While another program holds the write lock (an import running), commands that only read
// still work -- WAL readers do not wait for writers -- and see what was committed; a
// command that writes is refused with the lock named.
void TestCliContract::readingWorksWhileAnotherProgramWrites()
{
    const QString path = m_dir.path(QStringLiteral("busy.db"));
    QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--db"), path,
                           QStringLiteral("--sample"), QStringLiteral("300"),
                           QStringLiteral("--seed"), QStringLiteral("4")})
                 .exitCode,
             0);
    const QString def = m_dir.writeFile(
        QStringLiteral("busy.json"),
        R"({"match":"all","conditions":[{"field":"status","op":"=","value":"subscribed"}]})");
    const test::CliRun before =
        test::runCli({QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("--db"),
                      path, QStringLiteral("--definition"), def});
    QCOMPARE(before.exitCode, 0);

    test::WriteLockHolder holder(path, "UPDATE subscribers SET status = 'bounced';");
    QVERIFY(holder.held());

    // The uncommitted update is not seen: the count is the one from before.
    const test::CliRun during =
        test::runCli({QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("--db"),
                      path, QStringLiteral("--definition"), def});
    QVERIFY2(during.exitCode == 0, during.err.constData());
    QCOMPARE(during.out.left(during.out.indexOf(',')), before.out.left(before.out.indexOf(',')));
    for (const QStringList &args :
         {QStringList{QStringLiteral("segment"), QStringLiteral("list"), QStringLiteral("--db"),
                      path},
          QStringList{QStringLiteral("campaign"), QStringLiteral("list"), QStringLiteral("--db"),
                      path},
          QStringList{QStringLiteral("render"), QStringLiteral("--db"), path,
                      QStringLiteral("--campaign"), QStringLiteral("spring-picks"),
                      QStringLiteral("--subscriber"), QStringLiteral("1"),
                      QStringLiteral("--format"), QStringLiteral("text")}}) {
        const test::CliRun r = test::runCli(args);
        QVERIFY2(r.exitCode == 0 && !r.out.isEmpty(),
                 qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") +
                            QString::fromUtf8(r.err)));
    }
    // Writing is refused, naming the lock.
    const test::CliRun save = test::runCli(
        {QStringLiteral("segment"), QStringLiteral("save"), QStringLiteral("--db"), path,
         QStringLiteral("--name"), QStringLiteral("busy"), QStringLiteral("--definition"), def});
    QVERIFY(save.exitCode != 0);
    QVERIFY2(save.err.contains("locked"), save.err.constData());

    QVERIFY(holder.release());
}

QTEST_GUILESS_MAIN(TestCliContract)
#include "tst_clicontract.moc"
