#include "samplegenerator.h"
#include "storage/bulkwritejournal.h"
#include "storage/deferredindexes.h"
#include "storage/eventtype.h"

#include "metricscalculator.h"
#include "samplerandom.h"
#include "samplevocabulary.h"

#include <QDateTime>
#include <QTimeZone>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace mw {

namespace {

constexpr int64_t kHour = 3600;
constexpr int64_t kDay = 86400;
constexpr int64_t kWeek = 7 * kDay;

// Independent random streams, so that changing one part of the model leaves the others be.
enum Stream : uint64_t { StreamCatalogue = 1, StreamCampaigns, StreamSubscriber, StreamEmail };

/// Engagement archetypes: most people are dormant, a few very active.
struct Archetype {
    double share;
    double openRate;        // per e-mail received
    double clickRate;       // per open
    double visitsPerWeek;   // visits to the shop not prompted by an e-mail
    double buyRate;         // per cart add
    double unsubscribeRate; // per e-mail received
    double premiumShare;
};
constexpr std::array<Archetype, 5> kArchetypes = {{
    {0.46, 0.012, 0.05, 0.004, 0.10, 0.0022, 0.02}, // dormant
    {0.27, 0.09, 0.09, 0.03, 0.13, 0.0018, 0.05},   // occasional
    {0.16, 0.28, 0.14, 0.10, 0.16, 0.0012, 0.10},   // regular
    {0.09, 0.52, 0.20, 0.30, 0.19, 0.0008, 0.18},   // keen
    {0.02, 0.80, 0.28, 1.00, 0.22, 0.0004, 0.30},   // fan
}};

// Local hours at which people read mail (weights per hour 0..23).
constexpr std::array<int, 24> kHourWeights = {1,  1, 1, 1, 1, 2, 6, 12, 14, 10, 7, 7,
                                              11, 9, 6, 6, 6, 7, 9, 12, 13, 10, 6, 3};

struct Campaign {
    int64_t id;
    int64_t sendAt;
    bool newsletter;
    int category; // spotlight category, -1 for newsletters
    double appeal;
    QString name;
};

struct Product {
    int64_t id;
    int category;
    double price;
};

struct Event {
    int64_t at;
    int type;
    int64_t campaign; // 0 = none
    int64_t product;  // 0 = none
    double amount;    // < 0 = none
};

struct Person {
    int64_t id = 0;
    QByteArray externalId, email, firstName, lastName, city, country, language, timezone;
    bool hasFirstName = true;
    int64_t createdAt = 0;
    const char *status = "subscribed";
    QByteArray attributes;
    std::vector<Event> events;
    // Experiment bookkeeping.
    int arm = -1; // index into the arms, -1 = not in the experiment
    double preRevenue = 0;
    bool opened = false, clicked = false;
    int conversions = 0;
    double revenue = 0;
};

struct Arm {
    QString name;
    double weight;
    bool control, holdout;
    double openLift, clickLift;
    int64_t id = 0;
};

uint64_t fnv1a(const QByteArray &bytes)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    return h;
}

QString isoDay(int64_t t)
{
    return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

double money(double v)
{
    return std::round(v * 100.0) / 100.0;
}

/// Picks an index by cumulative weights.
size_t pickWeighted(SampleRandom &rng, const std::vector<double> &cumulative)
{
    const double u = rng.uniform() * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
    return std::min(static_cast<size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

/// "Organic Cotton T-Shirt" -> "organic-cotton-t-shirt".
std::string slugify(const QString &text)
{
    std::string out;
    for (QChar c : text.normalized(QString::NormalizationForm_KD)) {
        const char16_t u = c.toLower().unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
            out.push_back(static_cast<char>(u));
        else if (c.isLetterOrNumber() || c.isSpace() || u == u'-' || u == u'&')
            if (!out.empty() && out.back() != '-')
                out.push_back('-');
        // combining marks and apostrophes vanish
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

class Generator {
public:
    Generator(Database &db, const SampleGenerator::Options &o, SampleVocabulary vocab)
        : m_db(db), m_o(o), m_vocab(std::move(vocab)), m_ref(o.referenceTime),
          m_windowStart(o.referenceTime - SampleGenerator::kHistoryDays * kDay)
    {
    }

    Status run();

private:
    bool progress(double fraction, const QString &stage)
    {
        return !m_o.progress || m_o.progress(std::clamp(fraction, 0.0, 1.0), stage);
    }
    Status cancelled() const { return Error(Error::Code::Cancelled, QStringLiteral("cancelled")); }

    Status insertCatalogue();
    Status insertCampaigns();
    Status insertSubscribersAndEvents();
    Status insertSegments();
    Status insertExperiment();
    void makePerson(int64_t id, Person &p);
    void session(SampleRandom &rng, Person &p, int64_t at, int64_t campaign, int affinity,
                 const Archetype &a, bool fromEmail);
    int64_t pickProduct(SampleRandom &rng, int affinity, int *category = nullptr);

    Database &m_db;
    const SampleGenerator::Options &m_o;
    SampleVocabulary m_vocab;
    const int64_t m_ref;
    const int64_t m_windowStart;

    std::vector<double> m_localeCumulative, m_categoryCumulative, m_archetypeCumulative,
        m_hourCumulative;
    std::vector<Product> m_products;
    std::vector<std::vector<size_t>> m_productsByCategory;
    std::vector<Campaign> m_campaigns;
    int m_experimentCampaign = -1; // index into m_campaigns
    QString m_salt;
    std::vector<Arm> m_arms;
    std::unordered_set<uint64_t> m_emails;
    // Per subscriber results the experiment needs after the bulk load.
    struct Unit {
        int64_t id;
        int arm;
        double preRevenue;
        bool opened, clicked;
        int conversions;
        double revenue;
    };
    std::vector<Unit> m_units;
};

Status Generator::run()
{
    for (const auto &l : m_vocab.locales)
        m_localeCumulative.push_back((m_localeCumulative.empty() ? 0 : m_localeCumulative.back()) +
                                     l.weight);
    for (const auto &c : m_vocab.categories)
        m_categoryCumulative.push_back(
            (m_categoryCumulative.empty() ? 0 : m_categoryCumulative.back()) + c.weight);
    for (const auto &a : kArchetypes)
        m_archetypeCumulative.push_back(
            (m_archetypeCumulative.empty() ? 0 : m_archetypeCumulative.back()) + a.share);
    for (int w : kHourWeights)
        m_hourCumulative.push_back((m_hourCumulative.empty() ? 0 : m_hourCumulative.back()) + w);

    if (!progress(0, QStringLiteral("catalogue")))
        return cancelled();
    if (Status s = insertCatalogue(); !s)
        return s;
    if (Status s = insertCampaigns(); !s)
        return s;

    // The indexes on events (and the subscribers' non-unique ones) are built once after
    // the bulk load: sorting 20M keys once is faster than keeping two B-trees up to date row
    // by row (measured, docs/data.md). Rows go in by subscriber, so events_by_subscriber
    // sorts almost for free; the sort for events_by_type_time is the single most expensive
    // step of the whole generator (DeferredIndexes sorts in short runs through temporary
    // files: 12 s for it instead of 44 s as one in-memory list).
    DeferredIndexes deferred;
    for (const char *table : {"events", "subscribers"})
        if (Status s = deferred.defer(m_db, table); !s)
            return s;

    if (Status s = insertSubscribersAndEvents(); !s)
        return s;

    if (!progress(0.70, QStringLiteral("indexing events")))
        return cancelled();
    if (Status s =
            deferred.rebuild([this] { return progress(0.70, QStringLiteral("indexing events")); });
        !s)
        return s.error().code == Error::Code::Cancelled ? cancelled() : s;

    if (Status s = m_db.setMeta(QStringLiteral("reference_time"), QString::number(m_ref)); !s)
        return s;
    if (Status s = m_db.setMeta(QStringLiteral("sample_seed"), QString::number(m_o.seed)); !s)
        return s;
    if (Status s =
            m_db.setMeta(QStringLiteral("sample_subscribers"), QString::number(m_o.subscribers));
        !s)
        return s;

    MetricsCalculator::Options mo;
    mo.now = m_ref;
    mo.progress = [this](int64_t done, int64_t total) {
        return progress(0.80 + 0.15 * (total > 0 ? double(done) / double(total) : 1.0),
                        QStringLiteral("computing metrics"));
    };
    if (Status s = MetricsCalculator::refresh(m_db, mo); !s)
        return s;

    if (!progress(0.95, QStringLiteral("segments and experiment")))
        return cancelled();
    if (Status s = insertSegments(); !s)
        return s;
    if (Status s = insertExperiment(); !s)
        return s;
    if (!progress(1.0, QStringLiteral("done")))
        return cancelled();
    return {};
}

Status Generator::insertCatalogue()
{
    SampleRandom rng = SampleRandom::forItem(m_o.seed, StreamCatalogue, 0);
    auto st = m_db.prepare("INSERT INTO products(id, sku, name, category, price, image_url, url) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!st)
        return st.error();
    m_productsByCategory.resize(m_vocab.categories.size());
    int64_t id = 0;
    for (size_t c = 0; c < m_vocab.categories.size(); ++c) {
        const auto &cat = m_vocab.categories[c];
        const QString prefix = cat.slug.left(3).toUpper();
        for (int j = 1; j <= cat.products; ++j) {
            ++id;
            const QString name = cat.adjectives[rng.below(cat.adjectives.size())] +
                                 QLatin1Char(' ') + cat.nouns[rng.below(cat.nouns.size())];
            // Log-uniform prices ending in .99 (or .00 above $100), as shops price.
            const double raw = cat.minPrice * std::pow(cat.maxPrice / cat.minPrice, rng.uniform());
            const double price = raw >= 100 ? std::round(raw / 5) * 5 : std::floor(raw) + 0.99;
            const QString sku = QStringLiteral("%1-%2").arg(prefix).arg(j, 4, 10, QLatin1Char('0'));
            const QString skuLower = sku.toLower();
            const QString url = m_vocab.storeUrl + QStringLiteral("/products/") +
                                QString::fromLatin1(slugify(name)) + QLatin1Char('-') + skuLower;
            const QString image = m_vocab.imageUrl + QLatin1Char('/') + cat.slug +
                                  QLatin1Char('/') + skuLower + QStringLiteral(".jpg");
            st->bind(1, id)
                .bind(2, sku)
                .bind(3, name)
                .bind(4, cat.name)
                .bind(5, price)
                .bind(6, image)
                .bind(7, url);
            if (Status s = st->run(); !s)
                return s;
            m_productsByCategory[c].push_back(m_products.size());
            m_products.push_back({id, static_cast<int>(c), price});
        }
    }
    return {};
}

Status Generator::insertCampaigns()
{
    SampleRandom rng = SampleRandom::forItem(m_o.seed, StreamCampaigns, 0);
    // Weekly sends on Tuesdays at 15:00 UTC through the history window.
    int64_t day = m_windowStart / kDay + 1;
    while ((day + 4) % 7 != 2) // 1970-01-01 was a Thursday; 2 = Tuesday
        ++day;
    int spotlight = 0;
    for (int64_t t = day * kDay + 15 * kHour; t < m_ref - 6 * kHour; t += kWeek) {
        Campaign c;
        c.id = static_cast<int64_t>(m_campaigns.size()) + 1;
        c.sendAt = t;
        c.newsletter = m_campaigns.size() % 3 == 0;
        c.category = -1;
        c.appeal = 0.8 + 0.4 * rng.uniform();
        m_campaigns.push_back(c);
    }
    // The example experiment runs on the last send with a full week of follow-up: make it a
    // newsletter, so that it goes to everybody.
    for (int i = static_cast<int>(m_campaigns.size()) - 1; i >= 0; --i)
        if (m_campaigns[static_cast<size_t>(i)].sendAt + kWeek <= m_ref) {
            m_experimentCampaign = i;
            m_campaigns[static_cast<size_t>(i)].newsletter = true;
            break;
        }
    auto st = m_db.prepare("INSERT INTO campaigns(id, name, status, version, created_at, "
                           "updated_at) VALUES(?1, ?2, 'sent', 0, ?3, ?4)");
    if (!st)
        return st.error();
    for (Campaign &c : m_campaigns) {
        if (c.newsletter) {
            c.name = QStringLiteral("%1 Weekly newsletter").arg(isoDay(c.sendAt));
        } else {
            c.category = spotlight++ % static_cast<int>(m_vocab.categories.size());
            c.name = QStringLiteral("%1 Spotlight: %2")
                         .arg(isoDay(c.sendAt),
                              m_vocab.categories[static_cast<size_t>(c.category)].name);
        }
        st->bind(1, c.id).bind(2, c.name).bind(3, c.sendAt - 3 * kDay).bind(4, c.sendAt);
        if (Status s = st->run(); !s)
            return s;
    }

    m_salt = QStringLiteral("sample-%1-subject-test").arg(m_o.seed);
    m_arms = {{QStringLiteral("control"), 45, true, false, 1.0, 1.0},
              {QStringLiteral("personalised subject"), 45, false, false, 1.15, 1.12},
              {QStringLiteral("holdout"), 10, false, true, 0, 0}};
    return {};
}

int64_t Generator::pickProduct(SampleRandom &rng, int affinity, int *category)
{
    int c = affinity;
    if (c < 0 || !rng.chance(0.6))
        c = static_cast<int>(pickWeighted(rng, m_categoryCumulative));
    const auto &list = m_productsByCategory[static_cast<size_t>(c)];
    if (category)
        *category = c;
    return static_cast<int64_t>(list[rng.skewed(list.size(), 2.0)]);
}

void Generator::session(SampleRandom &rng, Person &p, int64_t at, int64_t campaign, int affinity,
                        const Archetype &a, bool fromEmail)
{
    p.events.push_back({at, Visit, campaign, 0, -1});
    int64_t t = at;
    const int views = 1 + std::min(5, rng.poisson(1.3));
    size_t last = 0;
    for (int v = 0; v < views; ++v) {
        t += rng.range(15, 240);
        last = static_cast<size_t>(pickProduct(rng, affinity));
        p.events.push_back({t, ProductView, campaign, m_products[last].id, -1});
    }
    if (rng.chance(0.01)) // a size guide or lookbook
        p.events.push_back({t + rng.range(10, 120), Download, campaign, 0, -1});
    if (!rng.chance(0.22))
        return;
    t += rng.range(20, 300);
    p.events.push_back({t, CartAdd, campaign, m_products[last].id, -1});
    if (!rng.chance(a.buyRate))
        return;
    t += rng.range(60, 1200);
    const double roll = rng.uniform();
    const int quantity = roll < 0.85 ? 1 : roll < 0.97 ? 2 : 3;
    const double discount = fromEmail && rng.chance(0.5) ? 0.9 : 1.0;
    const double amount = money(m_products[last].price * quantity * discount);
    p.events.push_back({t, Purchase, campaign, m_products[last].id, amount});
    if (rng.chance(0.12))
        p.events.push_back(
            {t + rng.range(3 * kDay, 21 * kDay), Review, 0, m_products[last].id, -1});
    if (rng.chance(0.04))
        p.events.push_back({t + rng.range(kDay, 30 * kDay), Referral, 0, 0, -1});
}

void Generator::makePerson(int64_t id, Person &p)
{
    SampleRandom rng = SampleRandom::forItem(m_o.seed, StreamSubscriber, static_cast<uint64_t>(id));
    p = Person();
    p.id = id;

    const auto &loc = m_vocab.locales[pickWeighted(rng, m_localeCumulative)];
    const bool female = rng.chance(0.5);
    const auto &firsts = female ? loc.female : loc.male;
    const auto &firstsAscii = female ? loc.femaleAscii : loc.maleAscii;
    const size_t fi = rng.skewed(firsts.size(), 1.6);
    const size_t li = rng.skewed(loc.last.size(), 1.6);
    const auto &city = loc.cities[rng.skewed(loc.cities.size(), 1.5)];
    p.hasFirstName = !rng.chance(0.07); // sign-up forms that did not ask
    p.firstName = firsts[fi].toUtf8();
    p.lastName = loc.last[li].toUtf8();
    p.city = city.name.toUtf8();
    p.country = loc.country.toUtf8();
    p.language = loc.language.toUtf8();
    p.timezone = city.timezone.toUtf8();
    p.externalId = QByteArray("C") + QByteArray::number(id).rightJustified(8, '0');

    // E-mail address in one of the usual shapes; made unique with digits if taken.
    const std::string &f = firstsAscii[fi];
    const std::string &l = loc.lastAscii[li];
    const int birthYear = static_cast<int>(rng.range(1950, 2006));
    std::string local;
    switch (rng.below(7)) {
    case 0:
        local = f + "." + l;
        break;
    case 1:
        local = f + l;
        break;
    case 2:
        local = f + "_" + l;
        break;
    case 3:
        local = f.substr(0, 1) + l;
        break;
    case 4:
        local = f + "." + l + std::to_string(birthYear % 100);
        break;
    case 5:
        local = f + std::to_string(rng.range(1, 999));
        break;
    default:
        local = l + "." + f;
        break;
    }
    const QByteArray domain = loc.domains[rng.skewed(loc.domains.size(), 1.7)].toUtf8();
    SampleRandom emailRng = SampleRandom::forItem(m_o.seed, StreamEmail, static_cast<uint64_t>(id));
    std::string email = local + "@" + domain.toStdString();
    for (int attempt = 0; !m_emails.insert(fnv1a(QByteArray::fromStdString(email))).second;
         ++attempt) {
        // (Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "." + s.)
        std::string suffix;
        if (attempt < 4) {
            suffix = std::to_string(emailRng.range(2, 9999));
        } else {
            suffix.append(1, '.').append(std::to_string(id));
            if (attempt > 4)
                suffix.append(1, '.').append(std::to_string(attempt));
        }
        email = local + suffix + "@" + domain.toStdString();
    }
    p.email = QByteArray::fromStdString(email);

    // Sign-up date: a fifth joined during the history window, the rest over four years.
    const double joined = rng.uniform();
    int64_t age;
    if (joined < 0.2)
        age = static_cast<int64_t>(rng.uniform() * SampleGenerator::kHistoryDays * kDay);
    else
        age = SampleGenerator::kHistoryDays * kDay +
              static_cast<int64_t>(std::pow(rng.uniform(), 1.3) * (4 * 365 - 180) * kDay);
    p.createdAt = m_ref - std::max<int64_t>(age, 60);

    const Archetype &a = kArchetypes[pickWeighted(rng, m_archetypeCumulative)];
    const int affinity = static_cast<int>(pickWeighted(rng, m_categoryCumulative));
    const int localHour = static_cast<int>(pickWeighted(rng, m_hourCumulative));
    const int64_t readHourUtc = ((localHour * kHour - city.utcOffsetSeconds) % kDay + kDay) % kDay;
    // A quarter of the engaged lose interest at some point of the window.
    const int64_t lapseAt = (a.openRate > 0.05 && rng.chance(0.25))
                                ? m_windowStart + static_cast<int64_t>(rng.uniform() * 180 * kDay)
                                : INT64_MAX;
    const bool badAddress = rng.chance(0.015);
    double armOpen = 1, armClick = 1;
    p.arm = -1;

    // E-mails received, with their opens, clicks and what followed.
    const size_t expIndex = static_cast<size_t>(m_experimentCampaign);
    for (size_t ci = 0; ci < m_campaigns.size(); ++ci) {
        const Campaign &c = m_campaigns[ci];
        if (p.createdAt > c.sendAt - kHour)
            continue;
        if (std::strcmp(p.status, "subscribed") != 0)
            break;
        armOpen = armClick = 1;
        if (m_experimentCampaign >= 0 && ci == expIndex) {
            const double b = SampleGenerator::assignmentBucket(m_salt, QString::number(id)) * 100.0;
            double cum = 0;
            p.arm = static_cast<int>(m_arms.size()) - 1;
            for (size_t k = 0; k < m_arms.size(); ++k) {
                cum += m_arms[k].weight;
                if (b < cum) {
                    p.arm = static_cast<int>(k);
                    break;
                }
            }
            const Arm &arm = m_arms[static_cast<size_t>(p.arm)];
            if (arm.holdout)
                continue;
            armOpen = arm.openLift;
            armClick = arm.clickLift;
        }
        const bool inAudience =
            c.newsletter || (c.category == affinity ? rng.chance(0.9) : rng.chance(0.22));
        if (!inAudience)
            continue;
        const int64_t sent = c.sendAt + rng.range(0, 1800);
        p.events.push_back({sent, Sent, c.id, 0, -1});
        if (badAddress) {
            p.events.push_back({sent + rng.range(5, 300), Bounce, c.id, 0, -1});
            p.status = "bounced";
            break;
        }
        const double activity = sent > lapseAt ? 0.05 : 1.0;
        const double openP = std::min(0.95, a.openRate * activity * c.appeal * armOpen);
        int64_t openAt = 0;
        if (rng.chance(openP)) {
            // Many read at their usual hour, the rest soon after it arrives.
            if (rng.chance(0.55)) {
                openAt = sent - sent % kDay + readHourUtc + rng.range(0, 3599);
                if (openAt < sent)
                    openAt += kDay;
            } else {
                openAt = sent + 60 +
                         static_cast<int64_t>(std::min(rng.exponential(4 * kHour), 6.0 * kDay));
            }
            p.events.push_back({openAt, Open, c.id, 0, -1});
            if (ci == expIndex)
                p.opened = true;
            if (rng.chance(0.2))
                p.events.push_back({openAt + rng.range(600, 2 * kDay), Open, c.id, 0, -1});
            if (rng.chance(0.012))
                p.events.push_back({openAt + rng.range(30, 3600), Forward, c.id, 0, -1});
            if (rng.chance(0.004))
                p.events.push_back({openAt + rng.range(60, 7200), Reply, c.id, 0, -1});
            const double clickP =
                std::min(0.9, a.clickRate * (c.category == affinity ? 1.4 : 1.0) * armClick);
            if (rng.chance(clickP)) {
                const int64_t clickAt = openAt + rng.range(5, 600);
                p.events.push_back({clickAt, Click, c.id, 0, -1});
                if (ci == expIndex)
                    p.clicked = true;
                session(rng, p, clickAt + rng.range(2, 30), c.id,
                        c.category >= 0 ? c.category : affinity, a, true);
            }
        }
        if (rng.chance(a.unsubscribeRate * (openAt ? 1.0 : 0.7))) {
            const int64_t at =
                openAt ? openAt + rng.range(20, 600) : sent + rng.range(kHour, 3 * kDay);
            p.events.push_back({at, Unsubscribe, c.id, 0, -1});
            p.status = "unsubscribed";
        }
    }

    // Visits to the shop on their own account (these go on after an unsubscribe).
    const int64_t from = std::max(p.createdAt, m_windowStart);
    const double weeks = double(m_ref - from) / double(kWeek);
    const int visits = rng.poisson(a.visitsPerWeek * weeks);
    for (int v = 0; v < visits; ++v) {
        const int64_t at = from + static_cast<int64_t>(rng.uniform() * double(m_ref - from));
        if (at > lapseAt && !rng.chance(0.1))
            continue;
        session(rng, p, at, 0, affinity, a, false);
    }

    // Only what happened before "now" exists; in time order.
    std::erase_if(p.events, [this](const Event &e) { return e.at >= m_ref; });
    std::sort(p.events.begin(), p.events.end(), [](const Event &x, const Event &y) {
        if (x.at != y.at)
            return x.at < y.at;
        if (x.type != y.type)
            return x.type < y.type;
        if (x.campaign != y.campaign)
            return x.campaign < y.campaign;
        return x.product < y.product;
    });
    // An unsubscribe that would lie in the future did not happen.
    if (std::strcmp(p.status, "unsubscribed") == 0 &&
        std::none_of(p.events.begin(), p.events.end(),
                     [](const Event &e) { return e.type == Unsubscribe; }))
        p.status = "subscribed";

    double spent = 0;
    for (const Event &e : p.events)
        if (e.type == Purchase)
            spent += e.amount;
    if (p.arm >= 0) {
        const int64_t send = m_campaigns[expIndex].sendAt;
        for (const Event &e : p.events) {
            if (e.type != Purchase)
                continue;
            if (e.at >= send - 90 * kDay && e.at < send)
                p.preRevenue += e.amount;
            else if (e.at >= send && e.at < send + kWeek) {
                ++p.conversions;
                p.revenue += e.amount;
            }
        }
    }

    // Custom attributes (JSON object, keys in a fixed order).
    const double planRoll = rng.uniform();
    const char *plan = planRoll < a.premiumShare          ? "premium"
                       : planRoll < a.premiumShare + 0.22 ? "plus"
                                                          : "free";
    QByteArray attrs = "{\"plan\":\"";
    attrs += plan;
    attrs += "\",\"loyalty_points\":";
    attrs += QByteArray::number(static_cast<qint64>(std::floor(spent)) +
                                (std::strcmp(plan, "free") == 0 ? 0 : rng.range(50, 500)));
    if (rng.chance(0.75)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", birthYear,
                      static_cast<int>(rng.range(1, 12)), static_cast<int>(rng.range(1, 28)));
        attrs += ",\"birthday\":\"";
        attrs += buf;
        attrs += '"';
    }
    if (rng.chance(0.6)) {
        attrs += ",\"preferred_category\":\"";
        attrs += m_vocab.categories[static_cast<size_t>(affinity)].slug.toUtf8();
        attrs += '"';
    }
    attrs += '}';
    p.attributes = attrs;
}

Status Generator::insertSubscribersAndEvents()
{
    auto subSt = m_db.prepare(
        "INSERT INTO subscribers(id, external_id, email, first_name, last_name, city, country, "
        "language, timezone, created_at, status, attributes) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!subSt)
        return subSt.error();
    // Several events per statement: fewer round trips through the VDBE.
    constexpr int kBatch = 32;
    std::string batchSql = "INSERT INTO events(subscriber_id, type, occurred_at, campaign_id, "
                           "product_id, amount) VALUES";
    for (int i = 0; i < kBatch; ++i)
        batchSql += i ? ",(?,?,?,?,?,?)" : "(?,?,?,?,?,?)";
    auto batchSt = m_db.prepare(batchSql);
    if (!batchSt)
        return batchSt.error();
    auto oneSt = m_db.prepare("INSERT INTO events(subscriber_id, type, occurred_at, campaign_id, "
                              "product_id, amount) VALUES(?,?,?,?,?,?)");
    if (!oneSt)
        return oneSt.error();

    sqlite3_stmt *sh = subSt->handle();
    sqlite3_stmt *bh = batchSt->handle();
    sqlite3_stmt *oh = oneSt->handle();
    auto bindText = [](sqlite3_stmt *h, int col, const QByteArray &b) {
        sqlite3_bind_text(h, col, b.constData(), static_cast<int>(b.size()), SQLITE_STATIC);
    };
    auto bindEvent = [](sqlite3_stmt *h, int base, int64_t sub, const Event &e) {
        sqlite3_bind_int64(h, base + 1, sub);
        sqlite3_bind_int(h, base + 2, e.type);
        sqlite3_bind_int64(h, base + 3, e.at);
        if (e.campaign)
            sqlite3_bind_int64(h, base + 4, e.campaign);
        else
            sqlite3_bind_null(h, base + 4);
        if (e.product)
            sqlite3_bind_int64(h, base + 5, e.product);
        else
            sqlite3_bind_null(h, base + 5);
        if (e.amount >= 0)
            sqlite3_bind_double(h, base + 6, e.amount);
        else
            sqlite3_bind_null(h, base + 6);
    };
    auto step = [this](sqlite3_stmt *h) -> Status {
        const int rc = sqlite3_step(h);
        sqlite3_reset(h);
        if (rc != SQLITE_DONE)
            return m_db.lastError(QStringLiteral("sample data"));
        return {};
    };

    struct Pending {
        int64_t sub;
        Event e;
    };
    std::vector<Pending> pending;
    pending.reserve(kBatch);
    auto flush = [&](bool all) -> Status {
        while (pending.size() >= static_cast<size_t>(kBatch)) {
            for (int i = 0; i < kBatch; ++i)
                bindEvent(bh, i * 6, pending[static_cast<size_t>(i)].sub,
                          pending[static_cast<size_t>(i)].e);
            if (Status s = step(bh); !s)
                return s;
            pending.erase(pending.begin(), pending.begin() + kBatch);
        }
        if (all) {
            for (const Pending &p : pending) {
                bindEvent(oh, 0, p.sub, p.e);
                if (Status s = step(oh); !s)
                    return s;
            }
            pending.clear();
        }
        return {};
    };

    const int64_t n = std::max(0, m_o.subscribers);
    m_units.reserve(static_cast<size_t>(n));

    // People are made on a second thread while this one writes them: the two halves take
    // similar time and the machine has two cores. One producer keeps the order (and so the
    // e-mail de-duplication) deterministic.
    constexpr int64_t kChunk = 1024;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::vector<Person>> ready;
    bool stop = false;
    std::thread producer([&] {
        for (int64_t first = 1; first <= n; first += kChunk) {
            std::vector<Person> chunk(static_cast<size_t>(std::min(kChunk, n - first + 1)));
            for (size_t k = 0; k < chunk.size(); ++k)
                makePerson(first + static_cast<int64_t>(k), chunk[k]);
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return stop || ready.size() < 4; });
            if (stop)
                return;
            ready.push_back(std::move(chunk));
            changed.notify_all();
        }
    });
    struct Joiner {
        std::function<void()> f;
        ~Joiner() { f(); }
    } joiner{[&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        changed.notify_all();
        producer.join();
    }};

    for (int64_t first = 1; first <= n; first += kChunk) {
        if (!progress(0.02 + 0.68 * double(first) / double(n),
                      QStringLiteral("subscribers and events")))
            return cancelled();
        std::vector<Person> chunk;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return !ready.empty(); });
            chunk = std::move(ready.front());
            ready.pop_front();
            changed.notify_all();
        }
        for (const Person &p : chunk) {
            const int64_t id = p.id;
            sqlite3_bind_int64(sh, 1, id);
            bindText(sh, 2, p.externalId);
            bindText(sh, 3, p.email);
            if (p.hasFirstName)
                bindText(sh, 4, p.firstName);
            else
                sqlite3_bind_null(sh, 4);
            bindText(sh, 5, p.lastName);
            bindText(sh, 6, p.city);
            bindText(sh, 7, p.country);
            bindText(sh, 8, p.language);
            bindText(sh, 9, p.timezone);
            sqlite3_bind_int64(sh, 10, p.createdAt);
            sqlite3_bind_text(sh, 11, p.status, -1, SQLITE_STATIC);
            bindText(sh, 12, p.attributes);
            if (Status s = step(sh); !s)
                return s;
            for (const Event &e : p.events) {
                pending.push_back({id, e});
                if (pending.size() == static_cast<size_t>(kBatch))
                    if (Status s = flush(false); !s)
                        return s;
            }
            if (p.arm >= 0)
                m_units.push_back({id, p.arm, money(p.preRevenue), p.opened, p.clicked,
                                   p.conversions, money(p.revenue)});
        }
    }
    return flush(true);
}

Status Generator::insertSegments()
{
    struct Seg {
        const char *name, *definition, *purpose, *inclusion, *exclusion, *kpi;
    };
    static const Seg segs[] = {
        {"vip",
         R"({"match":"all","conditions":[{"field":"metrics.lifecycle_stage","op":"=","value":"vip"}]})",
         "Thank and retain the most valuable repeat buyers with early access and perks.",
         "Lifecycle stage vip: two or more orders and lifetime value in the top 5% of buyers.",
         "Unsubscribed and bounced subscribers (always).",
         "Repeat purchase rate, revenue per recipient"},
        {"engaged-30d",
         R"({"match":"any","conditions":[{"event":"open","count":">= 1","within_days":30},{"event":"click","count":">= 1","within_days":30}]})",
         "The active audience for regular sends; protects sender reputation.",
         "Opened or clicked any e-mail in the last 30 days.",
         "Unsubscribed and bounced subscribers (always).", "Click-through rate"},
        {"lapsed-buyers",
         R"({"match":"all","conditions":[{"field":"metrics.order_count","op":">=","value":1},{"event":"purchase","count":"= 0","within_days":90}]})",
         "Win back customers who have not ordered for three months.",
         "At least one order ever, none in the last 90 days.",
         "Unsubscribed and bounced subscribers (always).",
         "Reactivation rate (orders within 30 days)"},
        {"new-subscribers",
         R"({"match":"all","conditions":[{"field":"created_at","op":"within_last_days","value":30}]})",
         "Welcome series audience.", "Signed up in the last 30 days.",
         "Unsubscribed and bounced subscribers (always).", "First-purchase rate"},
        {"cart-abandoners-7d",
         R"({"match":"all","conditions":[{"event":"cart_add","count":">= 1","within_days":7},{"event":"purchase","count":"= 0","within_days":7}]})",
         "Remind people of what they left in the cart.",
         "Added to cart in the last 7 days without buying in that time.",
         "Unsubscribed and bounced subscribers (always).", "Cart recovery rate"},
        {"engaged-non-buyers",
         R"({"match":"all","conditions":[{"field":"metrics.engagement_tier","op":"in","value":["Highly engaged","Moderately engaged"]},{"field":"metrics.order_count","op":"=","value":0},{"segment":"vip","negate":true}]})",
         "Convert readers who engage but have never bought (first-order incentive).",
         "Highly or moderately engaged over 90 days, no orders.",
         "VIPs (by the vip segment); unsubscribed and bounced subscribers.",
         "First-order conversion rate"},
    };
    auto st = m_db.prepare("INSERT INTO segments(name, definition, purpose, inclusion_notes, "
                           "exclusion_notes, kpi, owner, version, created_at, updated_at) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, ?6, 'Sample data', 1, ?7, ?7)");
    auto ver = m_db.prepare("INSERT INTO segment_versions(segment_id, version, definition, "
                            "created_at) VALUES(?1, 1, ?2, ?3)");
    if (!st)
        return st.error();
    if (!ver)
        return ver.error();
    const int64_t at = m_ref - 14 * kDay;
    for (const Seg &s : segs) {
        st->bind(1, std::string_view(s.name))
            .bind(2, std::string_view(s.definition))
            .bind(3, std::string_view(s.purpose))
            .bind(4, std::string_view(s.inclusion))
            .bind(5, std::string_view(s.exclusion))
            .bind(6, std::string_view(s.kpi))
            .bind(7, at);
        if (Status r = st->run(); !r)
            return r;
        ver->bind(1, m_db.lastInsertRowId()).bind(2, std::string_view(s.definition)).bind(3, at);
        if (Status r = ver->run(); !r)
            return r;
    }
    return {};
}

Status Generator::insertExperiment()
{
    if (m_experimentCampaign < 0)
        return {};
    const Campaign &c = m_campaigns[static_cast<size_t>(m_experimentCampaign)];
    auto ex = m_db.prepare("INSERT INTO experiments(name, campaign_id, salt, metrics, covariate, "
                           "status, created_at) VALUES(?1, ?2, ?3, ?4, ?5, 'completed', ?6)");
    if (!ex)
        return ex.error();
    ex->bind(1, QStringLiteral("subject-line-test"))
        .bind(2, c.id)
        .bind(3, m_salt)
        .bind(4, std::string_view(R"(["open","click","conversion","revenue"])"))
        .bind(5, std::string_view("pre_revenue_90d"))
        .bind(6, c.sendAt - 2 * kDay);
    if (Status s = ex->run(); !s)
        return s;
    const int64_t experimentId = m_db.lastInsertRowId();
    auto arm = m_db.prepare("INSERT INTO experiment_arms(experiment_id, name, weight, is_control, "
                            "is_holdout, campaign_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    if (!arm)
        return arm.error();
    for (Arm &a : m_arms) {
        arm->bind(1, experimentId)
            .bind(2, a.name)
            .bind(3, a.weight)
            .bind(4, a.control ? 1 : 0)
            .bind(5, a.holdout ? 1 : 0);
        if (a.holdout)
            arm->bindNull(6);
        else
            arm->bind(6, c.id);
        if (Status s = arm->run(); !s)
            return s;
        a.id = m_db.lastInsertRowId();
    }

    // Primary-key order (unit ids compare as text) keeps the B-tree appends sequential.
    std::vector<std::pair<QByteArray, size_t>> order;
    order.reserve(m_units.size());
    for (size_t i = 0; i < m_units.size(); ++i)
        order.emplace_back(QByteArray::number(m_units[i].id), i);
    std::sort(order.begin(), order.end());

    auto as = m_db.prepare("INSERT INTO assignments(experiment_id, unit_id, subscriber_id, "
                           "arm_id, covariate) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!as)
        return as.error();
    for (const auto &[unit, i] : order) {
        const Unit &u = m_units[i];
        as->bind(1, experimentId)
            .bind(2, std::string_view(unit.constData(), size_t(unit.size())))
            .bind(3, u.id)
            .bind(4, m_arms[static_cast<size_t>(u.arm)].id)
            .bind(5, u.preRevenue);
        if (Status s = as->run(); !s)
            return s;
    }
    auto out = m_db.prepare("INSERT INTO experiment_outcomes(experiment_id, unit_id, metric, "
                            "value) VALUES(?1, ?2, ?3, ?4)");
    if (!out)
        return out.error();
    const char *metrics[] = {"click", "conversion", "open", "revenue"}; // PK order
    for (const char *m : metrics) {
        const std::string_view metric(m);
        for (const auto &[unit, i] : order) {
            const Unit &u = m_units[i];
            const double v = metric == "open"         ? (u.opened ? 1.0 : 0.0)
                             : metric == "click"      ? (u.clicked ? 1.0 : 0.0)
                             : metric == "conversion" ? (u.conversions > 0 ? 1.0 : 0.0)
                                                      : u.revenue;
            out->bind(1, experimentId)
                .bind(2, std::string_view(unit.constData(), size_t(unit.size())))
                .bind(3, metric)
                .bind(4, v);
            if (Status s = out->run(); !s)
                return s;
        }
    }
    return {};
}

} // namespace

double SampleGenerator::assignmentBucket(const QString &salt, const QString &unit)
{
    // FNV-1a alone mixes the last bytes of the input poorly into its top bits: for
    // sequential ids the buckets came out 40/46/14 % for a 45/45/10 split (the report's
    // SRM check flagged the sample experiment). splitmix64's finaliser spreads every input
    // bit over the whole word.
    uint64_t h = fnv1a((salt + QLatin1Char(':') + unit).toUtf8());
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
    h ^= h >> 31;
    return static_cast<double>(h >> 11) * 0x1.0p-53;
}

Status SampleGenerator::generate(Database &db, const Options &options)
{
    if (options.subscribers < 0)
        return Error(Error::Code::Usage, QStringLiteral("the number of subscribers must be >= 0"));
    auto existing = db.scalar("SELECT (SELECT count(*) FROM subscribers) + "
                              "(SELECT count(*) FROM products) + (SELECT count(*) FROM events)");
    if (!existing)
        return existing.error();
    if (existing->toLongLong() != 0)
        return Error(Error::Code::Refused,
                     QStringLiteral("the database already holds data; sample data goes into a "
                                    "new database only"));
    auto vocab = SampleVocabulary::load(options.referenceTime);
    if (!vocab)
        return vocab.error();

    // Bulk-load settings: no fsync per commit and no per-row foreign-key look-ups (the
    // generator writes consistent ids); both restored afterwards.
    if (Status s = db.exec("PRAGMA foreign_keys=OFF; PRAGMA synchronous=OFF;"); !s)
        return s;
    Status result;
    {
        // The database is empty: with a rollback journal its pages are written once.
        BulkWriteJournal journal(db);
        Transaction tx(db);
        if (!tx.begun()) {
            result = tx.begun();
        } else {
            Generator g(db, options, std::move(*vocab));
            result = g.run();
            if (result)
                result = tx.commit();
            if (result)
                journal.committed();
        }
    }
    db.exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
    return result;
}

} // namespace mw
