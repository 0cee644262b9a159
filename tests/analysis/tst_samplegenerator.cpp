// The sample generator: determinism, plausibility of what it produces, cancel.
#include "sample/sampledatabase.h"
#include "storage/database.h"
#include "testutils.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mw;

namespace {

const QStringList kTables = {QStringLiteral("meta"),
                             QStringLiteral("subscribers"),
                             QStringLiteral("products"),
                             QStringLiteral("campaigns"),
                             QStringLiteral("events"),
                             QStringLiteral("subscriber_metrics"),
                             QStringLiteral("segments"),
                             QStringLiteral("segment_versions"),
                             QStringLiteral("experiments"),
                             QStringLiteral("experiment_arms"),
                             QStringLiteral("assignments"),
                             QStringLiteral("experiment_outcomes"),
                             QStringLiteral("blocks"),
                             QStringLiteral("block_versions"),
                             QStringLiteral("campaign_versions")};

/// SHA-256 over every row (all columns, typed) of a table in primary-key order.
QByteArray tableHash(Database &db, const QString &table)
{
    auto st =
        db.prepare((QStringLiteral("SELECT * FROM ") + table + QStringLiteral(" ORDER BY 1, 2, 3"))
                       .toStdString());
    if (!st)
        return "error: " + st.error().message.toUtf8();
    QCryptographicHash h(QCryptographicHash::Sha256);
    qint64 rows = 0;
    while (st->step()) {
        ++rows;
        for (int c = 0; c < st->columnCount(); ++c) {
            const QVariant v = st->value(c);
            h.addData(QByteArray::number(v.typeId()) + ':' +
                      (v.typeId() == QMetaType::Double ? QByteArray::number(v.toDouble(), 'g', 17)
                                                       : v.toString().toUtf8()) +
                      '|');
        }
    }
    return QByteArray::number(rows) + ' ' + h.result().toHex();
}

QMap<QString, QByteArray> contentHashes(Database &db)
{
    QMap<QString, QByteArray> out;
    for (const QString &t : kTables)
        out.insert(t, tableHash(db, t));
    return out;
}

Database generated(const QString &path, int n, uint64_t seed)
{
    Database db = test::openFresh(path);
    SampleGenerator::Options o;
    o.subscribers = n;
    o.seed = seed;
    const Status s = SampleDatabase::populate(db, o);
    if (!s)
        qFatal("generate failed: %s", qPrintable(s.error().toString()));
    return db;
}

qint64 count(Database &db, const char *sql)
{
    return db.scalar(sql)->toLongLong();
}

} // namespace

class TestSampleGenerator : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sameSeedSameContent_data();
    void sameSeedSameContent();
    void differentSeedDiffers();
    void engagementRatios();
    void subscribersArePlausible();
    void eventsAreConsistent();
    void statusesMatchEvents();
    void catalogueAndCampaigns();
    void segmentsAndExperiment();
    void assignmentBucketsAreUniformForSequentialIds();
    void metricsComputed();
    void cancelLeavesDatabaseUnchanged_data();
    void cancelLeavesDatabaseUnchanged();
    void refusesDatabaseWithData();

private:
    test::TempDir m_dir;
    Database m_db; // 4000 subscribers, seed 42: shared by the plausibility checks
};

void TestSampleGenerator::initTestCase()
{
    m_db = generated(m_dir.path(QStringLiteral("shared.db")), 4000, 42);
}

void TestSampleGenerator::sameSeedSameContent_data()
{
    QTest::addColumn<int>("subscribers");
    QTest::addColumn<qulonglong>("seed");
    QTest::newRow("1500 subscribers, seed 42") << 1500 << 42ull;
    QTest::newRow("300 subscribers, seed 7") << 300 << 7ull;
    QTest::newRow("no subscribers") << 0 << 1ull;
}

void TestSampleGenerator::sameSeedSameContent()
{
    QFETCH(int, subscribers);
    QFETCH(qulonglong, seed);
    test::TempDir dir;
    Database a = generated(dir.path(QStringLiteral("a.db")), subscribers, seed);
    Database b = generated(dir.path(QStringLiteral("b.db")), subscribers, seed);
    const auto ha = contentHashes(a), hb = contentHashes(b);
    for (const QString &t : kTables)
        QVERIFY2(ha.value(t) == hb.value(t), qPrintable(t));
    QCOMPARE(count(a, "SELECT count(*) FROM subscribers"), qint64(subscribers));
}

void TestSampleGenerator::differentSeedDiffers()
{
    test::TempDir dir;
    Database a = generated(dir.path(QStringLiteral("a.db")), 500, 42);
    Database b = generated(dir.path(QStringLiteral("b.db")), 500, 43);
    const auto ha = contentHashes(a), hb = contentHashes(b);
    for (const char *t : {"subscribers", "products", "events", "subscriber_metrics", "assignments"})
        QVERIFY2(ha.value(QLatin1String(t)) != hb.value(QLatin1String(t)), t);
    QCOMPARE(a.meta(QStringLiteral("sample_seed")).value(), QStringLiteral("42"));
    QCOMPARE(b.meta(QStringLiteral("sample_seed")).value(), QStringLiteral("43"));
}

void TestSampleGenerator::engagementRatios()
{
    auto n = [&](int type) {
        return m_db.scalar("SELECT count(*) FROM events WHERE type = ?1", {type})->toLongLong();
    };
    const qint64 sent = n(1), opens = n(2), clicks = n(3), purchases = n(7);
    // sent >> opens >> clicks >> purchases
    QVERIFY2(sent > 4 * opens, qPrintable(QStringLiteral("%1 %2").arg(sent).arg(opens)));
    QVERIFY2(opens > 4 * clicks, qPrintable(QStringLiteral("%1 %2").arg(opens).arg(clicks)));
    QVERIFY2(clicks > 2 * purchases,
             qPrintable(QStringLiteral("%1 %2").arg(clicks).arg(purchases)));
    QVERIFY(purchases > 20);
    // Every other behaviour the brief names occurs.
    for (int type : {4, 5, 6, 8, 9, 10, 11, 14, 15})
        QVERIFY2(n(type) > 0, qPrintable(QString::number(type)));
    // ~20 events per subscriber on average.
    const qint64 events = count(m_db, "SELECT count(*) FROM events");
    QVERIFY2(events > 4000 * 15 && events < 4000 * 30, qPrintable(QString::number(events)));

    // Skew: many dormant, few very active.
    const qint64 neverOpened =
        count(m_db, "SELECT count(*) FROM subscribers s WHERE NOT EXISTS "
                    "(SELECT 1 FROM events e WHERE e.subscriber_id = s.id AND e.type = 2)");
    QVERIFY2(neverOpened > 4000 * 40 / 100, qPrintable(QString::number(neverOpened)));
    const qint64 topDecileOpens =
        count(m_db, "SELECT sum(c) FROM (SELECT count(*) AS c FROM events WHERE type = 2 "
                    "GROUP BY subscriber_id ORDER BY c DESC LIMIT 400)");
    QVERIFY2(topDecileOpens * 100 > opens * 40,
             qPrintable(QStringLiteral("%1 of %2").arg(topDecileOpens).arg(opens)));
}

void TestSampleGenerator::subscribersArePlausible()
{
    const qint64 n = count(m_db, "SELECT count(*) FROM subscribers");
    QCOMPARE(n, qint64(4000));
    const qint64 noFirst = count(m_db, "SELECT count(*) FROM subscribers WHERE first_name IS NULL");
    QVERIFY2(noFirst > n * 3 / 100 && noFirst < n * 12 / 100, qPrintable(QString::number(noFirst)));
    QVERIFY(count(m_db, "SELECT count(DISTINCT country) FROM subscribers") >= 10);
    QVERIFY(count(m_db, "SELECT count(DISTINCT language) FROM subscribers") >= 10);
    // Non-ASCII names are present (Müller, José, Łukasz ...), e-mails are ASCII lower case.
    QVERIFY(count(m_db, "SELECT count(*) FROM subscribers WHERE last_name GLOB '*[^ -~]*'") > 0);
    QCOMPARE(count(m_db, "SELECT count(*) FROM subscribers WHERE email != lower(trim(email)) "
                         "OR email GLOB '*[^ -~]*' OR email NOT LIKE '%_@_%._%'"),
             qint64(0));
    QCOMPARE(count(m_db, "SELECT count(DISTINCT email) FROM subscribers"), n);
    QCOMPARE(count(m_db, "SELECT count(DISTINCT external_id) FROM subscribers "
                         "WHERE external_id IS NOT NULL"),
             n);
    // A city always comes with the same country and time zone.
    QCOMPARE(count(m_db, "SELECT count(*) FROM (SELECT city FROM subscribers GROUP BY city "
                         "HAVING count(DISTINCT country || timezone) > 1)"),
             qint64(0));
    QCOMPARE(count(m_db, "SELECT count(*) FROM subscribers WHERE country = 'DE' AND "
                         "(timezone != 'Europe/Berlin' OR language NOT LIKE 'de%')"),
             qint64(0));
    QCOMPARE(count(m_db, "SELECT count(*) FROM subscribers WHERE country = 'US' AND "
                         "timezone NOT LIKE 'America/%'"),
             qint64(0));
    // Sign-ups spread over years, some during the history window, none in the future.
    const int64_t ref = m_db.referenceTime();
    QCOMPARE(ref, SampleGenerator::kDefaultReferenceTime);
    QCOMPARE(m_db.scalar("SELECT count(*) FROM subscribers WHERE created_at > ?1",
                         {QVariant::fromValue<qint64>(ref)})
                 ->toLongLong(),
             qint64(0));
    const qint64 recent = m_db.scalar("SELECT count(*) FROM subscribers WHERE created_at > ?1",
                                      {QVariant::fromValue<qint64>(ref - 180 * 86400)})
                              ->toLongLong();
    QVERIFY(recent > n / 10 && recent < n / 3);
    QVERIFY(m_db.scalar("SELECT min(created_at) FROM subscribers")->toLongLong() <
            ref - 3 * 365 * 86400);
    // Custom attributes are JSON objects; some have a birthday, all a plan.
    QCOMPARE(count(m_db, "SELECT count(*) FROM subscribers WHERE json_valid(attributes) = 0 OR "
                         "json_type(attributes, '$.plan') IS NULL OR "
                         "json_type(attributes, '$.loyalty_points') != 'integer'"),
             qint64(0));
    const qint64 birthdays =
        count(m_db, "SELECT count(*) FROM subscribers WHERE json_extract(attributes, "
                    "'$.birthday') GLOB '[12][09][0-9][0-9]-[01][0-9]-[0-3][0-9]'");
    QVERIFY(birthdays > n / 2 && birthdays < n);
}

void TestSampleGenerator::eventsAreConsistent()
{
    const int64_t ref = m_db.referenceTime();
    const QVariantList window = {QVariant::fromValue<qint64>(ref - 180 * 86400),
                                 QVariant::fromValue<qint64>(ref)};
    QCOMPARE(m_db.scalar("SELECT count(*) FROM events WHERE occurred_at < ?1 OR "
                         "occurred_at >= ?2",
                         window)
                 ->toLongLong(),
             qint64(0));
    // Purchases carry an amount and a product; the amount is a multiple of the price, or
    // 90 % of it with an e-mail discount.
    QCOMPARE(count(m_db, "SELECT count(*) FROM events WHERE type = 7 AND (amount IS NULL OR "
                         "amount <= 0 OR product_id IS NULL)"),
             qint64(0));
    QCOMPARE(count(m_db, "SELECT count(*) FROM events e JOIN products p ON p.id = e.product_id "
                         "WHERE e.type = 7 AND NOT (abs(e.amount - p.price * round(e.amount / "
                         "p.price)) < 0.011 OR abs(e.amount - 0.9 * p.price * round(e.amount / "
                         "(0.9 * p.price))) < 0.011)"),
             qint64(0));
    // Sends, opens and clicks refer to historical campaigns.
    QCOMPARE(count(m_db, "SELECT count(*) FROM events e LEFT JOIN campaigns c ON c.id = "
                         "e.campaign_id WHERE e.type IN (1, 2, 3) AND (c.id IS NULL OR "
                         "c.status != 'sent')"),
             qint64(0));
    // No open without a send of that campaign before it; no event before sign-up.
    QCOMPARE(count(m_db, "SELECT count(*) FROM events o WHERE o.type = 2 AND NOT EXISTS "
                         "(SELECT 1 FROM events s WHERE s.subscriber_id = o.subscriber_id AND "
                         "s.type = 1 AND s.campaign_id = o.campaign_id AND s.occurred_at <= "
                         "o.occurred_at)"),
             qint64(0));
    QCOMPARE(count(m_db, "SELECT count(*) FROM events e JOIN subscribers s ON s.id = "
                         "e.subscriber_id WHERE e.occurred_at < s.created_at"),
             qint64(0));
    QCOMPARE(count(m_db, "SELECT count(*) FROM pragma_foreign_key_check"), qint64(0));
    // The bulk-load settings are restored.
    QCOMPARE(m_db.scalar("PRAGMA journal_mode")->toString(), QStringLiteral("wal"));
    QCOMPARE(m_db.scalar("PRAGMA foreign_keys")->toInt(), 1);
    QCOMPARE(m_db.scalar("PRAGMA synchronous")->toInt(), 1); // NORMAL
    QCOMPARE(m_db.scalar("PRAGMA integrity_check")->toString(), QStringLiteral("ok"));
}

void TestSampleGenerator::statusesMatchEvents()
{
    const qint64 unsub = count(m_db, "SELECT count(*) FROM subscribers WHERE status = "
                                     "'unsubscribed'");
    const qint64 bounced = count(m_db, "SELECT count(*) FROM subscribers WHERE status = 'bounced'");
    QVERIFY(unsub > 0);
    QVERIFY(bounced > 0);
    // Status follows the events: exactly those with an unsubscribe / bounce event.
    QCOMPARE(count(m_db, "SELECT count(DISTINCT subscriber_id) FROM events WHERE type = 8"), unsub);
    QCOMPARE(count(m_db, "SELECT count(*) FROM subscribers s WHERE status = 'unsubscribed' AND "
                         "EXISTS (SELECT 1 FROM events e WHERE e.subscriber_id = s.id AND "
                         "e.type = 8)"),
             unsub);
    QCOMPARE(count(m_db, "SELECT count(*) FROM subscribers s WHERE status = 'bounced' AND "
                         "EXISTS (SELECT 1 FROM events e WHERE e.subscriber_id = s.id AND "
                         "e.type = 9)"),
             bounced);
    // Nobody receives mail after unsubscribing or bouncing.
    QCOMPARE(count(m_db, "SELECT count(*) FROM events x JOIN events s ON s.subscriber_id = "
                         "x.subscriber_id AND s.type = 1 AND s.occurred_at > x.occurred_at "
                         "WHERE x.type IN (8, 9)"),
             qint64(0));
}

void TestSampleGenerator::catalogueAndCampaigns()
{
    QVERIFY(count(m_db, "SELECT count(DISTINCT category) FROM products") >= 6);
    QCOMPARE(count(m_db, "SELECT count(*) FROM products WHERE price <= 0 OR image_url NOT LIKE "
                         "'https://%.jpg' OR url NOT LIKE 'https://%'"),
             qint64(0));
    // Weekly sends through the 180 days.
    const qint64 campaigns = count(m_db, "SELECT count(*) FROM campaigns WHERE status = 'sent'");
    QVERIFY2(campaigns >= 25 && campaigns <= 26, qPrintable(QString::number(campaigns)));
    QCOMPARE(count(m_db, "SELECT count(*) FROM (SELECT updated_at - lag(updated_at) OVER "
                         "(ORDER BY updated_at) AS gap FROM campaigns WHERE status = 'sent') "
                         "WHERE gap != 604800"),
             qint64(0));
    // Plus the example campaign document of the content stage, with its library blocks.
    QCOMPARE(count(m_db, "SELECT count(*) FROM campaigns WHERE status != 'sent' AND document "
                         "IS NOT NULL"),
             qint64(1));
    QVERIFY(count(m_db, "SELECT count(*) FROM blocks") >= 2);
}

void TestSampleGenerator::segmentsAndExperiment()
{
    QCOMPARE(count(m_db, "SELECT count(*) FROM segments WHERE name IN ('vip', 'engaged-30d', "
                         "'lapsed-buyers')"),
             qint64(3));
    auto st = m_db.prepare("SELECT name, definition, purpose, kpi FROM segments");
    int segments = 0;
    while (st->step()) {
        ++segments;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(st->text(1).toUtf8(), &pe);
        QVERIFY2(doc.isObject(), qPrintable(st->text(0)));
        QVERIFY(doc.object().contains(QStringLiteral("match")));
        QVERIFY(doc.object().value(QStringLiteral("conditions")).isArray());
        QVERIFY(!st->text(2).isEmpty());
        QVERIFY(!st->text(3).isEmpty());
    }
    QCOMPARE(count(m_db, "SELECT count(*) FROM segment_versions"), qint64(segments));

    // One experiment with control, a variant and a holdout.
    QCOMPARE(count(m_db, "SELECT count(*) FROM experiments"), qint64(1));
    QCOMPARE(count(m_db, "SELECT count(*) FROM experiment_arms WHERE is_holdout = 1"), qint64(1));
    QCOMPARE(count(m_db, "SELECT count(*) FROM experiment_arms WHERE is_control = 1"), qint64(1));
    // Assignment is the documented hash of salt and subscriber id, with the planned split.
    const QString salt = m_db.scalar("SELECT salt FROM experiments")->toString();
    auto as = m_db.prepare("SELECT a.unit_id, a.subscriber_id, r.name FROM assignments a JOIN "
                           "experiment_arms r ON r.id = a.arm_id");
    QMap<QString, int> perArm;
    int total = 0;
    while (as->step()) {
        QCOMPARE(as->text(0), QString::number(as->int64(1)));
        const double b = SampleGenerator::assignmentBucket(salt, as->text(0)) * 100;
        const QString expected = b < 45   ? QStringLiteral("control")
                                 : b < 90 ? QStringLiteral("personalised subject")
                                          : QStringLiteral("holdout");
        QCOMPARE(as->text(2), expected);
        ++perArm[expected];
        ++total;
    }
    QVERIFY(total > 3000);
    // The split is the planned one: Pearson's chi-square of the arm counts against 45/45/10
    // stays below 13.8155, the 0.999 quantile of chi-square with 2 degrees of freedom
    // (scipy.stats.chi2.ppf(0.999, 2)), i.e. the report's SRM check would not flag it.
    // (A hash with uneven top bits gave 40/46/14 %: chi-square in the hundreds.)
    double chi2 = 0;
    for (const auto &[arm, share] : {std::pair{QStringLiteral("control"), 0.45},
                                     std::pair{QStringLiteral("personalised subject"), 0.45},
                                     std::pair{QStringLiteral("holdout"), 0.10}}) {
        const double expectedCount = share * total;
        const double d = perArm.value(arm) - expectedCount;
        chi2 += d * d / expectedCount;
    }
    QVERIFY2(chi2 < 13.8155, qPrintable(QString::number(chi2)));
    // The holdout received nothing from the experiment's campaign; the others did.
    QCOMPARE(count(m_db, "SELECT count(*) FROM assignments a JOIN experiment_arms r ON r.id = "
                         "a.arm_id JOIN experiments x ON x.id = a.experiment_id JOIN events e ON "
                         "e.subscriber_id = a.subscriber_id AND e.campaign_id = x.campaign_id "
                         "WHERE r.is_holdout = 1"),
             qint64(0));
    // Outcomes for every assigned unit and metric; opens agree with the events.
    QCOMPARE(count(m_db, "SELECT count(*) FROM experiment_outcomes"), qint64(total) * 4);
    QCOMPARE(count(m_db, "SELECT count(*) FROM experiment_outcomes o JOIN assignments a ON "
                         "a.unit_id = o.unit_id JOIN experiments x ON x.id = a.experiment_id "
                         "WHERE o.metric = 'open' AND o.value != (EXISTS (SELECT 1 FROM events e "
                         "WHERE e.subscriber_id = a.subscriber_id AND e.type = 2 AND "
                         "e.campaign_id = x.campaign_id))"),
             qint64(0));
}

void TestSampleGenerator::metricsComputed()
{
    QCOMPARE(count(m_db, "SELECT count(*) FROM subscriber_metrics"), qint64(4000));
    QCOMPARE(count(m_db, "SELECT count(*) FROM subscriber_metrics WHERE computed_at != "
                         "(SELECT value FROM meta WHERE key = 'reference_time')"),
             qint64(0));
    // Metrics agree with the events they summarise.
    QCOMPARE(count(m_db, "SELECT count(*) FROM subscriber_metrics m WHERE order_count != "
                         "(SELECT count(*) FROM events e WHERE e.subscriber_id = "
                         "m.subscriber_id AND e.type = 7)"),
             qint64(0));
    // Every tier and several lifecycle stages and RFM segments occur.
    QVERIFY(count(m_db, "SELECT count(DISTINCT engagement_tier) FROM subscriber_metrics") >= 4);
    QVERIFY(count(m_db, "SELECT count(DISTINCT lifecycle_stage) FROM subscriber_metrics") >= 5);
    QVERIFY(count(m_db, "SELECT count(DISTINCT rfm_segment) FROM subscriber_metrics") >= 6);
}

void TestSampleGenerator::cancelLeavesDatabaseUnchanged_data()
{
    QTest::addColumn<double>("cancelAt");
    QTest::addColumn<QString>("stage"); // or: cancel at the 2nd report of this stage
    QTest::newRow("early in the bulk load") << 0.1 << QString();
    QTest::newRow("half-way through the bulk load") << 0.5 << QString();
    QTest::newRow("while building the indexes") << 2.0 << QStringLiteral("indexing events");
    QTest::newRow("while computing metrics") << 0.85 << QString();
    QTest::newRow("at the very end") << 1.0 << QString();
}

void TestSampleGenerator::cancelLeavesDatabaseUnchanged()
{
    QFETCH(double, cancelAt);
    QFETCH(QString, stage);
    test::TempDir dir;
    Database db = test::openFresh(dir.path(QStringLiteral("c.db")));
    auto schema = [&db] {
        QString out;
        auto st = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name");
        while (st->step())
            out += st->text(0) + st->text(1) + st->text(2) + QLatin1Char('\n');
        return out;
    };
    const QString schemaBefore = schema();
    const auto before = contentHashes(db);
    SampleGenerator::Options o;
    o.subscribers = 8200; // enough for progress calls while loading
    int stageReports = 0;
    o.progress = [&](double fraction, const QString &reported) {
        if (stage.isEmpty())
            return fraction < cancelAt;
        if (reported == stage)
            ++stageReports; // the 1st before the build, then from inside it
        return stageReports < 2;
    };
    const Status s = SampleDatabase::populate(db, o);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, Error::Code::Cancelled);
    if (!stage.isEmpty())
        QCOMPARE(stageReports, 2);
    QCOMPARE(schema(), schemaBefore); // the dropped event indexes are back
    const auto after = contentHashes(db);
    for (const QString &t : kTables)
        QVERIFY2(after.value(t) == before.value(t), qPrintable(t));
    QCOMPARE(db.scalar("PRAGMA foreign_keys")->toInt(), 1);
    QCOMPARE(db.scalar("PRAGMA journal_mode")->toString(), QStringLiteral("wal"));
    // The database is still usable for a complete run.
    o.progress = {};
    o.subscribers = 50;
    QVERIFY(SampleDatabase::populate(db, o).ok());
    QCOMPARE(count(db, "SELECT count(*) FROM subscribers"), qint64(50));
}

// Sequential subscriber ids under several salts fill ten equal buckets evenly: Pearson's
// chi-square against 1/10 each stays below 27.877, the 0.999 quantile of chi-square with
// 9 degrees of freedom (scipy.stats.chi2.ppf(0.999, 9)). Plain FNV-1a failed this.
void TestSampleGenerator::assignmentBucketsAreUniformForSequentialIds()
{
    for (const QString &salt : {QStringLiteral("sample-42-subject-test"),
                                QStringLiteral("sample-7-subject-test"), QStringLiteral("x")}) {
        std::array<int, 10> deciles{};
        constexpr int kUnits = 20000;
        for (int id = 1; id <= kUnits; ++id) {
            const double b = SampleGenerator::assignmentBucket(salt, QString::number(id));
            QVERIFY(b >= 0 && b < 1);
            ++deciles[static_cast<size_t>(b * 10)];
        }
        double chi2 = 0;
        for (int n : deciles)
            chi2 += (n - kUnits / 10.0) * (n - kUnits / 10.0) / (kUnits / 10.0);
        QVERIFY2(chi2 < 27.877, qPrintable(salt + QStringLiteral(": ") + QString::number(chi2)));
    }
}

void TestSampleGenerator::refusesDatabaseWithData()
{
    test::TempDir dir;
    Database db = test::openFresh(dir.path(QStringLiteral("r.db")));
    QVERIFY(db.exec("INSERT INTO subscribers(email, created_at) VALUES('a@b.c', 1)").ok());
    SampleGenerator::Options o;
    o.subscribers = 10;
    const Status s = SampleDatabase::populate(db, o);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, Error::Code::Refused);
    QCOMPARE(count(db, "SELECT count(*) FROM subscribers"), qint64(1));
}

QTEST_GUILESS_MAIN(TestSampleGenerator)
#include "tst_samplegenerator.moc"
