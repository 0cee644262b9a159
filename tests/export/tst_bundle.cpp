// mailwright-cli campaign export / campaign import (bundles): a round trip into another
// database gives the same document and the same renders; bad bundles change nothing.
#include "content/campaignstore.h"
#include "content/samplecampaign.h"
#include "exportfixture.h"
#include "testutils.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mw;
using test::ExportFixture;

class TestBundle : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTripIntoAnEmptyDatabase();
    void importIntoTheSameDataRendersTheSame();
    void badBundles_data();
    void badBundles();
    void exportErrors();

private:
    QByteArray documentJson(const QString &db, const QString &name)
    {
        auto d = Database::open(db);
        CampaignStore store(*d);
        auto record = store.find(name);
        if (!record)
            return {};
        auto doc = store.document(*record);
        return doc ? QJsonDocument(doc->toJson()).toJson(QJsonDocument::Compact) : QByteArray();
    }
    int campaignVersion(const QString &db, const QString &name)
    {
        auto d = Database::open(db);
        CampaignStore store(*d);
        auto record = store.find(name);
        return record ? record->version : -1;
    }

    test::TempDir m_dir;
    QString m_db;
    QString m_bundle;
};

void TestBundle::initTestCase()
{
    m_db = m_dir.path(QStringLiteral("a.db"));
    QVERIFY(ExportFixture::createSample(m_db, 60));
    // Approved in the source database: the bundle must not carry approval over.
    QCOMPARE(test::runCli({QStringLiteral("campaign"), QStringLiteral("approve"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--campaign"),
                           SampleCampaign::name(), QStringLiteral("--by"), QStringLiteral("x")})
                 .exitCode,
             0);
    m_bundle = m_dir.path(QStringLiteral("bundle.json"));
    const test::CliRun r = test::runCli(
        {QStringLiteral("campaign"), QStringLiteral("export"), QStringLiteral("--db"), m_db,
         QStringLiteral("--campaign"), SampleCampaign::name(), QStringLiteral("--out"), m_bundle});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject b = QJsonDocument::fromJson(test::fileBytes(m_bundle)).object();
    QCOMPARE(b.value(QStringLiteral("mailwright_bundle")).toInt(), 1);
    QCOMPARE(b.value(QStringLiteral("name")).toString(), SampleCampaign::name());
}

void TestBundle::roundTripIntoAnEmptyDatabase()
{
    const QString empty = m_dir.path(QStringLiteral("empty.db"));
    QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--db"), empty}).exitCode, 0);
    const test::CliRun r =
        test::runCli({QStringLiteral("campaign"), QStringLiteral("import"), QStringLiteral("--db"),
                      empty, QStringLiteral("--bundle"), m_bundle});
    QCOMPARE(r.exitCode, 0);
    // The empty database has no block library: library blocks travel with their content.
    const QByteArray original = documentJson(m_db, SampleCampaign::name());
    QVERIFY(!original.isEmpty());
    QCOMPARE(documentJson(empty, SampleCampaign::name()), original);
    auto d = Database::open(empty);
    CampaignStore store(*d);
    auto record = store.find(SampleCampaign::name());
    QVERIFY(record);
    QCOMPARE(record->status, QStringLiteral("draft"));
    QCOMPARE(record->version, 1);
    QVERIFY(!record->approvedVersion);
}

void TestBundle::importIntoTheSameDataRendersTheSame()
{
    // Same seed, same subscribers: the imported version renders byte for byte the same.
    const QString other = m_dir.path(QStringLiteral("b.db"));
    QVERIFY(ExportFixture::createSample(other, 60));
    QCOMPARE(test::runCli({QStringLiteral("campaign"), QStringLiteral("import"),
                           QStringLiteral("--db"), other, QStringLiteral("--bundle"), m_bundle})
                 .exitCode,
             0);
    QCOMPARE(campaignVersion(other, SampleCampaign::name()), 2); // a new version, not a copy
    for (const char *id : {"1", "17", "60"}) {
        const auto render = [&](const QString &db) {
            return test::runCli({QStringLiteral("render"), QStringLiteral("--db"), db,
                                 QStringLiteral("--campaign"), SampleCampaign::name(),
                                 QStringLiteral("--subscriber"), QLatin1String(id)});
        };
        const test::CliRun a = render(m_db);
        const test::CliRun b = render(other);
        QCOMPARE(a.exitCode, 0);
        QVERIFY(!a.out.isEmpty());
        QCOMPARE(b.out, a.out);
    }
}

void TestBundle::badBundles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error");
    QTest::newRow("not JSON") << QByteArray("{nope") << QStringLiteral("error: not JSON");
    QTest::newRow("not a bundle") << QByteArray("{\"name\": \"x\"}")
                                  << QStringLiteral("error: mailwright_bundle: not a Mailwright");
    QTest::newRow("no name") << QByteArray("{\"mailwright_bundle\": 1, \"document\": {}}")
                             << QStringLiteral("error: name: the campaign needs a name");
    QTest::newRow("bad block type")
        << QByteArray("{\"mailwright_bundle\": 1, \"name\": \"bad\", \"document\": {\"subject\": "
                      "\"Hi\", \"blocks\": [{\"id\": \"a\", \"type\": \"carousel\"}]}}")
        << QStringLiteral("error: document.blocks[0].type:");
    QTest::newRow("bad Liquid")
        << QByteArray("{\"mailwright_bundle\": 1, \"name\": \"bad\", \"document\": {\"subject\": "
                      "\"Hi {{ \", \"blocks\": []}}")
        << QStringLiteral("error: line 1, column 4: subject: output '{{' was never closed");
}

void TestBundle::badBundles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    const QString path = m_dir.writeFile(QStringLiteral("bad.json"), content);
    const test::CliRun r =
        test::runCli({QStringLiteral("campaign"), QStringLiteral("import"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--bundle"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).startsWith(error), r.err.constData());
    QCOMPARE(campaignVersion(m_db, QStringLiteral("bad")), -1); // nothing saved
}

void TestBundle::exportErrors()
{
    const auto run = [&](const QString &campaign, const QString &out) {
        return test::runCli({QStringLiteral("campaign"), QStringLiteral("export"),
                             QStringLiteral("--db"), m_db, QStringLiteral("--campaign"), campaign,
                             QStringLiteral("--out"), out});
    };
    QCOMPARE(run(QStringLiteral("no such"), m_dir.path(QStringLiteral("x.json"))).exitCode, 2);
    QVERIFY(!QFileInfo::exists(m_dir.path(QStringLiteral("x.json"))));
    QCOMPARE(run(SampleCampaign::name(), m_db).exitCode, 1); // would overwrite the database
    QCOMPARE(
        test::runCli({QStringLiteral("campaign"), QStringLiteral("import"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--bundle"), m_dir.path(QStringLiteral("missing.json"))})
            .exitCode,
        2);
}

QTEST_GUILESS_MAIN(TestBundle)
#include "tst_bundle.moc"
