#include "fieldparsers.h"

#include <charconv>
#include <cmath>

namespace mw::fields {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isAlnum(char c)
{
    return isDigit(c) || isAlpha(c);
}

// Reads exactly n digits at s[pos].
bool digits(std::string_view s, size_t pos, size_t n, int &out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (size_t i = 0; i < n; ++i) {
        const char c = s[pos + i];
        if (!isDigit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

} // namespace

std::string_view trimmed(std::string_view s)
{
    size_t b = 0;
    size_t e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        --e;
    return s.substr(b, e - b);
}

int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    // Howard Hinnant's days_from_civil.
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool parseIsoDateTime(std::string_view s, int64_t &out)
{
    int y, mo, d;
    if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) ||
        s[7] != '-' || !digits(s, 8, 2, d))
        return false;
    // Years from 0001 (as segment definitions take them; 0000 is no calendar year).
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo))
        return false;
    int h = 0, mi = 0, sec = 0;
    size_t p = 10;
    if (p < s.size()) {
        if (s[p] != 'T' && s[p] != 't' && s[p] != ' ')
            return false;
        if (!digits(s, p + 1, 2, h) || p + 3 >= s.size() || s[p + 3] != ':' ||
            !digits(s, p + 4, 2, mi))
            return false;
        p += 6;
        if (p < s.size() && s[p] == ':') {
            if (!digits(s, p + 1, 2, sec))
                return false;
            p += 3;
            if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
                ++p;
                const size_t f = p;
                while (p < s.size() && isDigit(s[p]))
                    ++p;
                if (p == f)
                    return false;
            }
        }
        // A leap second (hh:59:60) is the next minute's first second, as in Unix time.
        if (h > 23 || mi > 59 || sec > 60 || (sec == 60 && mi != 59))
            return false;
    }
    int offset = 0; // seconds east of UTC
    if (p < s.size()) {
        if ((s[p] == 'Z' || s[p] == 'z') && p + 1 == s.size()) {
            p += 1;
        } else if ((s[p] == '+' || s[p] == '-') && p > 10) {
            const int sign = s[p] == '-' ? -1 : 1;
            int oh = 0, om = 0;
            if (!digits(s, p + 1, 2, oh))
                return false;
            p += 3;
            if (p < s.size()) {
                if (s[p] == ':')
                    ++p;
                if (!digits(s, p, 2, om))
                    return false;
                p += 2;
            }
            if (oh > 18 || om > 59)
                return false;
            offset = sign * (oh * 3600 + om * 60);
        } else {
            return false;
        }
    }
    if (p != s.size())
        return false;
    out = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
          mi * 60 + sec - offset;
    return true;
}

const char *normalizeEmail(std::string_view s, std::string &out)
{
    s = trimmed(s);
    out.assign(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    if (out.empty())
        return "email is empty";
    if (out.size() > 254)
        return "email is longer than 254 characters";
    const size_t at = out.find('@');
    if (at == std::string::npos)
        return "email has no @";
    if (out.find('@', at + 1) != std::string::npos)
        return "email has more than one @";
    const std::string_view local = std::string_view(out).substr(0, at);
    const std::string_view domain = std::string_view(out).substr(at + 1);
    if (local.empty() || local.size() > 64)
        return "email has an empty or too long local part";
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos)
        return "email local part has a misplaced dot";
    static constexpr std::string_view kLocalSpecials = "!#$%&'*+/=?^_`{|}~.-";
    for (char c : local)
        if (!isAlnum(c) && static_cast<unsigned char>(c) < 0x80 &&
            kLocalSpecials.find(c) == std::string_view::npos)
            return "email local part has an invalid character";
    if (domain.empty())
        return "email has no domain";
    size_t labels = 0;
    size_t start = 0;
    while (start <= domain.size()) {
        size_t end = domain.find('.', start);
        if (end == std::string_view::npos)
            end = domain.size();
        const std::string_view label = domain.substr(start, end - start);
        if (label.empty() || label.size() > 63)
            return "email domain has an empty or too long label";
        if (label.front() == '-' || label.back() == '-')
            return "email domain label starts or ends with a hyphen";
        for (char c : label)
            if (!isAlnum(c) && c != '-' && static_cast<unsigned char>(c) < 0x80)
                return "email domain has an invalid character";
        ++labels;
        start = end + 1;
    }
    if (labels < 2)
        return "email domain has no dot";
    return "";
}

bool parseCountry(std::string_view s, std::string &out)
{
    if (s.size() != 2 || !isAlpha(s[0]) || !isAlpha(s[1]))
        return false;
    out.assign(s);
    for (char &c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return true;
}

bool isLanguageTag(std::string_view s)
{
    size_t p = 0;
    while (p < s.size() && isAlpha(s[p]))
        ++p;
    if (p < 2 || p > 3)
        return false;
    while (p < s.size()) {
        if (s[p] != '-')
            return false;
        const size_t b = ++p;
        while (p < s.size() && isAlnum(s[p]))
            ++p;
        if (p - b < 1 || p - b > 8)
            return false;
    }
    return true;
}

bool parseNumber(std::string_view s, double &out)
{
    if (s.empty())
        return false;
    const char *b = s.data();
    const char *e = b + s.size();
    if (*b == '+' && ++b != e && *b == '-')
        return false; // "+-5" is no number (from_chars would read the "-5")
    const auto r = std::from_chars(b, e, out, std::chars_format::general);
    return r.ec == std::errc() && r.ptr == e && std::isfinite(out) &&
           s.find_first_of("nNiI") == std::string_view::npos;
}

bool parseMoney(std::string_view s, double &out)
{
    return parseNumber(s, out) && std::fabs(out) <= kMaxMoney;
}

bool isJsonNumber(std::string_view s)
{
    size_t p = 0;
    const size_t n = s.size();
    if (p < n && s[p] == '-')
        ++p;
    if (p >= n)
        return false;
    if (s[p] == '0') {
        ++p;
    } else if (s[p] >= '1' && s[p] <= '9') {
        while (p < n && isDigit(s[p]))
            ++p;
    } else {
        return false;
    }
    if (p < n && s[p] == '.') {
        const size_t f = ++p;
        while (p < n && isDigit(s[p]))
            ++p;
        if (p == f)
            return false;
    }
    if (p < n && (s[p] == 'e' || s[p] == 'E')) {
        ++p;
        if (p < n && (s[p] == '+' || s[p] == '-'))
            ++p;
        const size_t f = p;
        while (p < n && isDigit(s[p]))
            ++p;
        if (p == f)
            return false;
    }
    // Long digit strings (card numbers, ids) stay text: a double would lose digits.
    if (p != n || n > 15)
        return false;
    // So does a number beyond a double's range (1e999): SQLite reads it as Inf and Qt's
    // JSON parser refuses the whole object, so every attribute of the row would be lost.
    double d = 0;
    const auto r = std::from_chars(s.data(), s.data() + n, d, std::chars_format::general);
    return r.ec == std::errc() && std::isfinite(d);
}

void appendJsonString(std::string &out, std::string_view s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (u < 0x20) {
            switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += "\\u00";
                out.push_back(kHex[u >> 4]);
                out.push_back(kHex[u & 15]);
            }
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

} // namespace mw::fields
