// mailwright-cli import: exit codes, "line N: reason" on stderr, JSON summary, rejects file.
#include "storage/database.h"
#include "testutils.h"

#include <QCryptographicHash>
#include <QFileInfo>
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

} // namespace

class TestImportCli : public QObject {
    Q_OBJECT
private slots:
    void init();
    void usageErrors_data();
    void usageErrors();
    void importsAndPrintsJsonSummary();
    void abortReportsEveryBadLineAndChangesNothing();
    void abortListsAtMostHundredLines();
    void skipWritesRejectsAndSucceeds();
    void rejectsToSpecialFiles();
    void badFileExitsTwo_data();
    void badFileExitsTwo();
    void eventsAndProducts();
    void refreshesDerivedMetrics();

private:
    std::unique_ptr<test::TempDir> m_dir;
    QString m_db;
};

void TestImportCli::init()
{
    m_dir = std::make_unique<test::TempDir>();
    m_db = m_dir->path(QStringLiteral("t.db"));
    const auto r = test::runCli({QStringLiteral("init"), QStringLiteral("--db"), m_db});
    QCOMPARE(r.exitCode, 0);
}

void TestImportCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString csv = QStringLiteral("x.csv");
    QTest::newRow("no kind") << QStringList{QStringLiteral("import")}
                             << QStringLiteral("name what to import");
    QTest::newRow("unknown kind") << QStringList{QStringLiteral("import"), QStringLiteral("people"),
                                                 QStringLiteral("--db"),   QStringLiteral("DB"),
                                                 QStringLiteral("--csv"),  csv}
                                  << QStringLiteral("unknown import kind \"people\"");
    QTest::newRow("missing --csv")
        << QStringList{QStringLiteral("import"), QStringLiteral("subscribers"),
                       QStringLiteral("--db"), QStringLiteral("DB")}
        << QStringLiteral("missing required option --csv");
    QTest::newRow("bad --on-error")
        << QStringList{QStringLiteral("import"),     QStringLiteral("subscribers"),
                       QStringLiteral("--db"),       QStringLiteral("DB"),
                       QStringLiteral("--csv"),      csv,
                       QStringLiteral("--on-error"), QStringLiteral("ignore")}
        << QStringLiteral("--on-error must be abort or skip");
}

void TestImportCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    args.replaceInStrings(QStringLiteral("DB"), m_db);
    const auto r = test::runCli(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("error: "), r.err.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestImportCli::importsAndPrintsJsonSummary()
{
    const QString csv = m_dir->writeFile(QStringLiteral("s.csv"),
                                         "email,first_name,vip\r\na@x.com,A,1\r\nb@x.com,B,0");
    const auto r = test::runCli({QStringLiteral("import"), QStringLiteral("subscribers"),
                                 QStringLiteral("--db"), m_db, QStringLiteral("--csv"), csv});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData()); // not a terminal: no progress
    QVERIFY(r.out.endsWith('\n'));
    QCOMPARE(r.out.count('\n'), 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("subscribers"));
    QCOMPARE(o.value(QStringLiteral("rows")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("inserted")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("rejected")).toInt(), 0);
    QVERIFY(o.value(QStringLiteral("rejects_file")).isNull());

    // Again: same subscribers are updated, not duplicated.
    const auto again = test::runCli({QStringLiteral("import"), QStringLiteral("subscribers"),
                                     QStringLiteral("--db"), m_db, QStringLiteral("--csv"), csv});
    QCOMPARE(again.exitCode, 0);
    const QJsonObject o2 = QJsonDocument::fromJson(again.out).object();
    QCOMPARE(o2.value(QStringLiteral("inserted")).toInt(), 0);
    QCOMPARE(o2.value(QStringLiteral("updated")).toInt(), 2);
}

void TestImportCli::abortReportsEveryBadLineAndChangesNothing()
{
    const QString csv = m_dir->writeFile(QStringLiteral("s.csv"), "email,created_at\n"
                                                                  "a@x.com,2024-01-01\n"
                                                                  "nope,2024-01-01\n"
                                                                  "b@x.com,\"2024-01-01\n\"\n"
                                                                  "A@x.com,\n");
    const QByteArray before = sha256(m_db);
    const auto r = test::runCli({QStringLiteral("import"), QStringLiteral("subscribers"),
                                 QStringLiteral("--db"), m_db, QStringLiteral("--csv"), csv,
                                 QStringLiteral("--on-error"), QStringLiteral("abort")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(
        errLines(r),
        QStringList({QStringLiteral("error: 3 of 4 rows are bad; nothing was imported (use "
                                    "--on-error skip to import the good rows)"),
                     QStringLiteral("line 3: email has no @: \"nope\""),
                     QStringLiteral("line 4: created_at is not an ISO 8601 date: "
                                    "\"2024-01-01\\n\""),
                     QStringLiteral("line 6: duplicate email \"a@x.com\" (first on line 2)")}));
    QCOMPARE(sha256(m_db), before);
    QVERIFY(!QFile::exists(csv + QStringLiteral(".rejects.csv")));
}

void TestImportCli::abortListsAtMostHundredLines()
{
    QByteArray csv = "email\n";
    for (int i = 0; i < 150; ++i)
        csv += "bad" + QByteArray::number(i) + "\n";
    const QString path = m_dir->writeFile(QStringLiteral("s.csv"), csv);
    const auto r = test::runCli({QStringLiteral("import"), QStringLiteral("subscribers"),
                                 QStringLiteral("--db"), m_db, QStringLiteral("--csv"), path});
    QCOMPARE(r.exitCode, 2);
    const QStringList lines = errLines(r);
    QCOMPARE(lines.size(), 1 + 100 + 1);
    QCOMPARE(lines.at(1), QStringLiteral("line 2: email has no @: \"bad0\""));
    QCOMPARE(lines.at(100), QStringLiteral("line 101: email has no @: \"bad99\""));
    QCOMPARE(lines.last(), QStringLiteral("... and 50 more bad rows"));
}

void TestImportCli::skipWritesRejectsAndSucceeds()
{
    const QString csv = m_dir->writeFile(QStringLiteral("s.csv"),
                                         "email,city\na@x.com,Berlin\nnope,\"Rome, IT\"\n");
    const auto r = test::runCli({QStringLiteral("import"), QStringLiteral("subscribers"),
                                 QStringLiteral("--db"), m_db, QStringLiteral("--csv"), csv,
                                 QStringLiteral("--on-error"), QStringLiteral("skip")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("inserted")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("rejected")).toInt(), 1);
    const QString rejects = csv + QStringLiteral(".rejects.csv");
    QCOMPARE(o.value(QStringLiteral("rejects_file")).toString(), rejects);
    QCOMPARE(test::fileBytes(rejects),
             QByteArray("email,city,reason\r\nnope,\"Rome, IT\",\"line 3: email has no @: "
                        "\"\"nope\"\"\"\r\n"));
    QVERIFY(r.err.startsWith("warning: 1 bad rows were skipped"));
}

// --rejects /dev/null is written in place (never replaced by a regular file, which a
// temporary-and-rename save would do as root); /dev/full fails and nothing is imported.
void TestImportCli::rejectsToSpecialFiles()
{
    QVERIFY(QFileInfo(QStringLiteral("/dev/full")).exists()); // Linux, where CI runs
    const QString csv = m_dir->writeFile(QStringLiteral("s.csv"),
                                         "email,city\na@x.com,Berlin\nnope,\"Rome, IT\"\n");
    auto run = [&](const QString &rejects) {
        return test::runCli({QStringLiteral("import"), QStringLiteral("subscribers"),
                             QStringLiteral("--db"), m_db, QStringLiteral("--csv"), csv,
                             QStringLiteral("--on-error"), QStringLiteral("skip"),
                             QStringLiteral("--rejects"), rejects});
    };
    const QByteArray before = sha256(m_db);
    const auto full = run(QStringLiteral("/dev/full"));
    QCOMPARE(full.exitCode, 2);
    QVERIFY2(full.err.contains("No space left on device"), full.err.constData());
    QCOMPARE(sha256(m_db), before); // rolled back: the rejects are part of the import
    const auto null = run(QStringLiteral("/dev/null"));
    QVERIFY2(null.exitCode == 0, null.err.constData());
    QCOMPARE(QJsonDocument::fromJson(null.out).object().value(QStringLiteral("inserted")).toInt(),
             1);
    QVERIFY(!QFileInfo(QStringLiteral("/dev/null")).isFile());
    QVERIFY(!QFileInfo(QStringLiteral("/dev/full")).isFile());
}

void TestImportCli::badFileExitsTwo_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("csv"); // path; "" = a file that does not exist
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QStringLiteral("subscribers") << QString()
                                  << QStringLiteral("No such file");
    QTest::newRow("Hillstrom has no email column")
        << QStringLiteral("subscribers")
        << test::sharedDir() + QStringLiteral("/data/hillstrom.csv")
        << QStringLiteral("error: line 1: the file has no \"email\" column");
}

void TestImportCli::badFileExitsTwo()
{
    QFETCH(QString, kind);
    QFETCH(QString, csv);
    QFETCH(QString, message);
    if (csv.isEmpty())
        csv = m_dir->path(QStringLiteral("missing.csv"));
    const QByteArray before = sha256(m_db);
    const auto r = test::runCli({QStringLiteral("import"), kind, QStringLiteral("--db"), m_db,
                                 QStringLiteral("--csv"), csv});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QCOMPARE(sha256(m_db), before);
}

void TestImportCli::eventsAndProducts()
{
    const QString subs =
        m_dir->writeFile(QStringLiteral("s.csv"), "email,external_id\na@x.com,C1\n");
    const QString products =
        m_dir->writeFile(QStringLiteral("p.csv"), "sku,name,category,price\nS1,Mug,Home,9.5\n");
    const QString events = m_dir->writeFile(QStringLiteral("e.csv"),
                                            "external_id,type,occurred_at,sku,amount,campaign\n"
                                            "C1,purchase,2024-05-01T12:00:00Z,S1,9.5,May\n"
                                            "C1,teleport,2024-05-01T12:00:00Z,,,\n");
    for (const auto &[kind, path] : {std::pair{QStringLiteral("subscribers"), subs},
                                     std::pair{QStringLiteral("products"), products}}) {
        const auto r = test::runCli({QStringLiteral("import"), kind, QStringLiteral("--db"), m_db,
                                     QStringLiteral("--csv"), path});
        QCOMPARE(r.exitCode, 0);
    }
    const auto bad = test::runCli({QStringLiteral("import"), QStringLiteral("events"),
                                   QStringLiteral("--db"), m_db, QStringLiteral("--csv"), events});
    QCOMPARE(bad.exitCode, 2);
    QCOMPARE(errLines(bad).value(1), QStringLiteral("line 3: unknown event type \"teleport\""));
    const auto ok = test::runCli({QStringLiteral("import"), QStringLiteral("events"),
                                  QStringLiteral("--db"), m_db, QStringLiteral("--csv"), events,
                                  QStringLiteral("--on-error"), QStringLiteral("skip")});
    QCOMPARE(ok.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(ok.out).object();
    QCOMPARE(o.value(QStringLiteral("inserted")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("created_campaigns")).toInt(), 1);
}

void TestImportCli::refreshesDerivedMetrics()
{
    const QString subs = m_dir->writeFile(QStringLiteral("s.csv"), "email\na@x.com\nb@x.com\n");
    const QString events =
        m_dir->writeFile(QStringLiteral("e.csv"), "email,type,occurred_at,amount\n"
                                                  "a@x.com,purchase,2024-05-01,20\n"
                                                  "a@x.com,purchase,2024-05-03,30\n");
    const auto s = test::runCli({QStringLiteral("import"), QStringLiteral("subscribers"),
                                 QStringLiteral("--db"), m_db, QStringLiteral("--csv"), subs});
    QCOMPARE(s.exitCode, 0);
    const auto e = test::runCli({QStringLiteral("import"), QStringLiteral("events"),
                                 QStringLiteral("--db"), m_db, QStringLiteral("--csv"), events});
    QCOMPARE(e.exitCode, 0);
    const bool refreshed =
        QJsonDocument::fromJson(e.out).object().value(QStringLiteral("metrics_refreshed")).toBool();
    auto db = Database::open(m_db);
    QVERIFY(db.ok());
    const int rows = db->scalar("SELECT count(*) FROM subscriber_metrics")->toInt();
    // Every subscriber has fresh metrics; a's two purchases are counted.
    QVERIFY(refreshed);
    QCOMPARE(rows, 2);
    // The refresh's share of the time is reported within elapsed_ms.
    const QJsonObject eo = QJsonDocument::fromJson(e.out).object();
    QVERIFY(eo.value(QStringLiteral("metrics_ms")).isDouble());
    QVERIFY(eo.value(QStringLiteral("metrics_ms")).toInteger() <=
            eo.value(QStringLiteral("elapsed_ms")).toInteger());
    QCOMPARE(db->scalar("SELECT m.order_count FROM subscriber_metrics m JOIN subscribers s ON "
                        "s.id = m.subscriber_id WHERE s.email = 'a@x.com'")
                 ->toInt(),
             2);
    // --no-metrics leaves the metrics as they were.
    const QString more = m_dir->writeFile(QStringLiteral("m.csv"), "email\nc@x.com\n");
    const auto n = test::runCli({QStringLiteral("import"), QStringLiteral("subscribers"),
                                 QStringLiteral("--db"), m_db, QStringLiteral("--csv"), more,
                                 QStringLiteral("--no-metrics")});
    QCOMPARE(n.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(n.out).object().value(QStringLiteral("metrics_refreshed")),
             QJsonValue(false));
    QCOMPARE(QJsonDocument::fromJson(n.out).object().value(QStringLiteral("metrics_ms")),
             QJsonValue(0));
    QCOMPARE(db->scalar("SELECT count(*) FROM subscriber_metrics")->toInt(), rows);
}

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_importcli.moc"
