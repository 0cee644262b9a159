// DeferredIndexes: which indexes it drops, that they come back exactly as they were (built
// again, rolled back, or cancelled), and that a sort without room for temporary files
// still builds them.
#include "storage/database.h"
#include "storage/deferredindexes.h"
#include "testutils.h"

#include <sqlite3.h>

#include <QtTest>

using namespace mw;

namespace {

QStringList rows(Database &db, std::string_view sql)
{
    QStringList out;
    auto st = db.prepare(sql);
    if (!st)
        return {QStringLiteral("error: ") + st.error().toString()};
    while (st->step())
        out << (st->isNull(0) ? QStringLiteral("NULL") : st->text(0));
    return out;
}

QStringList indexes(Database &db)
{
    return rows(db, "SELECT name || ': ' || coalesce(sql, '-') FROM sqlite_master"
                    " WHERE type = 'index' AND tbl_name = 'people' ORDER BY name");
}

// A VFS over the default one that refuses to open temporary files (the sorter's spill
// files) while `refuse` is set, as when the temporary directory is full or not writable.
struct NoTempFiles {
    static inline sqlite3_vfs vfs{};
    static inline sqlite3_vfs *base = nullptr;
    static inline bool refuse = false;
    static inline int refused = 0;

    static int open(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags,
                    int *outFlags)
    {
        if (refuse && (flags & (SQLITE_OPEN_TEMP_JOURNAL | SQLITE_OPEN_TEMP_DB)) != 0) {
            ++refused;
            return SQLITE_CANTOPEN;
        }
        return base->xOpen(base, name, file, flags, outFlags);
    }
    static void install()
    {
        if (base)
            return;
        base = sqlite3_vfs_find(nullptr);
        vfs = *base;
        vfs.zName = "notempfiles";
        vfs.xOpen = &NoTempFiles::open;
        sqlite3_vfs_register(&vfs, 1); // the default from now on
    }
};

} // namespace

class TestDeferredIndexes : public QObject {
    Q_OBJECT
private slots:
    void init();
    void dropsOnlyNonUniqueIndexesAndBuildsThemAgain();
    void rollbackBringsTheIndexesBack();
    void cancelledBuildRollsEverythingBack();
    void needsATransaction();
    void buildsInMemoryWhenTemporaryFilesCannotBeOpened();

private:
    void fill(int from, int to);

    std::unique_ptr<test::TempDir> m_dir;
    Database m_db;
    QStringList m_before;
};

void TestDeferredIndexes::init()
{
    m_db.close();
    m_dir = std::make_unique<test::TempDir>();
    m_db = test::openFresh(m_dir->path(QStringLiteral("t.db")));
    QVERIFY(m_db.isOpen());
    // Every kind of index a table can have: constraint ones (no CREATE statement), an
    // explicit unique one, plain, collated, expression, multi-column and partial ones, and
    // a name that needs quoting.
    QVERIFY(m_db.exec(
        "CREATE TABLE people(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, code TEXT,"
        " name TEXT, country TEXT, score INTEGER, UNIQUE(code, country));"
        "CREATE UNIQUE INDEX people_by_code_upper ON people(upper(code));"
        "CREATE INDEX people_by_country ON people(country);"
        "CREATE INDEX people_by_name ON people(name COLLATE NOCASE);"
        "CREATE INDEX \"people \"\"by\"\" score\" ON people(score DESC, country);"
        "CREATE INDEX people_by_lower_name ON people(lower(name));"
        "CREATE INDEX people_scored ON people(score) WHERE score > 50;"
        "CREATE TABLE other(x TEXT); CREATE INDEX other_by_x ON other(x);"));
    fill(0, 3000);
    m_before = indexes(m_db);
    QCOMPARE(m_before.size(), 8);
}

void TestDeferredIndexes::fill(int from, int to)
{
    Transaction tx(m_db);
    auto st = m_db.prepare("INSERT INTO people(email, code, name, country, score)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)");
    QVERIFY(st.ok());
    for (int i = from; i < to; ++i) {
        st->bind(1, QStringLiteral("p%1@x.com").arg(i));
        st->bind(2, QStringLiteral("c%1").arg(i));
        st->bind(3, QStringLiteral("Name %1, long enough to make the sort keys take room")
                        .arg((i * 7919) % 1000));
        st->bind(4, QStringLiteral("C%1").arg(i % 17));
        st->bind(5, (i * 31) % 100);
        QVERIFY(st->run());
    }
    QVERIFY(tx.commit());
}

void TestDeferredIndexes::dropsOnlyNonUniqueIndexesAndBuildsThemAgain()
{
    Transaction tx(m_db);
    DeferredIndexes deferred;
    QVERIFY(deferred.defer(m_db, "people"));
    QVERIFY(deferred.pending());
    // What is left: the constraint indexes and the explicit unique one; other tables'
    // indexes are untouched.
    QCOMPARE(indexes(m_db),
             QStringList({QStringLiteral("people_by_code_upper: CREATE UNIQUE INDEX "
                                         "people_by_code_upper ON people(upper(code))"),
                          QStringLiteral("sqlite_autoindex_people_1: -"),
                          QStringLiteral("sqlite_autoindex_people_2: -")}));
    QCOMPARE(rows(m_db, "SELECT count(*) FROM sqlite_master WHERE name = 'other_by_x'"),
             QStringList({QStringLiteral("1")}));
    // Unique checks still work while the others are away.
    QVERIFY(!m_db.exec("INSERT INTO people(email) VALUES ('p1@x.com')"));
    fill(3000, 9000);

    QVERIFY(deferred.rebuild([] { return true; }));
    QVERIFY(!deferred.pending());
    QVERIFY(tx.commit());
    QCOMPARE(indexes(m_db), m_before);
    QCOMPARE(rows(m_db, "PRAGMA integrity_check"), QStringList({QStringLiteral("ok")}));
    // The rebuilt indexes hold every row and answer queries.
    QCOMPARE(rows(m_db, "SELECT count(*) FROM people INDEXED BY people_scored WHERE score > 50"),
             rows(m_db, "SELECT count(*) FROM people NOT INDEXED WHERE score > 50"));
    QCOMPARE(rows(m_db, "SELECT count(*) FROM people INDEXED BY people_by_name"
                        " WHERE name = 'name 7, LONG enough to make the sort keys take room'"
                        " COLLATE NOCASE"),
             rows(m_db, "SELECT count(*) FROM people NOT INDEXED"
                        " WHERE name = 'name 7, LONG enough to make the sort keys take room'"
                        " COLLATE NOCASE"));
    QCOMPARE(rows(m_db, "SELECT count(*) FROM people")[0], QStringLiteral("9000"));
    // A second build with nothing deferred does nothing.
    QVERIFY(deferred.rebuild());
}

void TestDeferredIndexes::rollbackBringsTheIndexesBack()
{
    {
        Transaction tx(m_db);
        DeferredIndexes deferred;
        QVERIFY(deferred.defer(m_db, "people"));
        fill(3000, 4000);
        QCOMPARE(indexes(m_db).size(), 3);
    } // rolled back without a rebuild
    QCOMPARE(indexes(m_db), m_before);
    QCOMPARE(rows(m_db, "SELECT count(*) FROM people")[0], QStringLiteral("3000"));
    QCOMPARE(rows(m_db, "PRAGMA integrity_check"), QStringList({QStringLiteral("ok")}));
}

void TestDeferredIndexes::cancelledBuildRollsEverythingBack()
{
    fill(3000, 60000); // enough rows that the build asks more than once
    m_db.close();
    const QString path = m_dir->path(QStringLiteral("t.db"));
    const QByteArray before = test::fileBytes(path);
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        Transaction tx(*db);
        DeferredIndexes deferred;
        QVERIFY(deferred.defer(*db, "people"));
        QVERIFY(db->exec("UPDATE people SET score = score + 1"));
        int asked = 0;
        const Status s = deferred.rebuild([&] { return ++asked < 2; });
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::Cancelled);
        QCOMPARE(asked, 2);
        QVERIFY(sqlite3_get_autocommit(db->handle())); // SQLite rolled it all back
        QVERIFY(!tx.commit());
    }
    auto db = Database::open(path);
    QVERIFY(db.ok());
    QCOMPARE(indexes(*db), m_before);
    QCOMPARE(rows(*db, "SELECT sum(score) FROM people"),
             rows(*db, "SELECT sum((rowid - 1) * 31 % 100) FROM people"));
    db->close();
    QCOMPARE(test::fileBytes(path), before);
}

void TestDeferredIndexes::needsATransaction()
{
    DeferredIndexes deferred;
    const Status s = deferred.defer(m_db, "people");
    QVERIFY(!s);
    QCOMPARE(s.error().code, Error::Code::Internal);
    QVERIFY(!deferred.pending());
    QCOMPARE(indexes(m_db), m_before);
}

void TestDeferredIndexes::buildsInMemoryWhenTemporaryFilesCannotBeOpened()
{
    fill(3000, 60000); // more keys than one sorted run holds: the sort needs to spill
    m_db.close();
    NoTempFiles::install();
    auto db = Database::open(m_dir->path(QStringLiteral("t.db")));
    QVERIFY(db.ok());
    NoTempFiles::refuse = true;
    NoTempFiles::refused = 0;
    {
        Transaction tx(*db);
        DeferredIndexes deferred;
        QVERIFY(deferred.defer(*db, "people"));
        const Status s = deferred.rebuild();
        NoTempFiles::refuse = false;
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
        QVERIFY(tx.commit());
    }
    QVERIFY(NoTempFiles::refused > 0); // the first try did want a temporary file
    QCOMPARE(indexes(*db), m_before);
    QCOMPARE(rows(*db, "PRAGMA integrity_check"), QStringList({QStringLiteral("ok")}));
    // The connection's own setting is back (memory, as Database::open sets it).
    QCOMPARE(rows(*db, "PRAGMA temp_store"), QStringList({QStringLiteral("2")}));
}

QTEST_GUILESS_MAIN(TestDeferredIndexes)
#include "tst_deferredindexes.moc"
