#include "subscriberdirectory.h"

#include "segments/segmentservice.h"
#include "storage/database.h"

namespace mw::ui {

namespace {

constexpr std::string_view kColumns =
    "SELECT id, email, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) "
    "FROM subscribers ";

Result<SubscriberRef> one(Database &db, std::string_view where, const QVariantList &binds)
{
    auto st = db.prepare(std::string(kColumns) + std::string(where));
    if (!st)
        return st.error();
    st->bindAll(binds);
    if (!st->step()) {
        if (st->error())
            return *st->error();
        return Error(Error::Code::NotFound, QStringLiteral("no such subscriber"));
    }
    return SubscriberRef{st->int64(0), st->text(1), st->text(2)};
}

} // namespace

QString SubscriberRef::label() const
{
    return name.isEmpty() ? email : QStringLiteral("%1 <%2>").arg(name, email);
}

Result<QList<SubscriberRef>> SubscriberDirectory::search(Database &db, const QString &text,
                                                         int limit)
{
    QString pattern = text.trimmed().toLower();
    pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    pattern.replace(QLatin1Char('%'), QLatin1String("\\%"));
    pattern.replace(QLatin1Char('_'), QLatin1String("\\_"));
    pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
    auto st = db.prepare(std::string(kColumns) +
                         "WHERE email LIKE ?1 ESCAPE '\\' OR lower(coalesce(first_name, '') || "
                         "' ' || coalesce(last_name, '')) LIKE ?1 ESCAPE '\\' ORDER BY id "
                         "LIMIT ?2");
    if (!st)
        return st.error();
    st->bind(1, pattern).bind(2, limit);
    QList<SubscriberRef> out;
    while (st->step())
        out.append({st->int64(0), st->text(1), st->text(2)});
    if (st->error())
        return *st->error();
    return out;
}

Result<SubscriberRef> SubscriberDirectory::byId(Database &db, qint64 id)
{
    return one(db, "WHERE id = ?1", {id});
}

Result<SubscriberRef> SubscriberDirectory::neighbour(Database &db, qint64 id, int step)
{
    auto r = step > 0 ? one(db, "WHERE id > ?1 ORDER BY id LIMIT 1", {id})
                      : one(db, "WHERE id < ?1 ORDER BY id DESC LIMIT 1", {id});
    if (r || r.error().code != Error::Code::NotFound)
        return r;
    return step > 0 ? one(db, "ORDER BY id LIMIT 1", {}) : one(db, "ORDER BY id DESC LIMIT 1", {});
}

Result<SubscriberRef> SubscriberDirectory::random(Database &db, quint32 seed)
{
    auto range = db.prepare("SELECT min(id), max(id) FROM subscribers");
    if (!range)
        return range.error();
    if (!range->step() || range->isNull(0))
        return Error(Error::Code::NotFound, QStringLiteral("the database has no subscribers"));
    const qint64 lo = range->int64(0);
    const qint64 hi = range->int64(1);
    const qint64 pick = lo + static_cast<qint64>(seed % static_cast<quint64>(hi - lo + 1));
    return one(db, "WHERE id >= ?1 ORDER BY id LIMIT 1", {pick});
}

Result<SubscriberRef> SubscriberDirectory::first(Database &db)
{
    return one(db, "ORDER BY id LIMIT 1", {});
}

Result<QStringList> SubscriberDirectory::segmentNames(Database &db)
{
    auto st = db.prepare("SELECT name FROM segments ORDER BY name");
    if (!st)
        return st.error();
    QStringList out;
    while (st->step())
        out.append(st->text(0));
    return out;
}

Result<QList<qint64>> SubscriberDirectory::segmentMembers(Database &db, const QString &segment,
                                                          int limit)
{
    SegmentService service(db);
    auto ids = service.memberIds(segment, db.referenceTime(), limit);
    if (!ids)
        return ids.error();
    return QList<qint64>(ids->begin(), ids->end());
}

} // namespace mw::ui
