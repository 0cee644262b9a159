#include "liquid/value.h"

#include <QChar>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace mw::liquid {

const Hash &Value::emptyHash()
{
    static const Hash h;
    return h;
}

Hash::Hash(const Hash &other)
{
    m_entries.reserve(other.size());
    for (const Entry &e : other)
        append(e.first, e.second);
}

Hash &Hash::operator=(const Hash &other)
{
    if (this != &other) {
        Hash copy(other);
        *this = std::move(copy);
    }
    return *this;
}

std::string_view Hash::storeKey(std::string_view key)
{
    if (key.empty())
        return {};
    if (m_keyChunks.empty() || m_chunkUsed + key.size() > m_chunkSize) {
        // One chunk holds the keys of a typical hash; a long key gets a chunk of its own.
        m_chunkSize = std::max<std::size_t>(key.size(), m_keyChunks.empty() ? 192 : 512);
        m_keyChunks.push_back(std::make_unique_for_overwrite<char[]>(m_chunkSize));
        m_chunkUsed = 0;
    }
    char *p = m_keyChunks.back().get() + m_chunkUsed;
    std::memcpy(p, key.data(), key.size());
    m_chunkUsed += key.size();
    return {p, key.size()};
}

void Hash::set(std::string_view key, Value value)
{
    if (m_view) {
        // A document hash becomes an owned one on its first change (never happens in
        // practice: document hashes are reached through const references only).
        Hash copy(*this);
        *this = std::move(copy);
    }
    for (Entry &e : m_entries) {
        if (e.first == key) {
            e.second = std::move(value);
            return;
        }
    }
    m_entries.push_back(Entry{storeKey(key), std::move(value)});
}

void Hash::append(std::string_view key, Value value)
{
    if (m_view) {
        Hash copy(*this);
        *this = std::move(copy);
    }
    m_entries.push_back(Entry{storeKey(key), std::move(value)});
}

Value::Value(std::string s) : m_type(Type::String)
{
    auto owned = std::make_shared<const std::string>(std::move(s));
    m_u.s.p = owned->data();
    m_u.s.n = owned->size();
    m_p = std::move(owned);
}

Value::Value(Array a) : m_type(Type::Array)
{
    auto owned = std::make_shared<const Array>(std::move(a));
    m_u.a.p = owned->data();
    m_u.a.n = owned->size();
    m_p = std::move(owned);
}

Value::Value(Hash h) : m_type(Type::Hash)
{
    auto owned = std::make_shared<const Hash>(std::move(h));
    m_u.h = owned.get();
    m_p = std::move(owned);
}

Value Value::untrusted(std::string s)
{
    Value v(std::move(s));
    v.m_untrusted = true;
    return v;
}

Value Value::range(std::int64_t first, std::int64_t last)
{
    Value v;
    v.m_type = Type::Range;
    v.m_u.r.first = first;
    v.m_u.r.last = last;
    return v;
}

void appendInt128(std::string &out, Int128 i)
{
    char buf[48];
    char *e = buf + sizeof buf;
    char *p = e;
    UInt128 u = i < 0 ? UInt128(0) - static_cast<UInt128>(i) : static_cast<UInt128>(i);
    do {
        *--p = static_cast<char>('0' + static_cast<int>(u % 10));
        u /= 10;
    } while (u != 0);
    if (i < 0)
        *--p = '-';
    out.append(p, static_cast<std::size_t>(e - p));
}

bool parseInt128(std::string_view digits, bool negative, Int128 &out)
{
    // Accumulate the magnitude unsigned: -2^127 fits, +2^127 does not.
    const UInt128 limit = negative ? UInt128(1) << 127 : (UInt128(1) << 127) - 1;
    UInt128 u = 0;
    for (const char c : digits) {
        const auto d = static_cast<unsigned>(c - '0');
        if (d > 9 || u > (limit - d) / 10)
            return false;
        u = u * 10 + d;
    }
    out = negative ? static_cast<Int128>(UInt128(0) - u) : static_cast<Int128>(u);
    return true;
}

namespace {
bool isRubySpace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}
} // namespace

bool parseRubyInteger(std::string_view s, Int128 &out)
{
    std::size_t i = 0;
    while (i < s.size() && isRubySpace(s[i]))
        ++i;
    while (!s.empty() && s.size() > i && isRubySpace(s.back()))
        s.remove_suffix(1);
    bool neg = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    unsigned base = 10;
    if (i + 1 < s.size() && s[i] == '0') {
        const char p = static_cast<char>(s[i + 1] | 0x20);
        if (p == 'x' || p == 'b' || p == 'o' || p == 'd') {
            base = p == 'x' ? 16 : p == 'b' ? 2 : p == 'o' ? 8 : 10;
            i += 2;
            if (i >= s.size() || s[i] == '_')
                return false; // "0x", "0x_1"
        } else {
            base = 8; // "017" is 15; the leading 0 is a digit ("0_7" is 7)
        }
    }
    if (i >= s.size())
        return false;
    const UInt128 limit = neg ? UInt128(1) << 127 : (UInt128(1) << 127) - 1;
    UInt128 u = 0;
    bool clamped = false;
    bool prevDigit = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '_') {
            if (!prevDigit || i + 1 >= s.size())
                return false; // "_1", "1__0", "1_"
            prevDigit = false;
            continue;
        }
        unsigned d;
        if (c >= '0' && c <= '9')
            d = static_cast<unsigned>(c - '0');
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = static_cast<unsigned>((c | 0x20) - 'a' + 10);
        else
            return false;
        if (d >= base)
            return false;
        prevDigit = true;
        if (!clamped && u > (limit - d) / base)
            clamped = true;
        if (!clamped)
            u = u * base + d;
    }
    if (!prevDigit)
        return false;
    if (clamped)
        u = limit;
    out = neg ? static_cast<Int128>(UInt128(0) - u) : static_cast<Int128>(u);
    return true;
}

std::int64_t rubyStringToI(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size() && isRubySpace(s[i]))
        ++i;
    bool neg = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    const std::uint64_t limit = neg ? std::uint64_t(1) << 63 : (std::uint64_t(1) << 63) - 1;
    std::uint64_t u = 0;
    for (; i < s.size(); ++i) {
        if (s[i] == '_' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9' && i > 0 &&
            s[i - 1] >= '0' && s[i - 1] <= '9')
            continue;
        if (s[i] < '0' || s[i] > '9')
            break;
        const auto d = static_cast<std::uint64_t>(s[i] - '0');
        u = u > (limit - d) / 10 ? limit : u * 10 + d;
    }
    return neg ? static_cast<std::int64_t>(0 - u) : static_cast<std::int64_t>(u);
}

int compareIntFloat(Int128 i, double d)
{
    if (std::isnan(d))
        return 2;
    // Every Int128 lies in [-2^127, 2^127): a double outside is beyond it.
    constexpr double two127 = 170141183460469231731687303715884105728.0;
    if (d >= two127)
        return -1;
    if (d < -two127)
        return 1;
    const double fl = std::floor(d);
    const auto f = static_cast<Int128>(fl); // exact: fl is integral and in range
    if (i != f)
        return i < f ? -1 : 1;
    return fl == d ? 0 : -1; // i == floor(d) < d when d has a fraction
}

void appendRubyFloat(std::string &out, double d)
{
    if (std::isnan(d)) {
        out += "NaN";
        return;
    }
    if (std::isinf(d)) {
        out += d < 0 ? "-Infinity" : "Infinity";
        return;
    }
    if (d == 0) {
        out += std::signbit(d) ? "-0.0" : "0.0";
        return;
    }
    // Shortest round-trip digits, then Ruby's layout (flo_to_s): fixed notation when the
    // decimal exponent is in (-4, 16], scientific "d.ddde+XX" otherwise.
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
    bool negative = sci.front() == '-';
    if (negative)
        sci.remove_prefix(1);
    const std::size_t epos = sci.find('e');
    std::string digits;
    digits += sci[0];
    if (epos > 1)
        digits.append(sci.substr(2, epos - 2));
    int exp10 = std::atoi(std::string(sci.substr(epos + 1)).c_str());
    int decpt = exp10 + 1; // digits d1 d2 ... with the point after decpt digits
    if (negative)
        out += '-';
    // Ruby's flo_to_s: integral values switch to exponent form from 1e15 on, values
    // with a fraction from 1e16 on (checked against ruby 3.1).
    const bool integral = static_cast<std::size_t>(decpt) >= digits.size();
    if (decpt < -3 || decpt > 16 || (decpt == 16 && integral)) {
        out += digits[0];
        out += '.';
        if (digits.size() > 1)
            out.append(digits, 1);
        else
            out += '0';
        out += 'e';
        int e = decpt - 1;
        out += e < 0 ? '-' : '+';
        char eb[16];
        std::snprintf(eb, sizeof eb, "%02d", std::abs(e));
        out += eb;
    } else if (decpt <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-decpt), '0');
        out += digits;
    } else if (static_cast<std::size_t>(decpt) >= digits.size()) {
        out += digits;
        out.append(static_cast<std::size_t>(decpt) - digits.size(), '0');
        out += ".0";
    } else {
        out.append(digits, 0, static_cast<std::size_t>(decpt));
        out += '.';
        out.append(digits, static_cast<std::size_t>(decpt));
    }
}

namespace {
void appendInt(std::string &out, std::int64_t i)
{
    // Two digits per step from a table, written back to front (prices, ids, counts: a
    // few steps); std::to_chars first counted the digits.
    static constexpr char kPairs[] = "00010203040506070809101112131415161718192021222324"
                                     "25262728293031323334353637383940414243444546474849"
                                     "50515253545556575859606162636465666768697071727374"
                                     "75767778798081828384858687888990919293949596979899";
    char buf[24];
    char *e = buf + sizeof buf;
    char *p = e;
    std::uint64_t u = i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
    while (u >= 100) {
        const auto r = static_cast<std::size_t>(u % 100) * 2;
        u /= 100;
        p -= 2;
        p[0] = kPairs[r];
        p[1] = kPairs[r + 1];
    }
    if (u >= 10) {
        p -= 2;
        p[0] = kPairs[u * 2];
        p[1] = kPairs[u * 2 + 1];
    } else {
        *--p = static_cast<char>('0' + u);
    }
    if (i < 0)
        *--p = '-';
    out.append(p, static_cast<std::size_t>(e - p));
}

// One non-ASCII character of a string for Ruby's String#inspect; returns the bytes used.
// Ruby escapes what Onigmo does not call printable -- C1 controls, unassigned code points,
// line/paragraph separators -- as \u0085 / \u{10FFFF}, and each invalid byte as \xFF.
std::size_t appendNonAsciiInspect(std::string &out, std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    char32_t cp = n == 4 ? c & 0x07u : n == 3 ? c & 0x0Fu : c & 0x1Fu;
    bool valid = n != 0 && c <= 0xF4 && i + n <= s.size();
    for (std::size_t k = 1; valid && k < n; ++k) {
        valid = (byte(i + k) & 0xC0) == 0x80;
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    if (valid)
        valid = cp >= (n == 2   ? 0x80u
                       : n == 3 ? 0x800u
                                : 0x10000u) &&
                cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    char buf[16];
    if (!valid) {
        std::snprintf(buf, sizeof buf, "\\x%02X", c);
        out += buf;
        return 1;
    }
    const auto cat = QChar::category(cp);
    if (cat == QChar::Other_Control || cat == QChar::Other_NotAssigned ||
        cat == QChar::Separator_Line || cat == QChar::Separator_Paragraph) {
        std::snprintf(buf, sizeof buf, cp > 0xFFFF ? "\\u{%X}" : "\\u%04X",
                      static_cast<unsigned>(cp));
        out += buf;
    } else {
        out.append(s.substr(i, n));
    }
    return n;
}

// Ruby String#inspect for UTF-8 strings.
void appendStringInspect(std::string &out, std::string_view s)
{
    out += '"';
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\v':
            out += "\\v";
            break;
        case '\a':
            out += "\\a";
            break;
        case '\b':
            out += "\\b";
            break;
        case 0x1b:
            out += "\\e";
            break;
        case '#':
            // Ruby escapes '#' where it would start an interpolation.
            if (i + 1 < s.size() && (s[i + 1] == '{' || s[i + 1] == '$' || s[i + 1] == '@'))
                out += "\\#";
            else
                out += '#';
            break;
        default:
            if (c < 0x20 || c == 0x7f) {
                // Shopify (Ruby): a UTF-8 string shows control characters as \u0000.
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04X", c);
                out += buf;
            } else if (c < 0x80) {
                out += static_cast<char>(c);
            } else {
                i += appendNonAsciiInspect(out, s, i) - 1;
            }
        }
    }
    out += '"';
}
} // namespace

void Value::appendTo(std::string &out) const
{
    switch (m_type) {
    case Type::Nil:
        break;
    case Type::Bool:
        out += m_u.b ? "true" : "false";
        break;
    case Type::Int:
        appendInt(out, m_u.i);
        break;
    case Type::Float:
        appendRubyFloat(out, m_u.d);
        break;
    case Type::BigInt:
        appendInt128(out, toInt128());
        break;
    case Type::String:
        out += str();
        break;
    case Type::Array:
        // Liquid prints arrays with Array#join: nested arrays flattened, nil as "".
        for (const Value &v : array())
            v.appendTo(out);
        break;
    case Type::Hash:
        appendInspect(out);
        break;
    case Type::Range:
        appendInt(out, m_u.r.first);
        out += "..";
        appendInt(out, m_u.r.last);
        break;
    }
}

std::string Value::toString() const
{
    std::string s;
    appendTo(s);
    return s;
}

void Value::appendInspect(std::string &out) const
{
    switch (m_type) {
    case Type::Nil:
        out += "nil";
        break;
    case Type::String:
        appendStringInspect(out, str());
        break;
    case Type::Array: {
        out += '[';
        bool first = true;
        for (const Value &v : array()) {
            if (!first)
                out += ", ";
            first = false;
            v.appendInspect(out);
        }
        out += ']';
        break;
    }
    case Type::Hash: {
        // Ruby 3.1 Hash#inspect: {"key"=>value, ...}
        out += '{';
        bool first = true;
        for (const auto &[k, v] : hash()) {
            if (!first)
                out += ", ";
            first = false;
            appendStringInspect(out, k);
            out += "=>";
            v.appendInspect(out);
        }
        out += '}';
        break;
    }
    default:
        appendTo(out);
    }
}

bool operator==(const Value &a, const Value &b)
{
    using T = Value::Type;
    if (a.m_type != b.m_type) {
        if (a.isNumber() && b.isNumber()) {
            if (a.isBigInt() || b.isBigInt()) {
                // Ruby compares Integers exactly, and an Integer with a Float exactly too.
                if (a.isInteger() && b.isInteger())
                    return a.toInt128() == b.toInt128();
                return a.isFloat() ? compareIntFloat(b.toInt128(), a.m_u.d) == 0
                                   : compareIntFloat(a.toInt128(), b.m_u.d) == 0;
            }
            const double x = a.isInt() ? static_cast<double>(a.m_u.i) : a.m_u.d;
            const double y = b.isInt() ? static_cast<double>(b.m_u.i) : b.m_u.d;
            return x == y;
        }
        return false;
    }
    switch (a.m_type) {
    case T::Nil:
        return true;
    case T::Bool:
        return a.m_u.b == b.m_u.b;
    case T::Int:
        return a.m_u.i == b.m_u.i;
    case T::Float:
        return a.m_u.d == b.m_u.d;
    case T::BigInt:
        return a.m_u.big.lo == b.m_u.big.lo && a.m_u.big.hi == b.m_u.big.hi;
    case T::String:
        return a.str() == b.str();
    case T::Array: {
        if (a.m_u.a.p == b.m_u.a.p && a.m_u.a.n == b.m_u.a.n)
            return true;
        const ArrayView x = a.array(), y = b.array();
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!(x[i] == y[i]))
                return false;
        return true;
    }
    case T::Hash: {
        if (a.m_u.h == b.m_u.h)
            return true;
        const Hash &x = a.hash(), &y = b.hash();
        if (x.size() != y.size())
            return false;
        for (const auto &[k, v] : x) {
            const Value *o = y.find(k);
            if (!o || !(v == *o))
                return false;
        }
        return true;
    }
    case T::Range:
        return a.m_u.r.first == b.m_u.r.first && a.m_u.r.last == b.m_u.r.last;
    }
    return false;
}

Value Value::fromJson(const QJsonValue &json, bool untrustedStrings)
{
    switch (json.type()) {
    case QJsonValue::Bool:
        return Value(json.toBool());
    case QJsonValue::Double: {
        const double d = json.toDouble();
        // JSON has one number type; integral values in the exact range become Int.
        if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
            return Value(static_cast<std::int64_t>(d));
        return Value(d);
    }
    case QJsonValue::String: {
        std::string s = json.toString().toStdString();
        return untrustedStrings ? untrusted(std::move(s)) : Value(std::move(s));
    }
    case QJsonValue::Array: {
        Array a;
        const QJsonArray arr = json.toArray();
        a.reserve(static_cast<std::size_t>(arr.size()));
        for (const QJsonValue &v : arr)
            a.push_back(fromJson(v, untrustedStrings));
        return Value(std::move(a));
    }
    case QJsonValue::Object: {
        Hash h;
        const QJsonObject obj = json.toObject();
        h.reserve(static_cast<std::size_t>(obj.size()));
        for (auto it = obj.begin(); it != obj.end(); ++it)
            h.set(it.key().toStdString(), fromJson(it.value(), untrustedStrings));
        return Value(std::move(h));
    }
    default:
        return Value();
    }
}

} // namespace mw::liquid
