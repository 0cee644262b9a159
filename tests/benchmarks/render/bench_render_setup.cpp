// Creates a render benchmark database: N subscribers with metrics (stages, categories,
// missing names), 60 products with purchases, segments "everyone" and "vip", and the
// sample campaign. Built with SQL so that a million subscribers take seconds.
//   bench_render_setup FILE N
#include "content/samplecampaign.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <string>

using namespace mw;

namespace {
int failWith(const Error &e)
{
    std::fprintf(stderr, "error: %s\n", qPrintable(e.toString()));
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_render_setup FILE N\n");
        return 1;
    }
    QFile::remove(QString::fromLocal8Bit(argv[1]));
    Database::OpenOptions o;
    o.create = true;
    auto db = Database::open(QString::fromLocal8Bit(argv[1]), o);
    if (!db)
        return failWith(db.error());
    const std::string n = std::to_string(std::atoll(argv[2]));
    const std::string sql = R"SQL(
        BEGIN;
        INSERT INTO meta(key, value) VALUES('reference_time', '1750000000');
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < )SQL" +
                            n + R"SQL()
        INSERT INTO subscribers(id, email, first_name, last_name, country, created_at, status)
        SELECT i, 'user' || i || '@example.com',
               CASE WHEN i % 9 = 0 THEN NULL ELSE 'Name' || (i % 997) END, 'Last' || (i % 113),
               CASE i % 4 WHEN 0 THEN 'DE' WHEN 1 THEN 'GB' WHEN 2 THEN 'US' ELSE 'FR' END,
               1700000000 + i, CASE WHEN i % 50 = 0 THEN 'unsubscribed' ELSE 'subscribed' END FROM n;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < )SQL" +
                            n + R"SQL()
        INSERT INTO subscriber_metrics(subscriber_id, lifecycle_stage, purchase_propensity,
                                       favorite_category, order_count, computed_at)
        SELECT i, CASE i % 20 WHEN 0 THEN 'vip' WHEN 1 THEN 'at_risk' WHEN 2 THEN 'at_risk'
                              WHEN 3 THEN 'advocate' WHEN 4 THEN 'repeat' WHEN 5 THEN 'repeat'
                              WHEN 6 THEN 'customer' WHEN 7 THEN 'customer' WHEN 8 THEN 'customer'
                              ELSE 'subscriber' END,
               ((i * 37) % 100) / 100.0,
               CASE i % 7 WHEN 0 THEN NULL WHEN 1 THEN 'Outdoor' WHEN 2 THEN 'Footwear'
                          WHEN 3 THEN 'Camping' WHEN 4 THEN 'Climbing' WHEN 5 THEN 'Running'
                          ELSE 'Accessories' END,
               CASE WHEN i % 20 < 9 THEN 1 + i % 5 ELSE 0 END, 1750000000
        FROM n WHERE i % 13 != 0;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
        INSERT INTO products(id, sku, name, category, price, image_url, url)
        SELECT i, 'SKU-' || i, 'Product ' || i,
               CASE i % 6 WHEN 0 THEN 'Outdoor' WHEN 1 THEN 'Footwear' WHEN 2 THEN 'Camping'
                          WHEN 3 THEN 'Climbing' WHEN 4 THEN 'Running' ELSE 'Accessories' END,
               9.5 + i * 3.25, 'https://shop.example/img/' || i || '.jpg',
               'https://shop.example/p/' || i FROM n;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
        INSERT INTO events(subscriber_id, type, occurred_at, product_id, amount)
        SELECT 1 + (i * 7919) % )SQL" +
                            n + R"SQL(, 7, 1740000000 + i * 60, 1 + (i * i) % 60, 50 FROM n;
        INSERT INTO segments(name, definition, created_at, updated_at) VALUES
          ('everyone', '{"match":"all","conditions":[]}', 1750000000, 1750000000),
          ('vip', '{"match":"all","conditions":[{"field":"metrics.lifecycle_stage","op":"=","value":"vip"}]}',
           1750000000, 1750000000);
        COMMIT;)SQL";
    if (Status s = db->exec(sql); !s)
        return failWith(s.error());
    if (Status s = SampleCampaign::install(*db); !s)
        return failWith(s.error());
    return 0;
}
