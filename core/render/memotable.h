#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mw {

/// Hash index from byte-string keys to values, for the per-thread memo tables of a batch
/// render (a few look-ups per subscriber into tables of tens of thousands of entries, so
/// each look-up is dominated by cache misses). Open addressing: a slot holds the full hash
/// and where the key sits in one contiguous key arena, so a look-up touches the slot, the
/// key bytes and then the value — std::unordered_map walks bucket, previous node, node and
/// a separately allocated key. Keys are compared exactly. Values have stable addresses
/// until clear(). No erase. One thread.
template <typename V> class MemoTable {
public:
    static uint64_t hashOf(std::string_view key) { return std::hash<std::string_view>{}(key); }

    size_t size() const { return m_values.size(); }

    V *find(std::string_view key, uint64_t hash) const
    {
        if (m_slots.empty())
            return nullptr;
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot &s = m_slots[i];
            if (s.value == 0)
                return nullptr;
            if (s.hash == hash && s.keyLength == key.size() &&
                std::memcmp(m_keys.data() + s.keyOffset, key.data(), key.size()) == 0)
                return m_values[s.value - 1].get();
        }
    }

    /// key must not be present yet.
    V &insert(std::string_view key, uint64_t hash, V value)
    {
        if ((m_values.size() + 1) * 2 > m_slots.size())
            grow();
        m_values.push_back(std::make_unique<V>(std::move(value)));
        Slot s;
        s.hash = hash;
        s.keyOffset = m_keys.size();
        s.keyLength = key.size();
        s.value = m_values.size();
        m_keys.append(key);
        place(s);
        return *m_values.back();
    }

    void clear()
    {
        m_values.clear();
        m_keys.clear();
        std::fill(m_slots.begin(), m_slots.end(), Slot());
    }

private:
    struct Slot {
        uint64_t hash = 0;
        size_t keyOffset = 0;
        size_t keyLength = 0;
        size_t value = 0; // index + 1 into m_values; 0 = empty
    };

    void place(const Slot &s)
    {
        size_t i = s.hash & m_mask;
        while (m_slots[i].value != 0)
            i = (i + 1) & m_mask;
        m_slots[i] = s;
    }

    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot());
        m_mask = m_slots.size() - 1;
        for (const Slot &s : old)
            if (s.value != 0)
                place(s);
    }

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    std::string m_keys;                       // all keys, back to back
    std::vector<std::unique_ptr<V>> m_values; // stable addresses
};

} // namespace mw
