#include "migrations.h"

#include "database.h"

#include <array>
#include <string_view>

namespace mw {

namespace {

// Timestamps are INTEGER Unix seconds (UTC) everywhere: compact, fast to compare over
// 20M events, and free of time-zone ambiguity. Event types are small integers from
// event_types so the (subscriber, type, time) index stays small.
constexpr std::string_view kV1 = R"SQL(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE subscribers (
    id          INTEGER PRIMARY KEY,
    external_id TEXT UNIQUE,
    email       TEXT NOT NULL UNIQUE,          -- stored trimmed and lower-cased
    first_name  TEXT,
    last_name   TEXT,
    city        TEXT,
    country     TEXT,                          -- ISO 3166-1 alpha-2
    language    TEXT,                          -- BCP 47, e.g. "de" or "pt-BR"
    timezone    TEXT,                          -- IANA, e.g. "Europe/Berlin"
    created_at  INTEGER NOT NULL,
    status      TEXT NOT NULL DEFAULT 'subscribed'
                CHECK (status IN ('subscribed', 'unsubscribed', 'bounced')),
    attributes  TEXT NOT NULL DEFAULT '{}'     -- JSON object of custom attributes
);
CREATE INDEX subscribers_by_country ON subscribers(country);
CREATE INDEX subscribers_by_last_name ON subscribers(last_name);

CREATE TABLE products (
    id        INTEGER PRIMARY KEY,
    sku       TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    category  TEXT NOT NULL,
    price     REAL NOT NULL CHECK (price >= 0),
    image_url TEXT,
    url       TEXT
);
CREATE INDEX products_by_category ON products(category);

CREATE TABLE event_types (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
INSERT INTO event_types(id, name) VALUES
    (1, 'sent'), (2, 'open'), (3, 'click'), (4, 'visit'), (5, 'product_view'),
    (6, 'cart_add'), (7, 'purchase'), (8, 'unsubscribe'), (9, 'bounce'),
    (10, 'forward'), (11, 'reply'), (12, 'download'), (13, 'demo_request'),
    (14, 'review'), (15, 'referral');

-- Campaigns: documents (status draft/approved) and historical sends that events refer
-- to (status 'sent', no document).
CREATE TABLE campaigns (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    status           TEXT NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'approved', 'sent', 'archived')),
    document         TEXT,
    version          INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    approved_version INTEGER,
    approved_by      TEXT,
    approved_at      INTEGER
);

CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    type          INTEGER NOT NULL REFERENCES event_types(id),
    occurred_at   INTEGER NOT NULL,
    campaign_id   INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
    product_id    INTEGER REFERENCES products(id) ON DELETE SET NULL,
    amount        REAL,
    properties    TEXT
);
CREATE INDEX events_by_subscriber ON events(subscriber_id, type, occurred_at);
CREATE INDEX events_by_type_time ON events(type, occurred_at);
)SQL";

constexpr std::string_view kV2 = R"SQL(
-- Derived, refreshable metrics (core/analysis/MetricsCalculator).
CREATE TABLE subscriber_metrics (
    subscriber_id        INTEGER PRIMARY KEY REFERENCES subscribers(id) ON DELETE CASCADE,
    engagement_score     REAL NOT NULL DEFAULT 0,   -- last 90 days
    engagement_score_30  REAL NOT NULL DEFAULT 0,   -- last 30 days
    engagement_tier      TEXT NOT NULL DEFAULT 'At risk',
    recency_days         INTEGER,                   -- days since last purchase
    r_score              INTEGER,                   -- 1..5, NULL without purchases
    f_score              INTEGER,
    m_score              INTEGER,
    rfm_segment          TEXT,
    lifecycle_stage      TEXT NOT NULL DEFAULT 'subscriber',
    order_count          INTEGER NOT NULL DEFAULT 0,
    revenue              REAL NOT NULL DEFAULT 0,
    lifetime_value       REAL NOT NULL DEFAULT 0,
    average_order_value  REAL,
    last_open_at         INTEGER,
    last_click_at        INTEGER,
    last_purchase_at     INTEGER,
    favorite_category    TEXT,
    churn_risk           REAL,
    purchase_propensity  REAL,
    best_send_hour       INTEGER,
    computed_at          INTEGER NOT NULL
);
CREATE INDEX metrics_by_tier ON subscriber_metrics(engagement_tier);
CREATE INDEX metrics_by_lifecycle ON subscriber_metrics(lifecycle_stage);
CREATE INDEX metrics_by_score ON subscriber_metrics(engagement_score);
)SQL";

constexpr std::string_view kV3 = R"SQL(
-- Documents: segments, blocks and campaign versions (JSON, with history).
CREATE TABLE segments (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    definition      TEXT NOT NULL,
    purpose         TEXT,
    inclusion_notes TEXT,
    exclusion_notes TEXT,
    kpi             TEXT,
    owner           TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    last_count      INTEGER,
    last_counted_at INTEGER
);
CREATE TABLE segment_versions (
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    definition TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (segment_id, version)
) WITHOUT ROWID;

CREATE TABLE blocks (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    type       TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'draft'
               CHECK (status IN ('draft', 'approved', 'needs_refresh')),
    document   TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE block_versions (
    block_id   INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    document   TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (block_id, version)
) WITHOUT ROWID;

CREATE TABLE campaign_versions (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    document    TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    author      TEXT,
    note        TEXT,
    PRIMARY KEY (campaign_id, version)
) WITHOUT ROWID;
)SQL";

constexpr std::string_view kV4 = R"SQL(
-- Experiments: arms with planned weights, deterministic assignments, and imported
-- per-unit outcomes (units are subscribers or external ids, e.g. Hillstrom rows).
CREATE TABLE experiments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
    salt        TEXT NOT NULL,
    metrics     TEXT NOT NULL DEFAULT '[]',   -- JSON array of metric names
    covariate   TEXT,
    status      TEXT NOT NULL DEFAULT 'draft',
    created_at  INTEGER NOT NULL
);
CREATE TABLE experiment_arms (
    id            INTEGER PRIMARY KEY,
    experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    weight        REAL NOT NULL CHECK (weight > 0),
    is_control    INTEGER NOT NULL DEFAULT 0,
    is_holdout    INTEGER NOT NULL DEFAULT 0,
    campaign_id   INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
    UNIQUE (experiment_id, name)
);
CREATE TABLE assignments (
    experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
    unit_id       TEXT NOT NULL,
    subscriber_id INTEGER REFERENCES subscribers(id) ON DELETE SET NULL,
    arm_id        INTEGER NOT NULL REFERENCES experiment_arms(id) ON DELETE CASCADE,
    covariate     REAL,
    PRIMARY KEY (experiment_id, unit_id)
) WITHOUT ROWID;
CREATE TABLE experiment_outcomes (
    experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
    unit_id       TEXT NOT NULL,
    metric        TEXT NOT NULL,
    value         REAL NOT NULL,
    PRIMARY KEY (experiment_id, metric, unit_id)
) WITHOUT ROWID;
)SQL";

constexpr std::string_view kV5 = R"SQL(
-- Case-insensitive prefix search on names in the subscriber browser (ui/audience):
-- "first_name COLLATE NOCASE >= ? AND < ?" reads only the matching index range.
CREATE INDEX subscribers_by_first_name_nocase ON subscribers(first_name COLLATE NOCASE);
CREATE INDEX subscribers_by_last_name_nocase ON subscribers(last_name COLLATE NOCASE);
)SQL";

constexpr std::string_view kV6 = R"SQL(
-- The binary last_name index of version 1 duplicates the NOCASE one of version 5: the
-- browser sorts and searches names in NOCASE, and segments' exact name matches add a
-- NOCASE conjunct that seeks it (core/segments). One B-tree fewer to keep up on every
-- subscriber write (a 1M-row import is about 13% faster).
DROP INDEX IF EXISTS subscribers_by_last_name;
)SQL";

constexpr std::array<std::string_view, 6> kMigrations = {kV1, kV2, kV3, kV4, kV5, kV6};

} // namespace

int Migrations::latestVersion()
{
    return static_cast<int>(kMigrations.size());
}

Status Migrations::migrate(Database &db, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    auto current = db.scalar("PRAGMA user_version");
    if (!current)
        return current.error();
    for (int v = current->toInt(); v < targetVersion; ++v) {
        Transaction tx(db);
        if (!tx.begun())
            return tx.begun();
        if (v == 0) {
            if (Status s = db.exec("PRAGMA application_id = 1297568333"); !s) // "MWRM"
                return s;
        }
        if (Status s = db.exec(kMigrations[static_cast<size_t>(v)]); !s)
            return Error(s.error().code, QStringLiteral("migration to schema version %1 failed: %2")
                                             .arg(v + 1)
                                             .arg(s.error().message));
        if (Status s = db.exec("PRAGMA user_version = " + std::to_string(v + 1)); !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    return {};
}

} // namespace mw
