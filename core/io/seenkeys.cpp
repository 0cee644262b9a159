#include "seenkeys.h"

#include <functional>

namespace mw {

namespace {
uint64_t hashOf(std::string_view key)
{
    return std::hash<std::string_view>{}(key);
}
} // namespace

int64_t SeenKeys::find(std::string_view key) const
{
    if (m_slots.empty())
        return 0;
    const uint64_t h = hashOf(key);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot &s = m_slots[i];
        if (!s.used)
            return 0;
        if (s.hash == h && s.length == key.size() &&
            std::string_view(m_arena).substr(s.offset, s.length) == key)
            return s.line;
    }
}

void SeenKeys::insert(std::string_view key, int64_t line)
{
    if ((m_count + 1) * 2 > m_slots.size())
        grow();
    const uint64_t h = hashOf(key);
    const size_t mask = m_slots.size() - 1;
    size_t i = h & mask;
    while (m_slots[i].used)
        i = (i + 1) & mask;
    m_slots[i] = {h, m_arena.size(), static_cast<uint32_t>(key.size()), 1, line};
    m_arena.append(key);
    ++m_count;
}

void SeenKeys::grow()
{
    std::vector<Slot> old;
    old.swap(m_slots);
    m_slots.resize(old.empty() ? 1024 : old.size() * 2);
    const size_t mask = m_slots.size() - 1;
    for (const Slot &s : old) {
        if (!s.used)
            continue;
        size_t i = s.hash & mask;
        while (m_slots[i].used)
            i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

void SeenKeys::clear()
{
    m_slots.clear();
    m_arena.clear();
    m_count = 0;
}

} // namespace mw
