// Opening, identification and migration of Mailwright database files.
#include "storage/bulkwritejournal.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "testutils.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QtTest>

#include <sqlite3.h>

using namespace mw;

namespace {

/// Schema as text (tables, indexes, their SQL) so two databases can be compared.
QString schemaOf(Database &db)
{
    auto st = db.prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                         "ORDER BY type, name");
    QString out;
    while (st->step())
        out += st->text(0) + QLatin1Char(' ') + st->text(1) + QLatin1Char(' ') + st->text(2) +
               QLatin1Char('\n');
    return out;
}

QByteArray sha256(const QString &path)
{
    return QCryptographicHash::hash(test::fileBytes(path), QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT
private slots:
    void createsFromEmptyFile();
    void migratesFromEveryEarlierVersion_data();
    void migratesFromEveryEarlierVersion();
    void migrationIsIdempotent();
    void newFilesGetLargerPages();
    void upgradeDropsTheBinaryLastNameIndex();
    void bulkWriteJournalRolledBackLeavesTheFileAsItWas();
    void bulkWriteJournalCommitsAndReturnsToWal();
    void bulkWriteJournalStaysWalWithOtherConnections();
    void rejectsNonDatabaseFile();
    void rejectsForeignSqliteDatabase();
    void rejectsNewerSchema();
    void reportsLockedDatabase();
    void missingFileWithoutCreate();
    void transactionRollsBackUnlessCommitted();
    void nestedTransactionIsASavepoint();
    void metaRoundTrip();
};

void TestDatabase::createsFromEmptyFile()
{
    test::TempDir dir;
    const QString path = dir.writeFile(QStringLiteral("empty.db"), {}); // zero-byte file
    Database::OpenOptions o;
    auto db = Database::open(path, o);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    QCOMPARE(db->scalar("PRAGMA user_version")->toInt(), Migrations::latestVersion());
    QCOMPARE(db->scalar("PRAGMA application_id")->toInt(), 0x4D57524D);
    QCOMPARE(db->scalar("PRAGMA journal_mode")->toString(), QStringLiteral("wal"));
    QCOMPARE(db->scalar("PRAGMA foreign_keys")->toInt(), 1);
    QCOMPARE(db->scalar("SELECT count(*) FROM event_types")->toInt(), 15);
    // Foreign keys are enforced: an event for a subscriber that does not exist fails.
    QVERIFY(!db->exec("INSERT INTO events(subscriber_id, type, occurred_at) VALUES(42, 2, 0)"));
}

void TestDatabase::migratesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("from");
    for (int v = 1; v < Migrations::latestVersion(); ++v)
        QTest::newRow(qPrintable(QStringLiteral("from v%1").arg(v))) << v;
}

void TestDatabase::migratesFromEveryEarlierVersion()
{
    QFETCH(int, from);
    test::TempDir dir;
    const QString oldPath = dir.path(QStringLiteral("old.db"));
    {
        Database::OpenOptions o;
        o.create = true;
        o.migrate = false;
        auto db = Database::open(oldPath, o);
        QVERIFY(db.ok());
        QVERIFY(Migrations::migrate(*db, from).ok());
        QCOMPARE(db->scalar("PRAGMA user_version")->toInt(), from);
        // Data written at the old version must survive the upgrade.
        QVERIFY(db->exec("INSERT INTO subscribers(email, created_at) VALUES('a@example.com', 1)"));
    }
    auto upgraded = Database::open(oldPath);
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.error().toString()));
    QCOMPARE(upgraded->scalar("PRAGMA user_version")->toInt(), Migrations::latestVersion());
    QCOMPARE(upgraded->scalar("SELECT email FROM subscribers")->toString(),
             QStringLiteral("a@example.com"));

    Database fresh = test::openFresh(dir.path(QStringLiteral("fresh.db")));
    QCOMPARE(schemaOf(*upgraded), schemaOf(fresh));
}

void TestDatabase::migrationIsIdempotent()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.db"));
    QString before;
    {
        Database db = test::openFresh(path);
        before = schemaOf(db);
        QVERIFY(Migrations::migrate(db).ok()); // nothing to do, no error
        QCOMPARE(schemaOf(db), before);
    }
    auto again = Database::open(path);
    QVERIFY(again.ok());
    QCOMPARE(schemaOf(*again), before);
}

void TestDatabase::newFilesGetLargerPages()
{
    test::TempDir dir;
    // A new file and a zero-byte file get 8 KiB pages ...
    Database created = test::openFresh(dir.path(QStringLiteral("new.db")));
    QCOMPARE(created.scalar("PRAGMA page_size")->toInt(), 8192);
    auto empty = Database::open(dir.writeFile(QStringLiteral("empty.db"), {}));
    QVERIFY(empty.ok());
    QCOMPARE(empty->scalar("PRAGMA page_size")->toInt(), 8192);
    // ... a database that already has pages keeps its page size when it is upgraded.
    const QString oldPath = dir.path(QStringLiteral("old.db"));
    {
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(oldPath.toUtf8().constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "PRAGMA page_size=4096; CREATE TABLE t(x); DROP TABLE t;",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(raw);
    }
    auto old = Database::open(oldPath);
    QVERIFY2(old.ok(), qPrintable(old.ok() ? QString() : old.error().toString()));
    QCOMPARE(old->scalar("PRAGMA page_size")->toInt(), 4096);
    QCOMPARE(old->scalar("PRAGMA user_version")->toInt(), Migrations::latestVersion());
}

void TestDatabase::upgradeDropsTheBinaryLastNameIndex()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("v5.db"));
    const char *indexSql = "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                           " AND name = 'subscribers_by_last_name'";
    {
        Database::OpenOptions o;
        o.create = true;
        o.migrate = false;
        auto db = Database::open(path, o);
        QVERIFY(db.ok());
        QVERIFY(Migrations::migrate(*db, 5).ok());
        QCOMPARE(db->scalar(indexSql)->toInt(), 1);
    }
    auto upgraded = Database::open(path);
    QVERIFY(upgraded.ok());
    QCOMPARE(upgraded->scalar(indexSql)->toInt(), 0);
    // The NOCASE index that replaces it for sorting and search is there.
    QCOMPARE(upgraded
                 ->scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                          " AND name = 'subscribers_by_last_name_nocase'")
                 ->toInt(),
             1);
}

namespace {

// Writes enough rows inside one transaction to add many pages, with a journal switch.
void bulkWrite(Database &db, bool commit, bool *switched)
{
    BulkWriteJournal journal(db);
    *switched = journal.active();
    Transaction tx(db);
    QVERIFY(tx.begun());
    QVERIFY(db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                    " INSERT INTO subscribers(email, first_name, created_at)"
                    " SELECT 'bulk' || i || '@x.io', 'Name ' || i, i FROM n"));
    if (commit) {
        QVERIFY(tx.commit());
        journal.committed();
    }
}

} // namespace

void TestDatabase::bulkWriteJournalRolledBackLeavesTheFileAsItWas()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("b.db"));
    {
        Database db = test::openFresh(path);
        QVERIFY(db.exec("INSERT INTO subscribers(email, created_at) VALUES('a@x.io', 1)"));
    }
    const QByteArray before = sha256(path);
    {
        Database db = test::openFresh(path);
        bool switched = false;
        bulkWrite(db, false, &switched);
        QVERIFY(switched); // the only connection: the rollback journal was used
        QCOMPARE(db.scalar("PRAGMA journal_mode")->toString(), QStringLiteral("wal"));
        QCOMPARE(db.scalar("SELECT count(*) FROM subscribers")->toInt(), 1);
    }
    // Not even the header's change counter moved, though the journal mode switched twice.
    QCOMPARE(sha256(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
}

void TestDatabase::bulkWriteJournalCommitsAndReturnsToWal()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("c.db"));
    {
        Database db = test::openFresh(path);
        bool switched = false;
        bulkWrite(db, true, &switched);
        QVERIFY(switched);
        QCOMPARE(db.scalar("PRAGMA journal_mode")->toString(), QStringLiteral("wal"));
    }
    auto db = Database::open(path);
    QVERIFY(db.ok());
    QCOMPARE(db->scalar("SELECT count(*) FROM subscribers")->toInt(), 5000);
    QCOMPARE(db->scalar("PRAGMA integrity_check")->toString(), QStringLiteral("ok"));
}

void TestDatabase::bulkWriteJournalStaysWalWithOtherConnections()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("d.db"));
    Database db = test::openFresh(path);
    auto other = Database::open(path);
    QVERIFY(other.ok());
    QCOMPARE(other->scalar("SELECT count(*) FROM subscribers")->toInt(), 0);
    bool switched = true;
    bulkWrite(db, true, &switched);
    QVERIFY(!switched);
    QCOMPARE(db.scalar("PRAGMA journal_mode")->toString(), QStringLiteral("wal"));
    QCOMPARE(other->scalar("SELECT count(*) FROM subscribers")->toInt(), 5000);
}

void TestDatabase::rejectsNonDatabaseFile()
{
    test::TempDir dir;
    const QByteArray text = "email,first_name\nann@example.com,Ann\n";
    const QString path = dir.writeFile(QStringLiteral("notes.db"), text);
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::NotDatabase);
    QVERIFY(db.error().message.contains(QStringLiteral("not a database")));
    QCOMPARE(test::fileBytes(path), text); // unchanged
}

void TestDatabase::rejectsForeignSqliteDatabase()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("other.db"));
    {
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "CREATE TABLE notes(x); INSERT INTO notes VALUES(1);", nullptr,
                              nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(raw);
    }
    const QByteArray before = sha256(path);
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::NotMailwright);
    QVERIFY(db.error().message.contains(QStringLiteral("not a Mailwright database")));
    QCOMPARE(sha256(path), before);
}

void TestDatabase::rejectsNewerSchema()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("new.db"));
    {
        Database db = test::openFresh(path);
        QVERIFY(db.exec("PRAGMA user_version = 999").ok());
        QVERIFY(db.exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    const QByteArray before = sha256(path);
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::TooNew);
    QVERIFY(db.error().message.contains(QStringLiteral("newer Mailwright")));
    QCOMPARE(sha256(path), before);
}

void TestDatabase::reportsLockedDatabase()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("locked.db"));
    {
        test::openFresh(path);
    }
    // Another process takes the write lock and holds it while we try to open.
    test::WriteLockHolder holder(path, "INSERT INTO meta VALUES('held', '1');");
    QVERIFY(holder.held());

    Database::OpenOptions o;
    o.busyTimeoutMs = 200;
    auto db = Database::open(path, o);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::Locked);
    QVERIFY(db.error().message.contains(QStringLiteral("locked by another program")));

    QVERIFY(holder.release());
    auto after = Database::open(path, o);
    QVERIFY(after.ok());
    QCOMPARE(after->scalar("SELECT count(*) FROM meta WHERE key = 'held'")->toInt(), 0);
}

void TestDatabase::missingFileWithoutCreate()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("absent.db"));
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::NotFound);
    QVERIFY(!QFile::exists(path));
}

void TestDatabase::transactionRollsBackUnlessCommitted()
{
    test::TempDir dir;
    Database db = test::openFresh(dir.path(QStringLiteral("t.db")));
    {
        Transaction tx(db);
        QVERIFY(db.exec("INSERT INTO subscribers(email, created_at) VALUES('x@y.z', 1)"));
    } // no commit
    QCOMPARE(db.scalar("SELECT count(*) FROM subscribers")->toInt(), 0);
    {
        Transaction tx(db);
        QVERIFY(db.exec("INSERT INTO subscribers(email, created_at) VALUES('x@y.z', 1)"));
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(db.scalar("SELECT count(*) FROM subscribers")->toInt(), 1);
}

void TestDatabase::nestedTransactionIsASavepoint()
{
    test::TempDir dir;
    Database db = test::openFresh(dir.path(QStringLiteral("n.db")));
    {
        Transaction outer(db);
        QVERIFY(outer.begun().ok());
        QVERIFY(db.exec("INSERT INTO subscribers(email, created_at) VALUES('outer@x.y', 1)"));
        {
            Transaction failed(db); // joins as a savepoint, then is abandoned
            QVERIFY(failed.begun().ok());
            QVERIFY(db.exec("INSERT INTO subscribers(email, created_at) VALUES('lost@x.y', 1)"));
        }
        {
            Transaction kept(db);
            QVERIFY(db.exec("INSERT INTO subscribers(email, created_at) VALUES('kept@x.y', 1)"));
            QVERIFY(kept.commit().ok());
        }
        // Nothing is durable until the outer transaction commits.
        QVERIFY(outer.commit().ok());
    }
    auto st = db.prepare("SELECT group_concat(email, ',') FROM "
                         "(SELECT email FROM subscribers ORDER BY email)");
    QVERIFY(st->step());
    QCOMPARE(st->text(0), QStringLiteral("kept@x.y,outer@x.y"));
    {
        Transaction outer(db);
        {
            Transaction inner(db);
            QVERIFY(db.exec("INSERT INTO subscribers(email, created_at) VALUES('gone@x.y', 1)"));
            QVERIFY(inner.commit().ok());
        }
    } // outer rolled back: the released savepoint's row goes with it
    QCOMPARE(db.scalar("SELECT count(*) FROM subscribers")->toInt(), 2);
}

void TestDatabase::metaRoundTrip()
{
    test::TempDir dir;
    Database db = test::openFresh(dir.path(QStringLiteral("m.db")));
    QVERIFY(db.setMeta(QStringLiteral("reference_time"), QStringLiteral("1700000000")).ok());
    QCOMPARE(db.referenceTime(), int64_t(1700000000));
    QVERIFY(db.setMeta(QStringLiteral("reference_time"), QStringLiteral("1700000001")).ok());
    QCOMPARE(db.referenceTime(), int64_t(1700000001));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
