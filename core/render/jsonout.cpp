#include "jsonout.h"

#include <charconv>

namespace mw::json {

namespace {
// Bytes that need escaping: control characters, quote, backslash, and "/" (only after
// "<", checked separately).
constexpr bool needsEscape(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\' || c == '/';
}
struct EscapeTable {
    bool v[256];
    constexpr EscapeTable() : v()
    {
        for (int i = 0; i < 256; ++i)
            v[i] = needsEscape(static_cast<unsigned char>(i));
    }
};
constexpr EscapeTable kEscape;
} // namespace

void appendString(std::string &out, std::string_view s)
{
    out.reserve(out.size() + s.size() + 2);
    out += '"';
    appendEscaped(out, s);
    out += '"';
}

void appendEscaped(std::string &out, std::string_view s)
{
    static const char hex[] = "0123456789abcdef";
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (!kEscape.v[c]) [[likely]]
            continue;
        const char *rep = nullptr;
        char buf[7];
        switch (c) {
        case '"':
            rep = "\\\"";
            break;
        case '\\':
            rep = "\\\\";
            break;
        case '\n':
            rep = "\\n";
            break;
        case '\r':
            rep = "\\r";
            break;
        case '\t':
            rep = "\\t";
            break;
        case '/':
            if (i > 0 && s[i - 1] == '<')
                rep = "\\/";
            break;
        default:
            buf[0] = '\\';
            buf[1] = 'u';
            buf[2] = '0';
            buf[3] = '0';
            buf[4] = hex[c >> 4];
            buf[5] = hex[c & 15];
            buf[6] = 0;
            rep = buf;
        }
        if (rep) {
            out.append(s.data() + start, i - start);
            out += rep;
            start = i + 1;
        }
    }
    out.append(s.data() + start, s.size() - start);
}

void appendString(std::string &out, const QString &text)
{
    // Batch lines carry dozens of short ASCII strings (trace, email): narrow them in place
    // instead of through a temporary QByteArray. Anything else goes through Qt's encoder.
    // unicode(), not utf16(): utf16() copies literal (static) strings to terminate them.
    const char16_t *u = reinterpret_cast<const char16_t *>(text.unicode());
    const auto n = static_cast<size_t>(text.size());
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; ++i)
        ascii = u[i] < 0x80;
    if (ascii) {
        char buf[256];
        if (n <= sizeof buf) {
            for (size_t i = 0; i < n; ++i)
                buf[i] = static_cast<char>(u[i]);
            appendString(out, std::string_view(buf, n));
            return;
        }
    }
    const QByteArray utf8 = text.toUtf8();
    appendString(out, std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())));
}

void appendInt(std::string &out, int64_t v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void appendKey(std::string &out, std::string_view key, bool first)
{
    if (!first)
        out += ',';
    out += '"';
    out += key;
    out += "\":";
}

} // namespace mw::json
