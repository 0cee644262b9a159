// mailwright-cli init, run as a separate process (test::runCli).
#include "storage/database.h"
#include "storage/migrations.h"
#include "testutils.h"

#include <QCryptographicHash>
#include <QtTest>

using namespace mw;

namespace {

/// Hash of the content of every table (all columns, in primary-key order).
QByteArray contentHash(const QString &path)
{
    Database::OpenOptions o;
    o.readOnly = true;
    auto db = Database::open(path, o);
    if (!db)
        return "error: " + db.error().message.toUtf8();
    QCryptographicHash h(QCryptographicHash::Sha256);
    auto tables = db->prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    QStringList names;
    while (tables->step())
        names << tables->text(0);
    for (const QString &t : names) {
        auto st = db->prepare(
            (QStringLiteral("SELECT * FROM \"") + t + QStringLiteral("\" ORDER BY 1, 2"))
                .toStdString());
        h.addData(t.toUtf8());
        while (st->step())
            for (int c = 0; c < st->columnCount(); ++c)
                h.addData(st->value(c).toString().toUtf8() + '|');
    }
    return h.result().toHex();
}

qint64 scalar(const QString &path, const char *sql)
{
    Database::OpenOptions o;
    o.readOnly = true;
    auto db = Database::open(path, o);
    return db ? db->scalar(sql)->toLongLong() : -1;
}

} // namespace

class TestInitCommand : public QObject {
    Q_OBJECT
private slots:
    void createsEmptyDatabase();
    void sampleWithSeedIsReproducible();
    void badArguments_data();
    void badArguments();
    void refusesSampleIntoDatabaseWithData();
    void help();
};

void TestInitCommand::createsEmptyDatabase()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("new.db"));
    const auto run = test::runCli({QStringLiteral("init"), QStringLiteral("--db"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(scalar(path, "PRAGMA user_version"), qint64(Migrations::latestVersion()));
    QCOMPARE(scalar(path, "SELECT count(*) FROM subscribers"), qint64(0));
    // Running it again on the same file is fine (migrate = nothing to do).
    QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--db"), path}).exitCode, 0);
}

void TestInitCommand::sampleWithSeedIsReproducible()
{
    test::TempDir dir;
    const QString a = dir.path(QStringLiteral("a.db")), b = dir.path(QStringLiteral("b.db")),
                  c = dir.path(QStringLiteral("c.db"));
    for (const auto &[path, seed] : {std::pair{a, "5"}, std::pair{b, "5"}, std::pair{c, "6"}}) {
        const auto run = test::runCli({QStringLiteral("init"), QStringLiteral("--db"), path,
                                       QStringLiteral("--sample"), QStringLiteral("800"),
                                       QStringLiteral("--seed"), QLatin1String(seed)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!run.err.startsWith("error"));
    }
    QCOMPARE(scalar(a, "SELECT count(*) FROM subscribers"), qint64(800));
    QVERIFY(scalar(a, "SELECT count(*) FROM events") > 800 * 10);
    QCOMPARE(scalar(a, "SELECT count(*) FROM subscriber_metrics"), qint64(800));
    QCOMPARE(scalar(a, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sample_seed'"),
             qint64(5));
    QCOMPARE(scalar(a, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'reference_time'"),
             qint64(1790812800));
    QCOMPARE(contentHash(a), contentHash(b));
    QVERIFY(contentHash(a) != contentHash(c));
}

void TestInitCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no --db") << QStringList{u"init"_qs} << 1 << u"--db"_qs;
    QTest::newRow("--sample not a number")
        << QStringList{u"init"_qs, u"--db"_qs, u"DB"_qs, u"--sample"_qs, u"many"_qs} << 1
        << u"--sample"_qs;
    QTest::newRow("negative --sample")
        << QStringList{u"init"_qs, u"--db"_qs, u"DB"_qs, u"--sample"_qs, u"-5"_qs} << 1
        << u"--sample"_qs;
    QTest::newRow("--seed not a number")
        << QStringList{u"init"_qs, u"--db"_qs,   u"DB"_qs, u"--sample"_qs,
                       u"5"_qs,    u"--seed"_qs, u"x"_qs}
        << 1 << u"--seed"_qs;
    QTest::newRow("--seed without --sample")
        << QStringList{u"init"_qs, u"--db"_qs, u"DB"_qs, u"--seed"_qs, u"3"_qs} << 1
        << u"--seed"_qs;
    QTest::newRow("unknown option")
        << QStringList{u"init"_qs, u"--db"_qs, u"DB"_qs, u"--frob"_qs} << 1 << u"frob"_qs;
}

void TestInitCommand::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("x.db"));
    args.replaceInStrings(QRegularExpression(QStringLiteral("^DB$")), path);
    const auto run = test::runCli(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.startsWith("error: "), run.err.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY(!QFile::exists(path)); // nothing created on a usage error
}

void TestInitCommand::refusesSampleIntoDatabaseWithData()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("full.db"));
    {
        Database db = test::openFresh(path);
        QVERIFY(db.exec("INSERT INTO subscribers(email, created_at) VALUES('a@b.c', 1)").ok());
    }
    const auto run = test::runCli({QStringLiteral("init"), QStringLiteral("--db"), path,
                                   QStringLiteral("--sample"), QStringLiteral("10")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.startsWith("error: ") && run.err.contains("already holds data"),
             run.err.constData());
    QCOMPARE(scalar(path, "SELECT count(*) FROM subscribers"), qint64(1));
    QVERIFY(QFile::exists(path)); // an existing file is never removed
}

void TestInitCommand::help()
{
    const auto run = test::runCli({QStringLiteral("init"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("--sample"));
    QVERIFY(run.out.contains("--seed"));
    QVERIFY(run.out.contains("--db"));
}

QTEST_GUILESS_MAIN(TestInitCommand)
#include "tst_initcommand.moc"
