#include "segmentmembership.h"

#include "segments/segmentservice.h"
#include "storage/database.h"

#include <algorithm>

namespace mw {

ServiceMembership::ServiceMembership(Database &db, int64_t now)
    : m_db(db), m_now(now), m_service(std::make_unique<SegmentService>(db))
{
}

ServiceMembership::~ServiceMembership() = default;

Status ServiceMembership::checkSegment(const QString &segment)
{
    auto v = m_db.scalar("SELECT count(*) FROM segments WHERE name = ?1", {segment});
    if (!v)
        return v.error();
    if (v->toLongLong() == 0)
        return Error(Error::Code::NotFound,
                     QStringLiteral("a rule refers to the unknown segment \"%1\"").arg(segment));
    return {};
}

Result<bool> ServiceMembership::contains(const QString &segment, int64_t subscriberId)
{
    return m_service->contains(segment, subscriberId, m_now);
}

Result<std::shared_ptr<PreloadedMembership>>
PreloadedMembership::load(Database &db, const QStringList &segments, int64_t now)
{
    auto m = std::make_shared<PreloadedMembership>();
    SegmentService service(db);
    for (const QString &s : segments) {
        auto ids = service.memberIds(s, now);
        if (!ids)
            return ids.error();
        m->m_members.insert(s, std::move(*ids));
    }
    return m;
}

void PreloadedMembership::setMembers(const QString &segment, std::vector<int64_t> ascendingIds)
{
    m_members.insert(segment, std::move(ascendingIds));
}

Status PreloadedMembership::checkSegment(const QString &segment)
{
    if (!m_members.contains(segment))
        return Error(Error::Code::NotFound,
                     QStringLiteral("a rule refers to the unknown segment \"%1\"").arg(segment));
    return {};
}

Result<bool> PreloadedMembership::contains(const QString &segment, int64_t subscriberId)
{
    const auto it = m_members.constFind(segment);
    if (it == m_members.constEnd())
        return Error(Error::Code::NotFound, QStringLiteral("unknown segment \"%1\"").arg(segment));
    return std::binary_search(it->begin(), it->end(), subscriberId);
}

} // namespace mw
