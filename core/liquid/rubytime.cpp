#include "liquid/rubytime.h"
#include "liquid/ast.h"
#include "liquid/rubydateparse.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace mw::liquid::detail {

namespace {

// Howard Hinnant's civil-date algorithms.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
}

const char *kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};
const char *kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                       "Thursday", "Friday", "Saturday"};

struct Parts {
    std::int64_t year;
    unsigned month, day;
    int hour, minute, second;
    int wday; // 0 = Sunday
    int yday; // 1-based
};

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

Parts partsOf(const RubyTime &t)
{
    // Ruby handles any year; far beyond +-30 million years we clamp (no overflow).
    const std::int64_t limit = 1'000'000'000'000'000;
    const std::int64_t local = std::clamp<std::int64_t>(t.seconds, -limit, limit) + t.offset;
    const std::int64_t days = floorDiv(local, 86400);
    const std::int64_t secs = local - days * 86400;
    Parts p;
    civilFromDays(days, p.year, p.month, p.day);
    p.hour = static_cast<int>(secs / 3600);
    p.minute = static_cast<int>(secs % 3600 / 60);
    p.second = static_cast<int>(secs % 60);
    p.wday = static_cast<int>(((days % 7) + 11) % 7); // 1970-01-01 was a Thursday
    p.yday = static_cast<int>(days - daysFromCivil(p.year, 1, 1)) + 1;
    return p;
}

bool parseTimeString(const std::string &s, std::int64_t now, int localOffset, RubyTime &out);

/// The two shapes data holds most, "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM:SSZ", read in place
/// with exactly the checks and arithmetic of parseTimeString (which handles the rest):
/// no lower-cased copy of the text and no scanner. False: not one of the two shapes.
bool parseIsoFast(std::string_view s, int localOffset, RubyTime &out)
{
    if (s.size() != 10 && s.size() != 20)
        return false;
    auto d = [&](std::size_t i) { return static_cast<unsigned>(s[i]) - '0'; };
    auto digits = [&](std::size_t i, std::size_t n) {
        for (std::size_t k = i; k < i + n; ++k)
            if (d(k) > 9)
                return false;
        return true;
    };
    if (!digits(0, 4) || s[4] != '-' || !digits(5, 2) || s[7] != '-' || !digits(8, 2))
        return false;
    const std::int64_t year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
    const unsigned month = d(5) * 10 + d(6);
    const unsigned day = d(8) * 10 + d(9);
    std::int64_t hh = 0, mm = 0, ss = 0;
    bool zoned = false;
    if (s.size() == 20) {
        if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(11, 2) || s[13] != ':' ||
            !digits(14, 2) || s[16] != ':' || !digits(17, 2) || (s[19] != 'Z' && s[19] != 'z'))
            return false;
        hh = d(11) * 10 + d(12);
        mm = d(14) * 10 + d(15);
        ss = d(17) * 10 + d(18);
        zoned = true;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hh > 24 || mm > 59 || ss > 60)
        return false; // parseTimeString refuses these too
    const int offset = zoned ? 0 : localOffset;
    out.seconds = daysFromCivil(year, month, day) * 86400 + hh * 3600 + mm * 60 + ss - offset;
    out.nanos = 0;
    out.offset = offset;
    out.utcZone = zoned || localOffset == 0;
    out.gmt = zoned;
    return true;
}

} // namespace

bool toRubyTime(const Value &input, std::int64_t now, int localOffset, RubyTime &out)
{
    out = RubyTime();
    out.offset = localOffset;
    out.utcZone = localOffset == 0;
    if (input.isInt()) {
        out.seconds = input.toInt();
        return true;
    }
    if (!input.isString())
        return false;
    if (parseIsoFast(input.str(), localOffset, out))
        return true;
    std::string s(input.str());
    if (s.empty())
        return false;
    for (char &c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
    if (s == "now" || s == "today") {
        out.seconds = now;
        return true;
    }
    bool digits = true;
    for (char c : s)
        if (c < '0' || c > '9')
            digits = false;
    if (digits) {
        if (s.size() > 18)
            return false;
        out.seconds = std::stoll(s);
        return true;
    }
    // Date._parse refuses more than 128 characters; what the fast parser does not take
    // goes through the (slow) port of Ruby's lenient parser.
    if (s.size() > 128)
        return false;
    return parseTimeString(s, now, localOffset, out) ||
           rubyLenientTimeParse(s, now, localOffset, out);
}

namespace {

struct Scanner {
    const std::string &s;
    std::size_t i = 0;
    void ws()
    {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
            ++i;
    }
    bool num(int minDigits, int maxDigits, std::int64_t &v)
    {
        std::size_t j = i;
        v = 0;
        while (j < s.size() && j - i < static_cast<std::size_t>(maxDigits) &&
               std::isdigit(static_cast<unsigned char>(s[j])))
            v = v * 10 + (s[j++] - '0');
        if (j - i < static_cast<std::size_t>(minDigits))
            return false;
        i = j;
        return true;
    }
    bool ch(char c)
    {
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    }
    bool month(unsigned &m)
    {
        static const std::string_view names[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
        if (i >= s.size() || s[i] < 'a' || s[i] > 'z')
            return false;
        for (unsigned k = 0; k < 12; ++k) {
            const std::string_view full = names[k];
            if (s.compare(i, full.size(), full) == 0) {
                i += full.size();
                m = k + 1;
                return true;
            }
            if (s.compare(i, 3, full.substr(0, 3)) == 0) {
                i += 3;
                if (i < s.size() && s[i] == '.')
                    ++i;
                m = k + 1;
                return true;
            }
        }
        return false;
    }
    void weekday()
    {
        static const std::string_view names[] = {"sunday",   "monday", "tuesday", "wednesday",
                                                 "thursday", "friday", "saturday"};
        if (i >= s.size() || s[i] < 'a' || s[i] > 'z')
            return;
        for (const std::string_view full : names) {
            if (s.compare(i, full.size(), full) == 0) {
                i += full.size();
                ws();
                return;
            }
            if (s.compare(i, 3, full.substr(0, 3)) == 0) {
                i += 3;
                ws();
                return;
            }
        }
    }
};

bool parseTimeString(const std::string &s, std::int64_t now, int localOffset, RubyTime &out)
{
    // The formats marketers' data actually holds: ISO 8601 dates and date-times
    // (T or space, optional fraction and zone), YYYY/MM/DD, "Jan 5, 2024", "5 January
    // 2024", each optionally followed by a time and a zone. Anything else gives false.
    (void)now;
    Scanner sc{s};
    std::int64_t year = 0, v = 0;
    unsigned month = 0, day = 0;
    sc.ws();
    sc.weekday();
    const std::size_t start = sc.i;
    if (sc.num(4, 4, year) && (sc.ch('-') || sc.ch('/'))) {
        const char sep = s[sc.i - 1];
        if (!sc.num(1, 2, v))
            return false;
        month = static_cast<unsigned>(v);
        if (!sc.ch(sep) || !sc.num(1, 2, v))
            return false;
        day = static_cast<unsigned>(v);
    } else {
        sc.i = start;
        if (sc.month(month)) {
            sc.ws();
            if (!sc.num(1, 2, v))
                return false;
            day = static_cast<unsigned>(v);
            sc.ws();
            if (!sc.num(4, 4, year))
                return false;
        } else if (sc.num(1, 2, v)) {
            day = static_cast<unsigned>(v);
            sc.ws();
            if (!sc.month(month))
                return false;
            sc.ws();
            if (!sc.num(4, 4, year))
                return false;
        } else {
            return false;
        }
    }
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return false;
    std::int64_t hh = 0, mm = 0, ss = 0, nanos = 0;
    if (sc.i < s.size() && (s[sc.i] == 't' || s[sc.i] == ' ')) {
        const std::size_t save = sc.i;
        ++sc.i;
        sc.ws();
        if (sc.num(1, 2, hh) && sc.ch(':') && sc.num(2, 2, mm)) {
            if (sc.ch(':')) {
                if (!sc.num(2, 2, ss))
                    return false;
                if (sc.ch('.')) {
                    std::size_t j = sc.i;
                    int digits = 0;
                    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
                        if (digits < 9) {
                            nanos = nanos * 10 + (s[j] - '0');
                            ++digits;
                        }
                        ++j;
                    }
                    while (digits++ < 9)
                        nanos *= 10;
                    sc.i = j;
                }
            }
            sc.ws();
            if (s.compare(sc.i, 2, "pm") == 0 || s.compare(sc.i, 2, "am") == 0) {
                const bool pm = s[sc.i] == 'p';
                if (hh == 12)
                    hh = 0;
                if (pm)
                    hh += 12;
                sc.i += 2;
            }
        } else {
            sc.i = save;
        }
    }
    if (hh > 24 || mm > 59 || ss > 60)
        return false;
    sc.ws();
    bool zoned = false;
    int offset = localOffset;
    bool utcName = localOffset == 0;
    if (sc.i < s.size()) {
        if (s[sc.i] == 'z' || s.compare(sc.i, 3, "utc") == 0 || s.compare(sc.i, 3, "gmt") == 0) {
            utcName = s[sc.i] != 'g'; // Time.parse's zone_utc?: UTC and Z, not GMT
            sc.i += s[sc.i] == 'z' ? 1 : 3;
            zoned = true;
            offset = 0;
        } else if (s[sc.i] == '+' || s[sc.i] == '-') {
            const int sign = s[sc.i] == '-' ? -1 : 1;
            ++sc.i;
            std::int64_t oh = 0, om = 0;
            if (!sc.num(2, 2, oh))
                return false;
            sc.ch(':');
            sc.num(2, 2, om);
            zoned = true;
            offset = sign * static_cast<int>(oh * 3600 + om * 60);
            if (offset <= -86400 || offset >= 86400)
                return false;                  // Time#localtime: "utc_offset out of range"
            utcName = sign < 0 && offset == 0; // "-00:00" / "-0000" mean UTC
        }
    }
    sc.ws();
    if (sc.i != s.size())
        return false;
    const std::int64_t days = daysFromCivil(year, month, day);
    out.seconds = days * 86400 + hh * 3600 + mm * 60 + ss - offset;
    out.nanos = nanos;
    out.offset = offset;
    // %Z: Ruby shows the local zone (UTC here) when the offset is the local one.
    out.utcZone = zoned ? utcName || (offset == 0 && localOffset == 0) : localOffset == 0;
    out.gmt = zoned && utcName;
    return true;
}

void pad(std::string &out, std::int64_t v, int width, char padChar)
{
    std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    char buf[20];
    char *e = buf + sizeof buf;
    char *b = e;
    do {
        *--b = static_cast<char>('0' + mag % 10);
        mag /= 10;
    } while (mag);
    const std::string_view digits(b, static_cast<std::size_t>(e - b));
    if (v < 0)
        out += '-';
    if (padChar)
        for (int k = static_cast<int>(digits.size()) + (v < 0 ? 1 : 0); k < width; ++k)
            out += padChar;
    out += digits;
}

int isoWeek(const Parts &p, std::int64_t &isoYear)
{
    const int wdayMon = (p.wday + 6) % 7; // Monday = 0
    int week = (p.yday - 1 - wdayMon + 10) / 7;
    isoYear = p.year;
    if (week < 1) {
        isoYear = p.year - 1;
        const bool leap = (isoYear % 4 == 0 && isoYear % 100 != 0) || isoYear % 400 == 0;
        const int yday = p.yday + (leap ? 366 : 365);
        week = (yday - 1 - wdayMon + 10) / 7;
    } else {
        const bool leap = (p.year % 4 == 0 && p.year % 100 != 0) || p.year % 400 == 0;
        const int daysInYear = leap ? 366 : 365;
        if (week == 53 && (p.yday - 1 - wdayMon + 10 - daysInYear) / 7 >= 1 &&
            daysInYear - p.yday < 3 - wdayMon + 0) {
            // falls in week 1 of next year
        }
        if (week == 53) {
            const int dec31wday = (wdayMon + (daysInYear - p.yday)) % 7;
            if (dec31wday < 3) {
                week = 1;
                isoYear = p.year + 1;
            }
        }
    }
    return week;
}

} // namespace

std::string rubyStrftime(const RubyTime &t, std::string_view f)
{
    std::string out;
    appendRubyStrftime(out, t, f);
    return out;
}

namespace {
/// The plain directives of date formats ("%b %d, %Y", "%B %Y", "%H:%M") written straight
/// into buf, exactly as the general code below writes them. False: not one of them (or a
/// year beyond four digits), the general code handles it.
bool appendPlainDirective(char c, const Parts &p, char *buf, std::size_t &n)
{
    auto two = [&](unsigned v) {
        buf[n++] = static_cast<char>('0' + v / 10);
        buf[n++] = static_cast<char>('0' + v % 10);
    };
    auto name = [&](const char *s, std::size_t len) {
        std::memcpy(buf + n, s, len);
        n += len;
    };
    switch (c) {
    case 'Y':
        if (p.year < 0 || p.year > 9999)
            return false;
        two(static_cast<unsigned>(p.year / 100));
        two(static_cast<unsigned>(p.year % 100));
        return true;
    case 'y':
        two(static_cast<unsigned>(((p.year % 100) + 100) % 100));
        return true;
    case 'm':
        two(p.month);
        return true;
    case 'd':
        two(p.day);
        return true;
    case 'e':
        buf[n++] = p.day < 10 ? ' ' : static_cast<char>('0' + p.day / 10);
        buf[n++] = static_cast<char>('0' + p.day % 10);
        return true;
    case 'H':
        two(static_cast<unsigned>(p.hour));
        return true;
    case 'M':
        two(static_cast<unsigned>(p.minute));
        return true;
    case 'S':
        two(static_cast<unsigned>(p.second));
        return true;
    case 'B':
        name(kMonths[p.month - 1], std::strlen(kMonths[p.month - 1]));
        return true;
    case 'b':
    case 'h':
        name(kMonths[p.month - 1], 3);
        return true;
    case 'A':
        name(kDays[p.wday], std::strlen(kDays[p.wday]));
        return true;
    case 'a':
        name(kDays[p.wday], 3);
        return true;
    default:
        return false;
    }
}
} // namespace

void appendRubyStrftime(std::string &out, const RubyTime &t, std::string_view f)
{
    const Parts p = partsOf(t);
    // Literal text and plain directives collect in buf and are appended in one go.
    char buf[64];
    std::size_t n = 0;
    constexpr std::size_t kRoom = sizeof buf - 16; // the longest plain directive: "September"
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] != '%') {
            // Literal text up to the next directive.
            std::size_t j = f.find('%', i);
            if (j == std::string_view::npos)
                j = f.size();
            if (n + (j - i) <= kRoom) {
                std::memcpy(buf + n, f.data() + i, j - i);
                n += j - i;
            } else {
                out.append(buf, n);
                n = 0;
                out.append(f.substr(i, j - i));
            }
            i = j - 1;
            continue;
        }
        if (i + 1 < f.size() && n <= kRoom && appendPlainDirective(f[i + 1], p, buf, n)) {
            ++i;
            continue;
        }
        out.append(buf, n);
        n = 0;
        if (i + 1 >= f.size())
            throw RenderError{"invalid format: " + std::string(f)};
        const std::size_t start = i;
        ++i;
        // Ruby's strftime.c: flags before the width ('-' no padding, '_' spaces, '0' zeros,
        // '^' upper case, '#' change case); a flag after a width makes the whole directive
        // unknown (printed as written).
        bool left = false, upper = false, lower = false, chcase = false, unknown = false;
        char padding = 0;
        int precision = -1;
        for (; i < f.size(); ++i) {
            const char ch = f[i];
            if (ch == '-' || ch == '^' || ch == '#' || ch == '_') {
                if (precision > 0) {
                    unknown = true;
                    break;
                }
                if (ch == '-') {
                    left = true;
                    padding = 0;
                    precision = 0;
                } else if (ch == '^') {
                    upper = true;
                } else if (ch == '#') {
                    chcase = true;
                } else {
                    padding = ' ';
                }
            } else if (ch >= '0' && ch <= '9') {
                if (ch == '0')
                    padding = '0';
                int v = 0;
                while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
                    v = std::min(v * 10 + (f[i] - '0'), 1024);
                    ++i;
                }
                --i;
                precision = v;
            } else {
                break;
            }
        }
        if (unknown) {
            out.append(f.substr(start, i - start + 1));
            continue;
        }
        int colons = 0;
        while (i < f.size() && f[i] == ':' && colons < 3) {
            ++colons;
            ++i;
        }
        const bool colon = colons > 0;
        if (i >= f.size() && colon) { // "%:" at the end is unknown, not an error
            out.append(f.substr(start));
            break;
        }
        if (i >= f.size())
            throw RenderError{"invalid format: " + std::string(f)};
        // Shopify (Ruby's strftime): the E and O modifiers are accepted (and ignored) before
        // the conversions they apply to; anything else with them, colons before anything
        // but z, and unknown conversions (%+ too) are printed as written.
        if ((f[i] == 'E' || f[i] == 'O') && i + 1 < f.size() &&
            std::strchr(f[i] == 'E' ? "cCxXyY" : "deHkIlmMSuUVwWy", f[i + 1]) != nullptr)
            ++i;
        const char c = f[i];
        if (colon && c != 'z') {
            // Only "%:" (to the last colon) is unknown; what follows is read again ("%:%d"
            // is "%:05").
            out.append(f.substr(start, i - start));
            --i;
            continue;
        }
        if (c == '+' || c == 'E' || c == 'O') {
            out.append(f.substr(start, i - start + 1));
            continue;
        }
        // FILL_PADDING: text shorter than the width gets the padding (spaces by default)
        // on its left, unless '-'.
        auto fill = [&](std::size_t len) {
            if (!left && precision > 0 && static_cast<std::size_t>(precision) > len)
                out.append(static_cast<std::size_t>(precision) - len, padding ? padding : ' ');
        };
        // FMT: a number, zero- or space-padded to the width (its default when none).
        auto num = [&](std::int64_t v, int defPrec, char defPad) {
            const int w = left ? 1 : precision <= 0 ? defPrec : precision;
            const bool zero = padding == '0' || (!padding && defPad == '0');
            if (zero) {
                pad(out, v, w, '0'); // "%0*ld": the sign, then zeros
            } else {
                std::string digits;
                pad(digits, v, 0, 0);
                if (static_cast<int>(digits.size()) < w)
                    out.append(static_cast<std::size_t>(w) - digits.size(), ' ');
                out += digits;
            }
        };
        auto text = [&](std::string_view sv) {
            if (sv.empty())
                return; // Ruby pads nothing when there is nothing (an empty %Z)
            fill(sv.size());
            const std::size_t at = out.size();
            out += sv;
            if (upper != lower) {
                for (std::size_t k = at; k < out.size(); ++k) {
                    const char ch = out[k];
                    if (upper && ch >= 'a' && ch <= 'z')
                        out[k] = static_cast<char>(ch - 32);
                    else if (lower && ch >= 'A' && ch <= 'Z')
                        out[k] = static_cast<char>(ch + 32);
                }
            }
        };
        // STRFTIME: a composite conversion, upper-cased by '^' ('#' does nothing), padded
        // to the width even with '-'.
        auto composite = [&](std::string_view sub) {
            std::string r = rubyStrftime(t, sub);
            if (upper)
                for (char &ch : r)
                    if (ch >= 'a' && ch <= 'z')
                        ch = static_cast<char>(ch - 32);
            if (precision > 0 && static_cast<std::size_t>(precision) > r.size())
                out.append(static_cast<std::size_t>(precision) - r.size(), padding ? padding : ' ');
            out += r;
        };
        const int hour12 = p.hour % 12 == 0 ? 12 : p.hour % 12;
        // Shopify (Ruby's strftime): '#' on a day or month name means upper case, on %p
        // and %Z lower case; %P is lower case unless '^' or '#'.
        if (chcase && (c == 'a' || c == 'A' || c == 'b' || c == 'h' || c == 'B')) {
            lower = false;
            upper = true;
        } else if ((c == 'p' && chcase) || (c == 'Z' && chcase) ||
                   (c == 'P' && !chcase && !upper)) {
            upper = false;
            lower = true;
        }
        switch (c) {
        case 'Y':
            num(p.year, p.year >= 0 ? 4 : 5, '0');
            break;
        case 'C':
            num(floorDiv(p.year, 100), 2, '0');
            break;
        case 'y':
            num(((p.year % 100) + 100) % 100, 2, '0');
            break;
        case 'm':
            num(p.month, 2, '0');
            break;
        case 'd':
            num(p.day, 2, '0');
            break;
        case 'e':
            num(p.day, 2, ' ');
            break;
        case 'j':
            num(p.yday, 3, '0');
            break;
        case 'H':
            num(p.hour, 2, '0');
            break;
        case 'k':
            num(p.hour, 2, ' ');
            break;
        case 'I':
            num(hour12, 2, '0');
            break;
        case 'l':
            num(hour12, 2, ' ');
            break;
        case 'M':
            num(p.minute, 2, '0');
            break;
        case 'S':
            num(p.second, 2, '0');
            break;
        case 'L':
        case 'N': {
            const int w = precision > 0 ? precision : c == 'L' ? 3 : 9;
            std::string ns = std::to_string(t.nanos);
            ns = std::string(9 - ns.size(), '0') + ns;
            if (w <= 9)
                out += ns.substr(0, static_cast<std::size_t>(w));
            else
                out += ns + std::string(static_cast<std::size_t>(w - 9), '0');
            break;
        }
        case 's':
            num(t.seconds, 1, '0');
            break;
        case 'u':
            num(p.wday == 0 ? 7 : p.wday, 1, '0');
            break;
        case 'w':
            num(p.wday, 1, '0');
            break;
        case 'U':
            num((p.yday + 6 - p.wday) / 7, 2, '0');
            break;
        case 'W':
            num((p.yday + 6 - (p.wday + 6) % 7) / 7, 2, '0');
            break;
        case 'V': {
            std::int64_t iy;
            num(isoWeek(p, iy), 2, '0');
            break;
        }
        case 'G': {
            std::int64_t iy;
            isoWeek(p, iy);
            num(iy, iy >= 0 ? 4 : 5, '0');
            break;
        }
        case 'g': {
            std::int64_t iy;
            isoWeek(p, iy);
            num(((iy % 100) + 100) % 100, 2, '0');
            break;
        }
        case 'a':
            text(std::string_view(kDays[p.wday], 3));
            break;
        case 'A':
            text(kDays[p.wday]);
            break;
        case 'b':
        case 'h':
            text(std::string_view(kMonths[p.month - 1], 3));
            break;
        case 'B':
            text(kMonths[p.month - 1]);
            break;
        case 'p':
        case 'P':
            text(p.hour < 12 ? "AM" : "PM");
            break;
        case 'Z':
            text(t.gmt || t.utcZone ? "UTC" : "");
            break;
        case 'z': {
            // Ruby's %z: the width counts the whole text; '_' pads the hours with spaces;
            // a UTC time (Time#utc) with '-' is "-0000" (RFC 2822's unknown local zone).
            long off = t.gmt ? 0 : t.offset;
            int sign = 1;
            if (off < 0 || (t.gmt && left)) {
                off = -off;
                sign = -1;
            }
            int prec;
            if (colons == 0)
                prec = precision <= 5 ? 2 : precision - 3;
            else if (colons == 1)
                prec = precision <= 6 ? 2 : precision - 4;
            else if (colons == 2)
                prec = precision <= 9 ? 2 : precision - 7;
            else if (off % 3600 == 0)
                prec = precision <= 3 ? 2 : precision - 1;
            else if (off % 60 == 0)
                prec = precision <= 6 ? 2 : precision - 4;
            else
                prec = precision <= 9 ? 2 : precision - 7;
            char zb[2100];
            int zn = padding == ' '
                         ? std::snprintf(zb, sizeof zb, "%+*ld", prec + 1, sign * (off / 3600))
                         : std::snprintf(zb, sizeof zb, "%+.*ld", prec, sign * (off / 3600));
            if (sign < 0 && off < 3600)
                zb[padding == ' ' ? zn - 2 : 0] = '-';
            out.append(zb, static_cast<std::size_t>(zn));
            off %= 3600;
            if (colons == 3 && off == 0)
                break;
            if (colons >= 1)
                out += ':';
            zn = std::snprintf(zb, sizeof zb, "%02d", static_cast<int>(off / 60));
            out.append(zb, static_cast<std::size_t>(zn));
            off %= 60;
            if (colons == 3 && off == 0)
                break;
            if (colons >= 2) {
                zn = std::snprintf(zb, sizeof zb, ":%02d", static_cast<int>(off));
                out.append(zb, static_cast<std::size_t>(zn));
            }
            break;
        }
        case 'c':
            composite("%a %b %e %H:%M:%S %Y");
            break;
        case 'D':
        case 'x':
            composite("%m/%d/%y");
            break;
        case 'F':
            composite("%Y-%m-%d");
            break;
        case 'T':
        case 'X':
            composite("%H:%M:%S");
            break;
        case 'R':
            composite("%H:%M");
            break;
        case 'r':
            composite("%I:%M:%S %p");
            break;
        case 'v':
            composite("%e-%^b-%4Y");
            break;
        case 'n':
            fill(1);
            out += '\n';
            break;
        case 't':
            fill(1);
            out += '\t';
            break;
        case '%':
            fill(1);
            out += '%';
            break;
        default:
            out.append(f.substr(start, i - start + 1));
        }
    }
    out.append(buf, n);
}

} // namespace mw::liquid::detail
