// The EVP interface cannot copy a hash state without heap allocations and hides its size;
// the cache keeps up to a hundred thousand states and copies one per document, so this file
// uses SHA256_CTX directly (deprecated in OpenSSL 3 in favour of EVP, still supported, and
// running the same SHA-NI/AVX code).
#define OPENSSL_SUPPRESS_DEPRECATED

#include "prefixdigest.h"

#include "render/memotable.h"

#include <openssl/sha.h>

#include <algorithm>

namespace mw {

namespace {
struct Saved {
    SHA256_CTX ctx;      // state after the run
    uint64_t length = 0; // bytes in the run
};
} // namespace

struct PrefixDigest::State {
    size_t maxEntries = 0;
    MemoTable<Saved> saved; // leading run's ids -> state after it
    SHA256_CTX ctx;
};

PrefixDigest::PrefixDigest(size_t maxEntries) : d(std::make_unique<State>())
{
    d->maxEntries = std::max<size_t>(maxEntries, 1);
}

PrefixDigest::~PrefixDigest() = default;

size_t PrefixDigest::entryCount() const
{
    return d->saved.size();
}

bool PrefixDigest::resume()
{
    if (!m_key.empty()) {
        m_keyHash = MemoTable<Saved>::hashOf(m_key);
        if (const Saved *hit = d->saved.find(m_key, m_keyHash)) {
            d->ctx = hit->ctx;
            m_length = hit->length;
            return true;
        }
    }
    SHA256_Init(&d->ctx);
    m_length = 0;
    return false;
}

void PrefixDigest::remember()
{
    if (m_key.empty())
        return;
    if (d->saved.size() >= d->maxEntries)
        d->saved.clear(); // full: start over; frequent runs come back quickly
    Saved s;
    s.ctx = d->ctx;
    s.length = m_length;
    d->saved.insert(m_key, m_keyHash, s);
}

void PrefixDigest::update(std::string_view bytes)
{
    SHA256_Update(&d->ctx, bytes.data(), bytes.size());
    m_length += bytes.size();
    m_hashed += bytes.size();
}

PrefixDigest::Digest PrefixDigest::final()
{
    Digest out;
    SHA256_Final(out.data(), &d->ctx);
    return out;
}

std::string PrefixDigest::hex(const Digest &digest)
{
    static const char digits[] = "0123456789abcdef";
    std::string out(2 * digest.size(), '0');
    for (size_t i = 0; i < digest.size(); ++i) {
        out[2 * i] = digits[digest[i] >> 4];
        out[2 * i + 1] = digits[digest[i] & 15];
    }
    return out;
}

PrefixDigest::Digest PrefixDigest::oneShot(std::string_view bytes)
{
    Digest out;
    SHA256(reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size(), out.data());
    return out;
}

} // namespace mw
