#include "productimporter.h"

#include "io/fieldparsers.h"

#include <sqlite3.h>

namespace mw {

namespace {

enum Field { Sku, Name, Category, Price, ImageUrl, Url };

bool isHttpUrl(std::string_view v)
{
    const bool scheme = v.starts_with("http://") || v.starts_with("https://");
    return scheme && v.find_first_of(" \t\r\n") == std::string_view::npos &&
           v.size() > (v.starts_with("https") ? 8u : 7u);
}

} // namespace

QStringList ProductImporter::knownFields() const
{
    return {QStringLiteral("sku"),   QStringLiteral("name"),      QStringLiteral("category"),
            QStringLiteral("price"), QStringLiteral("image_url"), QStringLiteral("url")};
}

Status ProductImporter::begin(Database &db, const QStringList &,
                              const std::vector<ColumnTarget> &mapping, const ImportOptions &)
{
    if (Status s = resolveColumns(mapping); !s)
        return s;
    m_attributes.clear(); // products have no custom attributes
    for (int f : {Sku, Name, Category, Price})
        if (m_column[static_cast<size_t>(f)] < 0)
            return Error(Error::Code::BadInput,
                         QStringLiteral("the file has no \"%1\" column (products need sku, name, "
                                        "category and price)")
                             .arg(knownFields().at(f)),
                         1);
    m_db = &db;
    auto st = db.prepare("INSERT INTO products(sku, name, category, price, image_url, url)"
                         " VALUES(?1, ?2, ?3, ?4, ?5, ?6)"
                         " ON CONFLICT(sku) DO UPDATE SET name = ?2, category = ?3, price = ?4,"
                         " image_url = coalesce(?5, image_url), url = coalesce(?6, url)");
    if (!st)
        return st.error();
    m_upsert = std::move(*st);
    m_seen.clear();
    return {};
}

RowImporter::Outcome ProductImporter::importRow(const CsvRecord &rec, QString &reason)
{
    auto cell = [&](int f) -> std::string_view {
        const int c = m_column[static_cast<size_t>(f)];
        return c < 0 ? std::string_view() : fields::trimmed(rec.field(c));
    };
    for (int f : {Sku, Name, Category, Price}) {
        if (cell(f).empty()) {
            reason = QStringLiteral("%1 is empty").arg(knownFields().at(f));
            return Outcome::Bad;
        }
    }
    const std::string sku(cell(Sku));
    if (const auto it = m_seen.find(sku); it != m_seen.end()) {
        reason =
            QStringLiteral("duplicate sku %1 (first on line %2)").arg(quoted(sku)).arg(it->second);
        return Outcome::Bad;
    }
    double price = 0;
    if (!fields::parseMoney(cell(Price), price) || price < 0) {
        reason = QStringLiteral("price must be a number from 0 to 1,000,000,000,000, not %1")
                     .arg(quoted(cell(Price)));
        return Outcome::Bad;
    }
    for (int f : {ImageUrl, Url}) {
        if (!cell(f).empty() && !isHttpUrl(cell(f))) {
            reason = QStringLiteral("%1 must be an http(s) URL, not %2")
                         .arg(knownFields().at(f), quoted(cell(f)));
            return Outcome::Bad;
        }
    }
    m_upsert.bind(1, std::string_view(sku))
        .bind(2, cell(Name))
        .bind(3, cell(Category))
        .bind(4, price);
    cell(ImageUrl).empty() ? m_upsert.bindNull(5) : m_upsert.bind(5, cell(ImageUrl));
    cell(Url).empty() ? m_upsert.bindNull(6) : m_upsert.bind(6, cell(Url));
    const int64_t before = sqlite3_last_insert_rowid(m_db->handle());
    if (Status s = m_upsert.run(); !s) {
        m_upsert.reset();
        return sqlFailure(s.error(), reason);
    }
    m_seen.emplace(sku, rec.line);
    return sqlite3_last_insert_rowid(m_db->handle()) != before ? Outcome::Inserted
                                                               : Outcome::Updated;
}

} // namespace mw
