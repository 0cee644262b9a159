#include "segmentfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <optional>

namespace mw::test {

namespace {

constexpr int64_t kDay = 86400;

enum class Kind { Text, Number, Date, Bool };

struct FieldSpec {
    const char *name;
    Kind kind;
};

// The fields the random definitions use, typed independently of the product's catalogue.
const std::vector<FieldSpec> &fieldSpecs()
{
    static const std::vector<FieldSpec> specs = {
        {"email", Kind::Text},
        {"first_name", Kind::Text},
        {"last_name", Kind::Text},
        {"city", Kind::Text},
        {"country", Kind::Text},
        {"language", Kind::Text},
        {"status", Kind::Text},
        {"created_at", Kind::Date},
        {"metrics.engagement_score", Kind::Number},
        {"metrics.engagement_tier", Kind::Text},
        {"metrics.rfm_segment", Kind::Text},
        {"metrics.order_count", Kind::Number},
        {"metrics.revenue", Kind::Number},
        {"metrics.last_open_at", Kind::Date},
        {"metrics.churn_risk", Kind::Number},
        {"attributes.plan", Kind::Text},
        {"attributes.score", Kind::Number},
        {"attributes.vip", Kind::Bool},
    };
    return specs;
}

Kind kindOf(const QString &name)
{
    for (const FieldSpec &f : fieldSpecs())
        if (name == QLatin1String(f.name))
            return f.kind;
    return Kind::Text;
}

const QStringList kEventNames = {QStringLiteral("sent"),         QStringLiteral("open"),
                                 QStringLiteral("click"),        QStringLiteral("visit"),
                                 QStringLiteral("product_view"), QStringLiteral("cart_add"),
                                 QStringLiteral("purchase"),     QStringLiteral("unsubscribe")};

bool isNumber(const QVariant &v)
{
    const int t = v.typeId();
    return t == QMetaType::LongLong || t == QMetaType::Int || t == QMetaType::Double ||
           t == QMetaType::Bool;
}

/// SQLite's ordering of two non-NULL values: numbers before text, text by UTF-8 bytes.
std::optional<int> compare(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return std::nullopt;
    const bool an = isNumber(a), bn = isNumber(b);
    if (an && bn) {
        const double x = a.toDouble(), y = b.toDouble();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (an)
        return -1;
    if (bn)
        return 1;
    const std::string x = a.toString().toStdString(), y = b.toString().toStdString();
    return x < y ? -1 : (x > y ? 1 : 0);
}

QVariant fromJson(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return QVariant::fromValue<qint64>(v.toBool() ? 1 : 0);
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)))
            return QVariant::fromValue<qint64>(static_cast<qint64>(d));
        return d;
    }
    return {};
}

int64_t dateValue(const QJsonValue &v, bool endOfDay)
{
    if (v.isDouble())
        return static_cast<int64_t>(v.toDouble());
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    return QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() + (endOfDay ? kDay - 1 : 0);
}

QVariant valueFor(Kind kind, const QJsonValue &v, bool endOfDay)
{
    if (kind == Kind::Date)
        return QVariant::fromValue<qint64>(dateValue(v, endOfDay));
    return fromJson(v);
}

bool countMatches(const QString &op, int64_t count, int64_t n)
{
    if (op == QLatin1String(">="))
        return count >= n;
    if (op == QLatin1String(">"))
        return count > n;
    if (op == QLatin1String("<="))
        return count <= n;
    if (op == QLatin1String("<"))
        return count < n;
    if (op == QLatin1String("="))
        return count == n;
    return count != n;
}

template <typename T> const T &pick(std::mt19937_64 &rng, const std::vector<T> &v)
{
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
}

QString pickS(std::mt19937_64 &rng, const QStringList &v)
{
    return v[std::uniform_int_distribution<qsizetype>(0, v.size() - 1)(rng)];
}

int rnd(std::mt19937_64 &rng, int lo, int hi)
{
    return std::uniform_int_distribution<int>(lo, hi)(rng);
}

bool chance(std::mt19937_64 &rng, double p)
{
    return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

QJsonValue toJson(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString)
        return v.toString();
    return v.toDouble();
}

QString isoDate(int64_t t)
{
    return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).date().toString(Qt::ISODate);
}

} // namespace

// ---------------------------------------------------------------- data

void SegmentFixture::populate(Database &db, uint64_t seed, int count)
{
    std::mt19937_64 rng(seed);
    m_subscribers.clear();
    m_saved.clear();

    const QStringList firstNames = {QStringLiteral("Anna"),
                                    QStringLiteral("O'Brien"),
                                    QStringLiteral("Robert'); DROP TABLE subscribers;--"),
                                    QStringLiteral("SELECT * FROM"),
                                    QStringLiteral("100%_off"),
                                    QStringLiteral("Zo\u00eb"),
                                    QStringLiteral(""),
                                    QStringLiteral("a\"b"),
                                    QStringLiteral("; DELETE FROM events"),
                                    QStringLiteral("Anne")};
    const QStringList lastNames = {QStringLiteral("Smith"), QStringLiteral("O'Hara"),
                                   QStringLiteral("OR 1=1"), QStringLiteral("M\u00fcller"),
                                   QStringLiteral("Null")};
    const QStringList cities = {QStringLiteral("Berlin"), QStringLiteral("New York"),
                                QStringLiteral("Saint-Jean;"), QStringLiteral("L'Aquila"),
                                QStringLiteral("M\u00fcnchen")};
    const QStringList countries = {QStringLiteral("US"), QStringLiteral("CA"), QStringLiteral("DE"),
                                   QStringLiteral("GB"), QStringLiteral("FR")};
    const QStringList languages = {QStringLiteral("en"), QStringLiteral("de"),
                                   QStringLiteral("fr")};
    const QStringList tiers = {QStringLiteral("Champion"), QStringLiteral("Engaged"),
                               QStringLiteral("At risk")};
    const QStringList rfm = {QStringLiteral("Champions"), QStringLiteral("Loyal"),
                             QStringLiteral("At Risk")};
    const QStringList plans = {QStringLiteral("free"), QStringLiteral("pro"),
                               QStringLiteral("it's"), QStringLiteral("a;b"),
                               QStringLiteral("DROP TABLE")};
    const QStringList campaigns = {QStringLiteral("spring"), QStringLiteral("Spring 'sale'; DROP"),
                                   QStringLiteral("winter"), QStringLiteral("OR 1=1 --")};
    const QStringList categories = {QStringLiteral("shoes"), QStringLiteral("bags"),
                                    QStringLiteral("o'clock")};

    Transaction tx(db);
    for (int i = 0; i < campaigns.size(); ++i) {
        auto st = db.prepare("INSERT INTO campaigns(id, name, status, created_at, updated_at) "
                             "VALUES (?, ?, 'sent', 0, 0)");
        st->bind(1, i + 1).bind(2, campaigns[i]);
        st->run();
    }
    for (int i = 0; i < 9; ++i) {
        auto st = db.prepare(
            "INSERT INTO products(id, sku, name, category, price) VALUES (?, ?, ?, ?, 10)");
        st->bind(1, i + 1).bind(2, QStringLiteral("SKU-%1").arg(i + 1));
        st->bind(3, QStringLiteral("P%1").arg(i)).bind(4, categories[i % 3]);
        st->run();
    }

    auto maybe = [&](double pNull, const QVariant &v) {
        return chance(rng, pNull) ? QVariant() : v;
    };
    for (int i = 1; i <= count; ++i) {
        Subscriber s;
        s.id = i;
        QString email = QStringLiteral("user%1@example.com").arg(i);
        if (i % 7 == 0)
            email = QStringLiteral("o'neil%1@example.org").arg(i);
        else if (i % 11 == 0)
            email = QStringLiteral("x;y%1@drop.example").arg(i);
        const double r = std::uniform_real_distribution<double>(0, 1)(rng);
        const QString status = r < 0.8    ? QStringLiteral("subscribed")
                               : r < 0.92 ? QStringLiteral("unsubscribed")
                                          : QStringLiteral("bounced");
        s.profile[QStringLiteral("email")] = email;
        s.profile[QStringLiteral("first_name")] = maybe(0.1, pickS(rng, firstNames));
        s.profile[QStringLiteral("last_name")] = maybe(0.1, pickS(rng, lastNames));
        s.profile[QStringLiteral("city")] = maybe(0.15, pickS(rng, cities));
        s.profile[QStringLiteral("country")] = maybe(0.1, pickS(rng, countries));
        s.profile[QStringLiteral("language")] = maybe(0.2, pickS(rng, languages));
        s.profile[QStringLiteral("status")] = status;
        // Whole days apart so that date comparisons have boundary cases.
        s.profile[QStringLiteral("created_at")] =
            QVariant::fromValue<qint64>(kNow - rnd(rng, 0, 700) * kDay - (i % 3) * 3600);

        QJsonObject attrs;
        if (chance(rng, 0.8))
            attrs[QStringLiteral("plan")] = pickS(rng, plans);
        if (chance(rng, 0.8))
            attrs[QStringLiteral("score")] =
                chance(rng, 0.5) ? double(rnd(rng, 0, 100)) : rnd(rng, 0, 1000) / 10.0;
        if (chance(rng, 0.7))
            attrs[QStringLiteral("vip")] = chance(rng, 0.3);
        s.attributes = attrs;

        auto st = db.prepare("INSERT INTO subscribers(id, external_id, email, first_name, "
                             "last_name, city, country, language, created_at, status, "
                             "attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        st->bind(1, s.id).bind(2, QStringLiteral("ext-%1").arg(i)).bind(3, email);
        st->bind(4, s.profile[QStringLiteral("first_name")]);
        st->bind(5, s.profile[QStringLiteral("last_name")]);
        st->bind(6, s.profile[QStringLiteral("city")]);
        st->bind(7, s.profile[QStringLiteral("country")]);
        st->bind(8, s.profile[QStringLiteral("language")]);
        st->bind(9, s.profile[QStringLiteral("created_at")]).bind(10, status);
        st->bind(11, QString::fromUtf8(QJsonDocument(attrs).toJson(QJsonDocument::Compact)));
        if (!st->run())
            qFatal("fixture: cannot insert subscriber");

        s.hasMetrics = chance(rng, 0.85);
        if (s.hasMetrics) {
            auto &m = s.metrics;
            m[QStringLiteral("metrics.engagement_score")] = rnd(rng, 0, 1000) / 10.0;
            m[QStringLiteral("metrics.engagement_tier")] = pickS(rng, tiers);
            m[QStringLiteral("metrics.rfm_segment")] = maybe(0.3, pickS(rng, rfm));
            m[QStringLiteral("metrics.order_count")] = QVariant::fromValue<qint64>(rnd(rng, 0, 6));
            m[QStringLiteral("metrics.revenue")] = rnd(rng, 0, 50000) / 100.0;
            m[QStringLiteral("metrics.last_open_at")] =
                maybe(0.25, QVariant::fromValue<qint64>(kNow - rnd(rng, 0, 200) * kDay));
            m[QStringLiteral("metrics.churn_risk")] = maybe(0.2, rnd(rng, 0, 100) / 100.0);
            auto ms = db.prepare(
                "INSERT INTO subscriber_metrics(subscriber_id, engagement_score, engagement_tier, "
                "rfm_segment, order_count, revenue, last_open_at, churn_risk, computed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)");
            ms->bind(1, s.id).bind(2, m[QStringLiteral("metrics.engagement_score")]);
            ms->bind(3, m[QStringLiteral("metrics.engagement_tier")]);
            ms->bind(4, m[QStringLiteral("metrics.rfm_segment")]);
            ms->bind(5, m[QStringLiteral("metrics.order_count")]);
            ms->bind(6, m[QStringLiteral("metrics.revenue")]);
            ms->bind(7, m[QStringLiteral("metrics.last_open_at")]);
            ms->bind(8, m[QStringLiteral("metrics.churn_risk")]);
            if (!ms->run())
                qFatal("fixture: cannot insert metrics");
        }

        const int events = rnd(rng, 0, 14);
        for (int k = 0; k < events; ++k) {
            Event e;
            e.type = rnd(rng, 1, 8);
            // Mostly the last 200 days, a few after "now" (which must never count).
            e.at = chance(rng, 0.05) ? kNow + rnd(rng, 1, 10 * 86400)
                                     : kNow - rnd(rng, 0, 200 * 86400);
            QVariant campaignId, productId;
            if (e.type <= 3 && chance(rng, 0.8)) {
                const int c = rnd(rng, 0, static_cast<int>(campaigns.size()) - 1);
                campaignId = c + 1;
                e.campaign = campaigns[c];
            }
            if (e.type >= 5 && e.type <= 7) {
                const int p = rnd(rng, 0, 8);
                productId = p + 1;
                e.category = categories[p % 3];
                e.sku = QStringLiteral("SKU-%1").arg(p + 1);
            }
            if (e.type == 7)
                e.amount = rnd(rng, 500, 20000) / 100.0;
            auto es = db.prepare("INSERT INTO events(subscriber_id, type, occurred_at, "
                                 "campaign_id, product_id, amount) VALUES (?, ?, ?, ?, ?, ?)");
            es->bind(1, s.id).bind(2, e.type).bind(3, e.at).bind(4, campaignId);
            es->bind(5, productId).bind(6, e.amount);
            if (!es->run())
                qFatal("fixture: cannot insert event");
            s.events.push_back(e);
        }
        m_subscribers.push_back(std::move(s));
    }

    // Reference segments (acyclic): a profile one, a behavioural one that includes
    // unsubscribed subscribers, and one that refers to both.
    auto save = [&](const QString &name, const QByteArray &json) {
        const QJsonObject def = QJsonDocument::fromJson(json).object();
        auto st = db.prepare("INSERT INTO segments(name, definition, created_at, updated_at) "
                             "VALUES (?, ?, 0, 0)");
        st->bind(1, name).bind(2, QString::fromUtf8(json));
        if (!st->run())
            qFatal("fixture: cannot save segment");
        m_saved[name] = def;
    };
    save(QStringLiteral("north_america"),
         R"({"match":"all","conditions":[{"field":"country","op":"in","value":["US","CA"]}]})");
    save(QStringLiteral("openers"), R"({"match":"all","include_unsubscribed":true,"conditions":[)"
                                    R"({"event":"open","count":">= 2","within_days":90}]})");
    save(QStringLiteral("na_openers_not_pro"),
         R"({"match":"all","conditions":[{"segment":"north_america"},{"segment":"openers"},)"
         R"({"field":"attributes.plan","op":"!=","value":"pro"}]})");
    if (!tx.commit())
        qFatal("fixture: commit failed");
}

QVariantList SegmentFixture::valuesOf(const QString &name) const
{
    QVariantList out;
    for (const Subscriber &s : m_subscribers) {
        QVariant v;
        if (name.startsWith(QLatin1String("metrics.")))
            v = s.metrics.value(name);
        else if (name.startsWith(QLatin1String("attributes.")))
            v = fromJson(s.attributes.value(name.mid(11)));
        else
            v = s.profile.value(name);
        if (!v.isNull() && !out.contains(v))
            out << v;
    }
    return out;
}

// ---------------------------------------------------------------- evaluator

std::vector<int64_t> SegmentFixture::evaluate(const QJsonObject &definition, int64_t now) const
{
    std::vector<int64_t> ids;
    for (const Subscriber &s : m_subscribers)
        if (member(s, definition, now))
            ids.push_back(s.id);
    return ids;
}

bool SegmentFixture::member(const Subscriber &s, const QJsonObject &def, int64_t now) const
{
    if (!def.value(QLatin1String("include_unsubscribed")).toBool() &&
        s.profile.value(QStringLiteral("status")).toString() != QLatin1String("subscribed"))
        return false;
    return group(s, def, now);
}

bool SegmentFixture::group(const Subscriber &s, const QJsonObject &g, int64_t now) const
{
    const QJsonArray conds = g.value(QLatin1String("conditions")).toArray();
    if (conds.isEmpty())
        return true;
    const bool any = g.value(QLatin1String("match")).toString() == QLatin1String("any");
    for (const QJsonValue &c : conds) {
        const bool r = condition(s, c.toObject(), now);
        if (any && r)
            return true;
        if (!any && !r)
            return false;
    }
    return !any;
}

bool SegmentFixture::condition(const Subscriber &s, const QJsonObject &c, int64_t now) const
{
    if (c.contains(QLatin1String("field")))
        return field(s, c, now);
    if (c.contains(QLatin1String("event")))
        return event(s, c, now);
    if (c.contains(QLatin1String("segment"))) {
        const bool in = member(s, m_saved.at(c.value(QLatin1String("segment")).toString()), now);
        return c.value(QLatin1String("negate")).toBool() ? !in : in;
    }
    return group(s, c, now);
}

bool SegmentFixture::field(const Subscriber &s, const QJsonObject &c, int64_t now) const
{
    const QString name = c.value(QLatin1String("field")).toString();
    const QString op = c.value(QLatin1String("op")).toString();
    const QJsonValue value = c.value(QLatin1String("value"));
    const Kind kind = kindOf(name);
    QVariant x;
    if (name.startsWith(QLatin1String("metrics.")))
        x = s.metrics.value(name); // no metrics row: NULL
    else if (name.startsWith(QLatin1String("attributes.")))
        x = fromJson(s.attributes.value(name.mid(11)));
    else
        x = s.profile.value(name);

    auto cmp = [&](const QJsonValue &v, bool endOfDay) {
        return compare(x, valueFor(kind, v, endOfDay));
    };
    auto isSet = [&] {
        return !x.isNull() && !(x.typeId() == QMetaType::QString && x.toString().isEmpty());
    };
    if (op == QLatin1String("is_set"))
        return isSet();
    if (op == QLatin1String("is_not_set"))
        return !isSet();
    if (op == QLatin1String("=")) {
        auto r = cmp(value, false);
        return r && *r == 0;
    }
    if (op == QLatin1String("!=")) {
        auto r = cmp(value, false);
        return !(r && *r == 0);
    }
    if (op == QLatin1String("in") || op == QLatin1String("not_in")) {
        bool found = false;
        for (const QJsonValue &v : value.toArray()) {
            auto r = cmp(v, false);
            found = found || (r && *r == 0);
        }
        return op == QLatin1String("in") ? found : !found;
    }
    if (op == QLatin1String("contains"))
        return x.typeId() == QMetaType::QString && x.toString().contains(value.toString());
    if (op == QLatin1String("starts_with"))
        return x.typeId() == QMetaType::QString && x.toString().startsWith(value.toString());
    if (op == QLatin1String("between")) {
        auto lo = cmp(value.toArray()[0], false);
        auto hi = cmp(value.toArray()[1], true);
        return lo && hi && *lo >= 0 && *hi <= 0;
    }
    if (op == QLatin1String("within_last_days")) {
        if (x.isNull())
            return false;
        const int64_t t = x.toLongLong();
        return t >= now - static_cast<int64_t>(value.toDouble()) * kDay && t <= now;
    }
    const bool endOfDay =
        op == QLatin1String("after") || op == QLatin1String("<=") || op == QLatin1String(">");
    auto r = cmp(value, endOfDay);
    if (!r)
        return false;
    if (op == QLatin1String("<") || op == QLatin1String("before"))
        return *r < 0;
    if (op == QLatin1String("<="))
        return *r <= 0;
    if (op == QLatin1String(">") || op == QLatin1String("after"))
        return *r > 0;
    if (op == QLatin1String(">="))
        return *r >= 0;
    qFatal("evaluator: unhandled operator");
    return false;
}

bool SegmentFixture::event(const Subscriber &s, const QJsonObject &c, int64_t now) const
{
    const int type =
        static_cast<int>(kEventNames.indexOf(c.value(QLatin1String("event")).toString())) + 1;
    int64_t from = INT64_MIN, to = now;
    if (c.contains(QLatin1String("within_days")))
        from = now - static_cast<int64_t>(c.value(QLatin1String("within_days")).toDouble()) * kDay;
    if (c.contains(QLatin1String("between"))) {
        from = dateValue(c.value(QLatin1String("between")).toArray()[0], false);
        to = std::min(now, dateValue(c.value(QLatin1String("between")).toArray()[1], true));
    }
    const QJsonObject where = c.value(QLatin1String("where")).toObject();
    auto listOf = [&](const char *key) {
        QStringList l;
        const QJsonValue v = where.value(QLatin1String(key));
        if (v.isString())
            l << v.toString();
        for (const QJsonValue &x : v.toArray())
            l << x.toString();
        return l;
    };
    const QStringList campaigns = listOf("campaign"), categories = listOf("category"),
                      skus = listOf("sku");
    int64_t count = 0;
    for (const Event &e : s.events) {
        if (e.type != type || e.at < from || e.at > to)
            continue;
        if (where.contains(QLatin1String("campaign")) &&
            (e.campaign.isNull() || !campaigns.contains(e.campaign.toString())))
            continue;
        if (where.contains(QLatin1String("category")) &&
            (e.category.isNull() || !categories.contains(e.category.toString())))
            continue;
        if (where.contains(QLatin1String("sku")) &&
            (e.sku.isNull() || !skus.contains(e.sku.toString())))
            continue;
        if (where.contains(QLatin1String("amount"))) {
            if (e.amount.isNull())
                continue;
            const QStringList parts =
                where.value(QLatin1String("amount")).toString().split(QLatin1Char(' '));
            const double limit = parts[1].toDouble(), a = e.amount.toDouble();
            const QString op = parts[0];
            const bool ok = op == QLatin1String(">=")   ? a >= limit
                            : op == QLatin1String(">")  ? a > limit
                            : op == QLatin1String("<")  ? a < limit
                            : op == QLatin1String("<=") ? a <= limit
                                                        : a == limit;
            if (!ok)
                continue;
        }
        ++count;
    }
    const QStringList parts =
        c.value(QLatin1String("count")).toString(QStringLiteral(">= 1")).split(QLatin1Char(' '));
    return countMatches(parts[0], count, parts[1].toLongLong());
}

// ---------------------------------------------------------------- random definitions

QJsonObject SegmentFixture::randomDefinition(std::mt19937_64 &rng) const
{
    QJsonObject def = randomGroup(rng, 0);
    if (chance(rng, 0.15))
        def[QStringLiteral("include_unsubscribed")] = true;
    return def;
}

QJsonObject SegmentFixture::randomGroup(std::mt19937_64 &rng, int depth) const
{
    QJsonArray conds;
    const int n = rnd(rng, depth == 0 ? 1 : 0, 4);
    for (int i = 0; i < n; ++i)
        conds.append(randomCondition(rng, depth));
    return QJsonObject{
        {QStringLiteral("match"), chance(rng, 0.5) ? QStringLiteral("all") : QStringLiteral("any")},
        {QStringLiteral("conditions"), conds}};
}

QJsonObject SegmentFixture::randomCondition(std::mt19937_64 &rng, int depth) const
{
    const double r = std::uniform_real_distribution<double>(0, 1)(rng);
    if (r < 0.15 && depth < 2)
        return randomGroup(rng, depth + 1);
    if (r < 0.22) {
        std::vector<QString> names;
        for (const auto &kv : m_saved)
            names.push_back(kv.first);
        QJsonObject c{{QStringLiteral("segment"), pick(rng, names)}};
        if (chance(rng, 0.5))
            c[QStringLiteral("negate")] = true;
        return c;
    }
    if (r < 0.5)
        return randomEvent(rng);
    return randomField(rng);
}

QJsonObject SegmentFixture::randomField(std::mt19937_64 &rng) const
{
    const FieldSpec &spec = pick(rng, fieldSpecs());
    const QString name = QLatin1String(spec.name);
    QVariantList values = valuesOf(name);
    auto someValue = [&]() -> QJsonValue {
        if (spec.kind == Kind::Bool)
            return chance(rng, 0.5);
        if (spec.kind == Kind::Date) {
            const int64_t t =
                values.isEmpty() ? kNow : values[rnd(rng, 0, int(values.size()) - 1)].toLongLong();
            // A stored time itself (boundaries), or its calendar day as text.
            return chance(rng, 0.5) ? QJsonValue(double(t)) : QJsonValue(isoDate(t));
        }
        if (values.isEmpty() || chance(rng, 0.1)) {
            if (spec.kind == Kind::Number)
                return double(rnd(rng, 0, 100));
            return QStringLiteral("nobody's; DROP TABLE subscribers");
        }
        return toJson(values[rnd(rng, 0, int(values.size()) - 1)]);
    };
    QStringList ops;
    switch (spec.kind) {
    case Kind::Text:
        ops = {
            QStringLiteral("="),      QStringLiteral("!="),         QStringLiteral("in"),
            QStringLiteral("not_in"), QStringLiteral("contains"),   QStringLiteral("starts_with"),
            QStringLiteral("is_set"), QStringLiteral("is_not_set"), QStringLiteral("<"),
            QStringLiteral(">="),     QStringLiteral("between")};
        break;
    case Kind::Number:
        ops = {QStringLiteral("="),       QStringLiteral("!="),        QStringLiteral("<"),
               QStringLiteral("<="),      QStringLiteral(">"),         QStringLiteral(">="),
               QStringLiteral("between"), QStringLiteral("in"),        QStringLiteral("not_in"),
               QStringLiteral("is_set"),  QStringLiteral("is_not_set")};
        break;
    case Kind::Date:
        ops = {QStringLiteral("within_last_days"),
               QStringLiteral("before"),
               QStringLiteral("after"),
               QStringLiteral("between"),
               QStringLiteral("<"),
               QStringLiteral("<="),
               QStringLiteral(">"),
               QStringLiteral(">="),
               QStringLiteral("is_set"),
               QStringLiteral("is_not_set")};
        break;
    case Kind::Bool:
        ops = {QStringLiteral("="), QStringLiteral("!="), QStringLiteral("is_set"),
               QStringLiteral("is_not_set")};
        break;
    }
    const QString op = pickS(rng, ops);
    QJsonObject c{{QStringLiteral("field"), name}, {QStringLiteral("op"), op}};
    if (op == QLatin1String("is_set") || op == QLatin1String("is_not_set"))
        return c;
    if (op == QLatin1String("in") || op == QLatin1String("not_in")) {
        QJsonArray a;
        const int n = rnd(rng, 1, 3);
        for (int i = 0; i < n; ++i)
            a.append(someValue());
        c[QStringLiteral("value")] = a;
    } else if (op == QLatin1String("between")) {
        QJsonValue a = someValue(), b = someValue();
        if (spec.kind == Kind::Date && a.isString() != b.isString())
            b = a;
        c[QStringLiteral("value")] = QJsonArray{a, b};
    } else if (op == QLatin1String("within_last_days")) {
        c[QStringLiteral("value")] = double(rnd(rng, 0, 400));
    } else if (op == QLatin1String("contains") || op == QLatin1String("starts_with")) {
        const QStringList fragments = {
            QStringLiteral("'"),  QStringLiteral(";"),    QStringLiteral("DROP"),
            QStringLiteral("%"),  QStringLiteral("_"),    QStringLiteral("example"),
            QStringLiteral("Zo"), QStringLiteral("O'"),   QStringLiteral("user1"),
            QStringLiteral("--"), QStringLiteral("a\"b"), QStringLiteral("pro")};
        QString v = pickS(rng, fragments);
        if (chance(rng, 0.3)) {
            const QJsonValue whole = someValue();
            if (whole.isString() && !whole.toString().isEmpty())
                v = whole.toString().left(rnd(rng, 1, 6));
        }
        c[QStringLiteral("value")] = v;
    } else {
        c[QStringLiteral("value")] = someValue();
    }
    return c;
}

QJsonObject SegmentFixture::randomEvent(std::mt19937_64 &rng) const
{
    const QString type = pickS(rng, kEventNames);
    QJsonObject c{{QStringLiteral("event"), type}};
    const QStringList ops = {QStringLiteral(">="), QStringLiteral(">"), QStringLiteral("="),
                             QStringLiteral("!="), QStringLiteral("<"), QStringLiteral("<=")};
    if (chance(rng, 0.8))
        c[QStringLiteral("count")] =
            pickS(rng, ops) + QLatin1Char(' ') + QString::number(rnd(rng, 0, 3));
    const double w = std::uniform_real_distribution<double>(0, 1)(rng);
    if (w < 0.6) {
        c[QStringLiteral("within_days")] = double(rnd(rng, 0, 200));
    } else if (w < 0.8) {
        const int64_t a = kNow - rnd(rng, 0, 200) * kDay, b = a + rnd(rng, 0, 90) * kDay;
        c[QStringLiteral("between")] = QJsonArray{isoDate(a), isoDate(b)};
    }
    QJsonObject where;
    if ((type == QLatin1String("open") || type == QLatin1String("click") ||
         type == QLatin1String("sent")) &&
        chance(rng, 0.4)) {
        const QStringList names = {QStringLiteral("spring"), QStringLiteral("Spring 'sale'; DROP"),
                                   QStringLiteral("winter"), QStringLiteral("OR 1=1 --"),
                                   QStringLiteral("missing")};
        if (chance(rng, 0.5))
            where[QStringLiteral("campaign")] = pickS(rng, names);
        else
            where[QStringLiteral("campaign")] = QJsonArray{pickS(rng, names), pickS(rng, names)};
    }
    if ((type == QLatin1String("purchase") || type == QLatin1String("product_view") ||
         type == QLatin1String("cart_add")) &&
        chance(rng, 0.5)) {
        const QStringList cats = {QStringLiteral("shoes"), QStringLiteral("bags"),
                                  QStringLiteral("o'clock")};
        if (chance(rng, 0.7))
            where[QStringLiteral("category")] = pickS(rng, cats);
        else
            where[QStringLiteral("sku")] = QStringLiteral("SKU-%1").arg(rnd(rng, 1, 9));
    }
    if (type == QLatin1String("purchase") && chance(rng, 0.4))
        where[QStringLiteral("amount")] =
            pickS(rng, {QStringLiteral(">="), QStringLiteral("<"), QStringLiteral(">")}) +
            QLatin1Char(' ') + QString::number(rnd(rng, 5, 200));
    if (!where.isEmpty())
        c[QStringLiteral("where")] = where;
    return c;
}

} // namespace mw::test
