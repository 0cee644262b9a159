// The standard filters of Liquid 5.4, with Ruby's semantics. Numbers follow
// Liquid::Utils.to_number: floats become BigDecimal (exact decimal arithmetic, converted
// back to Float), integers stay integers (floor division and modulo as Ruby does them).
#include "liquid/ast.h"
#include "liquid/htmlescape.h"
#include "liquid/rubytime.h"

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>
#include <limits>
#include <optional>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace mw::liquid::detail {

std::size_t utf8Length(std::string_view s)
{
    // Characters = bytes - continuation bytes (10xxxxxx), counted 8 bytes at a time.
    const char *p = s.data();
    std::size_t i = 0, continuation = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        const std::uint64_t high = w & 0x8080808080808080ull;
        if (!high)
            continue; // ASCII
        continuation += static_cast<std::size_t>(
            __builtin_popcountll(high & ~(w << 1) & 0x8080808080808080ull));
    }
    for (; i < s.size(); ++i)
        continuation += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
    return s.size() - continuation;
}

namespace {
__extension__ typedef __int128 i128;

using Args = ArgList;

[[noreturn]] void argError(std::string msg)
{
    throw RenderError{std::move(msg)};
}

/// Stops a filter from building a value bigger than the output limit in one step (a few
/// chained split/join or replace calls can otherwise grow a string exponentially).
void checkSize(const RenderState &st, std::size_t bytes)
{
    if (st.opt.maxOutputBytes && bytes > st.opt.maxOutputBytes)
        st.fatal("output limit exceeded (" + std::to_string(st.opt.maxOutputBytes) +
                 " bytes) inside a filter");
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

Value arg(const Args &a, std::size_t i, Value def = Value())
{
    return i < a.size() ? a[i] : def;
}

// ------------------------------------------------------------------ numbers

/// An exact decimal mantissa * 10^exp (Ruby BigDecimal for the values Liquid meets).
struct Decimal {
    i128 m = 0;
    int exp = 0;
    bool negZero = false; // Shopify: BigDecimal has a -0 (m == 0 only), as floats do
};

bool negative(const Decimal &d)
{
    return d.m < 0 || (d.m == 0 && d.negZero);
}

/// Liquid's to_number result: Integer or BigDecimal.
struct Num {
    bool isDec = false;
    i128 i = 0; // an Integer: 64 bits, or a Bignum up to 128 bits
    Decimal d;
    bool inexact = false; // overflowed: use f
    double f = 0;
};

bool decimalFromText(std::string_view t, Decimal &d)
{
    bool neg = false;
    std::size_t i = 0;
    if (i < t.size() && (t[i] == '-' || t[i] == '+'))
        neg = t[i++] == '-';
    i128 m = 0;
    int exp = 0;
    bool dot = false;
    int digits = 0;
    for (; i < t.size(); ++i) {
        if (t[i] == '.') {
            dot = true;
            continue;
        }
        if (t[i] == 'e' || t[i] == 'E') {
            int e = 0;
            std::from_chars(t.data() + i + 1 + (t[i + 1] == '+' ? 1 : 0), t.data() + t.size(), e);
            exp += e;
            break;
        }
        if (t[i] < '0' || t[i] > '9')
            return false;
        if (m == 0 && t[i] == '0') {
            if (dot)
                --exp;
            continue;
        }
        if (++digits > 36)
            return false;
        m = m * 10 + (t[i] - '0');
        if (dot)
            --exp;
    }
    d.m = neg ? -m : m;
    d.exp = exp;
    d.negZero = neg && m == 0;
    return true;
}

Decimal decimalFromDouble(double v)
{
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    Decimal d;
    decimalFromText(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)), d);
    return d;
}

std::string decimalText(const Decimal &d)
{
    i128 m = d.m;
    bool neg = m < 0;
    if (neg)
        m = -m;
    std::string digits;
    if (m == 0)
        digits = "0";
    while (m > 0) {
        digits += static_cast<char>('0' + static_cast<int>(m % 10));
        m /= 10;
    }
    std::reverse(digits.begin(), digits.end());
    return (neg ? "-" : "") + digits + "e" + std::to_string(d.exp);
}

double decimalToDouble(const Decimal &d)
{
    const std::string s = decimalText(d);
    return std::strtod(s.c_str(), nullptr);
}

Num toNumber(const Value &v)
{
    Num n;
    if (v.isInt()) {
        n.i = v.toInt();
    } else if (v.isBigInt()) {
        n.i = v.toInt128();
    } else if (v.isFloat()) {
        n.isDec = true;
        if (!std::isfinite(v.toFloat())) {
            n.inexact = true;
            n.f = v.toFloat();
        } else {
            n.d = decimalFromDouble(v.toFloat());
        }
    } else if (v.isString()) {
        std::string_view s = v.str();
        while (!s.empty() && (isSpace(s.front()) || s.front() == '\0'))
            s.remove_prefix(1);
        while (!s.empty() && (isSpace(s.back()) || s.back() == '\0'))
            s.remove_suffix(1);
        // /\A-?\d+\.\d+\z/ -> BigDecimal, otherwise String#to_i
        std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
        std::size_t a = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        bool dec = i > a && i < s.size() && s[i] == '.';
        if (dec) {
            std::size_t b = ++i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9')
                ++i;
            dec = i > b && i == s.size();
        }
        // Shopify: BigDecimal(obj) reads the unstripped string, and refuses a NUL.
        if (dec && v.str().find('\0') != std::string_view::npos)
            argError("string contains null byte");
        if (dec) {
            n.isDec = true;
            if (!decimalFromText(s, n.d)) {
                n.inexact = true;
                n.f = std::strtod(std::string(s).c_str(), nullptr);
            }
        } else {
            std::string_view t = v.str();
            std::size_t k = 0;
            while (k < t.size() && isSpace(t[k]))
                ++k;
            bool neg = false;
            if (k < t.size() && (t[k] == '-' || t[k] == '+'))
                neg = t[k++] == '-';
            std::int64_t r = 0;
            std::string all; // the digits, for a number beyond 64 bits
            bool overflow = false;
            while (k < t.size() &&
                   ((t[k] >= '0' && t[k] <= '9') ||
                    (t[k] == '_' && !all.empty() && k + 1 < t.size() && t[k + 1] >= '0' &&
                     t[k + 1] <= '9'))) { // "_1".to_i is 0: an underscore only between digits
                if (t[k] != '_') {
                    all.push_back(t[k]);
                    if (r > (INT64_MAX - 9) / 10)
                        overflow = true; // Ruby makes a Bignum
                    else
                        r = r * 10 + (t[k] - '0');
                }
                ++k;
            }
            i128 big = 0;
            if (overflow && parseInt128(all, neg, big)) {
                n.i = big; // Ruby: a Bignum, exact up to 128 bits here
            } else if (overflow) {
                // Beyond 128 bits: the nearest float (docs/liquid.md).
                n.isDec = true;
                n.inexact = true;
                n.f = std::strtod(all.c_str(), nullptr) * (neg ? -1 : 1);
            } else {
                n.i = neg ? -r : r;
            }
        }
    }
    return n;
}

double numToDouble(const Num &n)
{
    if (n.inexact)
        return n.f;
    if (n.isDec && n.d.m == 0)
        return n.d.negZero ? -0.0 : 0.0; // BigDecimal -0.0 / Infinity is -0.0
    return n.isDec ? decimalToDouble(n.d) : static_cast<double>(n.i);
}

Decimal asDecimal(const Num &n)
{
    if (n.isDec)
        return n.d;
    Decimal d;
    d.m = n.i;
    return d;
}

bool align(Decimal &a, Decimal &b)
{
    auto scale = [](Decimal &x, int to) {
        while (x.exp > to) {
            if (x.m > (i128(1) << 120) / 10 || x.m < -(i128(1) << 120) / 10)
                return false;
            x.m *= 10;
            --x.exp;
        }
        return true;
    };
    const int e = std::min(a.exp, b.exp);
    return scale(a, e) && scale(b, e);
}

Value fromDecimal(const Decimal &d)
{
    return Value(d.m == 0 ? (d.negZero ? -0.0 : 0.0) : decimalToDouble(d));
}

bool fits(const Decimal &d)
{
    const i128 lim = i128(1) << 120;
    return d.m < lim && d.m > -lim;
}

/// Integer op Integer as Ruby computes it, for Bignums (up to 128 bits) and the results
/// of 64-bit operations that overflow.
Value bigArith(i128 x, i128 y, char op)
{
    i128 r = 0;
    switch (op) {
    case '+':
        if (!__builtin_add_overflow(x, y, &r))
            return Value::integer(r);
        break;
    case '-':
        if (!__builtin_sub_overflow(x, y, &r))
            return Value::integer(r);
        break;
    case '*':
        if (!__builtin_mul_overflow(x, y, &r))
            return Value::integer(r);
        break;
    case '/': {
        if (y == 0)
            argError("divided by 0");
        if (y == -1) {
            if (__builtin_sub_overflow(i128(0), x, &r))
                break;
            return Value::integer(r);
        }
        i128 q = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0)))
            --q; // Ruby floors
        return Value::integer(q);
    }
    case '%': {
        if (y == 0)
            argError("divided by 0");
        if (y == -1)
            return Value(0);
        i128 m = x % y;
        if (m != 0 && ((m < 0) != (y < 0)))
            m += y; // Ruby: the sign follows the divisor
        return Value::integer(m);
    }
    }
    // Beyond 128 bits Ruby keeps a Bignum; a Float is the nearest we have.
    const double fx = static_cast<double>(x), fy = static_cast<double>(y);
    return Value(op == '+' ? fx + fy : op == '-' ? fx - fy : op == '*' ? fx * fy : fx / fy);
}

/// Integer op Integer as Ruby computes it.
Value intArith(std::int64_t x, std::int64_t y, char op)
{
    std::int64_t r = 0;
    switch (op) {
    case '+':
        if (!__builtin_add_overflow(x, y, &r))
            return Value(r);
        break;
    case '-':
        if (!__builtin_sub_overflow(x, y, &r))
            return Value(r);
        break;
    case '*':
        if (!__builtin_mul_overflow(x, y, &r))
            return Value(r);
        break;
    case '/': {
        if (y == 0)
            argError("divided by 0");
        if (x == INT64_MIN && y == -1)
            break;
        std::int64_t q = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0)))
            --q; // Ruby floors
        return Value(q);
    }
    case '%': {
        if (y == 0)
            argError("divided by 0");
        if (y == -1)
            return Value(0);
        std::int64_t m = x % y;
        if (m != 0 && ((m < 0) != (y < 0)))
            m += y; // Ruby: the sign follows the divisor
        return Value(m);
    }
    }
    // Ruby switches to a Bignum here (any 64-bit result fits 128 bits).
    return bigArith(x, y, op);
}

Value arith(const Value &a, const Value &b, char op)
{
    if (a.isInt() && b.isInt()) // the common case: no to_number conversion needed
        return intArith(a.toInt(), b.toInt(), op);
    const Num x = toNumber(a), y = toNumber(b);
    if (!x.isDec && !y.isDec)
        return bigArith(x.i, y.i, op);
    if (x.inexact || y.inexact) {
        const double fx = numToDouble(x), fy = numToDouble(y);
        if (op == '%') {
            // Shopify: BigDecimal#% -- NaN wins over a zero divisor (NaN % 0 is NaN),
            // Infinity % y is NaN, and x % +-Infinity is x itself (2 % -Infinity is 2.0,
            // where Float#% would give -Infinity).
            if (std::isnan(fx) || std::isnan(fy))
                return Value(std::nan(""));
            if (fy == 0)
                argError("divided by 0");
            if (std::isinf(fx))
                return Value(std::nan(""));
            if (std::isinf(fy))
                return Value(fx);
        }
        switch (op) {
        case '+':
            return Value(fx + fy);
        case '-':
            return Value(fx - fy);
        case '*':
            return Value(fx * fy);
        case '/':
            return Value(fx / fy);
        default:
            return Value(fx - fy * std::floor(fx / fy));
        }
    }
    Decimal p = asDecimal(x), q = asDecimal(y);
    switch (op) {
    case '+':
    case '-': {
        Decimal r;
        if (align(p, q) && !(op == '+' ? __builtin_add_overflow(p.m, q.m, &r.m)
                                       : __builtin_sub_overflow(p.m, q.m, &r.m))) {
            r.exp = p.exp;
            // IEEE rules for an exact zero: -0 only from -0 + -0 and -0 - +0.
            r.negZero = negative(p) && (op == '+' ? negative(q) : !negative(q));
            return fromDecimal(r);
        }
        const double fx = numToDouble(x), fy = numToDouble(y);
        return Value(op == '+' ? fx + fy : fx - fy);
    }
    case '*': {
        Decimal r;
        if (!__builtin_mul_overflow(p.m, q.m, &r.m) && fits(r)) {
            r.exp = p.exp + q.exp;
            r.negZero = negative(p) != negative(q);
            return fromDecimal(r);
        }
        return Value(numToDouble(x) * numToDouble(y));
    }
    case '/': {
        if (q.m == 0) {
            // BigDecimal: x / 0 is +-Infinity (NaN for 0 / 0), not an error.
            if (p.m == 0)
                return Value(std::nan(""));
            return Value(negative(p) != negative(q) ? -HUGE_VAL : HUGE_VAL);
        }
        // Long division to 40 significant digits, then the nearest double.
        const bool neg = negative(p) != negative(q);
        i128 a = p.m < 0 ? -p.m : p.m;
        const i128 b = q.m < 0 ? -q.m : q.m;
        i128 quot = a / b;
        i128 rem = a % b;
        int exp = p.exp - q.exp;
        const i128 lim = i128(1) << 100;
        while (rem != 0 && quot < lim) {
            rem *= 10;
            quot = quot * 10 + rem / b;
            rem %= b;
            --exp;
        }
        Decimal r;
        r.m = neg ? -quot : quot;
        r.exp = exp;
        r.negZero = neg;
        return fromDecimal(r);
    }
    default: {
        if (q.m == 0)
            argError("divided by 0");
        if (align(p, q)) {
            i128 m = p.m % q.m;
            if (m != 0 && ((m < 0) != (q.m < 0)))
                m += q.m;
            Decimal r;
            r.m = m;
            r.exp = p.exp;
            return fromDecimal(r);
        }
        const double fx = numToDouble(x), fy = numToDouble(y);
        return Value(fx - fy * std::floor(fx / fy));
    }
    }
}

/// Rounds a decimal half away from zero to `digits` decimals (BigDecimal ROUND_HALF_UP).
Decimal roundDecimal(Decimal d, std::int64_t digits)
{
    // A mantissa has at most 39 digits: rounding at 10^40 or beyond gives 0 whatever the
    // digits, and an unbounded count (INT64_MIN) looped until the int exponent overflowed.
    digits = std::max<std::int64_t>(digits, -40 - d.exp);
    if (-d.exp <= digits)
        return d;
    while (-d.exp > digits + 1) {
        d.m /= 10;
        ++d.exp;
    }
    const int last = static_cast<int>(d.m % 10);
    d.m /= 10;
    ++d.exp;
    if (last >= 5)
        ++d.m;
    else if (last <= -5)
        --d.m;
    return d;
}

// Floor/ceil of a decimal to an integer (Ruby BigDecimal#floor / #ceil, then to_i): exact
// up to 128 bits (1.5e20 | floor is 150000000000000000000, as in Ruby); beyond that a
// Float, like the other big-integer results (Ruby would print every digit).
Value decimalFloor(const Decimal &d, bool ceil)
{
    i128 m = d.m;
    if (d.exp >= 0) {
        for (int e = d.exp; e > 0; --e) {
            if (__builtin_mul_overflow(m, 10, &m))
                return Value(static_cast<double>(d.m) * std::pow(10.0, d.exp));
        }
    } else if (-d.exp > 36) {
        m = ceil ? (d.m > 0 ? 1 : 0) : (d.m < 0 ? -1 : 0);
    } else {
        i128 p = 1;
        for (int e = d.exp; e < 0; ++e)
            p *= 10;
        const i128 q = m / p, r = m % p;
        m = q;
        if (!ceil && r < 0)
            --m;
        if (ceil && r > 0)
            ++m;
    }
    return Value::integer(m);
}

// ------------------------------------------------------------------ strings

/// Ruby's to_s as filters see it: unlike {{ }} output, an array becomes its inspect text.
std::string toS(const Value &v)
{
    if (v.isArray()) {
        std::string s;
        v.appendInspect(s);
        return s;
    }
    return v.toString();
}

/// Room for the text of a value that is not a string: integers, the common case (prices,
/// counts), go into digits without a std::string.
struct TextTmp {
    char digits[24];
    std::optional<std::string> s; // built only when needed (no string to destroy otherwise)
};

/// toSv for values that are not strings yet.
std::string_view toSvSlow(const Value &v, TextTmp &tmp)
{
    if (v.isInt()) { // Integer#to_s
        const auto r = std::to_chars(tmp.digits, tmp.digits + sizeof tmp.digits, v.toInt());
        return std::string_view(tmp.digits, static_cast<std::size_t>(r.ptr - tmp.digits));
    }
    return tmp.s.emplace(toS(v));
}

/// toS without a copy when v already is a string (tmp holds the text otherwise).
[[gnu::always_inline]] inline std::string_view toSv(const Value &v, TextTmp &tmp)
{
    return v.isString() ? v.str() : toSvSlow(v, tmp);
}

/// Bytes each character adds when HTML-escaped (0: it stays as it is).
const std::array<unsigned char, 256> kHtmlExtra = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c)
        if (const char *entity = htmlEscapeText(static_cast<char>(c)))
            t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(std::strlen(entity) - 1);
    return t;
}();

/// The position of the first byte at or after i that escape replaces (s.size(): none),
/// 16 bytes at a time.
std::size_t nextHtmlEscape(std::string_view s, std::size_t i)
{
#ifdef __SSE2__
    const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                  quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\'');
    for (; i + 16 <= s.size(); i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s.data() + i));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, quot))),
                         _mm_cmpeq_epi8(v, apos));
        if (const int mask = _mm_movemask_epi8(hit))
            return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    for (; i < s.size(); ++i)
        if (kHtmlExtra[static_cast<unsigned char>(s[i])])
            return i;
    return s.size();
}

bool isAsciiOnly(std::string_view s)
{
    const char *p = s.data();
    std::size_t i = 0;
    std::uint64_t any = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        any |= w;
    }
    for (; i < s.size(); ++i)
        any |= static_cast<unsigned char>(p[i]);
    return (any & 0x8080808080808080ull) == 0;
}

/// Latin-1 letters (U+00C0..U+00FE, two UTF-8 bytes C3 xx) map by +-0x20 like ASCII;
/// the exceptions (multiplication/division signs, sharp s, y with diaeresis) and every
/// other script go through Qt's full Unicode case mapping.
bool latin1CaseMap(std::string_view s, bool upper, char *r)
{
    std::memcpy(r, s.data(), s.size());
    // ASCII 8 bytes at a time: a byte in [lo, hi] has 0x20 flipped (no byte carries into
    // the next: all are below 0x80). The first word with another byte goes on byte by byte.
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const std::uint64_t lo = upper ? 'a' : 'A', hi = upper ? 'z' : 'Z';
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, r + i, 8);
        if (w & kHigh)
            break;
        const std::uint64_t atLeastLo = (w + (0x80 - lo) * kOnes) & kHigh;
        const std::uint64_t aboveHi = (w + (0x7f - hi) * kOnes) & kHigh;
        w ^= (atLeastLo & ~aboveHi) >> 2;
        std::memcpy(r + i, &w, 8);
    }
    for (; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(r[i]);
        if (c < 0x80) {
            if (upper && c >= 'a' && c <= 'z')
                r[i] = static_cast<char>(c - 32);
            else if (!upper && c >= 'A' && c <= 'Z')
                r[i] = static_cast<char>(c + 32);
            continue;
        }
        if (c != 0xC3 || i + 1 >= s.size())
            return false;
        const unsigned char d = static_cast<unsigned char>(r[i + 1]);
        if (d < 0x80 || d > 0xBF || d == 0x97 || d == 0x9F || d == 0xB7 || d == 0xBF)
            return false;
        if (upper && d >= 0xA0)
            r[i + 1] = static_cast<char>(d - 0x20);
        else if (!upper && d < 0xA0)
            r[i + 1] = static_cast<char>(d + 0x20);
        ++i;
    }
    return true;
}

/// Full Unicode case mapping (Qt), for text beyond Latin-1.
std::string unicodeCaseMap(std::string_view s, bool upper)
{
    const QString q = QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    return (upper ? q.toUpper() : q.toLower()).toStdString();
}

std::string caseMap(std::string_view s, bool upper)
{
    std::string fast(s.size(), '\0');
    if (latin1CaseMap(s, upper, fast.data()))
        return fast;
    return unicodeCaseMap(s, upper);
}

/// Ruby's title case of one character (the UTF-8 bytes of it), what capitalize gives the
/// first one: SpecialCasing's title column where it differs from the upper case (ligatures
/// "Ffi", Armenian "Եւ", Greek with ypogegrammeni keep it: U+1F80 is U+1F88, not
/// U+1F08 U+0399), else the simple title case where it differs from the simple upper case
/// (U+01C6 dz with caron is U+01C5, Georgian letters stay), else the full upper case.
/// (Checked against Ruby for every letter, mark and symbol of the BMP.)
std::string titleCase(std::string_view ch)
{
    const QString q = QString::fromUtf8(ch.data(), static_cast<qsizetype>(ch.size()));
    char32_t cp;
    if (q.size() == 1)
        cp = q[0].unicode();
    else if (q.size() == 2 && q[0].isHighSurrogate() && q[1].isLowSurrogate())
        cp = QChar::surrogateToUcs4(q[0], q[1]);
    else
        return caseMap(ch, true);
    static constexpr std::pair<char32_t, const char *> kSpecial[] = {
        {0x00DF, "Ss"},
        {0xFB00, "Ff"},
        {0xFB01, "Fi"},
        {0xFB02, "Fl"},
        {0xFB03, "Ffi"},
        {0xFB04, "Ffl"},
        {0xFB05, "St"},
        {0xFB06, "St"},
        {0x0587, "\u0535\u0582"},
        {0xFB13, "\u0544\u0576"},
        {0xFB14, "\u0544\u0565"},
        {0xFB15, "\u0544\u056B"},
        {0xFB16, "\u054E\u0576"},
        {0xFB17, "\u0544\u056D"},
        {0x1FB2, "\u1FBA\u0345"},
        {0x1FB4, "\u0386\u0345"},
        {0x1FC2, "\u1FCA\u0345"},
        {0x1FC4, "\u0389\u0345"},
        {0x1FF2, "\u1FFA\u0345"},
        {0x1FF4, "\u038F\u0345"},
        {0x1FB7, "\u0391\u0342\u0345"},
        {0x1FC7, "\u0397\u0342\u0345"},
        {0x1FF7, "\u03A9\u0342\u0345"},
    };
    for (const auto &[c, t] : kSpecial)
        if (c == cp)
            return t;
    char32_t title = 0;
    if (cp >= 0x1F80 && cp <= 0x1FAF)
        title = cp | 0x08; // U+1F80..87 -> U+1F88..8F, and so on; the capitals stay
    else if (cp == 0x1FB3 || cp == 0x1FC3 || cp == 0x1FF3)
        title = cp + 9;
    else if (cp == 0x1FBC || cp == 0x1FCC || cp == 0x1FFC)
        title = cp;
    else if (cp >= 0x1C90 && cp <= 0x1CBF)
        title = QChar::toLower(cp); // Georgian Mtavruli: Ruby titles it as Mkhedruli
    else if (QChar::toTitleCase(cp) != QChar::toUpper(cp))
        title = QChar::toTitleCase(cp);
    if (title != 0)
        return QString::fromUcs4(&title, 1).toStdString();
    return caseMap(ch, true);
}

/// caseMap straight into the render's arena (ASCII and Latin-1 need no other copy).
Value caseMapText(RenderState &st, std::string_view s, bool upper)
{
    if (s.empty())
        return st.text(s);
    char *p = st.scratch.text.allocate(s.size());
    if (latin1CaseMap(s, upper, p))
        return Value::borrowed({p, s.size()});
    return st.text(unicodeCaseMap(s, upper));
}

/// Ruby String#[start, len] on characters (nil when start is out of range).
bool charSlice(std::string_view s, std::int64_t start, std::int64_t len, std::string &out)
{
    if (isAsciiOnly(s)) { // bytes are characters
        const std::int64_t n = static_cast<std::int64_t>(s.size());
        if (start < 0)
            start += n;
        if (start < 0 || start > n || len < 0)
            return false;
        out.assign(s, static_cast<std::size_t>(start),
                   static_cast<std::size_t>(std::min(len, n - start)));
        return true;
    }
    std::vector<std::size_t> offs;
    offs.reserve(s.size() + 1);
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
            offs.push_back(i);
    const std::int64_t n = static_cast<std::int64_t>(offs.size());
    offs.push_back(s.size());
    if (start < 0)
        start += n;
    if (start < 0 || start > n || len < 0)
        return false;
    const std::int64_t end = len >= n - start ? n : start + len; // start + len may overflow
    out = s.substr(offs[static_cast<std::size_t>(start)],
                   offs[static_cast<std::size_t>(end)] - offs[static_cast<std::size_t>(start)]);
    return true;
}

/// Liquid::Utils.to_integer: an Integer as it is, anything else Integer(x.to_s) -- so
/// "0x10" is 16, "1_000" 1000 and "017" 15, while "1.5", nil and true are invalid.
i128 toInteger128(const Value &v)
{
    if (v.isInt())
        return v.toInt();
    if (v.isBigInt())
        return v.toInt128();
    if (v.isArray() || v.isHash())
        argError("invalid integer"); // Integer(x.to_s): their to_s is the inspect text
    i128 r = 0;
    if (!(v.isString() ? parseRubyInteger(v.str(), r) : parseRubyInteger(v.toString(), r)))
        argError("invalid integer");
    return r;
}

/// to_integer for an argument Ruby passes on as a C long (String#slice, Array#slice): a
/// Bignum there is a RangeError, which Liquid prints as "internal".
std::int64_t toInteger(const Value &v)
{
    const i128 r = toInteger128(v);
    if (r < INT64_MIN || r > INT64_MAX)
        argError("internal");
    return static_cast<std::int64_t>(r);
}

/// Liquid's InputIterator: arrays flattened, a hash as one item, a range expanded, nil
/// as no items, anything else as a one-item list.
void flattenInto(const Value &v, Array &out)
{
    for (const Value &e : v.array()) {
        if (e.isArray())
            flattenInto(e, out);
        else
            out.push_back(e);
    }
}

Array inputList(RenderState &st, const Value &v)
{
    Array out;
    if (v.isArray()) {
        flattenInto(v, out);
    } else if (v.isRange()) {
        const std::int64_t n = rangeCount(v);
        if (n > 10'000'000)
            argError("range too large to expand (" + std::to_string(n) + " items)");
        for (std::int64_t i = 0; i < n; ++i) {
            st.countIteration();
            out.emplace_back(v.rangeFirst() + i);
        }
    } else if (!v.isNil()) {
        out.push_back(v);
    }
    return out;
}

/// Ruby's to_s of a filter argument, for error messages (arrays and hashes as inspect).
std::string rubyToS(const Value &v)
{
    std::string s;
    if (v.isArray() || v.isHash())
        v.appendInspect(s);
    else
        v.appendTo(s);
    return s;
}

[[noreturn]] void propertyError(const Value &property)
{
    argError("cannot select the property '" + rubyToS(property) + "'");
}

/// A String#[] / Array#[] index that is not an Integer: Ruby converts a Float (NUM2LONG),
/// and anything else is a TypeError, which the filters report as a property error.
std::int64_t rubyIndex(const Value &property)
{
    if (!property.isFloat())
        propertyError(property);
    const double d = property.toFloat();
    if (!(d > -9.3e18 && d < 9.3e18))
        argError("internal"); // Shopify: Ruby's RangeError, not a TypeError
    return static_cast<std::int64_t>(d);
}

/// rb_range_beg_len: a range index into a sequence of n items; false when out of range.
bool rangeBegLen(const Value &r, std::int64_t n, std::int64_t &beg, std::int64_t &len)
{
    beg = r.rangeFirst();
    std::int64_t end = r.rangeLast();
    if (beg < 0 && (beg += n) < 0)
        return false;
    if (beg > n)
        return false;
    if (end < 0)
        end += n;
    end = end >= n ? n : end + 1;
    len = std::max<std::int64_t>(end - beg, 0);
    return true;
}

/// item[property] as Ruby's [] does it for the filters that take a property; a TypeError
/// is reported as Liquid's property error (every such filter rescues it so).
Value itemProperty(const Value &item, const Value &property, bool &respondsToIndex)
{
    respondsToIndex = true;
    if (item.isHash()) {
        if (!property.isString())
            return Value();
        const Value *v = item.hash().find(property.str());
        return v ? *v : Value();
    }
    if (item.isString()) {
        if (property.isString())
            return item.str().find(property.str()) != std::string::npos ? property : Value();
        std::string out;
        if (property.isRange()) {
            std::int64_t beg, len;
            return rangeBegLen(property, static_cast<std::int64_t>(utf8Length(item.str())), beg,
                               len) &&
                           charSlice(item.str(), beg, len, out)
                       ? Value(out)
                       : Value();
        }
        const std::int64_t i = property.isInt() ? property.toInt() : rubyIndex(property);
        return charSlice(item.str(), i, 1, out) && !out.empty() ? Value(out) : Value();
    }
    if (item.isArray()) {
        const ArrayView a = item.array();
        const auto n = static_cast<std::int64_t>(a.size());
        if (property.isRange()) {
            std::int64_t beg, len;
            if (!rangeBegLen(property, n, beg, len))
                return Value();
            return Value(Array(a.begin() + beg, a.begin() + beg + len));
        }
        std::int64_t i = property.isInt() ? property.toInt() : rubyIndex(property);
        if (i < 0)
            i += n;
        return i >= 0 && i < n ? a[static_cast<std::size_t>(i)] : Value();
    }
    if (item.isInt()) {
        // Integer#[]: bit i (a Float index truncated, a range a bit field).
        const std::int64_t num = item.toInt();
        const auto bit = [num](std::int64_t i) -> std::int64_t {
            return i < 0 ? 0 : i < 64 ? (num >> i) & 1 : num < 0;
        };
        if (property.isInt())
            return Value(bit(property.toInt()));
        if (property.isFloat()) {
            const double d = property.toFloat();
            return Value(d >= 64 ? std::int64_t(num < 0) : bit(static_cast<std::int64_t>(d)));
        }
        if (property.isRange() && property.rangeFirst() >= 0) {
            const std::int64_t b = property.rangeFirst(), e = property.rangeLast();
            const std::int64_t shifted = b < 64 ? num >> b : -std::int64_t(num < 0);
            if (e < b || e - b >= 62)
                return Value(shifted);
            return Value(shifted & ((std::int64_t(1) << (e - b + 1)) - 1));
        }
        propertyError(property);
    }
    respondsToIndex = false;
    return Value();
}

/// Ruby's <=> for the values sort meets; returns false when incomparable.
bool spaceship(const Value &a, const Value &b, int &res)
{
    if (a.isNumber() && b.isNumber()) {
        if (a.isInt() && b.isInt()) {
            res = a.toInt() < b.toInt() ? -1 : a.toInt() > b.toInt();
            return true;
        }
        if (a.isBigInt() || b.isBigInt()) { // Ruby compares a Bignum exactly
            if (a.isInteger() && b.isInteger()) {
                res = a.toInt128() < b.toInt128() ? -1 : a.toInt128() > b.toInt128();
                return true;
            }
            res = a.isInteger() ? compareIntFloat(a.toInt128(), b.toFloat())
                                : -compareIntFloat(b.toInt128(), a.toFloat());
            return res != 2 && res != -2;
        }
        const double x = a.isInt() ? static_cast<double>(a.toInt()) : a.toFloat();
        const double y = b.isInt() ? static_cast<double>(b.toInt()) : b.toFloat();
        if (x != x || y != y)
            return false;
        res = x < y ? -1 : x > y;
        return true;
    }
    if (a.isString() && b.isString()) {
        const int c = a.str().compare(b.str());
        res = c < 0 ? -1 : c > 0;
        return true;
    }
    if (a.isArray() && b.isArray()) {
        const ArrayView x = a.array(), y = b.array();
        for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
            int r;
            if (!spaceship(x[i], y[i], r))
                return false;
            if (r != 0) {
                res = r;
                return true;
            }
        }
        res = x.size() < y.size() ? -1 : x.size() > y.size();
        return true;
    }
    if (a == b && a.type() == b.type()) {
        res = 0;
        return true;
    }
    return false;
}

int nilSafeCompare(const Value &a, const Value &b)
{
    int r;
    if (spaceship(a, b, r))
        return r;
    if (a.isNil())
        return 1;
    if (b.isNil())
        return -1;
    argError("cannot sort values of incompatible types");
}

int nilSafeCasecmp(const Value &a, const Value &b)
{
    if (!a.isNil() && !b.isNil()) {
        const std::string x = toS(a), y = toS(b); // to_s: an array is its inspect text
        const std::size_t n = std::min(x.size(), y.size());
        for (std::size_t i = 0; i < n; ++i) {
            unsigned char c = static_cast<unsigned char>(x[i]),
                          d = static_cast<unsigned char>(y[i]);
            if (c >= 'A' && c <= 'Z')
                c = static_cast<unsigned char>(c + 32);
            if (d >= 'A' && d <= 'Z')
                d = static_cast<unsigned char>(d + 32);
            if (c != d)
                return c < d ? -1 : 1;
        }
        return x.size() < y.size() ? -1 : x.size() > y.size();
    }
    return a.isNil() ? 1 : -1;
}

/// Ruby's eql? (uniq): like == but 1 and 1.0 differ.
bool eql(const Value &a, const Value &b)
{
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        const ArrayView x = a.array(), y = b.array();
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!eql(x[i], y[i]))
                return false;
        return true;
    }
    if (a.isHash()) { // Hash#eql?: the same keys, values eql? ({"a"=>1} is not {"a"=>1.0})
        const Hash &x = a.hash(), &y = b.hash();
        if (x.size() != y.size())
            return false;
        for (const auto &[k, v] : x) {
            const Value *w = y.find(k);
            if (!w || !eql(v, *w))
                return false;
        }
        return true;
    }
    return a == b;
}

bool ws(char c)
{
    return isSpace(c) || c == '\0';
}

// ------------------------------------------------------------------ the filters

#define FILTER(name) Value f_##name(RenderState &st, const Value &in, const Args &a, const Hash *)
#define UNUSED_ST (void)st
#define UNUSED_A (void)a

FILTER(size)
{
    UNUSED_ST;
    UNUSED_A;
    switch (in.type()) {
    case Value::Type::String:
        return Value(static_cast<std::int64_t>(utf8Length(in.str())));
    case Value::Type::Array:
        return Value(static_cast<std::int64_t>(in.array().size()));
    case Value::Type::Hash:
        return Value(static_cast<std::int64_t>(in.hash().size()));
    case Value::Type::Range:
        return Value(rangeCount(in));
    case Value::Type::Int:
        return Value(8); // Shopify: Integer#size is the machine word size in bytes
    case Value::Type::BigInt:
        return Value(bigIntSize(in));
    default:
        return Value(0);
    }
}

FILTER(downcase)
{
    UNUSED_ST;
    UNUSED_A;
    TextTmp tmp;
    return caseMapText(st, toSv(in, tmp), false);
}
FILTER(upcase)
{
    UNUSED_ST;
    UNUSED_A;
    TextTmp tmp;
    return caseMapText(st, toSv(in, tmp), true);
}
FILTER(capitalize)
{
    UNUSED_A;
    if (in.isString() && !in.str().empty() && static_cast<unsigned char>(in.str()[0]) < 0x80) {
        // An ASCII first character: upcased by hand, the rest downcased in the arena.
        const std::string_view v = in.str();
        char *p = st.scratch.text.allocate(v.size());
        if (latin1CaseMap(v.substr(1), false, p + 1)) {
            const char c = v[0];
            p[0] = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
            return Value::borrowed({p, v.size()});
        }
    }
    const std::string s = toS(in);
    if (s.empty())
        return Value(s);
    std::size_t firstLen = 1;
    while (firstLen < s.size() && (static_cast<unsigned char>(s[firstLen]) & 0xC0) == 0x80)
        ++firstLen;
    // Ruby capitalizes with the title case of the first character: sharp s becomes "Ss".
    const std::string head = titleCase(std::string_view(s).substr(0, firstLen));
    return st.concat(head, caseMap(std::string_view(s).substr(firstLen), false));
}
FILTER(escape)
{
    UNUSED_ST;
    UNUSED_A;
    if (in.isNil())
        return Value();
    TextTmp tmp;
    const std::string_view s = toSv(in, tmp);
    const std::size_t first = nextHtmlEscape(s, 0);
    if (first == s.size()) // nothing to escape: the same string (escaped text is trusted)
        return in.isString() ? in.withUntrusted(false) : st.text(s);
    std::size_t size = s.size();
    for (std::size_t i = first; i < s.size(); ++i)
        size += kHtmlExtra[static_cast<unsigned char>(s[i])];
    char *p = st.scratch.text.allocate(size);
    const std::string_view result(p, size);
    // Runs without anything to escape are copied whole.
    for (std::size_t i = 0, j = first; i < s.size(); j = nextHtmlEscape(s, i)) {
        std::memcpy(p, s.data() + i, j - i);
        p += j - i;
        if (j == s.size())
            break;
        const unsigned extra = kHtmlExtra[static_cast<unsigned char>(s[j])];
        std::memcpy(p, htmlEscapeText(s[j]), extra + 1u);
        p += extra + 1u;
        i = j + 1;
    }
    return Value::borrowed(result);
}
FILTER(escape_once)
{
    UNUSED_ST;
    UNUSED_A;
    // /["><']|&(?!([a-zA-Z]+|(#\d+));)/
    const std::string s = toS(in);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '&') {
            std::size_t j = i + 1;
            bool entity = false;
            if (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))) {
                while (j < s.size() &&
                       ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
                    ++j;
                entity = j < s.size() && s[j] == ';';
            } else if (j < s.size() && s[j] == '#') {
                ++j;
                const std::size_t d = j;
                while (j < s.size() && s[j] >= '0' && s[j] <= '9')
                    ++j;
                entity = j > d && j < s.size() && s[j] == ';';
            }
            out += entity ? "&" : "&amp;";
        } else {
            out += htmlEscaped(std::string_view(&s[i], 1));
        }
    }
    return Value(out);
}
FILTER(url_encode)
{
    UNUSED_ST;
    UNUSED_A;
    if (in.isNil())
        return Value();
    const std::string s = toS(in);
    std::string out;
    static const char *hex = "0123456789ABCDEF";
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '_' || c == '.' || c == '-' || c == '~')
            out += static_cast<char>(c);
        else if (c == ' ')
            out += '+';
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return Value(out);
}
bool validUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())).toUtf8() ==
           QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}
FILTER(url_decode)
{
    UNUSED_ST;
    UNUSED_A;
    if (in.isNil())
        return Value();
    const std::string s = toS(in);
    std::string out;
    auto hexv = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+')
            out += ' ';
        else if (s[i] == '%' && i + 2 < s.size() + 0 && hexv(s[i + 1]) >= 0 &&
                 hexv(s[i + 2]) >= 0) {
            out += static_cast<char>(hexv(s[i + 1]) * 16 + hexv(s[i + 2]));
            i += 2;
        } else
            out += s[i];
    }
    if (!validUtf8(out))
        argError("invalid byte sequence in UTF-8");
    return Value(out);
}
std::string b64encode(std::string_view s, bool urlsafe)
{
    QByteArray b(s.data(), static_cast<qsizetype>(s.size()));
    return b.toBase64(urlsafe ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding)
        .toStdString();
}
bool b64decode(std::string s, bool urlsafe, std::string &out)
{
    if (urlsafe) {
        // urlsafe_decode64 adds missing padding, then decodes strictly.
        if (s.size() % 4 != 0 && s.find('=') == std::string::npos)
            s.append(4 - s.size() % 4, '=');
        for (char &c : s) {
            if (c == '-')
                c = '+';
            else if (c == '_')
                c = '/';
        }
    }
    if (s.size() % 4 != 0)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '/' ||
                        (c == '=' && i >= s.size() - 2);
        if (!ok)
            return false;
        if (c == '=' && i == s.size() - 2 && s[i + 1] != '=')
            return false;
    }
    // Shopify (Ruby's strict_decode64): the bits a padded final group does not use must be
    // zero ("dq==" is refused, "dQ==" is "u").
    if (!s.empty() && s.back() == '=') {
        const bool two = s[s.size() - 2] == '=';
        const char c = s[s.size() - (two ? 3 : 2)];
        const int v = c >= 'A' && c <= 'Z'   ? c - 'A'
                      : c >= 'a' && c <= 'z' ? c - 'a' + 26
                      : c >= '0' && c <= '9' ? c - '0' + 52
                      : c == '+'             ? 62
                                             : 63;
        if (v & (two ? 15 : 3))
            return false;
    }
    auto r = QByteArray::fromBase64Encoding(QByteArray::fromStdString(s),
                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    out = r.decoded.toStdString();
    return true;
}
FILTER(base64_encode)
{
    UNUSED_ST;
    UNUSED_A;
    return Value(b64encode(toS(in), false));
}
FILTER(base64_decode)
{
    UNUSED_ST;
    UNUSED_A;
    std::string out;
    if (!b64decode(toS(in), false, out))
        argError("invalid base64 provided to base64_decode");
    return Value(out);
}
FILTER(base64_url_safe_encode)
{
    UNUSED_ST;
    UNUSED_A;
    return Value(b64encode(toS(in), true));
}
FILTER(base64_url_safe_decode)
{
    UNUSED_ST;
    UNUSED_A;
    std::string out;
    if (!b64decode(toS(in), true, out))
        argError("invalid base64 provided to base64_url_safe_decode");
    return Value(out);
}
FILTER(slice)
{
    const std::int64_t off = toInteger(a[0]);
    // length ? to_integer(length) : 1 -- false is a missing length too
    const std::int64_t len = a.size() > 1 && a[1].truthy() ? toInteger(a[1]) : 1;
    if (in.isArray()) {
        const ArrayView arr = in.array();
        const std::int64_t n = static_cast<std::int64_t>(arr.size());
        std::int64_t s = off < 0 ? off + n : off;
        if (s < 0 || s > n || len < 0)
            return Value(Array{});
        const std::int64_t e = len >= n - s ? n : s + len; // s + len may overflow
        return Value(Array(arr.begin() + s, arr.begin() + e));
    }
    std::string out;
    TextTmp tmp;
    const std::string_view s = toSv(in, tmp);
    if (isAsciiOnly(s)) { // bytes are characters: charSlice's arithmetic, no copy to a string
        const std::int64_t n = static_cast<std::int64_t>(s.size());
        std::int64_t start = off < 0 ? off + n : off;
        if (start < 0 || start > n || len < 0)
            return Value::borrowed({});
        return st.text(s.substr(static_cast<std::size_t>(start),
                                static_cast<std::size_t>(std::min(len, n - start))));
    }
    if (!charSlice(s, off, len, out))
        return Value::borrowed({});
    return st.text(out);
}
FILTER(truncate)
{
    if (in.isNil())
        return Value();
    TextTmp tmp, tmpEll;
    const std::string_view s = toSv(in, tmp);
    // A Bignum length works in Ruby: beyond 64 bits it acts as the nearest 64-bit value.
    const std::int64_t length =
        a.size() > 0
            ? static_cast<std::int64_t>(std::clamp<i128>(toInteger128(a[0]), INT64_MIN, INT64_MAX))
            : 50;
    const std::string_view ell = a.size() > 1 ? toSv(a[1], tmpEll) : std::string_view("...");
    // A string of at most length bytes has at most length characters: nothing to cut.
    if (length >= 0 && s.size() <= static_cast<std::size_t>(length))
        return in.isString() ? in : st.text(s);
    // length - |ell|, at least 0 (length may be INT64_MIN: no overflowing subtraction).
    const auto ellLength = static_cast<std::int64_t>(utf8Length(ell));
    const std::int64_t l = length > ellLength ? length - ellLength : 0;
    if (isAsciiOnly(s)) { // s.size() > length here, and bytes are characters
        return st.concat(
            s.substr(0, static_cast<std::size_t>(std::min(l, static_cast<std::int64_t>(s.size())))),
            ell);
    }
    if (static_cast<std::int64_t>(utf8Length(s)) > length) {
        std::string head;
        charSlice(s, 0, l, head);
        return st.concat(head, ell);
    }
    return in.isString() ? in : st.text(s);
}
FILTER(truncatewords)
{
    UNUSED_ST;
    if (in.isNil())
        return Value();
    const std::string s = toS(in);
    const i128 words128 = a.size() > 0 ? toInteger128(a[0]) : 15;
    // Shopify: split(" ", words + 1) takes a C int; past it Liquid raises this error.
    if (words128 >= 2147483647) {
        std::string msg = "integer ";
        appendInt128(msg, words128);
        argError(msg + " too big for truncatewords");
    }
    const std::int64_t words = words128 <= 0 ? 1 : static_cast<std::int64_t>(words128);
    const std::string ell = a.size() > 1 ? toS(a[1]) : std::string("...");
    // input.split(" ", words + 1): awk-style fields; with a limit, anything left after
    // the words-th field (even only whitespace) is one more field.
    std::vector<std::string_view> list;
    std::string_view rest(s);
    while (!rest.empty() && isSpace(rest.front()))
        rest.remove_prefix(1);
    bool more = false;
    while (!rest.empty()) {
        if (static_cast<std::int64_t>(list.size()) == words) {
            more = true;
            break;
        }
        std::size_t e = 0;
        while (e < rest.size() && !isSpace(rest[e]))
            ++e;
        list.push_back(rest.substr(0, e));
        rest.remove_prefix(e);
        if (rest.empty())
            break;
        // skip the separator run
        while (!rest.empty() && isSpace(rest.front()))
            rest.remove_prefix(1);
        if (rest.empty() && static_cast<std::int64_t>(list.size()) == words)
            more = true; // trailing whitespace after the limit counts as an empty field
    }
    if (!more)
        return Value(s);
    std::string out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i)
            out += ' ';
        out.append(list[i]);
    }
    return Value(out + ell);
}
/// Ruby's String#split for the patterns Liquid passes; stops after maxPieces pieces (the
/// caller then refuses the result as too big).
Array rubySplit(const std::string &s, const std::string &pat, std::size_t maxPieces)
{
    Array out;
    if (s.empty())
        return out;
    if (pat == " ") {
        std::size_t i = 0;
        while (i < s.size()) {
            while (i < s.size() && isSpace(s[i]))
                ++i;
            if (i >= s.size())
                break;
            std::size_t j = i;
            while (j < s.size() && !isSpace(s[j]))
                ++j;
            out.emplace_back(s.substr(i, j - i));
            if (out.size() > maxPieces)
                return out;
            i = j;
        }
        return out;
    }
    if (pat.empty()) {
        for (std::size_t i = 0; i < s.size();) {
            std::size_t j = i + 1;
            while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80)
                ++j;
            out.emplace_back(s.substr(i, j - i));
            if (out.size() > maxPieces)
                return out;
            i = j;
        }
        return out;
    }
    std::size_t i = 0;
    for (;;) {
        const std::size_t j = s.find(pat, i);
        if (j == std::string::npos) {
            out.emplace_back(s.substr(i));
            break;
        }
        out.emplace_back(s.substr(i, j - i));
        if (out.size() > maxPieces)
            return out;
        i = j + pat.size();
    }
    while (!out.empty() && out.back().str().empty())
        out.pop_back(); // Ruby drops trailing empty fields
    return out;
}
FILTER(split)
{
    const std::size_t max = st.maxArrayElements();
    Array parts = rubySplit(toS(in), toS(a[0]), max);
    if (parts.size() > max)
        st.filterResultTooBig();
    return Value(std::move(parts));
}
FILTER(strip)
{
    UNUSED_A;
    TextTmp tmp;
    const std::string_view s = toSv(in, tmp);
    std::size_t b = 0;
    while (b < s.size() && ws(s[b])) // Ruby 3.1 strips NUL on both sides
        ++b;
    std::size_t e = s.size();
    while (e > b && ws(s[e - 1]))
        --e;
    return st.text(s.substr(b, e - b));
}
FILTER(lstrip)
{
    UNUSED_ST;
    UNUSED_A;
    std::string s = toS(in);
    std::size_t b = 0;
    while (b < s.size() && ws(s[b]))
        ++b;
    return Value(s.substr(b));
}
FILTER(rstrip)
{
    UNUSED_ST;
    UNUSED_A;
    std::string s = toS(in);
    while (!s.empty() && ws(s.back()))
        s.pop_back();
    return Value(s);
}
void removeBetween(std::string &s, std::string_view open, std::string_view close)
{
    std::string out;
    std::size_t i = 0;
    for (;;) {
        const std::size_t a = s.find(open, i);
        if (a == std::string::npos)
            break;
        const std::size_t b = s.find(close, a + open.size());
        if (b == std::string::npos)
            break;
        out.append(s, i, a - i);
        i = b + close.size();
    }
    out.append(s, i);
    s = std::move(out);
}
FILTER(strip_html)
{
    UNUSED_ST;
    UNUSED_A;
    std::string s = toS(in);
    // Regexp.union(<script.*?</script>, <!--.*?-->, <style.*?</style>): leftmost match
    // of any of the three wins, so scan for the earliest opener.
    {
        std::string out;
        std::size_t i = 0;
        for (;;) {
            const std::size_t p1 = s.find("<script", i), p2 = s.find("<!--", i),
                              p3 = s.find("<style", i);
            std::size_t best = std::string::npos;
            std::string_view close;
            std::size_t openLen = 0;
            // try in order of position; on a tie the first alternative wins
            struct C {
                std::size_t p;
                std::string_view open, close;
            } cs[3] = {
                {p1, "<script", "</script>"}, {p2, "<!--", "-->"}, {p3, "<style", "</style>"}};
            std::sort(std::begin(cs), std::end(cs),
                      [](const C &x, const C &y) { return x.p < y.p; });
            std::size_t endPos = std::string::npos;
            for (const C &c : cs) {
                if (c.p == std::string::npos)
                    continue;
                const std::size_t e = s.find(c.close, c.p + c.open.size());
                if (e != std::string::npos) {
                    best = c.p;
                    close = c.close;
                    openLen = c.open.size();
                    endPos = e + c.close.size();
                    break;
                }
            }
            (void)openLen;
            if (best == std::string::npos)
                break;
            out.append(s, i, best - i);
            i = endPos;
        }
        out.append(s, i);
        s = std::move(out);
    }
    removeBetween(s, "<", ">");
    return Value(s);
}
/// Ruby's sub/gsub replacement text: \0 and \& are the match, \` and \' the text
/// before and after it, \1..\9 groups (always empty for a string pattern), \\ a backslash.
std::string expandReplacement(std::string_view repl, std::string_view s, std::size_t at,
                              std::size_t len)
{
    std::string out;
    for (std::size_t i = 0; i < repl.size(); ++i) {
        if (repl[i] != '\\' || i + 1 >= repl.size()) {
            out += repl[i];
            continue;
        }
        const char c = repl[++i];
        if (c == '0' || c == '&')
            out.append(s.substr(at, len));
        else if (c == '`')
            out.append(s.substr(0, at));
        else if (c == '\'')
            out.append(s.substr(at + len));
        else if (c >= '1' && c <= '9')
            ; // no groups in a string pattern
        else if (c == '\\')
            out += '\\';
        else {
            out += '\\';
            out += c;
        }
    }
    return out;
}

std::string replaceAll(const std::string &s, std::string_view from, std::string_view to)
{
    if (to.find('\\') != std::string_view::npos) {
        std::string out;
        if (from.empty()) {
            for (std::size_t i = 0;;) {
                out.append(expandReplacement(to, s, i, 0));
                if (i >= s.size())
                    break;
                std::size_t j = i + 1;
                while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80)
                    ++j;
                out.append(s, i, j - i);
                i = j;
            }
            return out;
        }
        std::size_t i = 0;
        for (;;) {
            const std::size_t j = s.find(from, i);
            if (j == std::string::npos)
                break;
            out.append(s, i, j - i);
            out.append(expandReplacement(to, s, j, from.size()));
            i = j + from.size();
        }
        out.append(s, i);
        return out;
    }
    if (from.empty()) {
        // Ruby gsub("") inserts the replacement between every character.
        std::string out(to);
        for (std::size_t i = 0; i < s.size();) {
            std::size_t j = i + 1;
            while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80)
                ++j;
            out.append(s, i, j - i);
            out.append(to);
            i = j;
        }
        return out;
    }
    std::string out;
    std::size_t i = 0;
    for (;;) {
        const std::size_t j = s.find(from, i);
        if (j == std::string::npos)
            break;
        out.append(s, i, j - i);
        out.append(to);
        i = j + from.size();
    }
    out.append(s, i);
    return out;
}
FILTER(strip_newlines)
{
    UNUSED_ST;
    UNUSED_A;
    return Value(replaceAll(replaceAll(toS(in), "\r\n", ""), "\n", ""));
}
FILTER(newline_to_br)
{
    UNUSED_ST;
    UNUSED_A;
    const std::string s = toS(in);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            out += "<br />\n";
            ++i;
        } else if (s[i] == '\n') {
            out += "<br />\n";
        } else {
            out += s[i];
        }
    }
    return Value(out);
}
FILTER(join)
{
    const std::string glue = a.empty() ? std::string(" ") : toS(a[0]);
    const Array list = inputList(st, in);
    if (!list.empty())
        checkSize(st, (list.size() - 1) * glue.size());
    std::string out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i)
            out += glue;
        list[i].appendTo(out);
    }
    return Value(out);
}
/// The merge sort of glibc's qsort_r, which Debian's Ruby sorts with: the same split and
/// the same "take the left item when cmp <= 0" merge. A consistent comparison gives what
/// any stable sort gives; sort_natural's nil against nil is 1 both ways, and then only
/// the same sequence of comparisons puts the items where Ruby does.
template <typename T, typename Cmp> void rubyMergeSort(T *b, std::size_t n, T *tmp, const Cmp &cmp)
{
    if (n <= 1)
        return;
    std::size_t n1 = n / 2, n2 = n - n1;
    T *b1 = b, *b2 = b + n1;
    rubyMergeSort(b1, n1, tmp, cmp);
    rubyMergeSort(b2, n2, tmp, cmp);
    T *t = tmp;
    while (n1 > 0 && n2 > 0) {
        if (cmp(*b1, *b2) <= 0) {
            *t++ = std::move(*b1++);
            --n1;
        } else {
            *t++ = std::move(*b2++);
            --n2;
        }
    }
    while (n1 > 0) {
        *t++ = std::move(*b1++);
        --n1;
    }
    std::move(tmp, t, b); // what is left of b2 is already in place
}

template <typename T, typename Cmp> void rubySort(std::vector<T> &v, const Cmp &cmp)
{
    std::vector<T> tmp(v.size());
    rubyMergeSort(v.data(), v.size(), tmp.data(), cmp);
}

Value sortImpl(RenderState &st, const Value &in, const Args &a, bool natural)
{
    Array list = inputList(st, in);
    if (list.empty())
        return Value(Array{});
    const Value prop = arg(a, 0);
    if (prop.isNil()) {
        rubySort(list, [&](const Value &x, const Value &y) {
            return natural ? nilSafeCasecmp(x, y) : nilSafeCompare(x, y);
        });
        return Value(std::move(list));
    }
    for (const Value &e : list)
        if (!(e.isHash() || e.isArray() || e.isString() || e.isInt()))
            return Value(); // Shopify: not every item responds to [] -> nil
    if (list.size() == 1)
        return Value(std::move(list)); // Shopify: Ruby sorts one item without comparing it
    std::vector<std::pair<Value, Value>> keyed;
    bool r;
    for (const Value &e : list)
        keyed.emplace_back(itemProperty(e, prop, r), e);
    rubySort(keyed, [&](const auto &x, const auto &y) {
        return natural ? nilSafeCasecmp(x.first, y.first) : nilSafeCompare(x.first, y.first);
    });
    Array out;
    for (auto &k : keyed)
        out.push_back(std::move(k.second));
    return Value(std::move(out));
}
FILTER(sort)
{
    return sortImpl(st, in, a, false);
}
FILTER(sort_natural)
{
    return sortImpl(st, in, a, true);
}
FILTER(where)
{
    Array list = inputList(st, in);
    if (list.empty())
        return Value(Array{});
    const Value prop = arg(a, 0);
    const bool hasTarget = a.size() > 1 && !a[1].isNil();
    Array out;
    for (const Value &e : list) {
        bool responds;
        const Value v = itemProperty(e, prop, responds);
        if (!responds)
            return Value();
        if (hasTarget ? (v == a[1]) : v.truthy())
            out.push_back(e);
    }
    return Value(std::move(out));
}
FILTER(uniq)
{
    Array list = inputList(st, in);
    const Value prop = arg(a, 0);
    if (!prop.isNil() && list.size() <= 1)
        return Value(std::move(list)); // Shopify: Array#uniq skips its block for one item
    Array out;
    std::vector<Value> seen;
    for (const Value &e : list) {
        Value k = e;
        if (!prop.isNil()) {
            bool responds;
            k = itemProperty(e, prop, responds);
            if (!responds)
                return Value();
        }
        bool dup = false;
        for (const Value &s : seen)
            if (eql(s, k)) {
                dup = true;
                break;
            }
        if (!dup) {
            seen.push_back(k);
            out.push_back(e);
        }
    }
    return Value(std::move(out));
}
FILTER(reverse)
{
    UNUSED_A;
    Array list = inputList(st, in);
    std::reverse(list.begin(), list.end());
    return Value(std::move(list));
}
FILTER(map)
{
    Array list = inputList(st, in);
    const Value prop = arg(a, 0);
    Array out;
    out.reserve(list.size());
    for (const Value &e : list) {
        if (prop.isString() && prop.str() == "to_liquid") {
            out.push_back(e);
            continue;
        }
        bool responds;
        out.push_back(itemProperty(e, prop, responds));
    }
    return Value(std::move(out));
}
FILTER(compact)
{
    Array list = inputList(st, in);
    const Value prop = arg(a, 0);
    if (!prop.isNil() && list.empty())
        return Value(Array{});
    Array out;
    for (const Value &e : list) {
        if (prop.isNil()) {
            if (!e.isNil())
                out.push_back(e);
            continue;
        }
        bool responds;
        const Value v = itemProperty(e, prop, responds);
        if (!responds)
            return Value();
        if (!v.isNil())
            out.push_back(e);
    }
    return Value(std::move(out));
}
FILTER(replace)
{
    const std::string s = toS(in), from = toS(a[0]);
    const std::string to = a.size() > 1 ? toS(a[1]) : std::string();
    if (to.size() > from.size() && st.opt.maxOutputBytes) {
        std::size_t matches = 0;
        if (from.empty()) {
            matches = utf8Length(s) + 1;
        } else {
            for (std::size_t p = s.find(from); p != std::string::npos;
                 p = s.find(from, p + from.size()))
                ++matches;
        }
        std::size_t grow = 0;
        if (__builtin_mul_overflow(matches, to.size() - from.size(), &grow))
            grow = SIZE_MAX - s.size();
        checkSize(st, s.size() + grow);
    }
    return Value(replaceAll(s, from, to));
}
FILTER(replace_first)
{
    UNUSED_ST;
    const std::string s = toS(in), from = toS(a[0]), to = a.size() > 1 ? toS(a[1]) : std::string();
    const std::size_t j = s.find(from);
    if (j == std::string::npos)
        return Value(s);
    return Value(s.substr(0, j) + expandReplacement(to, s, j, from.size()) +
                 s.substr(j + from.size()));
}
FILTER(replace_last)
{
    UNUSED_ST;
    const std::string s = toS(in), from = toS(a[0]), to = toS(a[1]);
    const std::size_t j = s.rfind(from);
    if (j == std::string::npos)
        return Value(s);
    return Value(s.substr(0, j) + to + s.substr(j + from.size()));
}
FILTER(remove)
{
    UNUSED_ST;
    return Value(replaceAll(toS(in), toS(a[0]), ""));
}
FILTER(remove_first)
{
    const Value two[2] = {a[0], Value(std::string())};
    return f_replace_first(st, in, Args{two, 2}, nullptr);
}
FILTER(remove_last)
{
    const Value two[2] = {a[0], Value(std::string())};
    return f_replace_last(st, in, Args{two, 2}, nullptr);
}
FILTER(append)
{
    TextTmp t1, t2;
    return st.concat(toSv(in, t1), toSv(a[0], t2));
}
FILTER(prepend)
{
    TextTmp t1, t2;
    return st.concat(toSv(a[0], t1), toSv(in, t2));
}
FILTER(concat)
{
    if (!a[0].isArray())
        argError("concat filter requires an array argument");
    if (a[0].array().size() > st.maxArrayElements() ||
        (in.isArray() && in.array().size() > st.maxArrayElements() - a[0].array().size()))
        st.filterResultTooBig(); // before building it
    Array list = inputList(st, in);
    for (const Value &v : a[0].array())
        list.push_back(v);
    return Value(std::move(list));
}
FILTER(date)
{
    TextTmp tmp;
    const std::string_view format = toSv(a[0], tmp);
    if (format.empty())
        return in;
    std::int64_t now = st.opt.now ? *st.opt.now : static_cast<std::int64_t>(std::time(nullptr));
    RubyTime t;
    if (!toRubyTime(in, now, st.opt.utcOffsetSeconds, t))
        return in;
    std::string &text = st.scratch.work; // reused: no allocation per date
    text.clear();
    appendRubyStrftime(text, t, format);
    return st.text(text);
}
FILTER(first)
{
    UNUSED_ST;
    UNUSED_A;
    if (in.isArray())
        return in.array().empty() ? Value() : in.array().front();
    if (in.isRange())
        return Value(in.rangeFirst()); // Shopify: Range#first is the start, even if empty
    if (in.isHash())
        return in.hash().empty()
                   ? Value()
                   : Value(Array{Value(in.hash().at(0).first), in.hash().at(0).second});
    return Value();
}
FILTER(last)
{
    UNUSED_ST;
    UNUSED_A;
    if (in.isArray())
        return in.array().empty() ? Value() : in.array().back();
    if (in.isRange())
        return Value(in.rangeLast()); // Shopify: Range#last is the end, even if empty
    return Value();
}
/// BigDecimal's FloatDomainError message for Infinity/NaN made an integer.
std::string nonFiniteError(double f)
{
    return std::isnan(f) ? "Computation results in 'NaN' (Not a Number)"
                         : (f < 0 ? "Computation results in '-Infinity'"
                                  : "Computation results in 'Infinity'");
}

Value numResult(const Num &n)
{
    if (n.inexact)
        return Value(n.f);
    return n.isDec ? fromDecimal(n.d) : Value::integer(n.i);
}
FILTER(abs)
{
    UNUSED_ST;
    UNUSED_A;
    Num n = toNumber(in);
    if (n.inexact)
        n.f = std::fabs(n.f);
    else if (n.isDec) {
        n.d.m = n.d.m < 0 ? -n.d.m : n.d.m;
        n.d.negZero = false;
    } else if (n.i == std::numeric_limits<i128>::min()) { // 2^127: beyond 128 bits, a float
        n.inexact = true;
        n.f = -static_cast<double>(n.i);
    } else if (n.i < 0)
        n.i = -n.i;
    return numResult(n);
}
FILTER(plus)
{
    UNUSED_ST;
    return arith(in, a[0], '+');
}
FILTER(minus)
{
    UNUSED_ST;
    return arith(in, a[0], '-');
}
FILTER(times)
{
    UNUSED_ST;
    return arith(in, a[0], '*');
}
FILTER(divided_by)
{
    UNUSED_ST;
    if (in.isInt() && a[0].isInt() && a[0].toInt() > 0) { // cents / 100: floor division
        const std::int64_t x = in.toInt(), y = a[0].toInt();
        return Value(x / y - (x % y != 0 && x < 0 ? 1 : 0));
    }
    return arith(in, a[0], '/');
}
FILTER(modulo)
{
    UNUSED_ST;
    if (in.isInt() && a[0].isInt() && a[0].toInt() > 0) { // the sign follows the divisor
        const std::int64_t x = in.toInt(), y = a[0].toInt();
        const std::int64_t m = x % y;
        return Value(m < 0 ? m + y : m);
    }
    return arith(in, a[0], '%');
}
FILTER(round)
{
    UNUSED_ST;
    const Value nArg = arg(a, 0, Value(0));
    const Num n = toNumber(in);
    const Num digitsNum = toNumber(nArg);
    const std::int64_t digits =
        digitsNum.isDec
            ? clampToInt64(numToDouble(digitsNum))
            : static_cast<std::int64_t>(std::clamp<i128>(digitsNum.i, INT64_MIN, INT64_MAX));
    // Ruby's round takes its digits as a C int; past that it raises a RangeError, which
    // Liquid prints as an internal error.
    if (digits < INT32_MIN || digits > INT32_MAX)
        argError("internal");
    const bool toI = nArg.isInt() && nArg.toInt() == 0;
    if (n.inexact) {
        // Shopify: BigDecimal#round(n > 0) keeps Infinity/NaN; to an integer it raises.
        if ((std::isnan(n.f) || std::isinf(n.f)) && (toI || digits <= 0))
            argError(nonFiniteError(n.f));
        return Value(n.f);
    }
    if (!n.isDec) {
        if (digits >= 0)
            return Value::integer(n.i);
        // Integer#round with negative digits: half away from zero (|n| < 2^127 < 10^39).
        if (digits < -39)
            return Value(0);
        i128 p = 1;
        for (std::int64_t k = 0; k < -digits && k < 38; ++k)
            p *= 10;
        if (digits == -39) // 10^39 does not fit: |n| < 10^39 / 2 rounds to 0
            return Value(0);
        i128 q = n.i / p, r = n.i % p;
        if (r >= p - r) // r * 2 >= p without overflow
            ++q;
        else if (-r >= p + r) // r * 2 <= -p
            --q;
        i128 out;
        if (__builtin_mul_overflow(q, p, &out))
            return Value(static_cast<double>(q) * static_cast<double>(p)); // beyond 128 bits
        return Value::integer(out);
    }
    const Decimal d = roundDecimal(n.d, digits);
    // Ruby: round(0) is to_i'd by Liquid, and BigDecimal#round with zero or negative
    // digits returns an Integer (15.5 | round: -1 is 20, 2.5 | round: nil is 3, not 3.0).
    if (toI || digits <= 0)
        return decimalFloor(d, false);
    return fromDecimal(d);
}
FILTER(ceil)
{
    UNUSED_ST;
    UNUSED_A;
    if (in.isInteger())
        return in;
    const Num n = toNumber(in);
    if (n.inexact) {
        if (!std::isfinite(n.f))
            argError(nonFiniteError(n.f));
        return Value(clampToInt64(std::ceil(n.f)));
    }
    return n.isDec ? decimalFloor(n.d, true) : Value::integer(n.i);
}
FILTER(floor)
{
    UNUSED_ST;
    UNUSED_A;
    if (in.isInteger())
        return in;
    const Num n = toNumber(in);
    if (n.inexact) {
        if (!std::isfinite(n.f))
            argError(nonFiniteError(n.f));
        return Value(clampToInt64(std::floor(n.f)));
    }
    return n.isDec ? decimalFloor(n.d, false) : Value::integer(n.i);
}
int numCompare(const Num &x, const Num &y)
{
    if (!x.isDec && !y.isDec)
        return x.i < y.i ? -1 : x.i > y.i;
    if (!x.inexact && !y.inexact) {
        Decimal p = asDecimal(x), q = asDecimal(y);
        if (align(p, q))
            return p.m < q.m ? -1 : p.m > q.m;
    }
    const double a = numToDouble(x), b = numToDouble(y);
    return a < b ? -1 : a > b;
}
FILTER(at_least)
{
    UNUSED_ST;
    const Num m = toNumber(a[0]);
    const Num r = toNumber(in);
    return numResult(numCompare(m, r) > 0 ? m : r);
}
FILTER(at_most)
{
    UNUSED_ST;
    const Num m = toNumber(a[0]);
    const Num r = toNumber(in);
    return numResult(numCompare(m, r) < 0 ? m : r);
}
FILTER(default)
{
    UNUSED_ST;
    const Value def = a.size() > 0 ? a[0] : Value::borrowed({}); // no allocation for ''
    bool allowFalse = false;
    if (a.size() > 1 && a[1].isHash()) {
        const Value *af = a[1].hash().find("allow_false");
        allowFalse = af && af->truthy();
    }
    const bool falseCheck = allowFalse ? in.isNil() : !in.truthy();
    const bool empty = (in.isString() && in.str().empty()) ||
                       (in.isArray() && in.array().empty()) || (in.isHash() && in.hash().empty());
    return (falseCheck || empty) ? def : in;
}

#undef FILTER

const FilterSpec kFilters[] = {
    {"abs", f_abs, 0, 0, false},
    {"append", f_append, 1, 1, false},
    {"at_least", f_at_least, 1, 1, false},
    {"at_most", f_at_most, 1, 1, false},
    {"base64_decode", f_base64_decode, 0, 0, false},
    {"base64_encode", f_base64_encode, 0, 0, true},
    {"base64_url_safe_decode", f_base64_url_safe_decode, 0, 0, false},
    {"base64_url_safe_encode", f_base64_url_safe_encode, 0, 0, true},
    {"capitalize", f_capitalize, 0, 0, false},
    {"ceil", f_ceil, 0, 0, false},
    {"compact", f_compact, 0, 1, false},
    {"concat", f_concat, 1, 1, false},
    {"date", f_date, 1, 1, false},
    {"default", f_default, 0, 2, false},
    {"divided_by", f_divided_by, 1, 1, false},
    {"downcase", f_downcase, 0, 0, false},
    {"escape", f_escape, 0, 0, true},
    {"escape_once", f_escape_once, 0, 0, true},
    {"first", f_first, 0, 0, false},
    {"floor", f_floor, 0, 0, false},
    {"h", f_escape, 0, 0, true},
    {"join", f_join, 0, 1, false},
    {"last", f_last, 0, 0, false},
    {"lstrip", f_lstrip, 0, 0, false},
    {"map", f_map, 1, 1, false},
    {"minus", f_minus, 1, 1, false},
    {"modulo", f_modulo, 1, 1, false},
    {"newline_to_br", f_newline_to_br, 0, 0, false},
    {"plus", f_plus, 1, 1, false},
    {"prepend", f_prepend, 1, 1, false},
    {"remove", f_remove, 1, 1, false},
    {"remove_first", f_remove_first, 1, 1, false},
    {"remove_last", f_remove_last, 1, 1, false},
    {"replace", f_replace, 1, 2, false},
    {"replace_first", f_replace_first, 1, 2, false},
    {"replace_last", f_replace_last, 2, 2, false},
    {"reverse", f_reverse, 0, 0, false},
    {"round", f_round, 0, 1, false},
    {"rstrip", f_rstrip, 0, 0, false},
    {"size", f_size, 0, 0, false},
    {"slice", f_slice, 1, 2, false},
    {"sort", f_sort, 0, 1, false},
    {"sort_natural", f_sort_natural, 0, 1, false},
    {"split", f_split, 1, 1, false},
    {"strip", f_strip, 0, 0, false},
    {"strip_html", f_strip_html, 0, 0, false},
    {"strip_newlines", f_strip_newlines, 0, 0, false},
    {"times", f_times, 1, 1, false},
    {"truncate", f_truncate, 0, 2, false},
    {"truncatewords", f_truncatewords, 0, 2, false},
    {"uniq", f_uniq, 0, 1, false},
    {"upcase", f_upcase, 0, 0, false},
    {"url_decode", f_url_decode, 0, 0, false},
    {"url_encode", f_url_encode, 0, 0, true},
    {"where", f_where, 1, 2, false},
};

} // namespace

const FilterSpec *findFilter(std::string_view name)
{
    for (const FilterSpec &f : kFilters)
        if (name == f.name)
            return &f;
    return nullptr;
}

Value callFilter(RenderState &st, const Filter &f, const Value &input, const ArgList &args)
{
    const int given = static_cast<int>(args.size());
    if (given < f.fn->minArgs || given > f.fn->maxArgs) {
        std::string msg = "wrong number of arguments (given " + std::to_string(given + 1) +
                          ", expected " + std::to_string(f.fn->minArgs + 1);
        if (f.fn->maxArgs != f.fn->minArgs)
            msg += ".." + std::to_string(f.fn->maxArgs + 1);
        throw RenderError{msg + ")"};
    }
    return f.fn->fn(st, input, args, nullptr);
}

} // namespace mw::liquid::detail
