#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace mw {

/// SHA-256 of many documents made of pieces, most of them shared between documents: a
/// batch render's emails are the layout plus memoized block renders, and only a small
/// personal tail (the footer with its unsubscribe link) differs. SHA-256 hashes front to
/// back (Merkle–Damgård), so the hash state after a prefix can be kept and resumed: the
/// state after each distinct leading run of shared pieces is cached, keyed by the exact
/// sequence of piece ids, and a document whose run is known only hashes what follows it.
/// The digest is exactly the SHA-256 of the whole document (tested against one-shot
/// SHA-256).
///
/// A piece id (non-zero) must always stand for the same bytes; 0 marks a personal piece.
/// Everything after the first personal piece is hashed directly (its state depends on
/// personal bytes). Bounded: the cache is dropped and rebuilt when it reaches maxEntries.
/// One thread.
class PrefixDigest {
public:
    using Digest = std::array<unsigned char, 32>;

    explicit PrefixDigest(size_t maxEntries = size_t{1} << 17);
    ~PrefixDigest();
    PrefixDigest(const PrefixDigest &) = delete;
    PrefixDigest &operator=(const PrefixDigest &) = delete;

    /// The digest of the document made of pieces 0..count-1. idOf(i) gives a piece's id
    /// (0 = personal); bytesOf(i) its bytes, called only for pieces that must be hashed
    /// (the view must stay valid until the next call). length receives the document's
    /// length in bytes.
    template <typename IdOf, typename BytesOf>
    Digest compute(size_t count, IdOf &&idOf, BytesOf &&bytesOf, uint64_t &length)
    {
        size_t run = 0;
        m_key.clear();
        while (run < count) {
            const uint64_t id = idOf(run);
            if (id == 0)
                break;
            m_key.append(reinterpret_cast<const char *>(&id), sizeof id);
            ++run;
        }
        if (!resume()) {
            for (size_t i = 0; i < run; ++i)
                update(bytesOf(i));
            remember();
        }
        for (size_t i = run; i < count; ++i)
            update(bytesOf(i));
        length = m_length;
        return final();
    }

    static std::string hex(const Digest &digest);
    /// One-shot SHA-256, for comparison.
    static Digest oneShot(std::string_view bytes);

    // Diagnostics (tests, benchmark notes).
    size_t entryCount() const;
    uint64_t hashedBytes() const { return m_hashed; }

private:
    struct State;
    bool resume();   // state := cached state after m_key's run, if known; else fresh
    void remember(); // cache the state after m_key's run
    void update(std::string_view bytes);
    Digest final();

    std::unique_ptr<State> d;
    std::string m_key; // the leading run's piece ids, as bytes
    uint64_t m_keyHash = 0;
    uint64_t m_length = 0;
    uint64_t m_hashed = 0;
};

} // namespace mw
