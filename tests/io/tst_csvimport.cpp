// CsvImporter: subscribers, events and products in abort and skip mode.
#include "io/csvimporter.h"
#include "storage/database.h"
#include "testutils.h"

#include <QCryptographicHash>

#include <QtTest>
#include <random>

using namespace mw;

namespace {

using Lines = QList<qint64>;

QByteArray sha256(const QString &path)
{
    return QCryptographicHash::hash(test::fileBytes(path), QCryptographicHash::Sha256).toHex();
}

QStringList column(Database &db, std::string_view sql)
{
    QStringList out;
    auto st = db.prepare(sql);
    while (st->step())
        out << (st->isNull(0) ? QStringLiteral("NULL") : st->text(0));
    return out;
}

ImportOptions mode(bool skip)
{
    ImportOptions o;
    o.onError = skip ? ImportOptions::OnError::Skip : ImportOptions::OnError::Abort;
    o.now = 1700000000;
    return o;
}

Lines badLines(const ImportReport &r)
{
    Lines l;
    for (const BadRow &b : r.badRows)
        l << b.line;
    return l;
}

const QByteArray kHeader = "email,first_name,country,created_at,status\r\n";

} // namespace

class TestCsvImport : public QObject {
    Q_OBJECT
private slots:
    void init();
    void subscriberRows_data();
    void subscriberRows();
    void abortLeavesDatabaseByteForByte();
    void fullDiskFailsClearlyAndLeavesDatabaseByteForByte();
    void skipWritesRejectsFile();
    void reimportUpdatesByEmail();
    void customAttributesKeepNumbers();
    void externalIdBelongingToAnotherSubscriberIsBad();
    void mappingOverridesHeaderNames();
    void missingRequiredColumnIsAnError_data();
    void missingRequiredColumnIsAnError();
    void events_data();
    void events();
    void eventsAbortCreatesNoCampaign();
    void products();
    void cancelLeavesNothing();
    void beforeCommitRunsInsideTheTransaction();
    void storedAttributesThatAreNotJsonRejectTheRow();
    void cancelWhileIndexesAreBuiltLeavesDatabaseByteForByte();
    void eventsImportBuildsIndexesAtTheEnd();
    void smallImportIntoBigTableKeepsItsIndexes();
    void batchInsertsMatchRowByRow_data();
    void batchInsertsMatchRowByRow();

private:
    std::unique_ptr<test::TempDir> m_dir;
    QString m_dbPath;
    Database m_db;
};

void TestCsvImport::init()
{
    m_db.close();
    m_dir = std::make_unique<test::TempDir>();
    m_dbPath = m_dir->path(QStringLiteral("t.db"));
    m_db = test::openFresh(m_dbPath);
    QVERIFY(m_db.isOpen());
}

void TestCsvImport::subscriberRows_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<bool>("skip");
    QTest::addColumn<QStringList>("stored"); // emails in the database afterwards
    QTest::addColumn<Lines>("bad");          // lines reported bad
    QTest::addColumn<QString>("reason");     // part of the first bad row's reason

    const QStringList both = {QStringLiteral("a@x.com"), QStringLiteral("c@x.com")};
    struct Case {
        const char *name;
        QByteArray csv;
        qint64 badLine;
        const char *reason;
    };
    const Case cases[] = {
        {"bad email",
         kHeader + "a@x.com,A,DE,2024-01-01,subscribed\r\nnot-an-email,B,DE,,\r\n"
                   "c@x.com,C,FR,,\r\n",
         3, "email has no @"},
        {"bad date",
         kHeader + "a@x.com,A,DE,2024-01-01,subscribed\r\nb@x.com,B,DE,2024-02-30,\r\n"
                   "c@x.com,C,FR,,\r\n",
         3, "created_at is not an ISO 8601 date: \"2024-02-30\""},
        {"bad status", kHeader + "a@x.com,A,DE,,\r\nb@x.com,B,DE,,active\r\nc@x.com,C,FR,,\r\n", 3,
         "status must be subscribed, unsubscribed or bounced"},
        {"bad country", kHeader + "a@x.com,A,DE,,\r\nb@x.com,B,Germany,,\r\nc@x.com,C,FR,,\r\n", 3,
         "country must be a two-letter"},
        {"wrong column count", kHeader + "a@x.com,A,DE,,\r\nb@x.com,B,DE\r\nc@x.com,C,FR,,\r\n", 3,
         "wrong number of fields: expected 5, found 3"},
        {"duplicate email names the earlier line",
         kHeader + "a@x.com,A,DE,,\r\nc@x.com,C,FR,,\r\n\" A@X.com \",again,DE,,\r\n", 4,
         "duplicate email \"a@x.com\" (first on line 2)"},
        {"bad row after embedded newline has its physical line",
         kHeader + "a@x.com,\"two\r\nlines\",DE,,\r\nc@x.com,C,FR,,\r\nb@x.com,B,DE,yesterday,\r\n",
         5, "created_at is not an ISO 8601 date"},
        {"invalid UTF-8", kHeader + "a@x.com,A,DE,,\r\nb@x.com,B\xFF,DE,,\r\nc@x.com,C,FR,,\r\n", 3,
         "invalid UTF-8 in column 2"},
        {"unterminated quote", kHeader + "a@x.com,A,DE,,\r\nc@x.com,C,FR,,\r\nb@x.com,\"B,DE,,\r\n",
         4, "unterminated quoted field"},
    };
    for (const Case &c : cases) {
        QTest::newRow(qPrintable(QStringLiteral("%1, abort").arg(QLatin1String(c.name))))
            << c.csv << false << QStringList() << Lines{c.badLine} << QString::fromUtf8(c.reason);
        QTest::newRow(qPrintable(QStringLiteral("%1, skip").arg(QLatin1String(c.name))))
            << c.csv << true << both << Lines{c.badLine} << QString::fromUtf8(c.reason);
    }

    const QStringList three = {QStringLiteral("a@x.com"), QStringLiteral("b@x.com"),
                               QStringLiteral("c@x.com")};
    QTest::newRow("quotes, BOM, LF, no final newline")
        << QByteArray("\xEF\xBB\xBF"
                      "email,first_name\n\"a@x.com\",\"Anna, \"\"Ann\"\"\"\n"
                      "b@x.com,\"multi\nline\"\nc@x.com,C")
        << false << three << Lines{} << QString();
    QTest::newRow("CRLF and blank lines")
        << QByteArray("email\r\na@x.com\r\n\r\nb@x.com\r\nc@x.com\r\n") << true << three << Lines{}
        << QString();
    QTest::newRow("several bad rows, abort reports all")
        << QByteArray("email,created_at\nbad,\na@x.com,\nb@x.com,2024\nc@x.com,\na@x.com,\n")
        << false << QStringList() << Lines{2, 4, 6} << QStringLiteral("email has no @");
}

void TestCsvImport::subscriberRows()
{
    QFETCH(QByteArray, csv);
    QFETCH(bool, skip);
    QFETCH(QStringList, stored);
    QFETCH(Lines, bad);
    QFETCH(QString, reason);

    const QString path = m_dir->writeFile(QStringLiteral("s.csv"), csv);
    auto r = CsvImporter::run(m_db, ImportKind::Subscribers, path, mode(skip));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(badLines(*r), bad);
    QCOMPARE(r->rejected, qint64(bad.size()));
    if (!bad.isEmpty())
        QVERIFY2(r->badRows.front().reason.contains(reason), qPrintable(r->badRows.front().reason));
    QCOMPARE(r->committed, skip || bad.isEmpty());
    QCOMPARE(column(m_db, "SELECT email FROM subscribers ORDER BY email"), stored);
    QCOMPARE(r->inserted, r->committed ? qint64(stored.size()) : qint64(0));
    QCOMPARE(QFile::exists(path + QStringLiteral(".rejects.csv")), skip);
}

void TestCsvImport::abortLeavesDatabaseByteForByte()
{
    // Some existing content, then an import that fails on its last row.
    const QString good = m_dir->writeFile(QStringLiteral("good.csv"),
                                          "email,first_name,tier\na@x.com,A,gold\nb@x.com,B,1\n");
    QVERIFY(CsvImporter::run(m_db, ImportKind::Subscribers, good, mode(false))->committed);
    m_db.close();
    const QByteArray before = sha256(m_dbPath);
    QVERIFY(!QFile::exists(m_dbPath + QStringLiteral("-wal")) ||
            QFileInfo(m_dbPath + QStringLiteral("-wal")).size() == 0);

    QByteArray csv = "email,first_name,tier\na@x.com,Changed,silver\n";
    for (int i = 0; i < 20000; ++i) // big enough that SQLite spills pages before the end
        csv += "new" + QByteArray::number(i) + "@x.com,N,plain text attribute value\n";
    csv += "broken,row,x\n";
    const QString bad = m_dir->writeFile(QStringLiteral("bad.csv"), csv);
    {
        Database db = test::openFresh(m_dbPath);
        auto r = CsvImporter::run(db, ImportKind::Subscribers, bad, mode(false));
        QVERIFY(r.ok());
        QVERIFY(!r->committed);
        QCOMPARE(badLines(*r), Lines{20003});
        QCOMPARE(column(db, "SELECT first_name FROM subscribers ORDER BY email"),
                 QStringList({QStringLiteral("A"), QStringLiteral("B")}));
    }
    QCOMPARE(sha256(m_dbPath), before);
    m_db = test::openFresh(m_dbPath);
}

// The disk fills up halfway (SQLite's max_page_count stands in for a full disk): the
// import fails with a message that says so, and the file is exactly as it was.
void TestCsvImport::fullDiskFailsClearlyAndLeavesDatabaseByteForByte()
{
    m_db.close();
    const QByteArray before = sha256(m_dbPath);
    QByteArray csv = "email,first_name,note\n";
    for (int i = 0; i < 20000; ++i)
        csv += "full" + QByteArray::number(i) + "@x.com,F,some text to take room\n";
    const QString path = m_dir->writeFile(QStringLiteral("full.csv"), csv);
    {
        Database db = test::openFresh(m_dbPath);
        const int pages = db.scalar("PRAGMA page_count")->toInt();
        QVERIFY(db.exec("PRAGMA max_page_count = " + std::to_string(pages + 8)));
        auto r = CsvImporter::run(db, ImportKind::Subscribers, path, mode(true));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("full")),
                 qPrintable(r.error().toString()));
        QCOMPARE(db.scalar("SELECT count(*) FROM subscribers WHERE email LIKE 'full%'")->toInt(),
                 0);
    }
    QCOMPARE(sha256(m_dbPath), before);
    QVERIFY(!QFile::exists(path + QStringLiteral(".rejects.csv"))); // nothing half-done
    m_db = test::openFresh(m_dbPath);
}

void TestCsvImport::skipWritesRejectsFile()
{
    const QByteArray csv = "email,first_name,note\r\n"
                           "a@x.com,A,\"has, comma\"\r\n"
                           "bad email,\"Quote \"\"q\"\"\",\"two\r\nlines\"\r\n"
                           "b@x.com,B\r\n"
                           "c@x.com,C,ok\r\n";
    const QString path = m_dir->writeFile(QStringLiteral("s.csv"), csv);
    ImportOptions o = mode(true);
    auto r = CsvImporter::run(m_db, ImportKind::Subscribers, path, o);
    QVERIFY(r.ok());
    QVERIFY(r->committed);
    QCOMPARE(r->inserted, qint64(2));
    QCOMPARE(r->rejected, qint64(2));
    QCOMPARE(r->rejectsPath, path + QStringLiteral(".rejects.csv"));
    // Written by hand: original columns (re-quoted where needed) plus the reason.
    const QByteArray expected =
        "email,first_name,note,reason\r\n"
        "bad email,\"Quote \"\"q\"\"\",\"two\r\nlines\",\"line 3: email has no @: \"\"bad "
        "email\"\"\"\r\n"
        "b@x.com,B,\"line 5: wrong number of fields: expected 3, found 2\"\r\n";
    QCOMPARE(test::fileBytes(r->rejectsPath), expected);
    QCOMPARE(column(m_db, "SELECT email FROM subscribers ORDER BY email"),
             QStringList({QStringLiteral("a@x.com"), QStringLiteral("c@x.com")}));
}

void TestCsvImport::reimportUpdatesByEmail()
{
    const QString first = m_dir->writeFile(QStringLiteral("1.csv"),
                                           "email,first_name,city,created_at,status,tier,score\n"
                                           "a@x.com,Anna,Berlin,2020-05-01,subscribed,gold,10\n"
                                           "b@x.com,Ben,Paris,2021-06-01,subscribed,silver,5\n");
    auto r1 = CsvImporter::run(m_db, ImportKind::Subscribers, first, mode(false));
    QVERIFY(r1.ok() && r1->committed);
    QCOMPARE(r1->inserted, qint64(2));
    const QString second =
        m_dir->writeFile(QStringLiteral("2.csv"), "Email,First Name,city,status,score,color\n"
                                                  "A@X.COM,Annika,,unsubscribed,11,red\n"
                                                  "c@x.com,Carl,Rome,,,\n");
    auto r2 = CsvImporter::run(m_db, ImportKind::Subscribers, second, mode(false));
    QVERIFY(r2.ok() && r2->committed);
    QCOMPARE(r2->inserted, qint64(1));
    QCOMPARE(r2->updated, qint64(1));
    QCOMPARE(column(m_db, "SELECT email || '|' || first_name || '|' || city || '|' || status || "
                          "'|' || created_at || '|' || attributes FROM subscribers ORDER BY email"),
             QStringList({// name and status updated, city kept (empty cell), attributes merged
                          QStringLiteral("a@x.com|Annika|Berlin|unsubscribed|1588291200|"
                                         "{\"tier\":\"gold\",\"score\":11,\"color\":\"red\"}"),
                          QStringLiteral("b@x.com|Ben|Paris|subscribed|1622505600|"
                                         "{\"tier\":\"silver\",\"score\":5}"),
                          // created_at defaults to the import's "now"
                          QStringLiteral("c@x.com|Carl|Rome|subscribed|1700000000|{}")}));
}

void TestCsvImport::customAttributesKeepNumbers()
{
    const QString path = m_dir->writeFile(
        QStringLiteral("s.csv"), "email,points,zip,ratio,label,card\n"
                                 "a@x.com,42,02134,0.5,\"say \"\"hi\"\"\",4111111111111111\n");
    QVERIFY(CsvImporter::run(m_db, ImportKind::Subscribers, path, mode(false))->committed);
    QCOMPARE(column(m_db, "SELECT json_type(attributes, '$.points') || ' ' || "
                          "json_type(attributes, '$.zip') || ' ' || json_type(attributes, "
                          "'$.ratio') || ' ' || json_extract(attributes, '$.label') || ' ' || "
                          "json_type(attributes, '$.card') FROM subscribers"),
             QStringList({QStringLiteral("integer text real say \"hi\" text")}));
}

void TestCsvImport::externalIdBelongingToAnotherSubscriberIsBad()
{
    const QString path = m_dir->writeFile(
        QStringLiteral("s.csv"), "email,external_id\na@x.com,C1\nb@x.com,C1\nc@x.com,C3\n");
    auto r = CsvImporter::run(m_db, ImportKind::Subscribers, path, mode(true));
    QVERIFY(r.ok());
    QCOMPARE(badLines(*r), Lines{3});
    QCOMPARE(r->badRows.front().reason,
             QStringLiteral("external_id \"C1\" already belongs to another subscriber"));
    QCOMPARE(column(m_db, "SELECT email FROM subscribers ORDER BY email"),
             QStringList({QStringLiteral("a@x.com"), QStringLiteral("c@x.com")}));
}

void TestCsvImport::mappingOverridesHeaderNames()
{
    const QString path = m_dir->writeFile(QStringLiteral("s.csv"),
                                          "Mail,Vorname,Stadt,secret\na@x.com,Anna,Berlin,pw\n");
    ImportOptions o = mode(false);
    o.mapping = {ColumnTarget::field(QStringLiteral("email")),
                 ColumnTarget::field(QStringLiteral("first_name")),
                 ColumnTarget::attribute(QStringLiteral("town")), ColumnTarget::ignore()};
    auto r = CsvImporter::run(m_db, ImportKind::Subscribers, path, o);
    QVERIFY(r.ok() && r->committed);
    QCOMPARE(r->ignoredColumns, QStringList({QStringLiteral("secret")}));
    QCOMPARE(
        column(m_db, "SELECT email || ' ' || first_name || ' ' || attributes FROM subscribers"),
        QStringList({QStringLiteral("a@x.com Anna {\"town\":\"Berlin\"}")}));
    // Two columns on one field is refused before anything is read.
    o.mapping[1] = ColumnTarget::field(QStringLiteral("email"));
    auto twice = CsvImporter::run(m_db, ImportKind::Subscribers, path, o);
    QVERIFY(!twice.ok());
    QVERIFY(twice.error().message.contains(QStringLiteral("both mapped to \"email\"")));
}

void TestCsvImport::missingRequiredColumnIsAnError_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("message");
    QTest::newRow("subscribers without email")
        << int(ImportKind::Subscribers) << QByteArray("name\nx\n")
        << QStringLiteral("no \"email\"");
    QTest::newRow("events without type")
        << int(ImportKind::Events) << QByteArray("email,occurred_at\na@x.com,2024-01-01\n")
        << QStringLiteral("no \"type\"");
    QTest::newRow("events without subscriber")
        << int(ImportKind::Events) << QByteArray("type,occurred_at\nopen,2024-01-01\n")
        << QStringLiteral("\"email\" or an \"external_id\"");
    QTest::newRow("products without price")
        << int(ImportKind::Products) << QByteArray("sku,name,category\nS,N,C\n")
        << QStringLiteral("no \"price\"");
    QTest::newRow("empty file") << int(ImportKind::Subscribers) << QByteArray()
                                << QStringLiteral("empty");
    QTest::newRow("duplicate header")
        << int(ImportKind::Subscribers) << QByteArray("email,Email\na,b\n")
        << QStringLiteral("appears twice");
    // Both name first_name once spaces read as underscores: ambiguous, not an attribute.
    QTest::newRow("two headers naming one field")
        << int(ImportKind::Subscribers)
        << QByteArray("email,First Name,first_name\na@x.com,Ann,Bea\n")
        << QStringLiteral("columns \"First Name\" and \"first_name\" both name the field "
                          "first_name");
    QTest::newRow("two headers naming one field (events)")
        << int(ImportKind::Events)
        << QByteArray("email,type,occurred_at,Occurred-At\na@x.com,open,2024-01-01,2024-01-02\n")
        << QStringLiteral("both name the field occurred_at");
}

void TestCsvImport::missingRequiredColumnIsAnError()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, csv);
    QFETCH(QString, message);
    const QString path = m_dir->writeFile(QStringLiteral("f.csv"), csv);
    auto r = CsvImporter::run(m_db, ImportKind(kind), path, mode(false));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::BadInput);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
}

void TestCsvImport::events_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("stored"); // "type|occurred_at|campaign|sku|amount|properties" or ""
    QTest::addColumn<QString>("reason");

    QTest::newRow("open by email, zone offset")
        << QByteArray("A@x.com,,open,2024-03-01T10:00:00+01:00,,,Spring,")
        << QStringLiteral("2|1709283600|Spring|NULL|NULL|NULL") << QString();
    QTest::newRow("purchase by external_id with sku and amount")
        << QByteArray(",C2,Purchase,2024-03-02,59.90,SKU-1,,web")
        << QStringLiteral("7|1709337600|NULL|SKU-1|59.9|{\"channel\":\"web\"}") << QString();
    QTest::newRow("unknown event type") << QByteArray("a@x.com,,opened,2024-03-01,,,,") << QString()
                                        << QStringLiteral("unknown event type \"opened\"");
    QTest::newRow("unknown subscriber") << QByteArray("z@x.com,,open,2024-03-01,,,,") << QString()
                                        << QStringLiteral("unknown subscriber \"z@x.com\"");
    QTest::newRow("unknown external_id") << QByteArray(",C9,open,2024-03-01,,,,") << QString()
                                         << QStringLiteral("unknown subscriber external_id \"C9\"");
    QTest::newRow("email and external_id disagree")
        << QByteArray("a@x.com,C2,open,2024-03-01,,,,") << QString()
        << QStringLiteral("name different subscribers");
    QTest::newRow("bad date") << QByteArray("a@x.com,,open,03/01/2024,,,,") << QString()
                              << QStringLiteral("occurred_at is not an ISO 8601 date");
    QTest::newRow("unknown sku") << QByteArray("a@x.com,,product_view,2024-03-01,,SKU-9,,")
                                 << QString() << QStringLiteral("unknown product sku \"SKU-9\"");
    QTest::newRow("bad amount") << QByteArray("a@x.com,,purchase,2024-03-01,12€,,,") << QString()
                                << QStringLiteral("amount is not a number");
    // Summed into revenue, 1e308 made the metrics infinite.
    QTest::newRow("amount out of range")
        << QByteArray("a@x.com,,purchase,2024-03-01,1e308,,,") << QString()
        << QStringLiteral("amount is out of range (at most 1,000,000,000,000 either way): "
                          "\"1e308\"");
    QTest::newRow("refund at the limit")
        << QByteArray("a@x.com,,purchase,2024-03-01,-1000000000000,,,")
        << QStringLiteral("7|1709251200|NULL|NULL|-1000000000000.0|NULL") << QString();
    // A new campaign gets the name as given, and `campaign list` prints one name per line.
    QTest::newRow("line break in a campaign name")
        << QByteArray("a@x.com,,open,2024-03-01,,,\"Spring\nsale\",") << QString()
        << QStringLiteral("campaign name contains a line break, tab or other control character");
    QTest::newRow("tab in a campaign name")
        << QByteArray("a@x.com,,open,2024-03-01,,,Spring\tsale,") << QString()
        << QStringLiteral("campaign name contains a line break, tab or other control character");
}

void TestCsvImport::events()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, stored);
    QFETCH(QString, reason);
    QVERIFY(m_db.exec("INSERT INTO subscribers(email, external_id, created_at) VALUES"
                      " ('a@x.com', 'C1', 0), ('b@x.com', 'C2', 0);"
                      "INSERT INTO products(sku, name, category, price) VALUES"
                      " ('SKU-1', 'Mug', 'Home', 9.5)"));
    const QString path = m_dir->writeFile(
        QStringLiteral("e.csv"),
        "email,external_id,type,occurred_at,amount,sku,campaign,channel\n" + row + "\n");
    auto r = CsvImporter::run(m_db, ImportKind::Events, path, mode(true));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    const QStringList events = column(
        m_db, "SELECT e.type || '|' || e.occurred_at || '|' || coalesce(c.name, 'NULL') || '|' || "
              "coalesce(p.sku, 'NULL') || '|' || coalesce(e.amount, 'NULL') || '|' || "
              "coalesce(e.properties, 'NULL') FROM events e LEFT JOIN campaigns c ON c.id = "
              "e.campaign_id LEFT JOIN products p ON p.id = e.product_id");
    if (stored.isEmpty()) {
        QCOMPARE(events, QStringList());
        QCOMPARE(r->badRows.size(), size_t(1));
        QCOMPARE(r->badRows.front().line, qint64(2));
        QVERIFY2(r->badRows.front().reason.contains(reason), qPrintable(r->badRows.front().reason));
    } else {
        QCOMPARE(events, QStringList({stored}));
        QCOMPARE(r->rejected, qint64(0));
    }
}

void TestCsvImport::eventsAbortCreatesNoCampaign()
{
    QVERIFY(m_db.exec("INSERT INTO subscribers(email, created_at) VALUES ('a@x.com', 0)"));
    const QString path =
        m_dir->writeFile(QStringLiteral("e.csv"), "email,type,occurred_at,campaign\n"
                                                  "a@x.com,open,2024-03-01,Spring\n"
                                                  "a@x.com,click,2024-03-01,Summer\n"
                                                  "a@x.com,nope,2024-03-01,Autumn\n");
    auto r = CsvImporter::run(m_db, ImportKind::Events, path, mode(false));
    QVERIFY(r.ok());
    QVERIFY(!r->committed);
    QCOMPARE(column(m_db, "SELECT count(*) FROM campaigns"), QStringList({QStringLiteral("0")}));
    QCOMPARE(column(m_db, "SELECT count(*) FROM events"), QStringList({QStringLiteral("0")}));

    auto s = CsvImporter::run(m_db, ImportKind::Events, path, mode(true));
    QVERIFY(s.ok());
    QCOMPARE(s->createdCampaigns, qint64(2));
    QCOMPARE(column(m_db, "SELECT name || ' ' || status || ' ' || created_at FROM campaigns "
                          "ORDER BY name"),
             QStringList({QStringLiteral("Spring sent 1700000000"),
                          QStringLiteral("Summer sent 1700000000")}));
}

void TestCsvImport::products()
{
    const QString first =
        m_dir->writeFile(QStringLiteral("p1.csv"),
                         "sku,name,category,price,image_url,url,weight\n"
                         "S1,Mug,Home,9.5,https://img.example/s1.png,https://shop.example/s1,300\n"
                         "S2,\"Tea, green\",Food,4,,,\n"
                         "S3,Broken,Food,-1,,,\n"
                         "S4,Bad url,Food,1,ftp://x,,\n"
                         "S1,Mug again,Home,1,,,\n");
    auto r = CsvImporter::run(m_db, ImportKind::Products, first, mode(true));
    QVERIFY(r.ok());
    QCOMPARE(badLines(*r), Lines({4, 5, 6}));
    QVERIFY(r->badRows[0].reason.contains(QStringLiteral("price must be a number from 0 to")));
    QVERIFY(r->badRows[1].reason.contains(QStringLiteral("image_url must be an http(s) URL")));
    QCOMPARE(r->badRows[2].reason, QStringLiteral("duplicate sku \"S1\" (first on line 2)"));
    QCOMPARE(r->ignoredColumns, QStringList({QStringLiteral("weight")}));

    const QString second =
        m_dir->writeFile(QStringLiteral("p2.csv"), "sku,name,category,price\nS1,Big mug,Home,11\n");
    auto u = CsvImporter::run(m_db, ImportKind::Products, second, mode(false));
    QVERIFY(u.ok() && u->committed);
    QCOMPARE(u->updated, qint64(1));
    QCOMPARE(column(m_db, "SELECT sku || '|' || name || '|' || category || '|' || price || '|' || "
                          "coalesce(image_url, 'NULL') FROM products ORDER BY sku"),
             QStringList({QStringLiteral("S1|Big mug|Home|11.0|https://img.example/s1.png"),
                          QStringLiteral("S2|Tea, green|Food|4.0|NULL")}));
}

void TestCsvImport::cancelLeavesNothing()
{
    QByteArray csv = "email\n";
    for (int i = 0; i < 10000; ++i)
        csv += "u" + QByteArray::number(i) + "@x.com\n";
    const QString path = m_dir->writeFile(QStringLiteral("s.csv"), csv);
    ImportOptions o = mode(true);
    int calls = 0;
    o.progress = [&](const ImportProgress &p) {
        ++calls;
        return p.rows < 5000;
    };
    auto r = CsvImporter::run(m_db, ImportKind::Subscribers, path, o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::Cancelled);
    QVERIFY(calls >= 2);
    QCOMPARE(column(m_db, "SELECT count(*) FROM subscribers"), QStringList({QStringLiteral("0")}));
    QVERIFY(!QFile::exists(path + QStringLiteral(".rejects.csv")));
}

// A first import of many rows drops the non-unique indexes and builds them again at the
// end; cancelling during that build still leaves nothing.
void TestCsvImport::cancelWhileIndexesAreBuiltLeavesDatabaseByteForByte()
{
    QByteArray csv = "email,first_name,last_name,country\n";
    for (int i = 0; i < 60000; ++i)
        csv += "u" + QByteArray::number(i) + "@x.com,First" + QByteArray::number(i % 977) +
               ",Last" + QByteArray::number(i % 1013) + ",DE\n";
    const QString path = m_dir->writeFile(QStringLiteral("s.csv"), csv);
    m_db.close();
    const QByteArray before = sha256(m_dbPath);
    Database db = test::openFresh(m_dbPath);
    ImportOptions o = mode(false);
    int afterRows = 0; // calls once every row is written: the last row check, then the build
    int building = 0;  // of those, the ones that say the indexes are being built
    o.progress = [&](const ImportProgress &p) {
        if (p.rows == 60000 && p.bytesRead == p.totalBytes)
            ++afterRows;
        building += p.buildingIndexes;
        return afterRows < 3;
    };
    auto r = CsvImporter::run(db, ImportKind::Subscribers, path, o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::Cancelled);
    QCOMPARE(afterRows, 3);
    QCOMPARE(building, 2);
    QCOMPARE(column(db, "SELECT count(*) FROM subscribers"), QStringList({QStringLiteral("0")}));
    QCOMPARE(column(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                        " AND tbl_name = 'subscribers'"),
             QStringList({QStringLiteral("5")}));
    db.close();
    QCOMPARE(sha256(m_dbPath), before);
}

// A big events import drops events_by_subscriber and events_by_type_time and builds them
// at the end: the same rows, the same schema, and the indexes hold every row.
void TestCsvImport::eventsImportBuildsIndexesAtTheEnd()
{
    QByteArray subs = "email\n";
    for (int i = 0; i < 50; ++i)
        subs += "s" + QByteArray::number(i) + "@x.com\n";
    const QString subsPath = m_dir->writeFile(QStringLiteral("s.csv"), subs);
    QByteArray events = "email,type,occurred_at,amount,campaign\n";
    const char *types[] = {"open", "click", "purchase", "visit"};
    for (int i = 0; i < 3000; ++i)
        events += "s" + QByteArray::number((i * 37) % 50) + "@x.com," + types[i % 4] + ",2024-0" +
                  QByteArray::number(1 + i % 9) + "-1" + QByteArray::number(i % 10) + "T0" +
                  QByteArray::number(i % 10) + ":00:00Z," +
                  (i % 4 == 2 ? QByteArray::number(i % 90) : QByteArray()) + ",C" +
                  QByteArray::number(i % 3) + "\n";
    const QString eventsPath = m_dir->writeFile(QStringLiteral("e.csv"), events);
    auto run = [&](bool defer, ImportReport &report) -> QStringList {
        const QString dbPath = m_dir->path(defer ? QStringLiteral("d.db") : QStringLiteral("n.db"));
        Database db = test::openFresh(dbPath);
        if (!CsvImporter::run(db, ImportKind::Subscribers, subsPath, mode(false)))
            return {};
        ImportOptions o = mode(false);
        o.deferIndexes = defer;
        auto r = CsvImporter::run(db, ImportKind::Events, eventsPath, o);
        if (!r || !r->committed)
            return {};
        report = *r;
        return column(db, "SELECT group_concat(id || ',' || subscriber_id || ',' || type || ',' ||"
                          " occurred_at || ',' || coalesce(amount, '-') || ',' || campaign_id, ';')"
                          " FROM events") +
               column(db, "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index'"
                          " AND tbl_name = 'events' ORDER BY name") +
               column(db, "SELECT count(*) FROM events INDEXED BY events_by_type_time"
                          " WHERE type = 3 AND occurred_at > 0") +
               column(db, "SELECT count(*) FROM events INDEXED BY events_by_subscriber"
                          " WHERE subscriber_id = 7") +
               column(db, "PRAGMA integrity_check");
    };
    ImportReport deferred, rowByRow;
    const QStringList a = run(true, deferred);
    const QStringList b = run(false, rowByRow);
    QCOMPARE(deferred.inserted, qint64(3000));
    QCOMPARE(deferred.rebuiltIndexes, qint64(2));
    QCOMPARE(rowByRow.rebuiltIndexes, qint64(0));
    QCOMPARE(a.size(), 6);
    QCOMPARE(a, b);
    QCOMPARE(a[3], QStringLiteral("750")); // type 3 (click): every 4th event
    QCOMPARE(a[5], QStringLiteral("ok"));
}

// Building indexes again sorts the stored rows too: a small file into a big table keeps
// them and inserts into them.
void TestCsvImport::smallImportIntoBigTableKeepsItsIndexes()
{
    QByteArray big = "email,country\n";
    for (int i = 0; i < 3000; ++i)
        big += "u" + QByteArray::number(i) + "@x.com,FR\n";
    auto first = CsvImporter::run(m_db, ImportKind::Subscribers,
                                  m_dir->writeFile(QStringLiteral("big.csv"), big), mode(false));
    QVERIFY(first && first->committed);
    QCOMPARE(first->rebuiltIndexes, qint64(3));
    auto small = CsvImporter::run(
        m_db, ImportKind::Subscribers,
        m_dir->writeFile(QStringLiteral("small.csv"), "email,country\nu1@x.com,DE\nnew@x.com,DE\n"),
        mode(false));
    QVERIFY(small && small->committed);
    QCOMPARE(small->rebuiltIndexes, qint64(0));
    QCOMPARE(small->updated, qint64(1));
    QCOMPARE(column(m_db, "SELECT email FROM subscribers INDEXED BY subscribers_by_country"
                          " WHERE country = 'DE' ORDER BY email"),
             QStringList({QStringLiteral("new@x.com"), QStringLiteral("u1@x.com")}));
}

void TestCsvImport::beforeCommitRunsInsideTheTransaction()
{
    const QString path = m_dir->writeFile(QStringLiteral("s.csv"), "email\na@x.com\nb@x.com\n");
    ImportOptions o = mode(false);
    int calls = 0;
    QString seen;
    o.beforeCommit = [&](Database &db) {
        ++calls;
        seen = column(db, "SELECT count(*) FROM subscribers").join(QString());
        return Status(Error(Error::Code::Cancelled, QStringLiteral("stop")));
    };
    // The hook sees the imported rows; its failure rolls the whole import back.
    auto r = CsvImporter::run(m_db, ImportKind::Subscribers, path, o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::Cancelled);
    QCOMPARE(calls, 1);
    QCOMPARE(seen, QStringLiteral("2"));
    QCOMPARE(column(m_db, "SELECT count(*) FROM subscribers"), QStringList({QStringLiteral("0")}));

    o.beforeCommit = [&](Database &db) {
        ++calls;
        return db.exec("INSERT INTO meta(key, value) VALUES ('hook', 'ran')");
    };
    auto ok = CsvImporter::run(m_db, ImportKind::Subscribers, path, o);
    QVERIFY(ok.ok() && ok->committed && ok->metricsRefreshed);
    QCOMPARE(column(m_db, "SELECT value FROM meta WHERE key = 'hook'"),
             QStringList({QStringLiteral("ran")}));
    // Nothing written (all rows bad in abort mode): the hook does not run.
    const QString bad = m_dir->writeFile(QStringLiteral("bad.csv"), "email\nnope\n");
    calls = 0;
    auto none = CsvImporter::run(m_db, ImportKind::Subscribers, bad, o);
    QVERIFY(none.ok() && !none->committed);
    QCOMPARE(calls, 0);
}

void TestCsvImport::storedAttributesThatAreNotJsonRejectTheRow()
{
    QVERIFY(m_db.exec("INSERT INTO subscribers(email, created_at, attributes) VALUES "
                      "('a@x.com', 0, 'not json')")
                .ok());
    const QString path =
        m_dir->writeFile(QStringLiteral("s.csv"), "email,tier\nA@x.com,gold\nb@x.com,silver\n");
    auto r = CsvImporter::run(m_db, ImportKind::Subscribers, path, mode(true));
    QVERIFY(r.ok());
    QCOMPARE(badLines(*r), Lines{2});
    QCOMPARE(r->badRows.front().reason,
             QStringLiteral("the attributes stored for \"a@x.com\" are not valid JSON, so this "
                            "row's attributes cannot be merged into them"));
    QCOMPARE(r->inserted, qint64(1));
    QCOMPARE(column(m_db, "SELECT email || ' ' || attributes FROM subscribers ORDER BY email"),
             QStringList({QStringLiteral("a@x.com not json"),
                          QStringLiteral("b@x.com {\"tier\":\"silver\"}")}));
}

void TestCsvImport::batchInsertsMatchRowByRow_data()
{
    QTest::addColumn<bool>("skip");
    QTest::addColumn<int>("seed");
    QTest::newRow("skip, seed 1") << true << 1;
    QTest::newRow("skip, seed 2") << true << 2;
    QTest::newRow("skip, seed 3") << true << 3;
    QTest::newRow("abort, all good") << false << 4;
}

// The batch path (runs of new rows in one INSERT ... SELECT) must give exactly what the
// per-row path gives: same counts, bad rows, reasons, rejects file and stored rows. The
// file mixes new rows with updates of stored subscribers, bad rows, an external_id that
// belongs to someone else, and an update that takes an external_id a later new row wants
// (file order decides who gets it).
void TestCsvImport::batchInsertsMatchRowByRow()
{
    QFETCH(bool, skip);
    QFETCH(int, seed);
    std::mt19937 rng(static_cast<unsigned>(seed));
    auto chance = [&](int percent) { return int(rng() % 100) < percent; };
    const QString base = m_dir->writeFile(QStringLiteral("base.csv"), [&] {
        QByteArray b = "email,external_id,first_name,city\n";
        for (int i = 0; i < 400; ++i)
            b += "old" + QByteArray::number(i * 7) + "@x.com,X" + QByteArray::number(i) +
                 ",Old,Oslo\n";
        return b;
    }());
    QByteArray csv =
        "email,external_id,first_name,last_name,country,created_at,status,tier,score\n";
    const bool clean = !skip; // the abort case has only good rows, so it commits
    int updates = 0;          // old0 ... old2786 at most once each; old2793 only below
    for (int i = 0; i < 6000; ++i) {
        QByteArray email = "new" + QByteArray::number(i) + "@y.com";
        QByteArray ext = chance(50) ? "N" + QByteArray::number(i) : QByteArray();
        QByteArray country = chance(80) ? "de" : QByteArray();
        QByteArray created = chance(50) ? "2021-03-0" + QByteArray::number(1 + i % 9) : "";
        if (chance(3)) // an update of a stored subscriber (some upper-cased), each once
            email =
                (chance(50) ? "OLD" : "old") + QByteArray::number((updates++ % 399) * 7) + "@x.com";
        if (!clean) {
            if (chance(1))
                email = "not-an-email" + QByteArray::number(i);
            else if (chance(1))
                country = "Germany";
            else if (chance(1))
                ext = "X" + QByteArray::number(rng() % 400); // someone else's
            else if (chance(1))
                created = "yesterday";
        }
        csv += email + ',' + ext + ",First" + QByteArray::number(i) + ",\"Last, " +
               QByteArray::number(i % 13) + "\"," + country + ',' + created + ',' +
               (chance(10) ? "unsubscribed" : "") + ",gold," + QByteArray::number(i % 50);
        if (!clean && chance(1))
            csv += ",extra";
        csv += '\n';
        if (!clean && i == 3000) { // the update takes Z first; the new row after it is bad
            csv += "old2793@x.com,Z,,,,,,,\n";
            csv += "zed@y.com,Z,,,,,,,\n";
        }
    }
    const QString path = m_dir->writeFile(QStringLiteral("mixed.csv"), csv);

    struct Run {
        ImportReport report;
        QStringList rows;
        QByteArray rejects;
        QStringList indexes; // the schema's indexes and PRAGMA integrity_check
    };
    auto run = [&](bool batch) -> Run {
        const QString dbPath = m_dir->path(batch ? QStringLiteral("b.db") : QStringLiteral("r.db"));
        Database db = test::openFresh(dbPath);
        auto seeded = CsvImporter::run(db, ImportKind::Subscribers, base, mode(false));
        if (!seeded || !seeded->committed)
            return {};
        ImportOptions o = mode(skip);
        o.batchInserts = batch;
        o.deferIndexes = batch;
        o.rejectsPath = m_dir->path(batch ? QStringLiteral("b.rej") : QStringLiteral("r.rej"));
        auto r = CsvImporter::run(db, ImportKind::Subscribers, path, o);
        if (!r)
            return {};
        return {*r,
                column(db, "SELECT id || '|' || email || '|' || coalesce(external_id, '-') || '|' "
                           "|| first_name || '|' || coalesce(last_name, '-') || '|' || "
                           "coalesce(country, '-') || '|' || created_at || '|' || status || '|' "
                           "|| attributes FROM subscribers ORDER BY id"),
                skip ? test::fileBytes(o.rejectsPath) : QByteArray(),
                column(db, "SELECT name || ': ' || coalesce(sql, '-') FROM sqlite_master"
                           " WHERE type = 'index' ORDER BY name") +
                    column(db, "PRAGMA integrity_check")};
    };
    const Run rowByRow = run(false);
    const Run batched = run(true);
    QCOMPARE(batched.report.rows, qint64(skip ? 6002 : 6000));
    QCOMPARE(batched.report.rows, rowByRow.report.rows);
    QCOMPARE(batched.report.inserted, rowByRow.report.inserted);
    QCOMPARE(batched.report.updated, rowByRow.report.updated);
    QCOMPARE(batched.report.rejected, rowByRow.report.rejected);
    QCOMPARE(batched.report.committed, rowByRow.report.committed);
    QVERIFY(batched.report.committed);
    QVERIFY(rowByRow.report.updated > 100);
    if (skip)
        QVERIFY(rowByRow.report.rejected > 100);
    QCOMPARE(badLines(batched.report), badLines(rowByRow.report));
    for (size_t i = 0; i < batched.report.badRows.size(); ++i)
        QCOMPARE(batched.report.badRows[i].reason, rowByRow.report.badRows[i].reason);
    QCOMPARE(batched.rejects, rowByRow.rejects);
    QCOMPARE(batched.rows.size(), 400 + int(rowByRow.report.inserted));
    QCOMPARE(batched.rows, rowByRow.rows);
    // The file brings many more rows than the 400 stored ones: the batch run dropped the
    // non-unique subscriber indexes and built them again, to the same schema.
    QCOMPARE(rowByRow.report.rebuiltIndexes, qint64(0));
    QCOMPARE(batched.report.rebuiltIndexes, qint64(3));
    QCOMPARE(batched.indexes, rowByRow.indexes);
    QVERIFY(
        batched.indexes.contains(QStringLiteral("subscribers_by_country: CREATE INDEX "
                                                "subscribers_by_country ON subscribers(country)")));
    QCOMPARE(batched.indexes.last(), QStringLiteral("ok"));
    // Most new rows did go through the batch path (and none without it).
    QCOMPARE(rowByRow.report.batchedRows, qint64(0));
    QVERIFY2(batched.report.batchedRows > rowByRow.report.inserted / 2,
             qPrintable(QString::number(batched.report.batchedRows)));
    if (skip) { // the update got Z; the later new row with Z is the bad one
        QVERIFY(rowByRow.rows.filter(QStringLiteral("|old2793@x.com|Z|")).size() == 1);
        QVERIFY(rowByRow.rejects.contains("zed@y.com,Z"));
    }
}

QTEST_GUILESS_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
