// Ruby's Date._parse (ext/date/date_parse.c, non-tight parser) and Time.make_time
// (lib/time.rb), ported sub-parser by sub-parser: each one looks for its pattern anywhere
// in the string, records what it found, and blanks the match out for the next one.
#include "liquid/rubydateparse.h"

#include <array>
#include <cstring>
#include <optional>
#include <regex>
#include <vector>

namespace mw::liquid::detail {

namespace {

using Opt = std::optional<std::string>;
using I = std::optional<std::int64_t>;

struct DateHash {
    I year, mon, mday, yday, hour, min, sec;
    std::optional<std::int64_t> nanos; // sec_fraction
    Opt zone;
    bool comp = true;
    bool bc = false; // "_bc": the year is negated (-year + 1) at the end
};

const char *const kMonths = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";

std::regex re(const std::string &s)
{
    return std::regex(s, std::regex::ECMAScript | std::regex::optimize);
}

/// subx: the first match, blanked out of str (replaced by one space); its groups.
bool sub(std::string &str, const std::regex &r, std::vector<Opt> &g)
{
    std::smatch m;
    if (!std::regex_search(str, m, r))
        return false;
    g.clear();
    for (std::size_t i = 0; i < m.size(); ++i)
        g.push_back(m[i].matched ? Opt(m[i].str()) : Opt());
    const auto pos = static_cast<std::size_t>(m.position(0));
    const auto len = static_cast<std::size_t>(m.length(0));
    // (built anew: GCC 12 warns -Wrestrict, wrongly, about replace() here)
    std::string rest = str.substr(pos + len);
    str.resize(pos);
    str += ' ';
    str += rest;
    return true;
}

std::int64_t digitsValue(std::string_view s)
{
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            break;
        if (v < 100'000'000'000'000'000)
            v = v * 10 + (c - '0');
    }
    return v;
}

std::int64_t monthNumber(const std::string &name)
{
    static const std::array<const char *, 12> names = {"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};
    for (std::size_t i = 0; i < names.size(); ++i)
        if (name.compare(0, 3, names[i]) == 0)
            return static_cast<std::int64_t>(i) + 1;
    return 0;
}

bool isSign(char c)
{
    return c == '+' || c == '-';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// s3e: sorts out which of three numbers is the year, the month and the day.
void s3e(DateHash &h, Opt y, Opt m, Opt d, bool bc)
{
    std::optional<bool> c;
    if (y && m && !d) {
        Opt oy = y, om = m;
        y.reset();
        m = oy;
        d = om;
    }
    if (!y) {
        if (d && d->size() > 2) {
            y = d;
            d.reset();
        }
        if (d && !d->empty() && (*d)[0] == '\'') {
            y = d;
            d.reset();
        }
    }
    if (y) {
        const std::string &s = *y;
        std::size_t i = 0;
        while (i < s.size() && !isSign(s[i]) && !isDigit(s[i]))
            ++i;
        if (i < s.size()) {
            const std::size_t bp = i;
            if (isSign(s[i]))
                ++i;
            while (i < s.size() && isDigit(s[i]))
                ++i;
            if (i < s.size()) { // something follows the digits ("5th"): it is the day
                Opt od = d;
                d = s.substr(bp);
                y = od;
            }
        }
    }
    if (m && (!m->empty() && ((*m)[0] == '\'' || m->size() > 2))) { // us -> be
        Opt oy = y, om = m, od = d;
        y = om;
        m = od;
        d = oy;
    }
    if (d && (!d->empty() && ((*d)[0] == '\'' || d->size() > 2)))
        std::swap(y, d);
    if (y) {
        const std::string &s = *y;
        std::size_t i = 0;
        while (i < s.size() && !isSign(s[i]) && !isDigit(s[i]))
            ++i;
        if (i < s.size()) {
            bool neg = false;
            if (isSign(s[i])) {
                neg = s[i] == '-';
                c = false;
                ++i;
            }
            std::size_t j = i;
            while (j < s.size() && isDigit(s[j]))
                ++j;
            if (j - i > 2)
                c = false;
            std::int64_t iy = digitsValue(s.substr(i, j - i));
            if (neg)
                iy = -iy;
            if (bc)
                h.bc = true;
            h.year = iy;
        }
    }
    const auto number = [](const std::string &s) -> I {
        std::size_t i = 0;
        while (i < s.size() && !isDigit(s[i]))
            ++i;
        if (i >= s.size())
            return std::nullopt;
        return digitsValue(s.substr(i));
    };
    if (m)
        if (I v = number(*m))
            h.mon = v;
    if (d)
        if (I v = number(*d))
            h.mday = v;
    if (c)
        h.comp = *c;
}

bool isBc(const Opt &b)
{
    return b && !b->empty() && (*b)[0] == 'b';
}

const char *const kEra = "(c(?:e|\\.e\\.)|b(?:ce|\\.c\\.e\\.)|a(?:d|\\.d\\.)|b(?:c|\\.c\\.))?";

bool parseTime(std::string &str, DateHash &h)
{
    static const std::regex outer =
        re("((?:\\d+\\s*:\\s*\\d+(?:\\s*:\\s*\\d+(?:[,.]\\d*)?)?|\\d+\\s*h(?:\\s*\\d+m?(?:\\s*\\d+"
           "s?)?)"
           "?)(?:\\s*[ap](?:m\\b|\\.m\\.))?|\\d+\\s*[ap](?:m\\b|\\.m\\.))"
           "(?:\\s*((?:gmt|utc?)?[-+]\\d+(?:[,.:]\\d+(?::\\d+)?)?|[a-z.\\s]+(?:standard|daylight)"
           "\\stime\\b|[a-z]+(?:\\sdst)?\\b))?");
    static const std::regex inner = re("^(\\d+)h?(?:\\s*:?\\s*(\\d+)m?(?:\\s*:?\\s*(\\d+)(?:[,.]("
                                       "\\d+))?s?)?)?(?:\\s*([ap])(?:m\\b|"
                                       "\\.m\\.))?");
    std::vector<Opt> g;
    if (!sub(str, outer, g))
        return false;
    if (g[2])
        h.zone = g[2];
    std::smatch m;
    const std::string t = *g[1];
    if (!std::regex_search(t, m, inner))
        return true;
    std::int64_t hour = digitsValue(m[1].str());
    if (m[5].matched) {
        hour %= 12;
        if (m[5].str() == "p")
            hour += 12;
    }
    h.hour = hour;
    if (m[2].matched)
        h.min = digitsValue(m[2].str());
    if (m[3].matched)
        h.sec = digitsValue(m[3].str());
    if (m[4].matched) {
        std::string f = m[4].str().substr(0, 9);
        std::int64_t n = digitsValue(f);
        for (std::size_t k = f.size(); k < 9; ++k)
            n *= 10;
        h.nanos = n;
    }
    return true;
}

bool parseEu(std::string &str, DateHash &h)
{
    static const std::regex r =
        re(std::string("'?\\b(\\d+)[^-\\d\\s']*\\s*(") + kMonths + ")[^-\\d\\s']*(?:\\s*" + kEra +
           "\\s*('?-?\\d+(?:(?:st|nd|rd|th)\\b)?))?");
    std::vector<Opt> g;
    if (!sub(str, r, g))
        return false;
    s3e(h, g[4], std::to_string(monthNumber(*g[2])), g[1], isBc(g[3]));
    return true;
}

bool parseUs(std::string &str, DateHash &h)
{
    static const std::regex r =
        re(std::string("\\b(") + kMonths + ")[^-\\d\\s']*\\s*('?\\d+)[^-\\d\\s']*(?:\\s*,?\\s*" +
           kEra + "\\s*('?-?\\d+))?");
    std::vector<Opt> g;
    if (!sub(str, r, g))
        return false;
    s3e(h, g[4], std::to_string(monthNumber(*g[1])), g[2], isBc(g[3]));
    return true;
}

bool parse3(std::string &str, DateHash &h, const std::regex &r)
{
    std::vector<Opt> g;
    if (!sub(str, r, g))
        return false;
    s3e(h, g[1], g[2], g[3], false);
    return true;
}

/// parse_jis: a Japanese era date (JIS X 0301), "h31.01.01" is 2019-01-01.
bool parseJis(std::string &str, DateHash &h)
{
    static const std::regex r = re("\\b([mtshr])(\\d+)\\.(\\d+)\\.(\\d+)");
    std::vector<Opt> g;
    if (!sub(str, r, g))
        return false;
    const char era = (*g[1])[0];
    h.year = digitsValue(*g[2]) + (era == 'm'   ? 1867
                                   : era == 't' ? 1911
                                   : era == 's' ? 1925
                                   : era == 'h' ? 1988
                                                : 2018);
    h.mon = digitsValue(*g[3]);
    h.mday = digitsValue(*g[4]);
    return true;
}

bool parseVms(std::string &str, DateHash &h)
{
    static const std::regex r1 = re(std::string("('?-?\\d+)-(") + kMonths + ")[^-/.]*-('?-?\\d+)");
    static const std::regex r2 =
        re(std::string("\\b(") + kMonths + ")[^-/.]*-('?-?\\d+)(?:-('?-?\\d+))?");
    std::vector<Opt> g;
    if (sub(str, r1, g)) {
        s3e(h, g[3], std::to_string(monthNumber(*g[2])), g[1], false);
        return true;
    }
    if (sub(str, r2, g)) {
        s3e(h, g[3], std::to_string(monthNumber(*g[1])), g[2], false);
        return true;
    }
    return false;
}

bool parseIso2(std::string &str, DateHash &h)
{
    static const std::regex w1 = re("\\b(\\d{2}|\\d{4})?-?w(\\d{2})(?:-?(\\d))?\\b");
    static const std::regex w2 = re("-w-(\\d)\\b");
    static const std::regex md1 = re("--(\\d{2})?-(\\d{2})\\b");
    static const std::regex md2 = re("--(\\d{2})(\\d{2})?\\b");
    static const std::regex yd1Guard = re("[,.](\\d{2}|\\d{4})-\\d{3}\\b");
    static const std::regex yd1 = re("\\b(\\d{2}|\\d{4})-(\\d{3})\\b");
    static const std::regex yd2Guard = re("\\d-\\d{3}\\b");
    static const std::regex yd2 = re("\\b-(\\d{3})\\b");
    std::vector<Opt> g;
    // Week dates are recognised (and end the search) but Time.parse ignores them.
    if (sub(str, w1, g) || sub(str, w2, g))
        return true;
    if (sub(str, md1, g)) {
        if (g[1])
            h.mon = digitsValue(*g[1]);
        h.mday = digitsValue(*g[2]);
        return true;
    }
    if (sub(str, md2, g)) {
        h.mon = digitsValue(*g[1]);
        if (g[2])
            h.mday = digitsValue(*g[2]);
        return true;
    }
    if (!std::regex_search(str, yd1Guard) && sub(str, yd1, g)) {
        h.year = digitsValue(*g[1]);
        h.yday = digitsValue(*g[2]);
        return true;
    }
    if (!std::regex_search(str, yd2Guard) && sub(str, yd2, g)) {
        h.yday = digitsValue(*g[1]);
        return true;
    }
    return false;
}

bool parseDdd(std::string &str, DateHash &h)
{
    static const std::regex r = re("([-+]?)(\\d{2,14})(?:\\s*t?\\s*(\\d{2,6})?(?:[,.](\\d*))?)?"
                                   "(?:\\s*(z\\b|[-+]\\d{1,4}\\b|\\[[-+]?\\d[^\\]]*\\]))?");
    std::vector<Opt> g;
    if (!sub(str, r, g))
        return false;
    const std::string s2 = *g[2];
    const bool neg = g[1] && *g[1] == "-";
    const auto at = [&](const std::string &s, std::size_t pos, std::size_t len) {
        return digitsValue(s.substr(pos, len));
    };
    const auto signedAt = [&](std::size_t pos, std::size_t len) {
        const std::int64_t v = at(s2, pos, len);
        return neg ? -v : v;
    };
    const bool timeOnly = !g[3] && g[4];
    const std::size_t l2 = s2.size();
    switch (l2) {
    case 2:
        if (timeOnly)
            h.sec = at(s2, 0, 2);
        else
            h.mday = at(s2, 0, 2);
        break;
    case 4:
        if (timeOnly) {
            h.sec = at(s2, 2, 2);
            h.min = at(s2, 0, 2);
        } else {
            h.mon = at(s2, 0, 2);
            h.mday = at(s2, 2, 2);
        }
        break;
    case 6:
        if (timeOnly) {
            h.sec = at(s2, 4, 2);
            h.min = at(s2, 2, 2);
            h.hour = at(s2, 0, 2);
        } else {
            h.year = signedAt(0, 2);
            h.mon = at(s2, 2, 2);
            h.mday = at(s2, 4, 2);
        }
        break;
    case 8:
    case 10:
    case 12:
    case 14:
        if (timeOnly) {
            h.sec = at(s2, l2 - 2, 2);
            h.min = at(s2, l2 - 4, 2);
            h.hour = at(s2, l2 - 6, 2);
            h.mday = at(s2, l2 - 8, 2);
            if (l2 >= 10)
                h.mon = at(s2, l2 - 10, 2);
            if (l2 == 12)
                h.year = signedAt(0, 2);
            if (l2 == 14) {
                h.year = signedAt(0, 4);
                h.comp = false;
            }
        } else {
            h.year = signedAt(0, 4);
            h.mon = at(s2, 4, 2);
            h.mday = at(s2, 6, 2);
            if (l2 >= 10)
                h.hour = at(s2, 8, 2);
            if (l2 >= 12)
                h.min = at(s2, 10, 2);
            if (l2 >= 14)
                h.sec = at(s2, 12, 2);
            h.comp = false;
        }
        break;
    case 3:
        if (timeOnly) { // "123," is 1 minute 23 seconds
            h.sec = at(s2, 1, 2);
            h.min = at(s2, 0, 1);
        } else {
            h.yday = at(s2, 0, 3);
        }
        break;
    case 5:
        if (timeOnly) {
            h.sec = at(s2, 3, 2);
            h.min = at(s2, 1, 2);
            h.hour = at(s2, 0, 1);
        } else {
            h.year = signedAt(0, 2);
            h.yday = at(s2, 2, 3);
        }
        break;
    case 7:
        if (timeOnly) {
            h.sec = at(s2, 5, 2);
            h.min = at(s2, 3, 2);
            h.hour = at(s2, 1, 2);
            h.mday = at(s2, 0, 1);
        } else {
            h.year = signedAt(0, 4);
            h.yday = at(s2, 4, 3);
        }
        break;
    default:
        break;
    }
    if (g[3]) {
        const std::string &s3 = *g[3];
        const std::size_t l3 = s3.size();
        if (l3 == 2 || l3 == 4 || l3 == 6) {
            if (g[4]) {
                h.sec = at(s3, l3 - 2, 2);
                if (l3 >= 4)
                    h.min = at(s3, l3 - 4, 2);
                if (l3 >= 6)
                    h.hour = at(s3, l3 - 6, 2);
            } else {
                h.hour = at(s3, 0, 2);
                if (l3 >= 4)
                    h.min = at(s3, 2, 2);
                if (l3 >= 6)
                    h.sec = at(s3, 4, 2);
            }
        }
    }
    if (g[4]) {
        std::string f = g[4]->substr(0, 9);
        std::int64_t n = digitsValue(f);
        for (std::size_t k = f.size(); k < 9; ++k)
            n *= 10;
        h.nanos = n;
    }
    if (g[5]) {
        std::string z = *g[5];
        if (z.front() == '[') {
            z = z.substr(1, z.size() - 2);
            const std::size_t colon = z.find(':');
            if (colon != std::string::npos)
                z = z.substr(colon + 1); // "[-5:EST]": the name
            else if (isDigit(z[0]))
                z = "+" + z;
        }
        h.zone = z;
    }
    return true;
}

/// Time.zone_offset: numeric offsets and the few names Ruby's Time knows.
std::optional<int> zoneOffset(std::string z)
{
    for (char &c : z)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 32);
    static const std::regex hhmm = re("^([+-])(\\d\\d)(:?)(\\d\\d)(?:\\3(\\d\\d))?$");
    static const std::regex hh = re("^[+-]\\d\\d$");
    std::smatch m;
    if (std::regex_match(z, m, hhmm)) {
        const int v =
            static_cast<int>((digitsValue(m[2].str()) * 60 + digitsValue(m[4].str())) * 60 +
                             (m[5].matched ? digitsValue(m[5].str()) : 0));
        return m[1].str() == "-" ? -v : v;
    }
    if (std::regex_match(z, hh))
        return static_cast<int>(digitsValue(z.substr(1))) * (z[0] == '-' ? -3600 : 3600);
    static const std::array<std::pair<const char *, int>, 12> names = {{{"UTC", 0},
                                                                        {"Z", 0},
                                                                        {"UT", 0},
                                                                        {"GMT", 0},
                                                                        {"EST", -5},
                                                                        {"EDT", -4},
                                                                        {"CST", -6},
                                                                        {"CDT", -5},
                                                                        {"MST", -7},
                                                                        {"MDT", -6},
                                                                        {"PST", -8},
                                                                        {"PDT", -7}}};
    for (const auto &[n, h] : names)
        if (z == n)
            return h * 3600;
    if (z.size() == 1 && z[0] >= 'A' && z[0] <= 'Y' && z[0] != 'J') { // military zones
        const char c = z[0];
        return 3600 * (c <= 'I' ? c - 'A' + 1 : c <= 'M' ? c - 'K' + 10 : -(c - 'N' + 1));
    }
    return std::nullopt;
}

std::int64_t civilDays(std::int64_t y, std::int64_t m, std::int64_t d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool leap(std::int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

} // namespace

namespace {
bool lenientParse(const std::string &lowered, std::int64_t now, int localOffset, RubyTime &out);
} // namespace

bool rubyLenientTimeParse(const std::string &lowered, std::int64_t now, int localOffset,
                          RubyTime &out)
{
    // The port runs a few dozen regular expressions (some microseconds); a template that
    // formats the same odd string in a loop asks the same question again and again.
    struct Entry {
        std::string input;
        std::int64_t now = 0;
        int localOffset = 0;
        bool ok = false;
        RubyTime result;
    };
    thread_local std::array<Entry, 8> cache;
    thread_local std::size_t next = 0;
    for (const Entry &e : cache) {
        if (e.now == now && e.localOffset == localOffset && e.input == lowered &&
            !e.input.empty()) {
            out = e.result;
            return e.ok;
        }
    }
    Entry &e = cache[next];
    next = (next + 1) % cache.size();
    e.input = lowered;
    e.now = now;
    e.localOffset = localOffset;
    e.ok = lenientParse(lowered, now, localOffset, e.result);
    out = e.result;
    return e.ok;
}

namespace {

bool lenientParse(const std::string &lowered, std::int64_t now, int localOffset, RubyTime &out)
{
    if (lowered.size() > 128)
        return false; // Date._parse: "string length exceeds the limit 128"
    // str.gsub(/[^-+',.\/:@[:alnum:]\[\]]+/, ' ')
    std::string str;
    bool gap = false;
    for (char c : lowered) {
        const unsigned char u = static_cast<unsigned char>(c);
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) ||
                          u >= 0x80 || std::strchr("-+',./:@[]", c) != nullptr;
        if (keep) {
            str += c;
            gap = false;
        } else if (!gap) {
            str += ' ';
            gap = true;
        }
    }
    DateHash h;
    std::vector<Opt> g;
    static const std::regex day = re("\\b(sun|mon|tue|wed|thu|fri|sat)[^-/\\d\\s]*");
    sub(str, day, g); // the weekday: Time.parse does not use it
    parseTime(str, h);
    static const std::regex iso = re("('?[-+]?\\d+)-(\\d+)-('?-?\\d+)");
    static const std::regex sla = re("('?-?\\d+)/\\s*('?\\d+)(?:\\D\\s*('?-?\\d+))?");
    static const std::regex dot = re("('?-?\\d+)\\.\\s*('?\\d+)\\.\\s*('?-?\\d+)");
    static const std::regex year = re("'(\\d+)\\b");
    static const std::regex mon = re(std::string("\\b(") + kMonths + ")\\S*");
    static const std::regex mday = re("(\\d+)(st|nd|rd|th)\\b");
    const bool found = parseEu(str, h) || parseUs(str, h) || parse3(str, h, iso) ||
                       parseJis(str, h) || parseVms(str, h) || parse3(str, h, sla) ||
                       parse3(str, h, dot) || parseIso2(str, h);
    if (!found) {
        if (sub(str, year, g))
            h.year = digitsValue(*g[1]);
        else if (sub(str, mon, g))
            h.mon = monthNumber(*g[1]);
        else if (sub(str, mday, g))
            h.mday = digitsValue(*g[1]);
        else
            parseDdd(str, h);
    }
    // parse_bc: an era anywhere ("5 Mar 2024 BC") makes the year BC.
    static const std::regex bcEra = re("\\b(bc\\b|bce\\b|b\\.c\\.|b\\.c\\.e\\.)");
    if (sub(str, bcEra, g))
        h.bc = true;
    // parse_frag: a lone number left over is the day (after a time) or the hour.
    static const std::regex frag = re("^\\s*(\\d{1,2})\\s*$");
    std::smatch fm;
    if (std::regex_match(str, fm, frag)) {
        const std::int64_t n = digitsValue(fm[1].str());
        if (h.hour && !h.mday && n >= 1 && n <= 31)
            h.mday = n;
        else if (h.mday && !h.hour && n >= 0 && n <= 24)
            h.hour = n;
    }
    if (h.bc && h.year)
        *h.year = -*h.year + 1;
    if (h.comp && h.year && *h.year >= 0 && *h.year <= 99)
        *h.year += *h.year >= 69 ? 1900 : 2000;

    // Time.make_time
    if (!h.year && !h.yday && !h.mon && !h.mday && !h.hour && !h.min && !h.sec && !h.nanos)
        return false; // "no time information"
    std::optional<int> off;
    if (h.zone)
        off = zoneOffset(*h.zone);
    if (off && (*off <= -86400 || *off >= 86400))
        return false; // Time#localtime: "utc_offset out of range"
    const int nowOffset = off ? *off : localOffset;
    {
        // Fill the leading fields that are missing from "now" in the zone.
        const std::int64_t local = now + nowOffset;
        std::int64_t days = local / 86400, secs = local % 86400;
        if (secs < 0) {
            secs += 86400;
            --days;
        }
        const std::int64_t z = days + 719468;
        const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
        const std::int64_t doe = z - era * 146097;
        const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const std::int64_t mp = (5 * doy + 2) / 153;
        const std::int64_t nd = doy - (153 * mp + 2) / 5 + 1;
        const std::int64_t nm = mp < 10 ? mp + 3 : mp - 9;
        const std::int64_t ny = yoe + era * 400 + (nm <= 2);
        do {
            if (h.year)
                break;
            h.year = ny;
            if (h.yday || h.mon)
                break;
            h.mon = nm;
            if (h.mday)
                break;
            h.mday = nd;
            if (h.hour)
                break;
            h.hour = secs / 3600;
            if (h.min)
                break;
            h.min = secs % 3600 / 60;
            if (h.sec)
                break;
            h.sec = secs % 60;
        } while (false);
    }
    std::int64_t y = *h.year, m = h.mon.value_or(1), d = h.mday.value_or(1);
    const std::int64_t hh = h.hour.value_or(0), mi = h.min.value_or(0), ss = h.sec.value_or(0);
    if (y < -1'000'000'000 || y > 1'000'000'000)
        return false;
    std::int64_t days;
    if (h.yday) {
        if (*h.yday < 1 || *h.yday > (leap(y) ? 366 : 365))
            return false;
        days = civilDays(y, 1, 1) + *h.yday - 1;
    } else {
        // Time.utc / Time.local: day 29-31 of a shorter month rolls into the next one.
        if (m < 1 || m > 12 || d < 1 || d > 31)
            return false;
        days = civilDays(y, m, 1) + d - 1;
    }
    if (hh < 0 || hh > 24 || mi < 0 || mi > 59 || ss < 0 || ss > 60 ||
        (hh == 24 && (mi != 0 || ss != 0)))
        return false;
    const int offset = off ? *off : localOffset;
    out.seconds = days * 86400 + hh * 3600 + mi * 60 + ss - offset;
    out.nanos = h.nanos.value_or(0);
    out.offset = offset;
    // %Z: Ruby uses the local zone (UTC here) when the offset is the local one, and UTC
    // for the zone names that mean it (-00:00, UTC, Z, UT).
    static const std::regex utc = re("^(?:-00:00|-0000|-00|utc|z|ut)$");
    out.gmt = h.zone && std::regex_match(*h.zone, utc);
    out.utcZone = out.gmt || (offset == 0 && localOffset == 0);
    return true;
}

} // namespace

} // namespace mw::liquid::detail
