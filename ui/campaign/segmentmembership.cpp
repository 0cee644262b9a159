#include "segmentmembership.h"

#include "segments/segmentservice.h"
#include "storage/database.h"

namespace mw::ui {

SegmentMembership::SegmentMembership(Database &db)
    : m_db(db), m_service(std::make_unique<SegmentService>(db)), m_now(db.referenceTime())
{
}

SegmentMembership::~SegmentMembership() = default;

Status SegmentMembership::checkSegment(const QString &segment)
{
    auto n = m_db.scalar("SELECT count(*) FROM segments WHERE name = ?1", {segment});
    if (!n)
        return n.error();
    if (n->toInt() == 0)
        return Error(Error::Code::NotFound, QStringLiteral("unknown segment \"%1\"").arg(segment));
    return {};
}

Result<bool> SegmentMembership::contains(const QString &segment, int64_t subscriberId)
{
    return m_service->contains(segment, subscriberId, m_now);
}

} // namespace mw::ui
