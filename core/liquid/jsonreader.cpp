// Value::parseJson and JsonDocument: a small, fast JSON reader straight into Liquid values.
// QJsonObject sorts keys, but Liquid (Ruby) keeps object keys in document order, which is
// visible when a template loops over or prints a hash -- so the CLI reads JSON with this.
//
// Speed: the whole tree (strings, arrays, hashes) is bump-allocated in one JsonDocument,
// so parsing a record costs no malloc per node, and a JsonDocument reused for the next
// record recycles the same memory. String bodies are scanned 16 bytes at a time.
#include "liquid/value.h"

#include <QString>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <new>
#include <unordered_map>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace mw::liquid {

namespace {
constexpr int kMaxDepth = 512;

#ifndef __SSE2__
// Bytes that end the fast scan of a string body: quote, backslash, control characters.
const std::array<bool, 256> kStops = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c)
        t[static_cast<std::size_t>(c)] = true;
    t['"'] = t['\\'] = true;
    return t;
}();
#endif

/// The first byte at or after p that is a quote, a backslash or a control character, in
/// text that ends in at least 16 NUL bytes (a NUL is a stop): no bounds checks, and the
/// 16-byte loads stay inside the padding.
inline const char *scanPaddedString(const char *p)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i ctrl = _mm_set1_epi8(0x1f);
    for (;;) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                         _mm_cmpeq_epi8(_mm_min_epu8(v, ctrl), v)); // v <= 0x1f
        if (const int mask = _mm_movemask_epi8(hit))
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#else
    while (!kStops[static_cast<unsigned char>(*p)])
        ++p;
    return p;
#endif
}

void appendUtf8(std::string &s, std::uint32_t cp)
{
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
}
} // namespace

namespace detail {

class JsonReader {
public:
    Result<Value> run(std::string_view s, bool untrusted, JsonDocument &doc)
    {
        // The text is copied into the document once; strings without escapes are then
        // views into that copy (no allocation or copy per string). The copy ends in
        // kPadding NUL bytes: reading *m_p at the end gives a NUL, which matches nothing
        // the grammar expects, so the scanners need no bounds checks of their own, and the
        // 16-byte string scan never reads past the block.
        m_doc = &doc;
        char *copy = static_cast<char *>(doc.allocate(s.size() + kPadding));
        if (!s.empty())
            std::memcpy(copy, s.data(), s.size());
        std::memset(copy + s.size(), 0, kPadding);
        m_begin = copy;
        m_p = copy;
        m_end = copy + s.size();
        m_untrusted = untrusted;
        m_error = nullptr;
        m_entryStack.clear(); // leftovers of a failed parse
        m_itemStack.clear();
        skipWs();
        Raw v;
        if (!value(v, 0))
            return error();
        skipWs();
        if (m_p != m_end) {
            fail("unexpected data after the JSON value");
            return error();
        }
        return toValue(v);
    }

private:
    static constexpr std::size_t kPadding = 16;
    const char *m_begin = nullptr;
    const char *m_p = nullptr;
    const char *m_end = nullptr;
    bool m_untrusted = false;
    JsonDocument *m_doc = nullptr;
    const char *m_error = nullptr;
    const char *m_errorAt = nullptr;
    // Entries and elements of the objects/arrays being read, as stacks (a nested
    // container's items sit above its parent's and are popped when it is finished),
    // reused across records; finished containers are copied into the document with their
    // final size.
    //
    // A parsed value never owns anything (its storage is the document), so on these stacks
    // it is kept as plain bytes -- no reference-count member to move and destroy -- and
    // becomes a Value once, when its container is finished.
    struct Raw {
        Value::Type type = Value::Type::Nil;
        bool untrusted = false;
        Value::U u{};
    };
    struct RawEntry {
        std::string_view key;
        Raw value;
    };
    std::vector<RawEntry> m_entryStack;
    std::vector<Raw> m_itemStack;

    static Value toValue(const Raw &r)
    {
        Value v;
        v.m_type = r.type;
        v.m_untrusted = r.untrusted;
        v.m_u = r.u;
        return v;
    }
    std::string m_unescaped;

    bool fail(const char *msg)
    {
        if (!m_error) {
            m_error = msg;
            m_errorAt = m_p;
        }
        return false;
    }

    Error error() const
    {
        int line = 1, col = 1;
        for (const char *q = m_begin; q < m_errorAt && q < m_end; ++q) {
            if (*q == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(*q) & 0xC0) != 0x80) {
                ++col;
            }
        }
        return Error(Error::Code::BadInput,
                     QStringLiteral("invalid JSON: ") + QString::fromUtf8(m_error), line, col);
    }

    void skipWs()
    {
        while (static_cast<unsigned char>(*m_p) <= ' ' &&
               (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p; // the NUL padding stops it
    }

    bool literal(std::string_view word)
    {
        if (static_cast<std::size_t>(m_end - m_p) < word.size() ||
            std::memcmp(m_p, word.data(), word.size()) != 0)
            return fail("unexpected character");
        m_p += word.size();
        return true;
    }

    template <typename T> T *allocArray(std::size_t n)
    {
        return static_cast<T *>(m_doc->allocate(n * sizeof(T)));
    }

    // out is always a fresh nil Raw.
    bool value(Raw &out, int depth)
    {
        if (depth > kMaxDepth)
            return fail("nesting too deep");
        if (m_p >= m_end)
            return fail("unexpected end of input");
        const char c = *m_p;
        switch (c) {
        case '{':
            return object(out, depth);
        case '[':
            return array(out, depth);
        case '"': {
            std::string_view s;
            if (!string(s))
                return false;
            out.type = Value::Type::String;
            out.untrusted = m_untrusted;
            out.u.s.p = s.data();
            out.u.s.n = s.size();
            return true;
        }
        case 't':
            out.type = Value::Type::Bool;
            out.u.b = true;
            return literal("true");
        case 'f':
            out.type = Value::Type::Bool;
            out.u.b = false;
            return literal("false");
        case 'n':
            return literal("null"); // out is nil already
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return number(out);
            return fail("unexpected character");
        }
    }

    bool object(Raw &out, int depth)
    {
        ++m_p; // {
        const std::size_t base = m_entryStack.size();
        skipWs();
        if (*m_p == '}') {
            ++m_p;
            return finishObject(out, base, false);
        }
        // A repeated key keeps its first position and its last value (Ruby). Keys that
        // differ in (length, first byte, last byte) cannot be equal: only a key whose bit of
        // that signature is taken already is compared with the keys before it.
        std::uint64_t seen = 0;
        bool repeated = false;
        for (;;) {
            if (*m_p != '"') { // compact JSON has no whitespace here: look first
                skipWs();
                if (*m_p != '"')
                    return fail("expected a string key");
            }
            std::string_view key;
            if (!string(key))
                return false;
            if (!repeated) {
                const unsigned sig = key.empty()
                                         ? 0u
                                         : static_cast<unsigned>(key.size()) * 7u +
                                               static_cast<unsigned char>(key[0]) * 3u +
                                               static_cast<unsigned char>(key[key.size() - 1]);
                const std::uint64_t bit = std::uint64_t(1) << (sig & 63);
                if (seen & bit)
                    for (std::size_t j = base; j < m_entryStack.size() && !repeated; ++j)
                        repeated = Hash::sameKey(m_entryStack[j].key, key);
                seen |= bit;
            }
            if (*m_p != ':') {
                skipWs();
                if (*m_p != ':')
                    return fail("expected ':'");
            }
            ++m_p;
            skipWs();
            Raw v;
            if (!member(v, depth))
                return false;
            m_entryStack.push_back(RawEntry{key, v});
            skipWs();
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == '}') {
                ++m_p;
                return finishObject(out, base, repeated);
            }
            return fail("expected ',' or '}'");
        }
    }

    // An element of an object or array at depth + 1: strings and numbers, most of a
    // record, are read without the general dispatch (value() checks the depth first, so
    // they take it only where that check passes).
    bool member(Raw &v, int depth)
    {
        const char c = *m_p;
        if (depth < kMaxDepth) {
            if (c == '"') {
                std::string_view s;
                if (!string(s))
                    return false;
                v.type = Value::Type::String;
                v.untrusted = m_untrusted;
                v.u.s.p = s.data();
                v.u.s.n = s.size();
                return true;
            }
            if (c >= '0' && c <= '9')
                return number(v);
        }
        return value(v, depth + 1);
    }

    // repeated: two entries may have the same key (see object()); otherwise none has.
    bool finishObject(Raw &out, std::size_t base, bool repeated)
    {
        const RawEntry *entries = m_entryStack.data() + base;
        const std::size_t n = m_entryStack.size() - base;
        Hash::Entry *dst = n ? allocArray<Hash::Entry>(n) : nullptr;
        std::size_t k = 0;
        if (!repeated) {
            for (std::size_t i = 0; i < n; ++i)
                new (&dst[k++]) Hash::Entry{entries[i].key, toValue(entries[i].value)};
        } else if (n <= 32) {
            for (std::size_t i = 0; i < n; ++i) {
                std::size_t j = 0;
                while (j < k && !Hash::sameKey(dst[j].first, entries[i].key))
                    ++j;
                if (j < k)
                    dst[j].second = toValue(entries[i].value);
                else
                    new (&dst[k++]) Hash::Entry{entries[i].key, toValue(entries[i].value)};
            }
        } else {
            // Big objects: find duplicate keys with an index instead of a quadratic scan.
            std::unordered_map<std::string_view, std::size_t> at;
            at.reserve(n);
            for (std::size_t i = 0; i < n; ++i) {
                auto [it, inserted] = at.emplace(entries[i].key, k);
                if (inserted)
                    new (&dst[k++]) Hash::Entry{entries[i].key, toValue(entries[i].value)};
                else
                    dst[it->second].second = toValue(entries[i].value);
            }
        }
        m_entryStack.resize(base);
        Hash *h = new (m_doc->allocate(sizeof(Hash))) Hash();
        h->m_view = dst ? dst : reinterpret_cast<const Hash::Entry *>(h); // non-null: a view
        h->m_viewSize = k;
        out.type = Value::Type::Hash;
        out.u.h = h;
        return true;
    }

    bool array(Raw &out, int depth)
    {
        ++m_p; // [
        const std::size_t base = m_itemStack.size();
        skipWs();
        if (*m_p == ']') {
            ++m_p;
            return finishArray(out, base);
        }
        for (;;) {
            skipWs();
            Raw v;
            if (!member(v, depth))
                return false;
            m_itemStack.push_back(v);
            skipWs();
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == ']') {
                ++m_p;
                return finishArray(out, base);
            }
            return fail("expected ',' or ']'");
        }
    }

    bool finishArray(Raw &out, std::size_t base)
    {
        const Raw *items = m_itemStack.data() + base;
        const std::size_t n = m_itemStack.size() - base;
        Value *dst = n ? allocArray<Value>(n) : nullptr;
        for (std::size_t i = 0; i < n; ++i)
            new (&dst[i]) Value(toValue(items[i]));
        m_itemStack.resize(base);
        out.type = Value::Type::Array;
        out.u.a.p = dst;
        out.u.a.n = n;
        return true;
    }

    bool hex4(std::uint32_t &cp)
    {
        if (m_end - m_p < 4)
            return fail("bad \\u escape");
        cp = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = *m_p++;
            cp <<= 4;
            if (h >= '0' && h <= '9')
                cp |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f')
                cp |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                cp |= static_cast<std::uint32_t>(h - 'A' + 10);
            else
                return fail("bad \\u escape");
        }
        return true;
    }

    std::string_view store(const char *p, std::size_t n)
    {
        if (n == 0)
            return {};
        char *dst = static_cast<char *>(m_doc->allocate(n));
        std::memcpy(dst, p, n);
        return {dst, n};
    }

    bool string(std::string_view &out)
    {
        ++m_p; // "
        const char *b = m_p;
        const char *q = scanPaddedString(b);
        if (*q == '"') { // no escapes: a view into the document's copy (q < m_end: NUL there)
            out = std::string_view(b, static_cast<std::size_t>(q - b));
            m_p = q + 1;
            return true;
        }
        return escapedString(out);
    }

    // Kept out of line: the fast path above then needs no registers saved for this one.
    [[gnu::noinline]] bool escapedString(std::string_view &out)
    {
        std::string &s = m_unescaped;
        s.clear();
        for (;;) {
            const char *start = m_p;
            m_p = scanPaddedString(m_p);
            s.append(start, static_cast<std::size_t>(m_p - start));
            if (m_p >= m_end)
                return fail("unterminated string");
            const char c = *m_p;
            if (c == '"') {
                ++m_p;
                out = store(s.data(), s.size());
                return true;
            }
            if (c != '\\')
                return fail("control character in string");
            ++m_p;
            if (m_p >= m_end)
                return fail("unterminated string");
            const char e = *m_p++;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                s += e;
                break;
            case 'b':
                s += '\b';
                break;
            case 'f':
                s += '\f';
                break;
            case 'n':
                s += '\n';
                break;
            case 'r':
                s += '\r';
                break;
            case 't':
                s += '\t';
                break;
            case 'u': {
                std::uint32_t cp;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xD800 && cp < 0xDC00 && m_end - m_p >= 6 && m_p[0] == '\\' &&
                    m_p[1] == 'u') {
                    const char *save = m_p;
                    m_p += 2;
                    std::uint32_t lo;
                    if (!hex4(lo))
                        return false;
                    if (lo >= 0xDC00 && lo < 0xE000)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    else
                        m_p = save;
                }
                if (cp >= 0xD800 && cp < 0xE000)
                    cp = 0xFFFD; // lone surrogate
                appendUtf8(s, cp);
                break;
            }
            default:
                return fail("bad escape in string");
            }
        }
    }

    static bool digit(char c) { return c >= '0' && c <= '9'; }

    bool number(Raw &out)
    {
        const char *start = m_p;
        const bool negative = *m_p == '-';
        if (negative)
            ++m_p;
        if (m_p >= m_end || !digit(*m_p))
            return fail("bad number");
        // Up to 18 digits cannot overflow an int64: the common case needs no from_chars.
        std::uint64_t acc = 0;
        const char *digits = m_p;
        while (digit(*m_p)) // the NUL padding stops it
            acc = acc * 10 + static_cast<std::uint64_t>(*m_p++ - '0');
        const std::size_t ndigits = static_cast<std::size_t>(m_p - digits);
        bool isFloat = false;
        if (*m_p == '.') {
            isFloat = true;
            ++m_p;
            if (!digit(*m_p))
                return fail("bad number");
            while (digit(*m_p))
                ++m_p;
        }
        if (*m_p == 'e' || *m_p == 'E') {
            isFloat = true;
            ++m_p;
            if (*m_p == '+' || *m_p == '-')
                ++m_p;
            if (!digit(*m_p))
                return fail("bad number");
            while (digit(*m_p))
                ++m_p;
        }
        if (!isFloat) {
            if (ndigits <= 18) {
                const auto i = static_cast<std::int64_t>(acc);
                out.type = Value::Type::Int;
                out.u.i = negative ? -i : i;
                return true;
            }
            std::int64_t i = 0;
            auto r = std::from_chars(start, m_p, i);
            if (r.ec == std::errc() && r.ptr == m_p) {
                out.type = Value::Type::Int;
                out.u.i = i;
                return true;
            }
            // Beyond 64 bits Ruby keeps a Bignum: exact up to 128 bits here, the nearest
            // double beyond that.
            Int128 big = 0;
            if (parseInt128(std::string_view(digits, ndigits), negative, big)) {
                const Value v = Value::integer(big);
                out.type = v.m_type;
                out.u = v.m_u;
                return true;
            }
        }
        double d = 0;
        auto r = std::from_chars(start, m_p, d);
        if (r.ec == std::errc::result_out_of_range)
            d = negative ? -HUGE_VAL : HUGE_VAL;
        out.type = Value::Type::Float;
        out.u.d = d;
        return true;
    }
};

} // namespace detail

JsonDocument::JsonDocument(std::size_t firstChunk)
    : m_firstChunk(std::max<std::size_t>(firstChunk, 64))
{
}
JsonDocument::~JsonDocument() = default;

void *JsonDocument::allocateSlow(std::size_t bytes)
{
    // Next chunk: a recycled one if it is big enough, otherwise a new one.
    std::size_t next = m_chunks.empty() ? 0 : m_current + 1;
    while (next < m_chunks.size() && m_chunks[next].size < bytes)
        ++next;
    if (next >= m_chunks.size()) {
        const std::size_t size =
            std::max(bytes, m_chunks.empty() ? m_firstChunk : m_chunks.back().size * 2);
        m_chunks.push_back(Chunk{std::make_unique_for_overwrite<char[]>(size), size});
        next = m_chunks.size() - 1;
    }
    m_current = next;
    m_next = m_chunks[next].mem.get();
    m_end = m_next + m_chunks[next].size;
    void *p = m_next;
    m_next += bytes;
    return p;
}

void JsonDocument::reset()
{
    m_current = 0;
    m_next = m_chunks.empty() ? nullptr : m_chunks[0].mem.get();
    m_end = m_chunks.empty() ? nullptr : m_next + m_chunks[0].size;
}

Result<Value> JsonDocument::parse(std::string_view json, bool untrustedStrings)
{
    reset();
    if (!m_reader)
        m_reader = std::make_unique<detail::JsonReader>();
    return m_reader->run(json, untrustedStrings, *this);
}

Result<Value> Value::parseJson(std::string_view json, bool untrustedStrings)
{
    // Sized for the text's copy plus its values (a 1.3 KB record needs about 8.5 KB), so a
    // kept document does not pin a 16 KB block.
    auto doc = std::make_shared<JsonDocument>(json.size() * 8 + 1024);
    detail::JsonReader reader;
    Result<Value> r = reader.run(json, untrustedStrings, *doc);
    if (r && (r->isString() || r->isArray() || r->isHash()))
        r->m_p = std::move(doc); // the root owns the document
    return r;
}

} // namespace mw::liquid
