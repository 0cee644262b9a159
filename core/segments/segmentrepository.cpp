#include "segmentrepository.h"

#include "segmentcompiler.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace mw {

namespace {

/// Names are printed one per line (`segment list`) and in tab-separated columns: a line
/// break or tab inside one would read as two names.
Status checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error(Error::Code::BadInput, QStringLiteral("a segment needs a name"));
    for (const QChar c : name)
        if (c.category() == QChar::Other_Control)
            return Error(Error::Code::BadInput,
                         QStringLiteral("a segment name cannot contain line breaks, tabs or "
                                        "other control characters"));
    return {};
}

constexpr std::string_view kSelect =
    "SELECT id, name, definition, purpose, inclusion_notes, exclusion_notes, kpi, owner, "
    "version, created_at, updated_at, last_count, last_counted_at FROM segments ";

SavedSegment readRow(const Statement &st)
{
    SavedSegment s;
    s.id = st.int64(0);
    s.name = st.text(1);
    s.definition = QJsonDocument::fromJson(st.text(2).toUtf8()).object();
    s.documentation = {st.text(3), st.text(4), st.text(5), st.text(6), st.text(7)};
    s.version = static_cast<int>(st.int64(8));
    s.createdAt = st.int64(9);
    s.updatedAt = st.int64(10);
    if (!st.isNull(11))
        s.lastCount = st.int64(11);
    s.lastCountedAt = st.isNull(12) ? 0 : st.int64(12);
    return s;
}

} // namespace

SegmentRepository::SegmentRepository(Database &db) : m_db(db) {}

Result<std::vector<SavedSegment>> SegmentRepository::list()
{
    auto st = m_db.prepare(std::string(kSelect) + "ORDER BY name");
    if (!st)
        return st.error();
    std::vector<SavedSegment> out;
    while (st->step())
        out.push_back(readRow(*st));
    if (st->error())
        return *st->error();
    return out;
}

Result<SavedSegment> SegmentRepository::load(const QString &name)
{
    auto st = m_db.prepare(std::string(kSelect) + "WHERE name = ?");
    if (!st)
        return st.error();
    st->bind(1, name);
    if (!st->step()) {
        if (st->error())
            return *st->error();
        return Error(Error::Code::NotFound, QStringLiteral("unknown segment \"%1\"").arg(name));
    }
    return readRow(*st);
}

Result<SavedSegment> SegmentRepository::save(const QString &name, const QJsonObject &definition,
                                             const std::optional<SegmentDocumentation> &doc,
                                             int64_t referenceNow)
{
    if (Status s = checkName(name); !s)
        return s.error();
    SegmentCompiler compiler(m_db);
    if (auto c = compiler.compile(definition, referenceNow, name); !c)
        return c.error();

    const QString text =
        QString::fromUtf8(QJsonDocument(definition).toJson(QJsonDocument::Compact));
    const int64_t now = QDateTime::currentSecsSinceEpoch();
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto existing = load(name);
    int version = 1;
    if (existing) {
        version = existing->version + 1;
        const SegmentDocumentation d = doc.value_or(existing->documentation);
        auto st = m_db.prepare("UPDATE segments SET definition = ?, purpose = ?, "
                               "inclusion_notes = ?, exclusion_notes = ?, kpi = ?, owner = ?, "
                               "version = ?, updated_at = ? WHERE id = ?");
        if (!st)
            return st.error();
        st->bind(1, text).bind(2, d.purpose).bind(3, d.inclusionNotes).bind(4, d.exclusionNotes);
        st->bind(5, d.kpi).bind(6, d.owner).bind(7, version).bind(8, now).bind(9, existing->id);
        if (Status s = st->run(); !s)
            return s.error();
    } else if (existing.error().code != Error::Code::NotFound) {
        return existing.error();
    } else {
        const SegmentDocumentation d = doc.value_or(SegmentDocumentation{});
        auto st = m_db.prepare("INSERT INTO segments(name, definition, purpose, inclusion_notes, "
                               "exclusion_notes, kpi, owner, version, created_at, updated_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
        if (!st)
            return st.error();
        st->bind(1, name).bind(2, text).bind(3, d.purpose).bind(4, d.inclusionNotes);
        st->bind(5, d.exclusionNotes).bind(6, d.kpi).bind(7, d.owner).bind(8, now).bind(9, now);
        if (Status s = st->run(); !s)
            return s.error();
    }
    auto ver = m_db.prepare("INSERT OR REPLACE INTO segment_versions(segment_id, version, "
                            "definition, created_at) "
                            "SELECT id, ?, ?, ? FROM segments WHERE name = ?");
    if (!ver)
        return ver.error();
    ver->bind(1, version).bind(2, text).bind(3, now).bind(4, name);
    if (Status s = ver->run(); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return load(name);
}

Status SegmentRepository::recordCount(const QString &name, int64_t count, int64_t countedAt)
{
    auto st =
        m_db.prepare("UPDATE segments SET last_count = ?, last_counted_at = ? WHERE name = ?");
    if (!st)
        return st.error();
    st->bind(1, count).bind(2, countedAt).bind(3, name);
    return st->run();
}

namespace {

// Whether a JSON document (a segment definition, a campaign or block document) has a
// condition {"segment": name} anywhere.
bool refersTo(const QJsonValue &v, const QString &name)
{
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            if (refersTo(e, name))
                return true;
        return false;
    }
    if (!v.isObject())
        return false;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("segment") && it.value().toString() == name)
            return true;
        if (refersTo(it.value(), name))
            return true;
    }
    return false;
}

} // namespace

Result<QStringList> SegmentRepository::usedBy(const QString &name)
{
    // Candidates by text first (cheap), then confirmed on the parsed document.
    static constexpr std::string_view kQuery =
        "SELECT 'segment', name, definition FROM segments"
        "  WHERE name <> ?1 AND instr(definition, '\"segment\"') > 0"
        " UNION ALL SELECT 'campaign', name, document FROM campaigns"
        "  WHERE instr(document, '\"segment\"') > 0"
        " UNION ALL SELECT 'block', name, document FROM blocks"
        "  WHERE instr(document, '\"segment\"') > 0";
    auto st = m_db.prepare(kQuery);
    if (!st)
        return st.error();
    st->bind(1, name);
    QStringList out;
    while (st->step()) {
        const QJsonDocument doc = QJsonDocument::fromJson(st->text(2).toUtf8());
        const QJsonValue root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        if (refersTo(root, name))
            out << QStringLiteral("%1 \"%2\"").arg(st->text(0), st->text(1));
    }
    if (st->error())
        return *st->error();
    out.sort();
    return out;
}

namespace {

Error inUse(const QString &what, const QString &name, const QStringList &users)
{
    return Error(Error::Code::Refused, QStringLiteral("cannot %1 segment \"%2\": it is used by %3")
                                           .arg(what, name, users.join(QStringLiteral(", "))));
}

} // namespace

Status SegmentRepository::remove(const QString &name)
{
    Transaction tx(m_db); // the checks and the delete see the same state
    if (!tx.begun())
        return tx.begun();
    if (auto exists = load(name); !exists)
        return exists.error();
    auto users = usedBy(name);
    if (!users)
        return users.error();
    if (!users->isEmpty())
        return inUse(QStringLiteral("delete"), name, *users);
    auto st = m_db.prepare("DELETE FROM segments WHERE name = ?");
    if (!st)
        return st.error();
    st->bind(1, name);
    if (Status s = st->run(); !s)
        return s;
    return tx.commit();
}

Status SegmentRepository::rename(const QString &name, const QString &newName)
{
    if (Status s = checkName(newName); !s)
        return s;
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (auto exists = load(name); !exists)
        return exists.error();
    if (newName == name)
        return {};
    if (auto taken = load(newName); taken)
        return Error(Error::Code::Refused,
                     QStringLiteral("a segment named \"%1\" already exists").arg(newName));
    else if (taken.error().code != Error::Code::NotFound)
        return taken.error();
    auto users = usedBy(name);
    if (!users)
        return users.error();
    if (!users->isEmpty())
        return inUse(QStringLiteral("rename"), name, *users);
    auto st = m_db.prepare("UPDATE segments SET name = ?, updated_at = ? WHERE name = ?");
    if (!st)
        return st.error();
    st->bind(1, newName).bind(2, int64_t{QDateTime::currentSecsSinceEpoch()}).bind(3, name);
    if (Status s = st->run(); !s)
        return s;
    return tx.commit();
}

} // namespace mw
