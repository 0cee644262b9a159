#include "segmentpreview.h"

#include "segmentcompiler.h"
#include "segmentfields.h"
#include "storage/database.h"

#include <QElapsedTimer>

#include <sqlite3.h>

namespace mw {

namespace {

int progressCallback(void *context)
{
    const auto *stale = static_cast<const std::function<bool()> *>(context);
    return (*stale)() ? 1 : 0;
}

Result<Database> openReader(const QString &path)
{
    Database::OpenOptions o;
    o.readOnly = true;
    o.migrate = false;
    return Database::open(path, o);
}

Result<QStringList> column(const QString &path, const std::string &sql, const QVariantList &binds)
{
    auto db = openReader(path);
    if (!db)
        return db.error();
    auto st = db->prepare(sql);
    if (!st)
        return st.error();
    st->bindAll(binds);
    QStringList out;
    while (st->step())
        out << st->text(0);
    if (st->error())
        return *st->error();
    return out;
}

} // namespace

SegmentPreview SegmentPreviewJob::run(const QString &databasePath, const QJsonObject &definition,
                                      int64_t now, int sampleSize,
                                      const std::function<bool()> &stale)
{
    SegmentPreview p;
    QElapsedTimer timer;
    timer.start();
    auto db = openReader(databasePath);
    if (!db) {
        p.error = db.error();
        return p;
    }
    sqlite3_progress_handler(db->handle(), 2000, &progressCallback,
                             const_cast<std::function<bool()> *>(&stale));
    if (now < 0)
        now = db->referenceTime();
    // One-pass counts gain nothing from a big page cache (see segmentcommand.cpp).
    db->exec("PRAGMA cache_size = -2000");
    SegmentCompiler compiler(*db);
    auto compiled = compiler.compile(definition, now);
    if (!compiled) {
        p.error = compiled.error();
        return p;
    }
    const SqlFragment members = compiled->membersQuery();
    p.sql = members.sql;
    p.binds = members.binds;
    SegmentService service(*db);
    auto count = service.runCount(compiled->countQuery());
    if (!count) {
        p.error = count.error();
        return p;
    }
    p.count = *count;
    auto funnel = service.funnel(*compiled);
    if (!funnel) {
        p.error = funnel.error();
        return p;
    }
    p.funnel = *funnel;
    auto sample = service.members(*compiled, sampleSize);
    if (!sample) {
        p.error = sample.error();
        return p;
    }
    p.sample = *sample;
    sqlite3_progress_handler(db->handle(), 0, nullptr, nullptr);
    p.elapsedMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    p.ok = true;
    return p;
}

Result<QStringList> SegmentPreviewJob::distinctValues(const QString &databasePath,
                                                      const QString &field, int limit)
{
    const SegmentField *f = SegmentFields::find(field);
    if (!f)
        return Error(Error::Code::BadInput, QStringLiteral("unknown field \"%1\"").arg(field));
    // Only whitelisted column names reach the SQL text.
    std::string sql;
    QVariantList binds;
    if (f->group == FieldGroup::Attributes) {
        sql = "SELECT DISTINCT v FROM (SELECT json_extract(attributes, ?) AS v FROM subscribers "
              "LIMIT 20000) WHERE v IS NOT NULL AND v <> '' ORDER BY v LIMIT ?";
        binds << QString(QStringLiteral("$.") + SegmentFields::attributeKey(field));
    } else {
        const std::string table =
            f->group == FieldGroup::Metrics ? "subscriber_metrics" : "subscribers";
        const std::string col = f->column.toStdString();
        sql = "SELECT DISTINCT " + col + " FROM " + table + " WHERE " + col + " IS NOT NULL AND " +
              col + " <> '' ORDER BY 1 LIMIT ?";
    }
    binds << limit;
    return column(databasePath, sql, binds);
}

Result<QStringList> SegmentPreviewJob::campaignNames(const QString &databasePath)
{
    return column(databasePath, "SELECT name FROM campaigns ORDER BY name LIMIT 500", {});
}

Result<QStringList> SegmentPreviewJob::categories(const QString &databasePath)
{
    return column(databasePath, "SELECT DISTINCT category FROM products ORDER BY 1 LIMIT 500", {});
}

Result<QStringList> SegmentPreviewJob::attributeKeys(const QString &databasePath, int sampleRows)
{
    return column(databasePath,
                  "SELECT DISTINCT j.key FROM (SELECT attributes FROM subscribers LIMIT ?) s, "
                  "json_each(s.attributes) j ORDER BY 1 LIMIT 200",
                  {sampleRows});
}

} // namespace mw
