-- A synthetic audience of @N@ subscribers with derived metrics and events, made with plain
-- SQL (fast, deterministic) for the GUI benchmark and screenshots. Run on a database that
-- `mailwright-cli init` has created; replace @N@ (subscribers) and @E@ (events per
-- subscriber vary from 0 to @E@ - 1).
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
INSERT OR IGNORE INTO campaigns(id, name, status, created_at, updated_at)
VALUES (1, 'Spring Sale', 'sent', 1700000000, 1700000000),
       (2, 'Welcome Series', 'sent', 1700000000, 1700000000),
       (3, 'Black Friday', 'sent', 1700000000, 1700000000);
INSERT OR IGNORE INTO products(id, sku, name, category, price)
VALUES (1, 'SKU-1', 'Trail Running Shoes', 'Shoes', 89.0),
       (2, 'SKU-2', 'Merino Hoodie', 'Apparel', 64.5),
       (3, 'SKU-3', 'Insulated Bottle', 'Accessories', 24.9);
INSERT INTO subscribers(id, external_id, email, first_name, last_name, city, country, language,
                        timezone, created_at, status, attributes)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @N@),
v AS (
  SELECT i,
    json_extract('["Anna","Ben","Clara","David","Emma","Felix","Grace","Hugo","Ines","Jonas","Kira","Liam","Mia","Noah","Olga","Paul","Rosa","Sam","Tara","Yuki"]', '$[' || ((i * 7) % 20) || ']') AS fn,
    json_extract('["Schmidt","Miller","Garcia","Rossi","Dubois","Novak","Tanaka","Silva","Jensen","Kowalski","Smith","Weber","Moreau","Costa","Larsen","Nowak","Brown","Fischer","Ito","Lopez","Meyer","Becker","Wagner"]', '$[' || ((i * 13) % 23) || ']') AS ln,
    json_extract('["DE","US","FR","IT","ES","PL","GB","JP","BR","NL","SE","AT"]', '$[' || ((i * 11) % 12) || ']') AS cc
  FROM n)
SELECT i, 'ext-' || i,
       lower(fn) || '.' || lower(ln) || '.' || i || '@example.com',
       CASE WHEN i % 17 = 0 THEN NULL ELSE fn END, ln,
       'City ' || (i % 97), cc, lower(cc), 'Europe/Berlin',
       1650000000 + (i * 37) % 20000000,
       CASE WHEN i % 53 = 0 THEN 'unsubscribed' WHEN i % 89 = 0 THEN 'bounced' ELSE 'subscribed' END,
       json_object('plan', CASE i % 3 WHEN 0 THEN 'free' WHEN 1 THEN 'plus' ELSE 'pro' END,
                   'signup_source', CASE i % 4 WHEN 0 THEN 'web' WHEN 1 THEN 'shop' WHEN 2 THEN 'event' ELSE 'referral' END)
FROM v;
INSERT INTO subscriber_metrics(subscriber_id, engagement_score, engagement_score_30, engagement_tier,
       lifecycle_stage, order_count, revenue, lifetime_value, last_open_at, computed_at, rfm_segment)
SELECT id, score, score / 3,
       CASE WHEN score >= 150 THEN 'Highly engaged' WHEN score >= 75 THEN 'Moderately engaged'
            WHEN score >= 25 THEN 'Low engagement' WHEN score >= 0 THEN 'At risk' ELSE 'Inactive' END,
       CASE WHEN orders = 0 THEN 'subscriber' WHEN orders = 1 THEN 'customer' WHEN orders < 5 THEN 'repeat' ELSE 'vip' END,
       orders, orders * 42.5, orders * 42.5,
       CASE WHEN score > 0 THEN 1715000000 - (id * 7919) % 5000000 END, 1715000000,
       CASE WHEN orders >= 5 THEN 'Champions' WHEN orders >= 2 THEN 'Loyal Customers' WHEN orders = 1 THEN 'New Customers' END
FROM (SELECT id, ((id * 7919) % 260) - 30 AS score, (id * 31) % 7 AS orders FROM subscribers);
-- Up to @E@ - 1 events per subscriber (id % @E@), a mix of sends, opens, clicks, visits,
-- product views, cart adds and purchases, every three days going back.
INSERT INTO events(subscriber_id, type, occurred_at, campaign_id, product_id, amount)
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < @E@ - 2),
e AS (SELECT s.id AS sid, k.j AS j,
             CASE k.j % 10 WHEN 0 THEN 1 WHEN 1 THEN 2 WHEN 2 THEN 1 WHEN 3 THEN 2 WHEN 4 THEN 3
                           WHEN 5 THEN 4 WHEN 6 THEN 5 WHEN 7 THEN 6 WHEN 8 THEN 2 ELSE 7 END AS type
      FROM subscribers s JOIN k ON k.j < s.id % @E@)
SELECT sid, type, 1715000000 - j * 259200 - (sid * 7919) % 86400,
       CASE WHEN type IN (1, 2, 3) THEN 1 + (j / 3) % 3 END,
       CASE WHEN type IN (5, 6, 7) THEN 1 + (sid + j) % 3 END,
       CASE WHEN type = 7 THEN 10 + (sid * 31 + j) % 90 END
FROM e;
INSERT OR REPLACE INTO meta(key, value) VALUES ('reference_time', '1715000000');
COMMIT;
