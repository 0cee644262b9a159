#include "metricscalculator.h"
#include "storage/deferredindexes.h"
#include "storage/eventtype.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace mw {

namespace {

constexpr int64_t kDay = 86400;
// From this many subscribers on, the refresh builds subscriber_metrics' indexes after
// writing the rows rather than row by row.
constexpr size_t kDeferIndexesFrom = 10000;

// Counters kept per window, in this order.
enum Counter : int {
    COpen,
    CClick,
    CForward,
    CReply,
    CUnsubscribe,
    CPageView,
    CDownload,
    CDemo,
    CPurchase,
    CReview,
    CReferral,
    CCartAdd,
    kCounters
};

int counterFor(int type)
{
    switch (type) {
    case Open:
        return COpen;
    case Click:
        return CClick;
    case Forward:
        return CForward;
    case Reply:
        return CReply;
    case Unsubscribe:
        return CUnsubscribe;
    case Visit:
    case ProductView:
        return CPageView;
    case Download:
        return CDownload;
    case DemoRequest:
        return CDemo;
    case Purchase:
        return CPurchase;
    case Review:
        return CReview;
    case Referral:
        return CReferral;
    case CartAdd:
        return CCartAdd;
    default:
        return -1;
    }
}

bool isEngagement(int type)
{
    return type != Sent && type != Bounce && type != Unsubscribe && type >= Open &&
           type <= Referral;
}

/// What the event scan accumulates for one subscriber (kept small: one per subscriber).
struct Accumulator {
    std::array<uint16_t, kCounters> n30{};
    std::array<uint16_t, kCounters> n90{};
    // Bit d: a visit (inside the window) on the UTC calendar day d days before today.
    uint64_t visitDays90Low = 0, visitDays90High = 0; // d = 0..63, 64..127
    uint64_t visitDays30 = 0;
    int64_t lastOpen = 0, lastClick = 0, lastEngagement = 0;
    uint32_t referrals = 0;
    std::array<uint16_t, 24> openHours{}; // opens by UTC hour of day
};

struct PurchaseRow {
    uint32_t sub;
    int32_t category; // -1: unknown product
    int64_t at;
    double amount;
};

struct InterestRow { // product views and cart adds, for the favourite category of non-buyers
    uint32_t sub;
    int32_t category;
};

struct SubscriberRow {
    int64_t id;
    int64_t createdAt;
    bool suppressed; // unsubscribed or bounced
    int tzOffset;    // seconds east of UTC at "now"
};

struct Output {
    double score90 = 0, score30 = 0;
    int recencyDays = -1;
    int r = 0, f = 0, m = 0;
    int orders = 0;
    double revenue = 0, ltv = 0;
    int64_t lastOpen = 0, lastClick = 0, lastPurchase = 0;
    int favourite = -1;
    double churn = 0, propensity = 0;
    int bestHour = -1;
    bool vip = false, atRisk = false;
    uint32_t referrals = 0;
};

int64_t floorDay(int64_t t)
{
    return t >= 0 ? t / kDay : -((-t + kDay - 1) / kDay);
}

int popcount(uint64_t v)
{
    return std::popcount(v);
}

double round4(double v)
{
    return std::round(v * 10000.0) / 10000.0;
}

/// Quintile score: 1 + floor(5 * (number of buyers strictly worse) / buyers). Ties share
/// a score, so a value held by many buyers (e.g. one order) gets the score of its lowest rank.
template <typename T, typename Worse>
int quintile(const std::vector<T> &sortedAscending, T value, Worse)
{
    const auto n = static_cast<int64_t>(sortedAscending.size());
    int64_t worse;
    if constexpr (std::is_same_v<Worse, std::greater<>>) // larger is worse (recency days)
        worse = sortedAscending.end() -
                std::upper_bound(sortedAscending.begin(), sortedAscending.end(), value);
    else // smaller is worse
        worse = std::lower_bound(sortedAscending.begin(), sortedAscending.end(), value) -
                sortedAscending.begin();
    return 1 + static_cast<int>((5 * worse) / n);
}

} // namespace

QString MetricsCalculator::tierFor(double score90)
{
    if (score90 >= 150)
        return QStringLiteral("Highly engaged");
    if (score90 >= 75)
        return QStringLiteral("Moderately engaged");
    if (score90 >= 25)
        return QStringLiteral("Low");
    if (score90 >= 0)
        return QStringLiteral("At risk");
    return QStringLiteral("Inactive");
}

QString MetricsCalculator::rfmSegment(int r, int f, int m)
{
    // FM: the rounded mean of frequency and monetary scores; then a 5x5 grid on (R, FM).
    const int fm = (f + m + 1) / 2;
    static const char *const grid[5][5] = {
        // FM:  1                 2                    3                  4                   5
        {"Lost", "Hibernating", "At Risk", "Cannot Lose Them", "Cannot Lose Them"},  // R=1
        {"Hibernating", "About to Sleep", "At Risk", "At Risk", "Cannot Lose Them"}, // R=2
        {"About to Sleep", "Need Attention", "Loyal Customers", "Loyal Customers",
         "Loyal Customers"},                                                               // R=3
        {"Promising", "Potential Loyalists", "Loyal Customers", "Champions", "Champions"}, // R=4
        {"New Customers", "Potential Loyalists", "Loyal Customers", "Champions",
         "Champions"}, // R=5
    };
    const int ri = std::clamp(r, 1, 5) - 1;
    const int fi = std::clamp(fm, 1, 5) - 1;
    return QString::fromLatin1(grid[ri][fi]);
}

Status MetricsCalculator::refresh(Database &db, const Options &options)
{
    const int64_t now = options.now != 0 ? options.now : db.referenceTime();
    const int64_t start30 = now - 30 * kDay, start60 = now - 60 * kDay, start90 = now - 90 * kDay,
                  start365 = now - 365 * kDay;

    // One transaction, or a savepoint inside the caller's (the sample generator's).
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    auto abandon = [&](Error e) -> Status {
        tx.rollback();
        return e;
    };
    const Error cancelled(Error::Code::Cancelled, QStringLiteral("cancelled"));

    // Subscribers, with their time-zone offset (cached per zone name).
    std::vector<SubscriberRow> subs;
    {
        auto st =
            db.prepare("SELECT id, created_at, status, timezone FROM subscribers ORDER BY id");
        if (!st)
            return abandon(st.error());
        QHash<QString, int> offsets;
        const QDateTime at = QDateTime::fromSecsSinceEpoch(now, Qt::UTC);
        while (st->step()) {
            const QString tzName = st->text(3);
            auto it = offsets.find(tzName);
            if (it == offsets.end()) {
                const QTimeZone tz(tzName.toLatin1());
                it = offsets.insert(tzName, tz.isValid() ? tz.offsetFromUtc(at) : 0);
            }
            subs.push_back({st->int64(0), st->int64(1), st->textView(2) != "subscribed", *it});
        }
        if (const Error *e = st->error())
            return abandon(*e);
    }
    // Subscriber id -> index: a direct table when ids are dense (the usual case).
    const int64_t maxId = subs.empty() ? 0 : subs.back().id;
    const bool dense = maxId <= static_cast<int64_t>(subs.size()) * 4 + 1024;
    std::vector<int32_t> denseIndex;
    if (dense) {
        denseIndex.assign(static_cast<size_t>(maxId + 1), -1);
        for (size_t i = 0; i < subs.size(); ++i)
            denseIndex[static_cast<size_t>(subs[i].id)] = static_cast<int32_t>(i);
    }
    auto indexOf = [&](int64_t id) -> int64_t {
        if (dense)
            return id >= 0 && id <= maxId ? denseIndex[static_cast<size_t>(id)] : -1;
        auto it = std::lower_bound(subs.begin(), subs.end(), id,
                                   [](const SubscriberRow &s, int64_t v) { return s.id < v; });
        return it != subs.end() && it->id == id ? it - subs.begin() : -1;
    };

    // Products -> category index (categories sorted by name, so ties break alphabetically).
    std::vector<QString> categoryNames;
    std::unordered_map<int64_t, int32_t> productCategory;
    {
        auto st = db.prepare("SELECT id, category FROM products ORDER BY id");
        if (!st)
            return abandon(st.error());
        std::map<QString, std::vector<int64_t>> byCategory;
        while (st->step())
            byCategory[st->text(1)].push_back(st->int64(0));
        if (const Error *e = st->error())
            return abandon(*e);
        for (auto &[name, ids] : byCategory) {
            for (int64_t id : ids)
                productCategory[id] = static_cast<int32_t>(categoryNames.size());
            categoryNames.push_back(name);
        }
    }

    // Scan the events once, in table order, accumulating per subscriber.
    int64_t maxEventId = 0;
    if (auto v = db.scalar("SELECT coalesce(max(id), 0) FROM events"); v)
        maxEventId = v->toLongLong();
    const int64_t total = maxEventId + static_cast<int64_t>(subs.size());
    if (options.progress && !options.progress(0, total))
        return abandon(cancelled);

    std::vector<Accumulator> acc(subs.size());
    std::vector<PurchaseRow> purchases;
    std::vector<InterestRow> interests;
    {
        auto st = db.prepare(
            "SELECT id, subscriber_id, type, occurred_at, product_id, amount FROM events");
        if (!st)
            return abandon(st.error());
        sqlite3_stmt *h = st->handle();
        int64_t sinceReport = 0;
        while (st->step()) {
            if (++sinceReport == 262144) {
                sinceReport = 0;
                if (options.progress && !options.progress(sqlite3_column_int64(h, 0), total))
                    return abandon(cancelled);
            }
            const int64_t at = sqlite3_column_int64(h, 3);
            if (at > now)
                continue; // "now" may lie in the past of the data: ignore the future
            const int64_t idx = indexOf(sqlite3_column_int64(h, 1));
            if (idx < 0)
                continue;
            Accumulator &a = acc[static_cast<size_t>(idx)];
            const int type = sqlite3_column_int(h, 2);
            if (isEngagement(type))
                a.lastEngagement = std::max(a.lastEngagement, at);
            const int c = counterFor(type);
            if (c >= 0 && at > start90) {
                ++a.n90[static_cast<size_t>(c)];
                if (at > start30)
                    ++a.n30[static_cast<size_t>(c)];
            }
            switch (type) {
            case Open: {
                a.lastOpen = std::max(a.lastOpen, at);
                const auto hour = static_cast<size_t>(((at % kDay) + kDay) % kDay / 3600);
                if (a.openHours[hour] < 65535)
                    ++a.openHours[hour];
                break;
            }
            case Click:
                a.lastClick = std::max(a.lastClick, at);
                break;
            case Visit:
                if (at > start90) {
                    const int64_t d = floorDay(now) - floorDay(at); // 0..90
                    if (d < 64)
                        a.visitDays90Low |= uint64_t(1) << d;
                    else
                        a.visitDays90High |= uint64_t(1) << (d - 64);
                    if (at > start30)
                        a.visitDays30 |= uint64_t(1) << d;
                }
                break;
            case Referral:
                ++a.referrals;
                break;
            case Purchase:
            case ProductView:
            case CartAdd: {
                int32_t cat = -1;
                if (sqlite3_column_type(h, 4) != SQLITE_NULL) {
                    auto it = productCategory.find(sqlite3_column_int64(h, 4));
                    if (it != productCategory.end())
                        cat = it->second;
                }
                if (type == Purchase)
                    purchases.push_back(
                        {static_cast<uint32_t>(idx), cat, at, sqlite3_column_double(h, 5)});
                else if (cat >= 0)
                    interests.push_back({static_cast<uint32_t>(idx), cat});
                break;
            }
            default:
                break;
            }
        }
        if (const Error *e = st->error())
            return abandon(*e);
    }
    std::sort(purchases.begin(), purchases.end(), [](const PurchaseRow &a, const PurchaseRow &b) {
        if (a.sub != b.sub)
            return a.sub < b.sub;
        if (a.at != b.at)
            return a.at < b.at;
        if (a.category != b.category)
            return a.category < b.category;
        return a.amount < b.amount;
    });
    std::sort(interests.begin(), interests.end(), [](const InterestRow &a, const InterestRow &b) {
        return a.sub != b.sub ? a.sub < b.sub : a.category < b.category;
    });

    // Per subscriber: scores and purchase figures.
    const size_t nCat = categoryNames.size();
    std::vector<Output> out(subs.size());
    std::vector<int64_t> firstInCategory(nCat);
    std::vector<int> countInCategory(nCat);
    std::vector<double> spendInCategory(nCat);
    size_t p = 0, q = 0;
    for (size_t i = 0; i < subs.size(); ++i) {
        const Accumulator &a = acc[i];
        Output &o = out[i];
        double spend30 = 0, spend90 = 0;
        int newCat30 = 0, newCat90 = 0;
        std::fill(firstInCategory.begin(), firstInCategory.end(), INT64_MAX);
        std::fill(countInCategory.begin(), countInCategory.end(), 0);
        std::fill(spendInCategory.begin(), spendInCategory.end(), 0.0);
        for (; p < purchases.size() && purchases[p].sub == i; ++p) {
            const PurchaseRow &r = purchases[p];
            ++o.orders;
            o.ltv += r.amount;
            if (r.at > start365)
                o.revenue += r.amount;
            if (r.at > start90)
                spend90 += r.amount;
            if (r.at > start30)
                spend30 += r.amount;
            o.lastPurchase = std::max(o.lastPurchase, r.at);
            if (r.category >= 0) {
                const auto c = static_cast<size_t>(r.category);
                if (firstInCategory[c] == INT64_MAX) { // purchases are in time order
                    firstInCategory[c] = r.at;
                    if (r.at > start90)
                        ++newCat90;
                    if (r.at > start30)
                        ++newCat30;
                }
                ++countInCategory[c];
                spendInCategory[c] += r.amount;
            }
        }
        // Favourite category: most purchases, then most spent, then by name; without
        // purchases, the most viewed / carted category.
        int best = -1;
        for (size_t c = 0; c < nCat; ++c) {
            if (countInCategory[c] == 0)
                continue;
            if (best < 0 || countInCategory[c] > countInCategory[static_cast<size_t>(best)] ||
                (countInCategory[c] == countInCategory[static_cast<size_t>(best)] &&
                 spendInCategory[c] > spendInCategory[static_cast<size_t>(best)]))
                best = static_cast<int>(c);
        }
        if (best < 0) {
            std::fill(countInCategory.begin(), countInCategory.end(), 0);
            bool any = false;
            for (; q < interests.size() && interests[q].sub == i; ++q) {
                ++countInCategory[static_cast<size_t>(interests[q].category)];
                any = true;
            }
            if (any)
                best = static_cast<int>(
                    std::max_element(countInCategory.begin(), countInCategory.end()) -
                    countInCategory.begin());
        } else {
            while (q < interests.size() && interests[q].sub == i)
                ++q;
        }
        o.favourite = best;

        auto score = [&](const std::array<uint16_t, kCounters> &n, int days, double spend,
                         int newCategories) {
            const int visitDays = days == 30
                                      ? popcount(a.visitDays30)
                                      : popcount(a.visitDays90Low) + popcount(a.visitDays90High);
            const int returnVisits = std::max(0, visitDays - 1);
            using W = Weights;
            double s = W::open * n[COpen] + W::click * n[CClick] + W::forward * n[CForward] +
                       W::reply * n[CReply] + W::unsubscribe * n[CUnsubscribe] +
                       W::pageView * n[CPageView] + W::returnVisit * returnVisits +
                       W::download * n[CDownload] + W::demoRequest * n[CDemo] +
                       W::purchase * n[CPurchase] + W::review * n[CReview] +
                       W::referral * n[CReferral] + W::newCategory * newCategories;
            s += W::perTenDollars * std::floor(std::max(0.0, spend) / 10.0 + 1e-9);
            return s;
        };
        o.score90 = score(a.n90, 90, spend90, newCat90);
        o.score30 = score(a.n30, 30, spend30, newCat30);
        o.lastOpen = a.lastOpen;
        o.lastClick = a.lastClick;
        o.referrals = a.referrals;
        if (o.orders > 0) {
            o.recencyDays = static_cast<int>((now - o.lastPurchase) / kDay);
            o.atRisk = a.lastEngagement <= start60;
        }

        // Churn risk: 1 - exp(-days since the last engagement / 45); suppressed = 1.
        if (subs[i].suppressed) {
            o.churn = 1.0;
        } else {
            const int64_t since =
                a.lastEngagement > 0 ? a.lastEngagement : std::min(subs[i].createdAt, now);
            o.churn = round4(1.0 - std::exp(-static_cast<double>(now - since) / kDay / 45.0));
        }
        // Purchase propensity: a logistic score of recent engagement and order history.
        const double z = -3.5 + 0.02 * std::clamp(o.score90, -100.0, 300.0) +
                         0.5 * std::min(o.orders, 4) + (a.n30[CCartAdd] > 0 ? 1.0 : 0.0);
        o.propensity = round4(1.0 / (1.0 + std::exp(-z)));
        // Best send hour: the UTC hour with most opens (earliest on ties), in local time.
        int bestUtc = -1;
        for (int h = 0; h < 24; ++h)
            if (a.openHours[static_cast<size_t>(h)] > 0 &&
                (bestUtc < 0 ||
                 a.openHours[static_cast<size_t>(h)] > a.openHours[static_cast<size_t>(bestUtc)]))
                bestUtc = h;
        if (bestUtc >= 0)
            o.bestHour =
                static_cast<int>(((bestUtc * 3600 + subs[i].tzOffset) % kDay + kDay) % kDay / 3600);
    }
    acc.clear();
    acc.shrink_to_fit();

    // RFM quintiles and the VIP threshold over all buyers.
    {
        std::vector<int> recency, frequency;
        std::vector<double> monetary;
        for (const Output &o : out)
            if (o.orders > 0) {
                recency.push_back(o.recencyDays);
                frequency.push_back(o.orders);
                monetary.push_back(o.ltv);
            }
        std::sort(recency.begin(), recency.end());
        std::sort(frequency.begin(), frequency.end());
        std::sort(monetary.begin(), monetary.end());
        const size_t buyers = monetary.size();
        // VIP: two or more orders and lifetime value at or above the 95th percentile
        // (nearest rank) of buyers.
        const double vipThreshold =
            buyers
                ? monetary[static_cast<size_t>(std::ceil(0.95 * static_cast<double>(buyers))) - 1]
                : 0;
        for (Output &o : out) {
            if (o.orders == 0)
                continue;
            o.r = quintile(recency, o.recencyDays, std::greater<>());
            o.f = quintile(frequency, o.orders, std::less<>());
            o.m = quintile(monetary, o.ltv, std::less<>());
            o.vip = o.orders >= 2 && o.ltv >= vipThreshold;
        }
    }

    // Write: replace the whole table. With many rows, its indexes are dropped and built
    // again at the end: one sort each instead of an index insert per row (1M subscribers:
    // about 1 s less).
    if (Status s = db.exec("DELETE FROM subscriber_metrics"); !s)
        return abandon(s.error());
    DeferredIndexes deferred;
    if (subs.size() >= kDeferIndexesFrom)
        if (Status s = deferred.defer(db, "subscriber_metrics"); !s)
            return abandon(s.error());
    auto ins = db.prepare(
        "INSERT INTO subscriber_metrics(subscriber_id, engagement_score, engagement_score_30, "
        "engagement_tier, recency_days, r_score, f_score, m_score, rfm_segment, lifecycle_stage, "
        "order_count, revenue, lifetime_value, average_order_value, last_open_at, last_click_at, "
        "last_purchase_at, favorite_category, churn_risk, purchase_propensity, best_send_hour, "
        "computed_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
        "?16, ?17, ?18, ?19, ?20, ?21, ?22)");
    if (!ins)
        return abandon(ins.error());
    std::array<QByteArray, 5> tiers;
    auto tierIndex = [](double s) {
        return s >= 150 ? 0 : s >= 75 ? 1 : s >= 25 ? 2 : s >= 0 ? 3 : 4;
    };
    const double tierProbe[5] = {150, 75, 25, 0, -1};
    for (size_t t = 0; t < 5; ++t)
        tiers[t] = tierFor(tierProbe[t]).toUtf8();
    std::vector<QByteArray> catUtf8;
    for (const QString &c : categoryNames)
        catUtf8.push_back(c.toUtf8());
    sqlite3_stmt *h = ins->handle();
    auto bindText = [h](int col, const QByteArray &b) {
        sqlite3_bind_text(h, col, b.constData(), static_cast<int>(b.size()), SQLITE_STATIC);
    };
    auto bindOpt = [h](int col, int64_t v, bool present) {
        if (present)
            sqlite3_bind_int64(h, col, v);
        else
            sqlite3_bind_null(h, col);
    };
    QHash<QString, QByteArray> segmentUtf8;
    const QByteArray stages[] = {"subscriber", "customer", "repeat", "vip", "at_risk", "advocate"};
    for (size_t i = 0; i < subs.size(); ++i) {
        const Output &o = out[i];
        if ((i & 65535) == 65535 && options.progress &&
            !options.progress(maxEventId + static_cast<int64_t>(i), total))
            return abandon(cancelled);
        sqlite3_bind_int64(h, 1, subs[i].id);
        sqlite3_bind_double(h, 2, o.score90);
        sqlite3_bind_double(h, 3, o.score30);
        bindText(4, tiers[static_cast<size_t>(tierIndex(o.score90))]);
        const bool buyer = o.orders > 0;
        bindOpt(5, o.recencyDays, buyer);
        bindOpt(6, o.r, buyer);
        bindOpt(7, o.f, buyer);
        bindOpt(8, o.m, buyer);
        if (buyer) {
            const QString seg = rfmSegment(o.r, o.f, o.m);
            auto it = segmentUtf8.find(seg);
            if (it == segmentUtf8.end())
                it = segmentUtf8.insert(seg, seg.toUtf8());
            bindText(9, *it);
        } else {
            sqlite3_bind_null(h, 9);
        }
        // Lifecycle precedence: at_risk > advocate > vip > repeat > customer > subscriber.
        int stage = o.orders == 0 ? 0 : o.orders == 1 ? 1 : 2;
        if (o.vip)
            stage = 3;
        if (o.referrals > 0)
            stage = 5;
        if (o.atRisk)
            stage = 4;
        bindText(10, stages[stage]);
        sqlite3_bind_int64(h, 11, o.orders);
        sqlite3_bind_double(h, 12, std::round(o.revenue * 100.0) / 100.0);
        sqlite3_bind_double(h, 13, std::round(o.ltv * 100.0) / 100.0);
        if (buyer)
            sqlite3_bind_double(h, 14, std::round(o.ltv / o.orders * 100.0) / 100.0);
        else
            sqlite3_bind_null(h, 14);
        bindOpt(15, o.lastOpen, o.lastOpen > 0);
        bindOpt(16, o.lastClick, o.lastClick > 0);
        bindOpt(17, o.lastPurchase, buyer);
        if (o.favourite >= 0)
            bindText(18, catUtf8[static_cast<size_t>(o.favourite)]);
        else
            sqlite3_bind_null(h, 18);
        sqlite3_bind_double(h, 19, o.churn);
        sqlite3_bind_double(h, 20, o.propensity);
        bindOpt(21, o.bestHour, o.bestHour >= 0);
        sqlite3_bind_int64(h, 22, now);
        if (Status s = ins->run(); !s)
            return abandon(s.error());
    }
    if (options.progress && !options.progress(total, total))
        return abandon(cancelled);
    if (Status s =
            deferred.rebuild([&] { return !options.progress || options.progress(total, total); });
        !s)
        return abandon(s.error().code == Error::Code::Cancelled ? cancelled : s.error());
    return tx.commit();
}

} // namespace mw
