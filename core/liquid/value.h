#pragma once

#include "common/error.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

class QJsonValue;

namespace mw::liquid {

class Value;

class Hash;
using Array = std::vector<Value>;
/// A read-only view of an array's elements (owned arrays and parsed JSON alike).
using ArrayView = std::span<const Value>;
class JsonDocument;
/// Ruby Integers beyond 64 bits (Bignums) are kept exactly up to 128 bits.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

namespace detail {
class JsonReader;
}

/// A Liquid value: nil, bool, integer, float, string, array, hash or integer range.
/// Integers are Int (64 bits) and, only for values that do not fit, BigInt (128 bits,
/// Ruby's Bignum within that range); beyond 128 bits they become Float.
/// Strings, arrays and hashes live in shared immutable storage, so copying a Value is
/// cheap (a reference count) and one catalogue can be shared by many per-subscriber
/// contexts and by several rendering threads at once.
///
/// Values inside a parsed JSON document (the elements of its hashes and arrays) borrow
/// the document's memory instead of owning a reference each -- that is what makes JSON
/// parsing cheap. A copy of such an element is valid while the document is: while the
/// Value returned by parseJson (or one of its copies) lives, or until the next
/// JsonDocument::parse. Everything the engine itself creates owns its storage.
class Value {
public:
    enum class Type : std::uint8_t { Nil, Bool, Int, Float, BigInt, String, Array, Hash, Range };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : m_type(Type::Bool) { m_u.b = b; }
    Value(int i) : m_type(Type::Int) { m_u.i = i; }
    Value(long i) : m_type(Type::Int) { m_u.i = i; }
    Value(long long i) : m_type(Type::Int) { m_u.i = static_cast<std::int64_t>(i); }
    Value(double d) : m_type(Type::Float) { m_u.d = d; }
    Value(std::string s);
    Value(std::string_view s) : Value(std::string(s)) {}
    Value(const char *s) : Value(std::string(s)) {}
    Value(Array a);
    Value(Hash h);

    /// A string that came from subscriber data. It behaves exactly like any other
    /// string, except that RenderOptions::escapeUntrusted HTML-escapes it in {{ }}.
    static Value untrusted(std::string s);
    static Value range(std::int64_t first, std::int64_t last);
    /// An exact integer: Int when it fits 64 bits, BigInt otherwise.
    static Value integer(Int128 i)
    {
        if (i >= INT64_MIN && i <= INT64_MAX)
            return Value(static_cast<long long>(i));
        Value v;
        v.m_type = Type::BigInt;
        v.m_u.big.lo = static_cast<std::uint64_t>(i);
        v.m_u.big.hi = static_cast<std::int64_t>(i >> 64);
        return v;
    }
    /// A string whose bytes the caller keeps alive for as long as this Value and its
    /// copies are used (no allocation, no reference count).
    static Value borrowed(std::string_view s, bool untrusted = false)
    {
        Value v;
        v.m_type = Type::String;
        v.m_untrusted = untrusted;
        v.m_u.s.p = s.data();
        v.m_u.s.n = s.size();
        return v;
    }
    /// The same value without a share of its storage: valid while this one is (copying
    /// it then costs no reference count).
    Value view() const
    {
        Value v;
        v.m_type = m_type;
        v.m_untrusted = m_untrusted;
        v.m_u = m_u;
        return v;
    }

    /// JSON → Value (objects keep key order; integral numbers become Int when they fit).
    /// With untrustedStrings every string in the tree is marked untrusted.
    static Value fromJson(const QJsonValue &json, bool untrustedStrings = false);
    /// Fast JSON parser over UTF-8 bytes (no Qt round-trip); errors carry line/column.
    /// The result owns its document (one block of memory for the whole tree).
    static Result<Value> parseJson(std::string_view json, bool untrustedStrings = false);

    Type type() const { return m_type; }
    bool isNil() const { return m_type == Type::Nil; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isInt() const { return m_type == Type::Int; }
    bool isFloat() const { return m_type == Type::Float; }
    bool isBigInt() const { return m_type == Type::BigInt; }
    /// Int or BigInt (a Ruby Integer).
    bool isInteger() const { return m_type == Type::Int || m_type == Type::BigInt; }
    bool isNumber() const
    {
        return m_type == Type::Int || m_type == Type::Float || m_type == Type::BigInt;
    }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isHash() const { return m_type == Type::Hash; }
    bool isRange() const { return m_type == Type::Range; }
    /// Only nil and false are falsy in Liquid.
    bool truthy() const { return !(m_type == Type::Nil || (m_type == Type::Bool && !m_u.b)); }
    bool isUntrusted() const { return m_untrusted; }
    /// The same value with the untrusted mark set or cleared (only strings carry it).
    Value withUntrusted(bool untrusted) const
    {
        Value v(*this);
        v.m_untrusted = untrusted && m_type == Type::String;
        return v;
    }

    bool toBool() const { return m_type == Type::Bool && m_u.b; }
    std::int64_t toInt() const { return m_u.i; } // valid for Int
    double toFloat() const { return m_u.d; }     // valid for Float
    /// Valid for Int and BigInt.
    Int128 toInt128() const
    {
        return m_type == Type::Int
                   ? Int128(m_u.i)
                   : static_cast<Int128>((static_cast<UInt128>(m_u.big.hi) << 64) | m_u.big.lo);
    }
    /// Any number as a double (the nearest one for a BigInt).
    double toDouble() const
    {
        return m_type == Type::Float ? m_u.d
               : m_type == Type::Int ? static_cast<double>(m_u.i)
                                     : static_cast<double>(toInt128());
    }
    std::int64_t rangeFirst() const { return m_u.r.first; }
    std::int64_t rangeLast() const { return m_u.r.last; }
    /// The string's bytes (empty for non-strings). Always inlined: GCC kept it out of line
    /// on the hottest paths (a call per lookup key and per printed string).
    [[gnu::always_inline]] std::string_view str() const
    {
        return m_type == Type::String ? std::string_view(m_u.s.p, m_u.s.n) : std::string_view();
    }
    /// The array's elements (empty for non-arrays).
    ArrayView array() const
    {
        return m_type == Type::Array ? ArrayView(m_u.a.p, m_u.a.n) : ArrayView();
    }
    /// The hash's entries (empty for non-hashes).
    const Hash &hash() const { return m_type == Type::Hash ? *m_u.h : emptyHash(); }

    /// Appends the value as Liquid prints it in {{ }} (Ruby to_s; arrays concatenated).
    void appendTo(std::string &out) const;
    /// Ruby to_s of the value.
    std::string toString() const;
    /// Ruby inspect (used when printing hashes and nested values).
    void appendInspect(std::string &out) const;

    /// Ruby's == (1 == 1.0, arrays/hashes element-wise, range by bounds).
    friend bool operator==(const Value &a, const Value &b);

private:
    friend class detail::JsonReader;
    friend class JsonDocument;
    static const Hash &emptyHash();

    Type m_type = Type::Nil;
    bool m_untrusted = false;
    union U {
        bool b;
        std::int64_t i;
        double d;
        struct {
            std::int64_t first, last;
        } r;
        struct {
            std::uint64_t lo;
            std::int64_t hi;
        } big; // BigInt: two halves, so the union keeps 8-byte alignment
        struct {
            const char *p;
            std::size_t n;
        } s; // String: the bytes (owned by m_p, or borrowed from a JSON document)
        struct {
            const Value *p;
            std::size_t n;
        } a;           // Array
        const Hash *h; // Hash
    } m_u{};
    std::shared_ptr<const void> m_p; // owner of the string/array/hash; empty when borrowed
};

/// An insertion-ordered string-keyed map (Ruby hashes keep insertion order, and Liquid
/// iterates and prints them in that order).
class Hash {
public:
    struct Entry {
        std::string_view first;
        Value second;
    };

    Hash() = default;
    Hash(const Hash &other);
    Hash &operator=(const Hash &other);
    Hash(Hash &&) noexcept = default;
    Hash &operator=(Hash &&) noexcept = default;
    ~Hash() = default;

    /// Sets key to value, replacing an existing entry in place (order kept).
    void set(std::string_view key, Value value);
    /// Appends an entry whose key the caller knows is not present yet (no search).
    void append(std::string_view key, Value value);
    /// The value for key, or nullptr.
    const Value *find(std::string_view key) const
    {
        const Entry *e = data();
        for (std::size_t i = 0, n = size(); i < n; ++i)
            if (sameKey(e[i].first, key))
                return &e[i].second;
        return nullptr;
    }
    /// Byte equality, inlined: keys are short, a call to memcmp costs more than the compare.
    static bool sameKey(std::string_view a, std::string_view b)
    {
        std::size_t n = a.size();
        if (n != b.size())
            return false;
        const char *p = a.data();
        const char *q = b.data();
        if (n && *p != *q) // rejects nearly every other key of the same length
            return false;
        // Word compares, the last one overlapping the previous: no byte loop.
        auto load = [](const char *c, std::size_t bytes) {
            std::uint64_t v = 0;
            std::memcpy(&v, c, bytes);
            return v;
        };
        if (n >= 8) {
            for (std::size_t i = 0; i + 8 <= n; i += 8)
                if (load(p + i, 8) != load(q + i, 8))
                    return false;
            return load(p + n - 8, 8) == load(q + n - 8, 8);
        }
        if (n >= 4)
            return load(p, 4) == load(q, 4) && load(p + n - 4, 4) == load(q + n - 4, 4);
        if (n >= 2)
            return load(p, 2) == load(q, 2) && load(p + n - 2, 2) == load(q + n - 2, 2);
        return true;
    }
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    std::size_t size() const { return m_view ? m_viewSize : m_entries.size(); }
    bool empty() const { return size() == 0; }
    void reserve(std::size_t n) { m_entries.reserve(n); }
    const Entry *begin() const { return data(); }
    const Entry *end() const { return data() + size(); }
    const Entry &at(std::size_t i) const { return data()[i]; }

private:
    friend class detail::JsonReader;

    const Entry *data() const { return m_view ? m_view : m_entries.data(); }
    std::string_view storeKey(std::string_view key);

    std::vector<Entry> m_entries;
    // Owned keys live in chunks that never move, so the entries' views stay valid when
    // the Hash itself is moved.
    std::vector<std::unique_ptr<char[]>> m_keyChunks;
    std::size_t m_chunkUsed = 0, m_chunkSize = 0;
    // A hash inside a parsed JSON document: its entries live in the document.
    const Entry *m_view = nullptr;
    std::size_t m_viewSize = 0;
};

/// Reusable memory for parsing many JSON documents one after another (a JSON-lines
/// batch): parse() recycles the memory of the previous document, so after the first
/// few records no allocation happens at all. Not thread-safe; use one per thread.
class JsonDocument {
public:
    /// firstChunk: bytes of the first block of memory (more are added as needed).
    explicit JsonDocument(std::size_t firstChunk = 16 << 10);
    ~JsonDocument();
    JsonDocument(const JsonDocument &) = delete;
    JsonDocument &operator=(const JsonDocument &) = delete;

    /// Parses json. The returned Value and everything in it borrow this document's
    /// memory: valid until the next parse() or the document's destruction.
    Result<Value> parse(std::string_view json, bool untrustedStrings = false);

    /// Bump allocation in the document's memory (used by the parser).
    void *allocate(std::size_t bytes)
    {
        bytes = (bytes + 7) & ~std::size_t(7);
        if (static_cast<std::size_t>(m_end - m_next) < bytes)
            return allocateSlow(bytes);
        void *p = m_next;
        m_next += bytes;
        return p;
    }
    void reset();

private:
    friend class detail::JsonReader;
    void *allocateSlow(std::size_t bytes);
    struct Chunk {
        std::unique_ptr<char[]> mem;
        std::size_t size;
    };
    std::vector<Chunk> m_chunks;
    std::size_t m_firstChunk;
    std::size_t m_current = 0; // chunk being filled
    char *m_next = nullptr;
    char *m_end = nullptr;
    std::unique_ptr<detail::JsonReader> m_reader; // scratch space reused across parses
};

/// Appends the decimal text of i (Ruby Integer#to_s).
void appendInt128(std::string &out, Int128 i);
/// Ruby Integer#size of a BigInt: the bytes its magnitude needs (rb_absint_size; a
/// BigInt's magnitude is at least 2^63, so never less than 8, as for an Int).
inline int bigIntSize(const Value &v)
{
    const Int128 i = v.toInt128();
    UInt128 mag = i < 0 ? UInt128(0) - static_cast<UInt128>(i) : static_cast<UInt128>(i);
    int bytes = 0;
    for (; mag != 0; mag >>= 8)
        ++bytes;
    return bytes;
}
/// Parses decimal digits (no sign, no other characters) as a 128-bit integer, negated
/// when negative; false when the value does not fit.
bool parseInt128(std::string_view digits, bool negative, Int128 &out);
/// Ruby's Integer(s) (Kernel#Integer of a String, what Liquid's Utils.to_integer calls):
/// whitespace around, one sign, a 0x/0b/0o/0d prefix or a leading 0 (octal), digits
/// with single underscores between them, nothing else. False when Ruby raises
/// ArgumentError; a value beyond 128 bits is clamped to the nearest bound.
bool parseRubyInteger(std::string_view s, Int128 &out);
/// Ruby's String#to_i: leading whitespace, a sign, then decimal digits (single
/// underscores between them) as far as they go, 0 without any; saturated to 64 bits.
std::int64_t rubyStringToI(std::string_view s);
/// Ruby's <=> of an Integer and a Float, exactly (not through a double): -1, 0, 1, or 2
/// when d is NaN.
int compareIntFloat(Int128 i, double d);

/// Appends the Ruby Float#to_s text of d ("2.5", "1.0e+20", "Infinity").
void appendRubyFloat(std::string &out, double d);

} // namespace mw::liquid
