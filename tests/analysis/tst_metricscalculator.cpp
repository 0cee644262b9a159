// Metric formulas on hand-made subscribers. Every expected value below is worked out by
// hand from the definitions in docs/data.md (not produced by the code under test).
#include "analysis/metricscalculator.h"
#include "storage/database.h"
#include "testutils.h"

#include <QCryptographicHash>
#include <QtTest>

#include <cmath>

using namespace mw;

namespace {

constexpr int64_t kNow = 1790812800; // 2026-10-01T00:00:00Z
constexpr int64_t kDay = 86400;

int typeId(const QString &name)
{
    static const QStringList names = {
        QStringLiteral("sent"),         QStringLiteral("open"),         QStringLiteral("click"),
        QStringLiteral("visit"),        QStringLiteral("product_view"), QStringLiteral("cart_add"),
        QStringLiteral("purchase"),     QStringLiteral("unsubscribe"),  QStringLiteral("bounce"),
        QStringLiteral("forward"),      QStringLiteral("reply"),        QStringLiteral("download"),
        QStringLiteral("demo_request"), QStringLiteral("review"),       QStringLiteral("referral")};
    const int i = static_cast<int>(names.indexOf(name));
    return i < 0 ? -1 : i + 1;
}

/// A database with three products (1 Books $10, 2 Apparel $50, 3 Shoes $80) and helpers
/// to add subscribers and events.
class Fixture {
public:
    Fixture() : db(test::openFresh(dir.path(QStringLiteral("m.db"))))
    {
        db.setMeta(QStringLiteral("reference_time"), QString::number(kNow));
        db.exec("INSERT INTO products(id, sku, name, category, price) VALUES "
                "(1, 'B-1', 'Book', 'Books', 10), (2, 'A-1', 'Shirt', 'Apparel', 50), "
                "(3, 'S-1', 'Boots', 'Shoes', 80)");
    }

    int64_t subscriber(const QString &tz = QStringLiteral("Europe/Berlin"),
                       const QString &status = QStringLiteral("subscribed"),
                       int64_t createdAt = kNow - 400 * kDay)
    {
        ++m_next;
        auto st = db.prepare("INSERT INTO subscribers(id, email, timezone, status, created_at) "
                             "VALUES(?1, ?2, ?3, ?4, ?5)");
        st->bind(1, m_next)
            .bind(2, QStringLiteral("s%1@example.com").arg(m_next))
            .bind(3, tz)
            .bind(4, status)
            .bind(5, createdAt);
        if (!st->run())
            qFatal("cannot insert subscriber");
        return m_next;
    }

    void event(int64_t sub, const QString &type, int64_t at, int64_t product = 0,
               double amount = -1)
    {
        auto st = db.prepare("INSERT INTO events(subscriber_id, type, occurred_at, product_id, "
                             "amount) VALUES(?1, ?2, ?3, ?4, ?5)");
        st->bind(1, sub).bind(2, typeId(type)).bind(3, at);
        if (product)
            st->bind(4, product);
        else
            st->bindNull(4);
        if (amount >= 0)
            st->bind(5, amount);
        else
            st->bindNull(5);
        if (!st->run())
            qFatal("cannot insert event");
    }

    /// Events from a compact spec: "type@days[+-seconds][:amount[:product]]; ..." where the
    /// time is kNow - days * 86400 (+- seconds). Negative days lie in the future.
    void events(int64_t sub, const QString &spec)
    {
        for (const QString &item : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QStringList parts = item.trimmed().split(QLatin1Char(':'));
            const QStringList typeAt = parts.at(0).split(QLatin1Char('@'));
            QString when = typeAt.at(1);
            int64_t seconds = 0;
            const auto sign =
                std::max(when.lastIndexOf(QLatin1Char('+')), when.lastIndexOf(QLatin1Char('-')));
            if (sign > 0) {
                seconds = when.mid(sign).toLongLong();
                when = when.left(sign);
            }
            const int64_t at = kNow - static_cast<int64_t>(when.toDouble() * kDay) + seconds;
            const double amount = parts.size() > 1 ? parts.at(1).toDouble() : -1;
            const int64_t product = parts.size() > 2 ? parts.at(2).toLongLong() : 0;
            event(sub, typeAt.at(0), at, product, amount);
        }
    }

    QVariant metric(int64_t sub, const char *column)
    {
        auto v = db.scalar(std::string("SELECT ") + column +
                               " FROM subscriber_metrics WHERE subscriber_id = ?1",
                           {QVariant::fromValue<qint64>(sub)});
        return v ? *v : QVariant();
    }

    QByteArray metricsHash()
    {
        auto st = db.prepare("SELECT * FROM subscriber_metrics ORDER BY subscriber_id");
        QCryptographicHash h(QCryptographicHash::Sha256);
        while (st->step())
            for (int c = 0; c < st->columnCount(); ++c)
                h.addData(st->value(c).toString().toUtf8() + '|');
        return h.result().toHex();
    }

    test::TempDir dir;
    Database db;

private:
    int64_t m_next = 0;
};

} // namespace

class TestMetricsCalculator : public QObject {
    Q_OBJECT
private slots:
    void engagementScore_data();
    void engagementScore();
    void tierBoundaries_data();
    void tierBoundaries();
    void tierStoredFromScore();
    void rfmScores();
    void rfmTies();
    void rfmSegmentGrid_data();
    void rfmSegmentGrid();
    void lifecycle_data();
    void lifecycle();
    void orderFigures();
    void favouriteCategory();
    void churnPropensityAndSendHour();
    void nowOption();
    void cancelLeavesTableUnchanged_data();
    void cancelLeavesTableUnchanged();
};

void TestMetricsCalculator::engagementScore_data()
{
    QTest::addColumn<QString>("events");
    QTest::addColumn<double>("score90");
    QTest::addColumn<double>("score30");

    QTest::newRow("nothing") << QString() << 0.0 << 0.0;
    QTest::newRow("open 10 days ago: +5") << u"open@10"_qs << 5.0 << 5.0;
    QTest::newRow("click: +15") << u"click@1"_qs << 15.0 << 15.0;
    QTest::newRow("forward: +25") << u"forward@1"_qs << 25.0 << 25.0;
    QTest::newRow("reply: +30") << u"reply@1"_qs << 30.0 << 30.0;
    QTest::newRow("unsubscribe: -50") << u"unsubscribe@1"_qs << -50.0 << -50.0;
    QTest::newRow("visit: +2") << u"visit@1"_qs << 2.0 << 2.0;
    QTest::newRow("product view: +2") << u"product_view@1:-1:1"_qs << 2.0 << 2.0;
    QTest::newRow("download: +20") << u"download@1"_qs << 20.0 << 20.0;
    QTest::newRow("demo request: +50") << u"demo_request@1"_qs << 50.0 << 50.0;
    QTest::newRow("review: +20") << u"review@1"_qs << 20.0 << 20.0;
    QTest::newRow("referral: +30") << u"referral@1"_qs << 30.0 << 30.0;
    QTest::newRow("sent, bounce and cart add score nothing")
        << u"sent@1; bounce@1; cart_add@1:-1:2"_qs << 0.0 << 0.0;
    QTest::newRow("open 40 days ago counts for 90 days only") << u"open@40"_qs << 5.0 << 0.0;
    QTest::newRow("window edge: exactly 90 days ago is outside") << u"open@90"_qs << 0.0 << 0.0;
    QTest::newRow("window edge: 90 days minus a second is inside") << u"open@90+1"_qs << 5.0 << 0.0;
    QTest::newRow("window edge: exactly 30 days ago is outside the 30-day window")
        << u"open@30"_qs << 5.0 << 0.0;
    QTest::newRow("window edge: an event at now counts") << u"open@0"_qs << 5.0 << 5.0;
    QTest::newRow("events after now are ignored") << u"open@-1"_qs << 0.0 << 0.0;
    // Return visits: distinct days with a visit, minus the first.
    QTest::newRow("two visits on the same day: no return visit")
        << u"visit@3; visit@3+600"_qs << 4.0 << 4.0;
    QTest::newRow("visits on three days: 3 x 2 + 2 return visits x 10")
        << u"visit@1; visit@2; visit@3"_qs << 26.0 << 26.0;
    QTest::newRow("visits 5 and 50 days ago: a return visit in the 90-day window only")
        << u"visit@5; visit@50"_qs << 14.0 << 2.0;
    // Purchases: +25 each, +1 per whole $10 in the window, +15 per new category.
    QTest::newRow("purchase $59.99 in a new category: 25 + 5 + 15")
        << u"purchase@5:59.99:2"_qs << 45.0 << 45.0;
    QTest::newRow("second purchase in the same category is not new: 2x25 + 6 + 15 / 25 + 2")
        << u"purchase@60:40:2; purchase@10:25:2"_qs << 71.0 << 27.0;
    QTest::newRow("a category first bought before the window is not new")
        << u"purchase@120:100:3; purchase@10:30:3"_qs << 28.0 << 28.0;
    QTest::newRow("two categories in the window: 2x25 + 9 + 2x15")
        << u"purchase@10:50:2; purchase@20:45:1"_qs << 89.0 << 89.0;
    QTest::newRow("purchase without a product: 25 + 1, no category")
        << u"purchase@2:19"_qs << 26.0 << 26.0;
    QTest::newRow("mixed: 3 opens, 1 click, 1 unsubscribe attempt")
        << u"open@1; open@2; open@3; click@3; unsubscribe@4"_qs << -20.0 << -20.0;
}

void TestMetricsCalculator::engagementScore()
{
    QFETCH(QString, events);
    QFETCH(double, score90);
    QFETCH(double, score30);
    Fixture f;
    const int64_t s = f.subscriber();
    f.events(s, events);
    QVERIFY(MetricsCalculator::refresh(f.db).ok());
    QCOMPARE(f.metric(s, "engagement_score").toDouble(), score90);
    QCOMPARE(f.metric(s, "engagement_score_30").toDouble(), score30);
    QCOMPARE(f.metric(s, "engagement_tier").toString(), MetricsCalculator::tierFor(score90));
}

void TestMetricsCalculator::tierBoundaries_data()
{
    QTest::addColumn<double>("score");
    QTest::addColumn<QString>("tier");
    QTest::newRow("500") << 500.0 << u"Highly engaged"_qs;
    QTest::newRow("150") << 150.0 << u"Highly engaged"_qs;
    QTest::newRow("149") << 149.0 << u"Moderately engaged"_qs;
    QTest::newRow("75") << 75.0 << u"Moderately engaged"_qs;
    QTest::newRow("74") << 74.0 << u"Low"_qs;
    QTest::newRow("25") << 25.0 << u"Low"_qs;
    QTest::newRow("24") << 24.0 << u"At risk"_qs;
    QTest::newRow("0") << 0.0 << u"At risk"_qs;
    QTest::newRow("-1") << -1.0 << u"Inactive"_qs;
    QTest::newRow("-50") << -50.0 << u"Inactive"_qs;
}

void TestMetricsCalculator::tierBoundaries()
{
    QFETCH(double, score);
    QFETCH(QString, tier);
    QCOMPARE(MetricsCalculator::tierFor(score), tier);
}

void TestMetricsCalculator::tierStoredFromScore()
{
    // 30 opens = 150 points (Highly engaged); 29 opens + 2 visits on one day = 149.
    Fixture f;
    const int64_t a = f.subscriber(), b = f.subscriber();
    for (int i = 0; i < 30; ++i)
        f.event(a, u"open"_qs, kNow - (i + 1) * 3600);
    for (int i = 0; i < 29; ++i)
        f.event(b, u"open"_qs, kNow - (i + 1) * 3600);
    f.events(b, u"visit@2; visit@2+60"_qs);
    QVERIFY(MetricsCalculator::refresh(f.db).ok());
    QCOMPARE(f.metric(a, "engagement_score").toDouble(), 150.0);
    QCOMPARE(f.metric(a, "engagement_tier").toString(), u"Highly engaged"_qs);
    QCOMPARE(f.metric(b, "engagement_score").toDouble(), 149.0);
    QCOMPARE(f.metric(b, "engagement_tier").toString(), u"Moderately engaged"_qs);
}

void TestMetricsCalculator::rfmScores()
{
    // Five buyers with distinct recency, frequency and monetary values; score =
    // 1 + floor(5 * strictly-worse / 5) = 1 + number of buyers strictly worse.
    Fixture f;
    const int64_t a = f.subscriber(), b = f.subscriber(), c = f.subscriber(), d = f.subscriber(),
                  e = f.subscriber(), none = f.subscriber();
    f.events(a, u"purchase@1:10:1; purchase@2:10:1; purchase@3:10:1; purchase@4:10:1; "
                "purchase@5:10:1"_qs); // R 1d, F 5, M 50
    f.events(b, u"purchase@10:100:2; purchase@11:100:2; purchase@12:100:2; purchase@13:100:2"_qs);
    // b: R 10d, F 4, M 400
    f.events(c, u"purchase@20:300:3; purchase@21:300:3; purchase@22:300:3"_qs); // R 20, F 3, M 900
    f.events(d, u"purchase@40:20:1; purchase@41:20:1"_qs);                      // R 40, F 2, M 40
    f.events(e, u"purchase@100:30:2"_qs);                                       // R 100, F 1, M 30
    f.events(none, u"open@1"_qs);
    QVERIFY(MetricsCalculator::refresh(f.db).ok());

    struct Expect {
        int64_t id;
        int recency, r, fs, m;
    };
    // R: fewer days is better.  M order: e(30) < d(40) < a(50) < b(400) < c(900).
    const Expect expected[] = {
        {a, 1, 5, 5, 3}, {b, 10, 4, 4, 4}, {c, 20, 3, 3, 5}, {d, 40, 2, 2, 2}, {e, 100, 1, 1, 1}};
    for (const Expect &x : expected) {
        QCOMPARE(f.metric(x.id, "recency_days").toInt(), x.recency);
        QCOMPARE(f.metric(x.id, "r_score").toInt(), x.r);
        QCOMPARE(f.metric(x.id, "f_score").toInt(), x.fs);
        QCOMPARE(f.metric(x.id, "m_score").toInt(), x.m);
    }
    // a: R5, FM=(5+3+1)/2=4 -> Champions; b: R4, FM 4 -> Champions; c: R3, FM 4 -> Loyal;
    // d: R2, FM 2 -> About to Sleep; e: R1, FM 1 -> Lost.
    QCOMPARE(f.metric(a, "rfm_segment").toString(), u"Champions"_qs);
    QCOMPARE(f.metric(b, "rfm_segment").toString(), u"Champions"_qs);
    QCOMPARE(f.metric(c, "rfm_segment").toString(), u"Loyal Customers"_qs);
    QCOMPARE(f.metric(d, "rfm_segment").toString(), u"About to Sleep"_qs);
    QCOMPARE(f.metric(e, "rfm_segment").toString(), u"Lost"_qs);
    // Non-buyers have no RFM scores and no RFM segment.
    QVERIFY(f.metric(none, "r_score").isNull());
    QVERIFY(f.metric(none, "f_score").isNull());
    QVERIFY(f.metric(none, "m_score").isNull());
    QVERIFY(f.metric(none, "rfm_segment").isNull());
    QVERIFY(f.metric(none, "recency_days").isNull());
}

void TestMetricsCalculator::rfmTies()
{
    // Four buyers, three with one order: tied values share the score of their lowest rank.
    // F: one order -> 1 + floor(5*0/4) = 1; two orders -> 1 + floor(5*3/4) = 4.
    // R (days 5, 5, 30, 60): 5 -> worse 2 -> 1 + floor(10/4) = 3; 30 -> 1 + floor(5/4) = 2;
    // 60 -> 1.  M (10, 10, 10, 20): 10 -> 1; 20 -> 1 + floor(15/4) = 4.
    Fixture f;
    const int64_t a = f.subscriber(), b = f.subscriber(), c = f.subscriber(), d = f.subscriber();
    f.events(a, u"purchase@5:10:1"_qs);
    f.events(b, u"purchase@5:10:1"_qs);
    f.events(c, u"purchase@30:10:1"_qs);
    f.events(d, u"purchase@70:10:1; purchase@60:10:1"_qs);
    QVERIFY(MetricsCalculator::refresh(f.db).ok());
    QCOMPARE(f.metric(a, "f_score").toInt(), 1);
    QCOMPARE(f.metric(d, "f_score").toInt(), 4);
    QCOMPARE(f.metric(a, "r_score").toInt(), 3);
    QCOMPARE(f.metric(b, "r_score").toInt(), 3);
    QCOMPARE(f.metric(c, "r_score").toInt(), 2);
    QCOMPARE(f.metric(d, "r_score").toInt(), 1);
    QCOMPARE(f.metric(a, "m_score").toInt(), 1);
    QCOMPARE(f.metric(d, "m_score").toInt(), 4);
    // d: R1, FM (4+4+1)/2 = 4 -> Cannot Lose Them.  a: R3, FM 1 -> About to Sleep.
    QCOMPARE(f.metric(d, "rfm_segment").toString(), u"Cannot Lose Them"_qs);
    QCOMPARE(f.metric(a, "rfm_segment").toString(), u"About to Sleep"_qs);
}

void TestMetricsCalculator::rfmSegmentGrid_data()
{
    QTest::addColumn<int>("r");
    QTest::addColumn<int>("f");
    QTest::addColumn<int>("m");
    QTest::addColumn<QString>("segment");
    QTest::newRow("555") << 5 << 5 << 5 << u"Champions"_qs;
    QTest::newRow("444") << 4 << 4 << 4 << u"Champions"_qs;
    QTest::newRow("434: FM (3+4+1)/2 = 4") << 4 << 3 << 4 << u"Champions"_qs;
    QTest::newRow("433") << 4 << 3 << 3 << u"Loyal Customers"_qs;
    QTest::newRow("355") << 3 << 5 << 5 << u"Loyal Customers"_qs;
    QTest::newRow("523: FM 3") << 5 << 2 << 3 << u"Loyal Customers"_qs;
    QTest::newRow("521: FM 2") << 5 << 2 << 1 << u"Potential Loyalists"_qs;
    QTest::newRow("422") << 4 << 2 << 2 << u"Potential Loyalists"_qs;
    QTest::newRow("511") << 5 << 1 << 1 << u"New Customers"_qs;
    QTest::newRow("411") << 4 << 1 << 1 << u"Promising"_qs;
    QTest::newRow("322") << 3 << 2 << 2 << u"Need Attention"_qs;
    QTest::newRow("311") << 3 << 1 << 1 << u"About to Sleep"_qs;
    QTest::newRow("222") << 2 << 2 << 2 << u"About to Sleep"_qs;
    QTest::newRow("233") << 2 << 3 << 3 << u"At Risk"_qs;
    QTest::newRow("244") << 2 << 4 << 4 << u"At Risk"_qs;
    QTest::newRow("133") << 1 << 3 << 3 << u"At Risk"_qs;
    QTest::newRow("255") << 2 << 5 << 5 << u"Cannot Lose Them"_qs;
    QTest::newRow("144") << 1 << 4 << 4 << u"Cannot Lose Them"_qs;
    QTest::newRow("211") << 2 << 1 << 1 << u"Hibernating"_qs;
    QTest::newRow("122") << 1 << 2 << 2 << u"Hibernating"_qs;
    QTest::newRow("111") << 1 << 1 << 1 << u"Lost"_qs;
}

void TestMetricsCalculator::rfmSegmentGrid()
{
    QFETCH(int, r);
    QFETCH(int, f);
    QFETCH(int, m);
    QFETCH(QString, segment);
    QCOMPARE(MetricsCalculator::rfmSegment(r, f, m), segment);
}

void TestMetricsCalculator::lifecycle_data()
{
    QTest::addColumn<QString>("events");
    QTest::addColumn<QString>("stage");
    // 19 background buyers with one $1000 order 5 days ago each: the VIP threshold (95th
    // percentile, nearest rank, of 20 buyers = 19th smallest) is $1000 unless the subject
    // spends more.
    QTest::newRow("no purchase: subscriber") << u"open@1"_qs << u"subscriber"_qs;
    QTest::newRow("one purchase: customer") << u"purchase@3:50:2"_qs << u"customer"_qs;
    QTest::newRow("two purchases: repeat")
        << u"purchase@3:50:2; purchase@9:20:1"_qs << u"repeat"_qs;
    QTest::newRow("two purchases worth $1200: vip")
        << u"purchase@3:600:3; purchase@9:600:3"_qs << u"vip"_qs;
    QTest::newRow("one purchase of $5000 is not vip (needs two orders)")
        << u"purchase@3:5000:3"_qs << u"customer"_qs;
    QTest::newRow("advocate beats vip")
        << u"purchase@3:600:3; purchase@9:600:3; referral@2"_qs << u"advocate"_qs;
    QTest::newRow("referral without purchase: advocate") << u"referral@2"_qs << u"advocate"_qs;
    QTest::newRow("at_risk beats advocate: nothing in 60 days after buying")
        << u"purchase@100:50:2; referral@70"_qs << u"at_risk"_qs;
    QTest::newRow("at_risk beats vip")
        << u"purchase@100:600:3; purchase@90:600:3"_qs << u"at_risk"_qs;
    QTest::newRow("an open 59 days ago keeps a customer")
        << u"purchase@100:50:2; open@59"_qs << u"customer"_qs;
    QTest::newRow("window edge: an open exactly 60 days ago is not enough")
        << u"purchase@100:50:2; open@60"_qs << u"at_risk"_qs;
    QTest::newRow("sends are not engagement") << u"purchase@100:50:2; sent@1"_qs << u"at_risk"_qs;
    QTest::newRow("no purchase and no engagement is not at_risk")
        << u"open@100"_qs << u"subscriber"_qs;
}

void TestMetricsCalculator::lifecycle()
{
    QFETCH(QString, events);
    QFETCH(QString, stage);
    Fixture f;
    for (int i = 0; i < 19; ++i)
        f.events(f.subscriber(), u"purchase@5:1000:1"_qs);
    const int64_t s = f.subscriber();
    f.events(s, events);
    QVERIFY(MetricsCalculator::refresh(f.db).ok());
    QCOMPARE(f.metric(s, "lifecycle_stage").toString(), stage);
}

void TestMetricsCalculator::orderFigures()
{
    Fixture f;
    const int64_t s = f.subscriber(), none = f.subscriber();
    // Three orders: $100 400 days ago (outside the 365-day revenue window), $30 and $20.
    f.events(s, u"purchase@400:100:3; purchase@30:30:2; purchase@2:20:1; open@3; open@1; "
                "click@3; open@-1"_qs);
    QVERIFY(MetricsCalculator::refresh(f.db).ok());
    QCOMPARE(f.metric(s, "order_count").toInt(), 3);
    QCOMPARE(f.metric(s, "lifetime_value").toDouble(), 150.0);
    QCOMPARE(f.metric(s, "revenue").toDouble(), 50.0);
    QCOMPARE(f.metric(s, "average_order_value").toDouble(), 50.0);
    QCOMPARE(f.metric(s, "last_purchase_at").toLongLong(), kNow - 2 * kDay);
    QCOMPARE(f.metric(s, "last_open_at").toLongLong(), kNow - 1 * kDay); // not the future one
    QCOMPARE(f.metric(s, "last_click_at").toLongLong(), kNow - 3 * kDay);
    QCOMPARE(f.metric(s, "recency_days").toInt(), 2);
    QCOMPARE(f.metric(s, "computed_at").toLongLong(), kNow);
    QCOMPARE(f.metric(none, "order_count").toInt(), 0);
    QCOMPARE(f.metric(none, "revenue").toDouble(), 0.0);
    QVERIFY(f.metric(none, "average_order_value").isNull());
    QVERIFY(f.metric(none, "last_open_at").isNull());
    QVERIFY(f.metric(none, "last_purchase_at").isNull());
    QCOMPARE(f.db.scalar("SELECT count(*) FROM subscriber_metrics")->toInt(), 2);
}

void TestMetricsCalculator::favouriteCategory()
{
    Fixture f;
    const int64_t most = f.subscriber(), tie = f.subscriber(), tieSpend = f.subscriber(),
                  viewer = f.subscriber(), nothing = f.subscriber();
    // Most purchases wins over most spend.
    f.events(most, u"purchase@1:10:1; purchase@2:10:1; purchase@3:80:3"_qs);
    // Same count and spend: alphabetical (Apparel < Shoes).
    f.events(tie, u"purchase@1:50:3; purchase@2:50:2"_qs);
    // Same count: more spend wins.
    f.events(tieSpend, u"purchase@1:10:2; purchase@2:80:3"_qs);
    // No purchase: most viewed / carted category.
    f.events(viewer, u"product_view@1:-1:3; product_view@2:-1:1; cart_add@2:-1:1"_qs);
    QVERIFY(MetricsCalculator::refresh(f.db).ok());
    QCOMPARE(f.metric(most, "favorite_category").toString(), u"Books"_qs);
    QCOMPARE(f.metric(tie, "favorite_category").toString(), u"Apparel"_qs);
    QCOMPARE(f.metric(tieSpend, "favorite_category").toString(), u"Shoes"_qs);
    QCOMPARE(f.metric(viewer, "favorite_category").toString(), u"Books"_qs);
    QVERIFY(f.metric(nothing, "favorite_category").isNull());
}

void TestMetricsCalculator::churnPropensityAndSendHour()
{
    Fixture f;
    // Berlin is UTC+2 on 2026-10-01 (summer time), New York UTC-4.
    const int64_t berlin = f.subscriber();
    const int64_t tieBerlin = f.subscriber();
    const int64_t ny = f.subscriber(u"America/New_York"_qs);
    const int64_t gone = f.subscriber(u"Europe/Berlin"_qs, u"unsubscribed"_qs);
    const int64_t quiet = f.subscriber(u"Europe/Berlin"_qs, u"subscribed"_qs, kNow - 90 * kDay);
    const int64_t cart = f.subscriber();
    // Opens at 07:10 UTC twice and 18:00 UTC once: best UTC hour 7 -> 09 local.
    f.event(berlin, u"open"_qs, kNow - 45 * kDay + 7 * 3600 + 600);
    f.event(berlin, u"open"_qs, kNow - 50 * kDay + 7 * 3600);
    f.event(berlin, u"open"_qs, kNow - 60 * kDay + 18 * 3600);
    // One open at 05 UTC and one at 20 UTC: the earliest UTC hour wins -> 07 local.
    f.event(tieBerlin, u"open"_qs, kNow - 2 * kDay + 20 * 3600);
    f.event(tieBerlin, u"open"_qs, kNow - 3 * kDay + 5 * 3600);
    // 02:30 UTC -> 22 local the evening before in New York.
    f.event(ny, u"open"_qs, kNow - 10 * kDay + 2 * 3600 + 1800);
    f.events(cart, u"cart_add@3:-1:2"_qs);
    QVERIFY(MetricsCalculator::refresh(f.db).ok());
    QCOMPARE(f.metric(berlin, "best_send_hour").toInt(), 9);
    QCOMPARE(f.metric(tieBerlin, "best_send_hour").toInt(), 7);
    QCOMPARE(f.metric(ny, "best_send_hour").toInt(), 22);
    QVERIFY(f.metric(cart, "best_send_hour").isNull());

    // Churn risk = 1 - exp(-days since last engagement / 45), rounded to 4 places.
    // berlin: last open 45 days minus 7h10m ago = 44.70139 days -> 1 - e^-0.993364 = 0.6297.
    QCOMPARE(f.metric(berlin, "churn_risk").toDouble(), 0.6297);
    // Never engaged: days since sign-up (90) -> 1 - e^-2 = 0.8647.
    QCOMPARE(f.metric(quiet, "churn_risk").toDouble(), 0.8647);
    QCOMPARE(f.metric(gone, "churn_risk").toDouble(), 1.0);

    // Propensity = logistic(-3.5 + 0.02 * score90 + 0.5 * min(orders, 4) + [cart add in 30d]).
    // ny: one open -> z = -3.4 -> 1 / (1 + e^3.4) = 0.032295 -> 0.0323.
    QCOMPARE(f.metric(ny, "purchase_propensity").toDouble(), 0.0323);
    // cart: no score, a cart add -> z = -2.5 -> 0.075858 -> 0.0759.
    QCOMPARE(f.metric(cart, "purchase_propensity").toDouble(), 0.0759);
}

void TestMetricsCalculator::nowOption()
{
    // With now 30 days before the reference time, an open 10 days before the reference
    // time lies in the future and is ignored; one 40 days before is 10 days old.
    Fixture f;
    const int64_t s = f.subscriber();
    f.events(s, u"open@10; open@40; click@100"_qs);
    MetricsCalculator::Options o;
    o.now = kNow - 30 * kDay;
    QVERIFY(MetricsCalculator::refresh(f.db, o).ok());
    QCOMPARE(f.metric(s, "engagement_score").toDouble(), 5.0 + 15.0);
    QCOMPARE(f.metric(s, "engagement_score_30").toDouble(), 5.0);
    QCOMPARE(f.metric(s, "last_open_at").toLongLong(), kNow - 40 * kDay);
    QCOMPARE(f.metric(s, "computed_at").toLongLong(), kNow - 30 * kDay);
}

void TestMetricsCalculator::cancelLeavesTableUnchanged_data()
{
    QTest::addColumn<int>("cancelAtCall");
    QTest::newRow("before the scan") << 1;
    QTest::newRow("while writing") << 2;
    QTest::newRow("while building the indexes") << -2; // the 2nd call after the last row
}

void TestMetricsCalculator::cancelLeavesTableUnchanged()
{
    QFETCH(int, cancelAtCall);
    Fixture f;
    QList<int64_t> subs;
    QVERIFY(f.db.exec("BEGIN").ok());
    for (int i = 0; i < 70000; ++i) // enough rows for progress calls while writing
        subs << f.subscriber();
    QVERIFY(f.db.exec("COMMIT").ok());
    f.events(subs.at(0), u"open@1"_qs);
    QVERIFY(MetricsCalculator::refresh(f.db).ok());
    const QByteArray before = f.metricsHash();
    QCOMPARE(f.metric(subs.at(0), "engagement_score").toDouble(), 5.0);

    f.events(subs.at(0), u"click@1"_qs);
    f.events(subs.at(1), u"purchase@1:10:1"_qs);
    MetricsCalculator::Options o;
    int calls = 0, written = 0;
    bool sawWriting = false;
    o.progress = [&](int64_t done, int64_t total) {
        ++calls;
        if (done > 2 && done < total)
            sawWriting = true; // past the two events: writing rows
        if (done == total)
            ++written; // every row written; then the indexes are built (70,000 >= 10,000)
        return cancelAtCall > 0 ? calls < cancelAtCall : written < -cancelAtCall;
    };
    const Status s = MetricsCalculator::refresh(f.db, o);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, Error::Code::Cancelled);
    if (cancelAtCall == 2)
        QVERIFY(sawWriting);
    if (cancelAtCall < 0)
        QCOMPARE(written, 2);
    QCOMPARE(f.metricsHash(), before);
    QCOMPARE(f.db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                         " AND tbl_name = 'subscriber_metrics' AND sql IS NOT NULL")
                 ->toInt(),
             3);
    QCOMPARE(f.db.scalar("SELECT count(*) FROM subscriber_metrics")->toInt(), 70000);
    // And the connection is usable: a later refresh sees the new events.
    const QString indexesBefore =
        f.db.scalar("SELECT group_concat(sql, ';') FROM sqlite_master WHERE type = 'index'"
                    " AND tbl_name = 'subscriber_metrics'")
            ->toString();
    QVERIFY(MetricsCalculator::refresh(f.db).ok());
    QCOMPARE(f.metric(subs.at(0), "engagement_score").toDouble(), 20.0);
    // The refresh built the indexes again after the rows (70,000 subscribers): the same
    // definitions, complete, and used.
    QCOMPARE(f.db.scalar("SELECT group_concat(sql, ';') FROM sqlite_master WHERE type = 'index'"
                         " AND tbl_name = 'subscriber_metrics'")
                 ->toString(),
             indexesBefore);
    QCOMPARE(f.db.scalar("PRAGMA integrity_check")->toString(), QStringLiteral("ok"));
    QCOMPARE(f.db.scalar("SELECT count(*) FROM subscriber_metrics INDEXED BY metrics_by_tier"
                         " WHERE engagement_tier = 'At risk'")
                 ->toInt(),
             69999); // all but the buyer (25 + 1 + 15 = 41: Low); the first one's 20 is At risk
}

QTEST_GUILESS_MAIN(TestMetricsCalculator)
#include "tst_metricscalculator.moc"
