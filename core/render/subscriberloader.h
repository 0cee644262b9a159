#pragma once

#include "common/error.h"
#include "rules/subscriberrecord.h"
#include "storage/database.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace mw {

/// Reads subscribers with their metrics into SubscriberRecords (one connection, one
/// thread). Empty or whitespace-only text counts as missing, like NULL.
class SubscriberLoader {
public:
    explicit SubscriberLoader(Database &db) : m_db(db) {}

    Result<SubscriberRecord> byId(int64_t id);
    /// By email (trimmed, case-insensitive as stored).
    Result<SubscriberRecord> byEmail(const QString &email);
    /// "42" is an id, anything with "@" an email.
    Result<SubscriberRecord> byIdOrEmail(const QString &key);

    /// Calls visit for every subscriber whose id is in ids (ascending), in id order.
    /// Returning false from visit stops early.
    Status forEach(const std::vector<int64_t> &ids,
                   const std::function<bool(SubscriberRecord &)> &visit);

private:
    Result<SubscriberRecord> one(std::string_view where, const QVariant &bind);
    Database &m_db;
    std::optional<Statement> m_range; // forEach's statement, prepared once and reused
};

} // namespace mw
