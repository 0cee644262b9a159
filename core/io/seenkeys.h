#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mw {

/// The keys (emails, skus) already imported from one file, with the line each came from,
/// so a repeated key can name the earlier line.
///
/// A flat open-addressing table over one byte arena: a million e-mail addresses cost two
/// allocations instead of a million, which matters on the import's hot path.
class SeenKeys {
public:
    /// Line of an earlier identical key, or 0.
    int64_t find(std::string_view key) const;
    /// Records key (which must not be present yet) as first seen on line.
    void insert(std::string_view key, int64_t line);
    size_t size() const { return m_count; }
    void clear();

private:
    struct Slot {
        uint64_t hash = 0;
        uint64_t offset = 0; // into m_arena
        uint32_t length = 0;
        uint32_t used = 0;
        int64_t line = 0;
    };
    void grow();

    std::vector<Slot> m_slots;
    std::string m_arena;
    size_t m_count = 0;
};

} // namespace mw
