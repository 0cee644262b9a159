#include "recommendationprovider.h"

#include <QSet>

namespace mw {

namespace {

struct Product {
    int64_t id;
    QString sku, name, category, imageUrl, url;
    double price;
    int64_t sold;
};

std::string utf8(const QString &s)
{
    return s.toStdString();
}

// Links from an imported catalogue are data: only web links survive into an email.
QString safeUrl(const QString &url)
{
    const QString u = url.trimmed();
    if (u.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) ||
        u.startsWith(QLatin1String("http://"), Qt::CaseInsensitive))
        return u;
    return QStringLiteral("#");
}

liquid::Value productValue(const Product &p)
{
    liquid::Hash h;
    h.reserve(9);
    h.set("id", liquid::Value(static_cast<long long>(p.id)));
    h.set("sku", liquid::Value::untrusted(utf8(p.sku)));
    h.set("name", liquid::Value::untrusted(utf8(p.name)));
    h.set("category", liquid::Value::untrusted(utf8(p.category)));
    h.set("price", liquid::Value(p.price));
    h.set("price_formatted", liquid::Value::untrusted(utf8(QString::number(p.price, 'f', 2))));
    h.set("image_url",
          liquid::Value::untrusted(utf8(p.imageUrl.isEmpty() ? QString() : safeUrl(p.imageUrl))));
    h.set("url", liquid::Value::untrusted(utf8(safeUrl(p.url))));
    h.set("sold", liquid::Value(static_cast<long long>(p.sold)));
    return liquid::Value(std::move(h));
}

} // namespace

std::shared_ptr<const RecommendationProvider> RecommendationProvider::empty()
{
    auto p = std::make_shared<RecommendationProvider>();
    p->m_lists.push_back(liquid::Value(liquid::Array()));
    return p;
}

Result<std::shared_ptr<const RecommendationProvider>> RecommendationProvider::load(Database &db,
                                                                                   int size)
{
    auto st =
        db.prepare("SELECT p.id, p.sku, p.name, p.category, p.price, coalesce(p.image_url, ''), "
                   "coalesce(p.url, ''), count(*) AS sold FROM events e JOIN products p ON p.id = "
                   "e.product_id WHERE e.type = 7 GROUP BY p.id ORDER BY sold DESC, p.id");
    if (!st)
        return st.error();
    std::vector<Product> sold;
    while (st->step())
        sold.push_back({st->int64(0), st->text(1), st->text(2), st->text(3), st->text(5),
                        st->text(6), st->real(4), st->int64(7)});
    if (const Error *e = st->error())
        return *e;

    auto provider = std::make_shared<RecommendationProvider>();
    const auto build = [&](const QString &category) {
        liquid::Array list;
        QSet<int64_t> taken;
        if (!category.isEmpty())
            for (const Product &p : sold)
                if (static_cast<int>(list.size()) < size &&
                    p.category.compare(category, Qt::CaseInsensitive) == 0) {
                    list.push_back(productValue(p));
                    taken.insert(p.id);
                }
        for (const Product &p : sold)
            if (static_cast<int>(list.size()) < size && !taken.contains(p.id))
                list.push_back(productValue(p));
        return liquid::Value(std::move(list));
    };
    provider->m_lists.push_back(build(QString()));
    for (const Product &p : sold) {
        const QString key = p.category.toLower();
        if (provider->m_byCategory.contains(key))
            continue;
        provider->m_byCategory.insert(key, static_cast<int>(provider->m_lists.size()));
        provider->m_lists.push_back(build(p.category));
    }
    return std::shared_ptr<const RecommendationProvider>(std::move(provider));
}

int RecommendationProvider::listIndex(const QString &favoriteCategory) const
{
    if (favoriteCategory.isEmpty())
        return 0;
    return m_byCategory.value(favoriteCategory.toLower(), 0);
}

} // namespace mw
