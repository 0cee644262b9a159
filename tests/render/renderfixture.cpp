#include "renderfixture.h"

#include "content/samplecampaign.h"
#include "testutils.h"

#include <QtTest>

namespace mw::test {

namespace {
void check(const Status &s)
{
    if (!s)
        QFAIL(qPrintable(s.error().toString()));
}
} // namespace

void RenderFixture::addSubscriber(Database &db, int64_t id, const QString &email,
                                  const QString &first, const QString &status)
{
    auto st = db.prepare("INSERT INTO subscribers(id, email, first_name, last_name, country, "
                         "created_at, status) VALUES(?1, ?2, ?3, 'Tester', 'GB', ?4, ?5)");
    st->bind(1, id).bind(2, email).bind(3, first).bind(4, kNow - 86400 * 100).bind(5, status);
    check(st->run());
}

void RenderFixture::addMetrics(Database &db, int64_t id, const QString &stage, double propensity,
                               const QString &favoriteCategory, int orders)
{
    auto st = db.prepare("INSERT INTO subscriber_metrics(subscriber_id, lifecycle_stage, "
                         "purchase_propensity, favorite_category, order_count, computed_at) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    st->bind(1, id).bind(2, stage).bind(3, propensity).bind(4, favoriteCategory).bind(5, orders);
    st->bind(6, kNow);
    check(st->run());
}

void RenderFixture::saveSegment(Database &db, const QString &name, const QString &definition)
{
    auto st = db.prepare("INSERT INTO segments(name, definition, created_at, updated_at) "
                         "VALUES(?1, ?2, ?3, ?3)");
    st->bind(1, name).bind(2, definition).bind(3, kNow);
    check(st->run());
}

Database RenderFixture::create(const QString &path)
{
    Database db = openFresh(path);
    check(db.setMeta(QStringLiteral("reference_time"), QString::number(kNow)));
    addSubscriber(db, 1, QStringLiteral("anna@example.com"), QStringLiteral("Anna"));
    addSubscriber(db, 2, QStringLiteral("ben@example.com"), QStringLiteral("Ben"));
    addSubscriber(db, 3, QStringLiteral("carla@example.com"), QString());
    addSubscriber(db, 4, QStringLiteral("dan@example.com"), QStringLiteral("Dan"));
    addSubscriber(db, 5, QStringLiteral("eve@example.com"), QStringLiteral("Eve"));
    addSubscriber(db, 6, QStringLiteral("script@example.com"),
                  QStringLiteral("<script>alert(1)</script>"));
    addSubscriber(db, 7, QStringLiteral("img@example.com"),
                  QStringLiteral("\"><img src=x onerror=alert(1)>"));
    addSubscriber(db, 8, QStringLiteral("frank@example.com"), QStringLiteral("Frank"));
    addSubscriber(db, 9, QStringLiteral("gone@example.com"), QStringLiteral("Gone"),
                  QStringLiteral("unsubscribed"));
    addMetrics(db, 1, QStringLiteral("vip"), 0.9, QStringLiteral("Outdoor"), 5);
    addMetrics(db, 2, QStringLiteral("customer"), 0.8, QStringLiteral("Footwear"), 1);
    addMetrics(db, 3, QStringLiteral("subscriber"), 0.1, QString(), 0);
    addMetrics(db, 4, QStringLiteral("at_risk"), 0.2, QStringLiteral("Outdoor"), 2);
    addMetrics(db, 6, QStringLiteral("customer"), 0.5, QStringLiteral("Camping"), 1);
    addMetrics(db, 7, QStringLiteral("customer"), 0.5, QStringLiteral("Footwear"), 1);
    addMetrics(db, 8, QStringLiteral("customer"), 0.95, QString(), 3);
    check(db.exec("INSERT INTO products(id, sku, name, category, price, image_url, url) VALUES "
                  "(1, 'OUT-1', 'Rain shell', 'Outdoor', 149.0, 'https://shop.example/img/1.jpg', "
                  "'https://shop.example/p/1'),"
                  "(2, 'OUT-2', 'Fleece & Co. midlayer', 'Outdoor', 79.5, "
                  "'https://shop.example/img/2.jpg', 'https://shop.example/p/2'),"
                  "(3, 'OUT-3', 'Trail gaiters', 'Outdoor', 25.0, "
                  "'https://shop.example/img/3.jpg', 'https://shop.example/p/3'),"
                  "(4, 'FOO-1', 'Trail runner', 'Footwear', 120.0, "
                  "'https://shop.example/img/4.jpg', 'https://shop.example/p/4'),"
                  "(5, 'FOO-2', 'Hiking boot', 'Footwear', 189.99, "
                  "'https://shop.example/img/5.jpg', 'javascript:alert(1)'),"
                  "(6, 'CAM-1', 'Two-person tent', 'Camping', 299.0, "
                  "'https://shop.example/img/6.jpg', 'https://shop.example/p/6')"));
    // Purchases: 1 x3, 4 x3, 2 x2, 5 x2, 6 x1, 3 never sold.
    check(db.exec(
        "INSERT INTO events(subscriber_id, type, occurred_at, product_id, amount) VALUES "
        "(1, 7, 1749000000, 1, 149), (2, 7, 1749000100, 1, 149), (4, 7, 1749000200, 1, 149),"
        "(1, 7, 1749000300, 4, 120), (2, 7, 1749000400, 4, 120), (8, 7, 1749000500, 4, 120),"
        "(1, 7, 1749000600, 2, 79.5), (4, 7, 1749000700, 2, 79.5),"
        "(2, 7, 1749000800, 5, 189.99), (7, 7, 1749000900, 5, 189.99),"
        "(6, 7, 1749001000, 6, 299)"));
    saveSegment(
        db, QStringLiteral("vip"),
        QStringLiteral(
            R"({"match":"all","conditions":[{"field":"metrics.lifecycle_stage","op":"=","value":"vip"}]})"));
    saveSegment(db, QStringLiteral("everyone"),
                QStringLiteral(R"({"match":"all","conditions":[]})"));
    check(SampleCampaign::install(db));
    return db;
}

} // namespace mw::test
