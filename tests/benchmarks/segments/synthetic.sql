-- Fallback data for the segments benchmark while `init --sample` is not available:
-- 1,000,000 subscribers and 20,000,000 events over 180 days, deterministic (no random()).
-- Run on a database freshly created by `mailwright-cli init`.
PRAGMA synchronous = OFF;
PRAGMA cache_size = -400000;
INSERT INTO meta(key, value) VALUES ('reference_time', '1767225600')
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;           -- 2026-01-01
DROP INDEX IF EXISTS events_by_subscriber;
DROP INDEX IF EXISTS events_by_type_time;
BEGIN;
INSERT INTO products(id, sku, name, category, price)
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 500)
SELECT i, 'SKU-' || i, 'Product ' || i,
       CASE i % 5 WHEN 0 THEN 'shoes' WHEN 1 THEN 'bags' WHEN 2 THEN 'outdoor'
                  WHEN 3 THEN 'kids' ELSE 'home' END,
       5 + (i * 37) % 200 FROM c;
INSERT INTO campaigns(id, name, status, created_at, updated_at)
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 60)
SELECT i, 'newsletter-' || i, 'sent', 1767225600 - i * 3 * 86400, 1767225600 FROM c;
INSERT INTO subscribers(id, external_id, email, first_name, last_name, city, country, language,
                        timezone, created_at, status, attributes)
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000000)
SELECT i, 'ext-' || i, 'user' || i || '@example.com', 'First' || (i % 997), 'Last' || (i % 4999),
       'City' || (i % 300),
       CASE (i * 7) % 10 WHEN 0 THEN 'US' WHEN 1 THEN 'US' WHEN 2 THEN 'US' WHEN 3 THEN 'DE'
            WHEN 4 THEN 'GB' WHEN 5 THEN 'FR' WHEN 6 THEN 'CA' WHEN 7 THEN 'DE' WHEN 8 THEN 'NL'
            ELSE 'ES' END,
       CASE (i * 3) % 4 WHEN 0 THEN 'en' WHEN 1 THEN 'de' WHEN 2 THEN 'fr' ELSE 'es' END,
       'Europe/Berlin', 1767225600 - (i * 7919) % (730 * 86400),
       CASE WHEN i % 50 = 0 THEN 'unsubscribed' WHEN i % 97 = 0 THEN 'bounced' ELSE 'subscribed' END,
       json_object('plan', CASE (i * 13) % 10 WHEN 0 THEN 'enterprise' WHEN 1 THEN 'pro'
                                WHEN 2 THEN 'pro' ELSE 'free' END,
                   'vip', json(CASE WHEN i % 23 = 0 THEN 'true' ELSE 'false' END),
                   'age', 18 + (i * 11) % 60)
FROM c;
INSERT INTO subscriber_metrics(subscriber_id, engagement_score, engagement_score_30,
    engagement_tier, lifecycle_stage, order_count, revenue, lifetime_value, rfm_segment,
    churn_risk, computed_at)
SELECT id, (id * 7907) % 1000 / 10.0, (id * 7901) % 1000 / 10.0,
       CASE WHEN (id * 7907) % 1000 >= 700 THEN 'Champion' WHEN (id * 7907) % 1000 >= 400
            THEN 'Engaged' ELSE 'At risk' END,
       CASE id % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'active' WHEN 2 THEN 'lapsed' ELSE 'churned' END,
       id % 7, (id % 7) * 42.5, (id % 7) * 55.0,
       CASE id % 5 WHEN 0 THEN 'Champions' WHEN 1 THEN 'Loyal' WHEN 2 THEN 'At Risk'
                   WHEN 3 THEN 'Hibernating' ELSE NULL END,
       ((id * 31) % 100) / 100.0, 1767225600
FROM subscribers;
-- Event types: 40 % sent, 25 % open, 8 % click, 12 % visit, 8 % product_view,
-- 4 % cart_add, 2 % purchase, 1 % unsubscribe.
INSERT INTO events(subscriber_id, type, occurred_at, campaign_id, product_id, amount)
SELECT s, t, 1767225600 - (i * 104729) % (180 * 86400),
       CASE WHEN t IN (1, 2, 3) THEN 1 + i % 60 END,
       CASE WHEN t IN (5, 6, 7) THEN 1 + (i * 17) % 500 END,
       CASE WHEN t = 7 THEN 10 + (i * 29) % 300 END
FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20000000)
      SELECT i, 1 + (i * 7919) % 1000000 AS s,
             CASE WHEN (i * 31) % 100 < 40 THEN 1 WHEN (i * 31) % 100 < 65 THEN 2
                  WHEN (i * 31) % 100 < 73 THEN 3 WHEN (i * 31) % 100 < 85 THEN 4
                  WHEN (i * 31) % 100 < 93 THEN 5 WHEN (i * 31) % 100 < 97 THEN 6
                  WHEN (i * 31) % 100 < 99 THEN 7 ELSE 8 END AS t
      FROM c);
COMMIT;
CREATE INDEX events_by_subscriber ON events(subscriber_id, type, occurred_at);
CREATE INDEX events_by_type_time ON events(type, occurred_at);
ANALYZE;
