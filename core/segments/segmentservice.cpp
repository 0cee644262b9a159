#include "segmentservice.h"

#include "storage/database.h"

namespace mw {

SegmentService::SegmentService(Database &db) : m_db(db) {}

Result<CompiledSegment> SegmentService::saved(const QString &name, int64_t now,
                                              SegmentCompiler::EventStrategy strategy)
{
    const QString key = name + QLatin1Char('\x1f') + QString::number(now) + QLatin1Char('\x1f') +
                        QString::number(static_cast<int>(strategy));
    auto it = m_cache.constFind(key);
    if (it != m_cache.constEnd())
        return it.value();
    SegmentCompiler compiler(m_db);
    compiler.setEventStrategy(strategy);
    auto c = compiler.compileSaved(name, now);
    if (!c)
        return c.error();
    m_cache.insert(key, *c);
    return c;
}

Result<int64_t> SegmentService::runCount(const SqlFragment &query)
{
    auto st = m_db.prepare(query.sql.toStdString());
    if (!st)
        return st.error();
    st->bindAll(query.binds);
    if (!st->step()) {
        if (st->error())
            return *st->error();
        return int64_t{0};
    }
    return st->int64(0);
}

Result<int64_t> SegmentService::count(const QJsonObject &definition, int64_t now)
{
    SegmentCompiler compiler(m_db);
    auto c = compiler.compile(definition, now);
    if (!c)
        return c.error();
    return runCount(c->countQuery());
}

Result<int64_t> SegmentService::countSaved(const QString &segmentName, int64_t now)
{
    auto c = saved(segmentName, now);
    if (!c)
        return c.error();
    return runCount(c->countQuery());
}

Result<std::vector<int64_t>> SegmentService::memberIds(const QString &segmentName, int64_t now,
                                                       int64_t limit)
{
    auto c = saved(segmentName, now);
    if (!c)
        return c.error();
    return memberIds(*c, limit, 0);
}

Result<std::vector<int64_t>> SegmentService::memberIds(const CompiledSegment &segment,
                                                       int64_t limit, int64_t offset)
{
    SqlFragment q = segment.membersQuery();
    q.sql += QStringLiteral(" LIMIT ? OFFSET ?");
    q.binds << QVariant::fromValue<qint64>(limit < 0 ? -1 : limit)
            << QVariant::fromValue<qint64>(std::max<int64_t>(0, offset));
    auto st = m_db.prepare(q.sql.toStdString());
    if (!st)
        return st.error();
    st->bindAll(q.binds);
    std::vector<int64_t> ids;
    while (st->step())
        ids.push_back(st->int64(0));
    if (st->error())
        return *st->error();
    return ids;
}

Result<std::vector<SegmentMember>> SegmentService::members(const CompiledSegment &segment,
                                                           int64_t limit, int64_t offset)
{
    SqlFragment q{QStringLiteral("SELECT s.id, s.email, s.first_name, s.last_name, s.country "
                                 "FROM subscribers s WHERE ") +
                      segment.predicate.sql + QStringLiteral(" ORDER BY s.id LIMIT ? OFFSET ?"),
                  segment.predicate.binds};
    q.binds << QVariant::fromValue<qint64>(limit < 0 ? -1 : limit)
            << QVariant::fromValue<qint64>(std::max<int64_t>(0, offset));
    auto st = m_db.prepare(q.sql.toStdString());
    if (!st)
        return st.error();
    st->bindAll(q.binds);
    std::vector<SegmentMember> out;
    while (st->step())
        out.push_back({st->int64(0), st->text(1), st->text(2), st->text(3), st->text(4)});
    if (st->error())
        return *st->error();
    return out;
}

Result<bool> SegmentService::contains(const QString &segmentName, int64_t subscriberId, int64_t now)
{
    // One subscriber: probing its own index range beats reading every matching event.
    auto c = saved(segmentName, now, SegmentCompiler::EventStrategy::Correlated);
    if (!c)
        return c.error();
    SqlFragment q{QStringLiteral("SELECT EXISTS (SELECT 1 FROM subscribers s WHERE s.id = ? "
                                 "AND ") +
                      c->predicate.sql + QLatin1Char(')'),
                  {}};
    q.binds << QVariant::fromValue<qint64>(subscriberId);
    q.binds += c->predicate.binds;
    auto n = runCount(q);
    if (!n)
        return n.error();
    return *n != 0;
}

Result<std::vector<FunnelStep>> SegmentService::funnel(const QJsonObject &definition, int64_t now)
{
    SegmentCompiler compiler(m_db);
    auto c = compiler.compile(definition, now);
    if (!c)
        return c.error();
    return funnel(*c);
}

Result<std::vector<FunnelStep>> SegmentService::funnel(const CompiledSegment &segment)
{
    const SqlFragment q = segment.funnelQuery();
    auto st = m_db.prepare(q.sql.toStdString());
    if (!st)
        return st.error();
    st->bindAll(q.binds);
    const int n = static_cast<int>(segment.funnelLabels.size()) - 1; // conditions
    std::vector<int64_t> perStage(static_cast<size_t>(n + 2), 0);
    while (st->step()) {
        const int64_t stage = st->int64(0);
        if (stage >= 1 && stage <= n + 1)
            perStage[static_cast<size_t>(stage)] = st->int64(1);
    }
    if (st->error())
        return *st->error();
    int64_t total = 0;
    for (int64_t c : perStage)
        total += c;
    std::vector<FunnelStep> steps;
    steps.push_back({0, segment.funnelLabels.value(0), total});
    // "all": after i conditions remain those whose first failure is later than i.
    // "any": the first i conditions reach those whose first success is at most i.
    int64_t acc = 0;
    for (int i = 1; i <= n; ++i) {
        acc += perStage[static_cast<size_t>(i)];
        steps.push_back(
            {i, segment.funnelLabels.value(i), segment.funnelMatchAny ? acc : total - acc});
    }
    return steps;
}

} // namespace mw
