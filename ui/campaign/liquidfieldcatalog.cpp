#include "liquidfieldcatalog.h"

#include "storage/database.h"

namespace mw::ui {

namespace {

void addColumns(Database &db, std::string_view table, const QString &prefix, QStringList &out,
                const QStringList &skip)
{
    auto st = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
    if (!st)
        return;
    st->bind(1, table);
    while (st->step()) {
        const QString name = st->text(0);
        if (!skip.contains(name))
            out.append(prefix + name);
    }
}

} // namespace

QStringList LiquidFieldCatalog::fields(Database &db)
{
    QStringList out;
    addColumns(db, "subscribers", QStringLiteral("subscriber."), out,
               {QStringLiteral("attributes")});
    addColumns(db, "subscriber_metrics", QStringLiteral("metrics."), out,
               {QStringLiteral("subscriber_id")});
    // Attribute keys are free-form; a sample of rows is enough to learn the usual ones.
    auto st = db.prepare("SELECT DISTINCT j.key FROM (SELECT attributes FROM subscribers "
                         "LIMIT 2000) s, json_each(s.attributes) j ORDER BY j.key LIMIT 200");
    if (st) {
        while (st->step())
            out.append(QStringLiteral("attributes.") + st->text(0));
    }
    out.append(QStringLiteral("campaign.name"));
    out.append(QStringLiteral("recommendations"));
    return out;
}

QStringList LiquidFieldCatalog::filters()
{
    // Shopify Liquid's standard filters (ruby-liquid 5).
    static const QStringList names = {
        QStringLiteral("abs"),           QStringLiteral("append"),
        QStringLiteral("at_least"),      QStringLiteral("at_most"),
        QStringLiteral("capitalize"),    QStringLiteral("ceil"),
        QStringLiteral("compact"),       QStringLiteral("concat"),
        QStringLiteral("date"),          QStringLiteral("default"),
        QStringLiteral("divided_by"),    QStringLiteral("downcase"),
        QStringLiteral("escape"),        QStringLiteral("escape_once"),
        QStringLiteral("first"),         QStringLiteral("floor"),
        QStringLiteral("join"),          QStringLiteral("last"),
        QStringLiteral("lstrip"),        QStringLiteral("map"),
        QStringLiteral("minus"),         QStringLiteral("modulo"),
        QStringLiteral("newline_to_br"), QStringLiteral("plus"),
        QStringLiteral("prepend"),       QStringLiteral("remove"),
        QStringLiteral("remove_first"),  QStringLiteral("replace"),
        QStringLiteral("replace_first"), QStringLiteral("reverse"),
        QStringLiteral("round"),         QStringLiteral("rstrip"),
        QStringLiteral("size"),          QStringLiteral("slice"),
        QStringLiteral("sort"),          QStringLiteral("sort_natural"),
        QStringLiteral("split"),         QStringLiteral("strip"),
        QStringLiteral("strip_html"),    QStringLiteral("strip_newlines"),
        QStringLiteral("times"),         QStringLiteral("truncate"),
        QStringLiteral("truncatewords"), QStringLiteral("uniq"),
        QStringLiteral("upcase"),        QStringLiteral("url_decode"),
        QStringLiteral("url_encode"),    QStringLiteral("where")};
    return names;
}

} // namespace mw::ui
