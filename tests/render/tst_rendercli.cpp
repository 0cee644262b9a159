// The render and campaign list commands, run as a user would (mailwright-cli).
#include "content/campaignstore.h"
#include "content/samplecampaign.h"
#include "renderfixture.h"
#include "testutils.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mw;

class TestRenderCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void singleHtmlTextJson();
    void batchIsByteIdenticalForAnyThreadCount();
    void batchDigestMatchesSingleRender();
    void batchOptions();
    void insight();
    void errors_data();
    void errors();
    void liquidErrorExitsTwoWithLineAndColumn();
    void campaignList();
    void outputToSpecialFiles();

private:
    QStringList base() const
    {
        return {QStringLiteral("render"), QStringLiteral("--db"), m_db,
                QStringLiteral("--campaign"), SampleCampaign::name()};
    }
    QList<QJsonObject> lines(const QString &path) const;

    test::TempDir m_dir;
    QString m_db;
};

void TestRenderCli::initTestCase()
{
    m_db = m_dir.path(QStringLiteral("cli.db"));
    Database db = test::RenderFixture::create(m_db);
    // 1,500 more subscribers so batches span several chunks and threads: varied names
    // (some missing), stages and categories.
    QVERIFY(db.exec(R"SQL(
        WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 1599)
        INSERT INTO subscribers(id, email, first_name, country, created_at)
        SELECT i, 'user' || i || '@example.com',
               CASE WHEN i % 7 = 0 THEN NULL ELSE 'Name' || (i % 50) END, 'DE', 1700000000 FROM n;
        WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 1599)
        INSERT INTO subscriber_metrics(subscriber_id, lifecycle_stage, purchase_propensity,
                                       favorite_category, order_count, computed_at)
        SELECT i, CASE i % 5 WHEN 0 THEN 'vip' WHEN 1 THEN 'at_risk' WHEN 2 THEN 'customer'
                             ELSE 'subscriber' END,
               (i % 100) / 100.0, CASE i % 3 WHEN 0 THEN 'Outdoor' WHEN 1 THEN 'Footwear' END,
               i % 4, 1750000000 FROM n WHERE i % 11 != 0;)SQL"));
    CampaignStore store(db);
    CampaignDocument broken = SampleCampaign::document();
    broken.blocks[2].content.insert(QStringLiteral("text"),
                                    QStringLiteral("Hi\n\n{{ subscriber.first_name"));
    QVERIFY(store.save(QStringLiteral("broken"), broken, {}, {}, test::RenderFixture::kNow).ok());
}

QList<QJsonObject> TestRenderCli::lines(const QString &path) const
{
    QList<QJsonObject> out;
    for (const QByteArray &line : test::fileBytes(path).split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError pe;
        out << QJsonDocument::fromJson(line, &pe).object();
        if (pe.error != QJsonParseError::NoError)
            qWarning() << "bad JSON line" << line.left(200);
    }
    return out;
}

void TestRenderCli::singleHtmlTextJson()
{
    const auto html = test::runCli(base() << QStringLiteral("--subscriber") << QStringLiteral("1"));
    QCOMPARE(html.exitCode, 0);
    QVERIFY(html.out.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.out.contains("Your VIP early access starts today"));
    QVERIFY(html.err.isEmpty());
    // By email (any case, padded) gives the same email.
    const auto byEmail = test::runCli(
        base() << QStringLiteral("--subscriber") << QStringLiteral(" Anna@Example.com ")
               << QStringLiteral("--format") << QStringLiteral("html"));
    QCOMPARE(byEmail.exitCode, 0);
    QCOMPARE(byEmail.out, html.out);

    const auto text = test::runCli(base() << QStringLiteral("--subscriber") << QStringLiteral("3")
                                          << QStringLiteral("--format") << QStringLiteral("text"));
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("Hi there,"));
    QVERIFY(!text.out.contains("<td"));

    const auto json = test::runCli(base() << QStringLiteral("--subscriber") << QStringLiteral("6")
                                          << QStringLiteral("--format") << QStringLiteral("json"));
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(o.value(QStringLiteral("subscriber_id")).toInt(), 6);
    QCOMPARE(o.value(QStringLiteral("email")).toString(), QStringLiteral("script@example.com"));
    QCOMPARE(o.value(QStringLiteral("subject")).toString(),
             QStringLiteral("<script>alert(1)</script>, your spring picks are here"));
    QVERIFY(
        o.value(QStringLiteral("html")).toString().contains(QLatin1String("Hi &lt;script&gt;")));
    QVERIFY(!o.value(QStringLiteral("html")).toString().contains(QLatin1String("<script")));
    QVERIFY(o.value(QStringLiteral("text")).toString().contains(QLatin1String("Hi <script>")));
    QVERIFY(o.value(QStringLiteral("trace")).isArray());
    QVERIFY(o.value(QStringLiteral("warnings")).isArray());
    QVERIFY(!o.value(QStringLiteral("preheader")).toString().isEmpty());
    // The rendered sender name (an extension of the contract's keys).
    QCOMPARE(o.value(QStringLiteral("from_name")).toString(),
             QStringLiteral("Northwind Outfitters"));
}

void TestRenderCli::batchIsByteIdenticalForAnyThreadCount()
{
    const QString one = m_dir.path(QStringLiteral("t1.jsonl"));
    const QString two = m_dir.path(QStringLiteral("t2.jsonl"));
    const QString three = m_dir.path(QStringLiteral("t3.jsonl"));
    for (const auto &[path, threads] :
         {std::pair{one, "1"}, std::pair{two, "2"}, std::pair{three, "3"}}) {
        const auto run =
            test::runCli(base() << QStringLiteral("--segment") << QStringLiteral("everyone")
                                << QStringLiteral("--out") << path << QStringLiteral("--threads")
                                << QLatin1String(threads));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        // The summary reports the threads that rendered, not the number asked for.
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("threads")).toInt(),
                 QByteArray(threads).toInt());
    }
    // 1,508 members are 6 chunks of 256: more threads than that would have nothing to do.
    const auto many =
        test::runCli(base() << QStringLiteral("--segment") << QStringLiteral("everyone")
                            << QStringLiteral("--out") << m_dir.path(QStringLiteral("t9999.jsonl"))
                            << QStringLiteral("--threads") << QStringLiteral("9999"));
    QVERIFY2(many.exitCode == 0, many.err.constData());
    QCOMPARE(QJsonDocument::fromJson(many.out).object().value(QStringLiteral("threads")).toInt(),
             6);
    const QByteArray a = test::fileBytes(one);
    QVERIFY(a.size() > 100000);
    QCOMPARE(test::fileBytes(two), a);
    QCOMPARE(test::fileBytes(three), a);
    const QList<QJsonObject> objs = lines(one);
    QCOMPARE(objs.size(), 8 + 1500); // the unsubscribed subscriber 9 is not in the segment
    qint64 previous = 0;
    for (const QJsonObject &o : objs) {
        const qint64 id = o.value(QStringLiteral("subscriber_id")).toInteger();
        QVERIFY(id > previous);
        previous = id;
        QVERIFY(!o.contains(QStringLiteral("html")));
        QCOMPARE(o.value(QStringLiteral("html_sha256")).toString().size(), 64);
        QVERIFY(o.value(QStringLiteral("bytes")).toInt() > 5000);
        // The decisive entry for the subject and each of the 12 blocks, contract fields only.
        const QJsonArray trace = o.value(QStringLiteral("trace")).toArray();
        QCOMPARE(trace.size(), 13);
        QCOMPARE(trace.first().toObject().value(QStringLiteral("block")).toString(),
                 QStringLiteral("subject"));
        QCOMPARE(trace.first().toObject().keys(),
                 (QStringList{QStringLiteral("block"), QStringLiteral("outcome"),
                              QStringLiteral("reason"), QStringLiteral("rule")}));
    }
    // --full-trace: every rule looked at, with conditions and values.
    const QString full = m_dir.path(QStringLiteral("full.jsonl"));
    QCOMPARE(test::runCli(base() << QStringLiteral("--segment") << QStringLiteral("everyone")
                                 << QStringLiteral("--out") << full << QStringLiteral("--limit")
                                 << QStringLiteral("2") << QStringLiteral("--full-trace"))
                 .exitCode,
             0);
    const QJsonArray fullTrace = lines(full).first().value(QStringLiteral("trace")).toArray();
    QVERIFY(fullTrace.size() > 13);
    QVERIFY(fullTrace.first().toObject().contains(QStringLiteral("values")));
}

void TestRenderCli::batchDigestMatchesSingleRender()
{
    const QString path = m_dir.path(QStringLiteral("digest.jsonl"));
    QCOMPARE(test::runCli(base() << QStringLiteral("--segment") << QStringLiteral("everyone")
                                 << QStringLiteral("--out") << path << QStringLiteral("--threads")
                                 << QStringLiteral("2"))
                 .exitCode,
             0);
    const QList<QJsonObject> objs = lines(path);
    for (int id : {1, 3, 7, 1234}) {
        const auto single =
            test::runCli(base() << QStringLiteral("--subscriber") << QString::number(id));
        QCOMPARE(single.exitCode, 0);
        bool found = false;
        for (const QJsonObject &o : objs)
            if (o.value(QStringLiteral("subscriber_id")).toInt() == id) {
                found = true;
                QCOMPARE(o.value(QStringLiteral("html_sha256")).toString().toLatin1(),
                         QCryptographicHash::hash(single.out, QCryptographicHash::Sha256).toHex());
                QCOMPARE(o.value(QStringLiteral("bytes")).toInt(), single.out.size());
            }
        QVERIFY(found);
    }
}

void TestRenderCli::batchOptions()
{
    const QString path = m_dir.path(QStringLiteral("limit.jsonl"));
    const auto run =
        test::runCli(base() << QStringLiteral("--segment") << QStringLiteral("everyone")
                            << QStringLiteral("--out") << path << QStringLiteral("--limit")
                            << QStringLiteral("3") << QStringLiteral("--include-html"));
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> objs = lines(path);
    QCOMPARE(objs.size(), 3);
    QCOMPARE(objs[0].value(QStringLiteral("subscriber_id")).toInt(), 1);
    QCOMPARE(objs[2].value(QStringLiteral("subscriber_id")).toInt(), 3);
    for (const QJsonObject &o : objs) {
        const QByteArray html = o.value(QStringLiteral("html")).toString().toUtf8();
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QCOMPARE(o.value(QStringLiteral("html_sha256")).toString().toLatin1(),
                 QCryptographicHash::hash(html, QCryptographicHash::Sha256).toHex());
    }
    const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(summary.value(QStringLiteral("rendered")).toInt(), 3);
}

void TestRenderCli::insight()
{
    const QString path = m_dir.path(QStringLiteral("insight.jsonl"));
    const auto run =
        test::runCli(base() << QStringLiteral("--segment") << QStringLiteral("vip")
                            << QStringLiteral("--out") << path << QStringLiteral("--insight"));
    QCOMPARE(run.exitCode, 0);
    const QJsonObject in =
        QJsonDocument::fromJson(run.out).object().value(QStringLiteral("insight")).toObject();
    // vip segment: Anna plus every fifth generated subscriber with metrics (i % 5 == 0, i % 11 !=
    // 0).
    int expected = 1;
    for (int i = 100; i <= 1599; ++i)
        expected += (i % 5 == 0 && i % 11 != 0) ? 1 : 0;
    QCOMPARE(in.value(QStringLiteral("subscribers")).toInt(), expected);
    QCOMPARE(lines(path).size(), expected);
    // Each email differs at least by its unsubscribe link.
    QCOMPARE(in.value(QStringLiteral("distinct_renders")).toInt(), expected);
    const QStringList never = [&] {
        QStringList l;
        for (const QJsonValue &v : in.value(QStringLiteral("never_fired")).toArray())
            l << v.toString();
        return l;
    }();
    // Everyone here is a VIP: the win-back variants never fire, the review is always hidden.
    QVERIFY(never.contains(QStringLiteral("subject: variant win-back")));
    QVERIFY(never.contains(QStringLiteral("hero: variant win-back")));
    QVERIFY(!never.contains(QStringLiteral("hero: variant vip")));
    QVERIFY(!never.contains(QStringLiteral("review: hide rule")));
    for (const QJsonValue &b : in.value(QStringLiteral("blocks")).toArray()) {
        const QJsonObject block = b.toObject();
        if (block.value(QStringLiteral("block")).toString() != QLatin1String("review"))
            continue;
        for (const QJsonValue &o : block.value(QStringLiteral("outcomes")).toArray())
            if (o.toObject().value(QStringLiteral("name")).toString() == QLatin1String("hidden"))
                QCOMPARE(o.toObject().value(QStringLiteral("subscribers")).toInt(), expected);
    }
    // Generated VIPs with i % 7 == 0 have no first name.
    bool missing = false;
    for (const QJsonValue &m : in.value(QStringLiteral("missing_fields")).toArray())
        missing = missing || m.toObject().value(QStringLiteral("name")).toString() ==
                                 QLatin1String("intro: subscriber.first_name");
    QVERIFY(missing);
}

void TestRenderCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString db = m_dir.path(QStringLiteral("cli.db"));
    const QStringList b = {QStringLiteral("render"), QStringLiteral("--db"), db};
    QTest::newRow("unknown campaign")
        << (b + QStringList{QStringLiteral("--campaign"), QStringLiteral("nope"),
                            QStringLiteral("--subscriber"), QStringLiteral("1")})
        << 2 << "error: unknown campaign \"nope\"";
    const QStringList c = b + QStringList{QStringLiteral("--campaign"), SampleCampaign::name()};
    QTest::newRow("unknown subscriber")
        << (c + QStringList{QStringLiteral("--subscriber"), QStringLiteral("99999")}) << 2
        << "error: unknown subscriber";
    QTest::newRow("unknown email")
        << (c + QStringList{QStringLiteral("--subscriber"), QStringLiteral("x@y.z")}) << 2
        << "error: unknown subscriber";
    QTest::newRow("unknown segment")
        << (c + QStringList{QStringLiteral("--segment"), QStringLiteral("nope"),
                            QStringLiteral("--out"), m_dir.path(QStringLiteral("x.jsonl"))})
        << 2 << "error:";
    QTest::newRow("both modes") << (c +
                                    QStringList{QStringLiteral("--subscriber"), QStringLiteral("1"),
                                                QStringLiteral("--segment"), QStringLiteral("vip")})
                                << 1 << "error: give exactly one of --subscriber or --segment";
    QTest::newRow("no out") << (c + QStringList{QStringLiteral("--segment"), QStringLiteral("vip")})
                            << 1 << "error: --segment needs --out";
    QTest::newRow("bad format") << (c + QStringList{QStringLiteral("--subscriber"),
                                                    QStringLiteral("1"), QStringLiteral("--format"),
                                                    QStringLiteral("pdf")})
                                << 1 << "error: --format";
    QTest::newRow("bad threads") << (c + QStringList{QStringLiteral("--segment"),
                                                     QStringLiteral("vip"), QStringLiteral("--out"),
                                                     m_dir.path(QStringLiteral("y.jsonl")),
                                                     QStringLiteral("--threads"),
                                                     QStringLiteral("0")})
                                 << 1 << "error: --threads";
    QTest::newRow("no campaign") << (b + QStringList{QStringLiteral("--subscriber"),
                                                     QStringLiteral("1")})
                                 << 1 << "error: missing required option --campaign";
}

void TestRenderCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const auto run = test::runCli(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.startsWith(message.toUtf8()), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFile::exists(m_dir.path(QStringLiteral("x.jsonl"))));
}

void TestRenderCli::liquidErrorExitsTwoWithLineAndColumn()
{
    const auto run = test::runCli({QStringLiteral("render"), QStringLiteral("--db"), m_db,
                                   QStringLiteral("--campaign"), QStringLiteral("broken"),
                                   QStringLiteral("--subscriber"), QStringLiteral("1")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith("error: line 3, column "), run.err.constData());
    QVERIFY(run.err.contains("blocks[2].content.text"));
}

void TestRenderCli::campaignList()
{
    const auto text = test::runCli(
        {QStringLiteral("campaign"), QStringLiteral("list"), QStringLiteral("--db"), m_db});
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out, QByteArray("broken\nspring-picks\n"));
    const auto json =
        test::runCli({QStringLiteral("campaign"), QStringLiteral("list"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray a = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(a.size(), 2);
    const QJsonObject spring = a.at(1).toObject();
    QCOMPARE(spring.value(QStringLiteral("name")).toString(), QStringLiteral("spring-picks"));
    QCOMPARE(spring.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
    QCOMPARE(spring.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(test::runCli({QStringLiteral("campaign"), QStringLiteral("frobnicate"),
                           QStringLiteral("--db"), m_db})
                 .exitCode,
             1);
}

// --out names an existing device: written in place, never replaced by a regular file
// (QSaveFile's rename would do that as root); a full disk is an error, not success.
void TestRenderCli::outputToSpecialFiles()
{
    QVERIFY(QFileInfo(QStringLiteral("/dev/full")).exists()); // Linux, where CI runs
    const QStringList batch = base() << QStringLiteral("--segment") << QStringLiteral("everyone");
    const auto full =
        test::runCli(QStringList(batch) << QStringLiteral("--out") << QStringLiteral("/dev/full"));
    QCOMPARE(full.exitCode, 2);
    QVERIFY2(full.err.contains("No space left on device"), full.err.constData());
    const auto null =
        test::runCli(QStringList(batch) << QStringLiteral("--out") << QStringLiteral("/dev/null"));
    QVERIFY2(null.exitCode == 0, null.err.constData());
    for (const QString &dev : {QStringLiteral("/dev/full"), QStringLiteral("/dev/null")}) {
        const QFileInfo info(dev);
        QVERIFY2(!info.isFile(), qPrintable(dev + QStringLiteral(" was replaced by a file")));
    }
    // The Liquid command's --out goes the same way.
    const QString tpl = m_dir.writeFile(QStringLiteral("t.liquid"), "{{ a }}");
    const QString data = m_dir.writeFile(QStringLiteral("d.json"), R"({"a": 1})");
    const auto liquid = test::runCli({QStringLiteral("liquid"), QStringLiteral("--template"), tpl,
                                      QStringLiteral("--data"), data, QStringLiteral("--out"),
                                      QStringLiteral("/dev/full")});
    QCOMPARE(liquid.exitCode, 2);
    QVERIFY(!QFileInfo(QStringLiteral("/dev/full")).isFile());
}

QTEST_GUILESS_MAIN(TestRenderCli)
#include "tst_rendercli.moc"
