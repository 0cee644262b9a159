// Value::parseJson: a small, fast JSON reader straight into Liquid values. QJsonObject
// sorts keys, but Liquid (Ruby) keeps object keys in document order, which is visible
// when a template loops over or prints a hash -- so the CLI reads JSON with this.
#include "liquid/value.h"

#include <QString>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <unordered_map>

namespace mw::liquid {

namespace {

constexpr int kMaxDepth = 512;

class JsonReader {
public:
    JsonReader(std::string_view s, bool untrusted) : m_s(s), m_untrusted(untrusted) {}

    Result<Value> run()
    {
        skipWs();
        Value v;
        if (!value(v, 0))
            return error();
        skipWs();
        if (m_pos != m_s.size()) {
            fail("unexpected data after the JSON value");
            return error();
        }
        return v;
    }

private:
    std::string_view m_s;
    std::size_t m_pos = 0;
    bool m_untrusted;
    std::string m_error;
    std::size_t m_errorPos = 0;
    std::deque<std::vector<Hash::Entry>> m_scratch; // per nesting depth

    bool fail(const char *msg)
    {
        if (m_error.empty()) {
            m_error = msg;
            m_errorPos = m_pos;
        }
        return false;
    }

    Error error() const
    {
        int line = 1, col = 1;
        for (std::size_t i = 0; i < m_errorPos && i < m_s.size(); ++i) {
            if (m_s[i] == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(m_s[i]) & 0xC0) != 0x80) {
                ++col;
            }
        }
        return Error(Error::Code::BadInput,
                     QStringLiteral("invalid JSON: ") + QString::fromStdString(m_error), line, col);
    }

    void skipWs()
    {
        while (m_pos < m_s.size() && (m_s[m_pos] == ' ' || m_s[m_pos] == '\n' ||
                                      m_s[m_pos] == '\r' || m_s[m_pos] == '\t'))
            ++m_pos;
    }

    bool literal(std::string_view word)
    {
        if (m_s.substr(m_pos, word.size()) != word)
            return fail("unexpected character");
        m_pos += word.size();
        return true;
    }

    bool value(Value &out, int depth)
    {
        if (depth > kMaxDepth)
            return fail("nesting too deep");
        if (m_pos >= m_s.size())
            return fail("unexpected end of input");
        const char c = m_s[m_pos];
        switch (c) {
        case '{':
            return object(out, depth);
        case '[':
            return array(out, depth);
        case '"': {
            std::string s;
            if (!string(s))
                return false;
            out = m_untrusted ? Value::untrusted(std::move(s)) : Value(std::move(s));
            return true;
        }
        case 't':
            out = Value(true);
            return literal("true");
        case 'f':
            out = Value(false);
            return literal("false");
        case 'n':
            out = Value();
            return literal("null");
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return number(out);
            return fail("unexpected character");
        }
    }

    bool object(Value &out, int depth)
    {
        ++m_pos; // {
        // Entries are collected in a per-depth scratch vector (reused across objects and
        // records) and the Hash is built with its final size in one allocation.
        // A deque keeps references to its elements valid when it grows, so this
        // reference survives nested objects adding deeper slots.
        while (m_scratch.size() <= static_cast<std::size_t>(depth))
            m_scratch.emplace_back();
        std::vector<Hash::Entry> &entries = m_scratch[static_cast<std::size_t>(depth)];
        entries.clear();
        auto finish = [&]() {
            Hash h;
            h.reserve(entries.size());
            if (entries.size() <= 32) {
                for (Hash::Entry &e : entries)
                    h.set(std::move(e.first), std::move(e.second));
            } else {
                // Big objects: find duplicate keys with an index instead of a quadratic
                // scan. A repeated key keeps its first position and its last value (Ruby).
                std::unordered_map<std::string_view, std::size_t> firstAt;
                firstAt.reserve(entries.size());
                std::vector<std::size_t> lastOf(entries.size());
                for (std::size_t i = 0; i < entries.size(); ++i) {
                    auto [it, inserted] = firstAt.emplace(entries[i].first, i);
                    lastOf[it->second] = i;
                    if (!inserted)
                        lastOf[i] = SIZE_MAX; // a repeat: folded into the first one
                }
                for (std::size_t i = 0; i < entries.size(); ++i)
                    if (lastOf[i] != SIZE_MAX)
                        h.append(std::move(entries[i].first), std::move(entries[lastOf[i]].second));
            }
            entries.clear();
            out = Value(std::move(h));
        };
        skipWs();
        if (m_pos < m_s.size() && m_s[m_pos] == '}') {
            ++m_pos;
            finish();
            return true;
        }
        for (;;) {
            skipWs();
            if (m_pos >= m_s.size() || m_s[m_pos] != '"')
                return fail("expected a string key");
            std::string key;
            if (!string(key))
                return false;
            skipWs();
            if (m_pos >= m_s.size() || m_s[m_pos] != ':')
                return fail("expected ':'");
            ++m_pos;
            skipWs();
            Value v;
            if (!value(v, depth + 1))
                return false;
            entries.emplace_back(std::move(key), std::move(v));
            skipWs();
            if (m_pos < m_s.size() && m_s[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_s.size() && m_s[m_pos] == '}') {
                ++m_pos;
                finish();
                return true;
            }
            return fail("expected ',' or '}'");
        }
    }

    bool array(Value &out, int depth)
    {
        ++m_pos; // [
        Array a;
        skipWs();
        if (m_pos < m_s.size() && m_s[m_pos] == ']') {
            ++m_pos;
            out = Value(std::move(a));
            return true;
        }
        for (;;) {
            skipWs();
            Value v;
            if (!value(v, depth + 1))
                return false;
            a.push_back(std::move(v));
            skipWs();
            if (m_pos < m_s.size() && m_s[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_s.size() && m_s[m_pos] == ']') {
                ++m_pos;
                out = Value(std::move(a));
                return true;
            }
            return fail("expected ',' or ']'");
        }
    }

    static void appendUtf8(std::string &s, std::uint32_t cp)
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

    bool hex4(std::uint32_t &cp)
    {
        if (m_pos + 4 > m_s.size())
            return fail("bad \\u escape");
        cp = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_s[m_pos++];
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

    bool string(std::string &s)
    {
        ++m_pos; // "
        {
            // Fast path: no escapes -- one scan, one copy.
            // One table lookup per byte: quote, backslash and control characters stop it.
            static const auto stops = [] {
                std::array<bool, 256> t{};
                for (int c = 0; c < 0x20; ++c)
                    t[static_cast<std::size_t>(c)] = true;
                t['"'] = t['\\'] = true;
                return t;
            }();
            const char *b = m_s.data() + m_pos;
            const char *e = m_s.data() + m_s.size();
            const char *p = b;
            while (p < e && !stops[static_cast<unsigned char>(*p)])
                ++p;
            if (p < e && *p == '"') {
                s.assign(b, static_cast<std::size_t>(p - b));
                m_pos += static_cast<std::size_t>(p - b) + 1;
                return true;
            }
        }
        for (;;) {
            const std::size_t start = m_pos;
            while (m_pos < m_s.size() && m_s[m_pos] != '"' && m_s[m_pos] != '\\' &&
                   static_cast<unsigned char>(m_s[m_pos]) >= 0x20)
                ++m_pos;
            s.append(m_s.data() + start, m_pos - start);
            if (m_pos >= m_s.size())
                return fail("unterminated string");
            const char c = m_s[m_pos];
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c != '\\')
                return fail("control character in string");
            ++m_pos;
            if (m_pos >= m_s.size())
                return fail("unterminated string");
            const char e = m_s[m_pos++];
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
                if (cp >= 0xD800 && cp < 0xDC00 && m_pos + 6 <= m_s.size() && m_s[m_pos] == '\\' &&
                    m_s[m_pos + 1] == 'u') {
                    const std::size_t save = m_pos;
                    m_pos += 2;
                    std::uint32_t lo;
                    if (!hex4(lo))
                        return false;
                    if (lo >= 0xDC00 && lo < 0xE000)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    else
                        m_pos = save;
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

    bool number(Value &out)
    {
        const std::size_t start = m_pos;
        if (m_s[m_pos] == '-')
            ++m_pos;
        if (m_pos >= m_s.size() || m_s[m_pos] < '0' || m_s[m_pos] > '9')
            return fail("bad number");
        while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9')
            ++m_pos;
        bool isFloat = false;
        if (m_pos < m_s.size() && m_s[m_pos] == '.') {
            isFloat = true;
            ++m_pos;
            if (m_pos >= m_s.size() || m_s[m_pos] < '0' || m_s[m_pos] > '9')
                return fail("bad number");
            while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9')
                ++m_pos;
        }
        if (m_pos < m_s.size() && (m_s[m_pos] == 'e' || m_s[m_pos] == 'E')) {
            isFloat = true;
            ++m_pos;
            if (m_pos < m_s.size() && (m_s[m_pos] == '+' || m_s[m_pos] == '-'))
                ++m_pos;
            if (m_pos >= m_s.size() || m_s[m_pos] < '0' || m_s[m_pos] > '9')
                return fail("bad number");
            while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9')
                ++m_pos;
        }
        const char *b = m_s.data() + start;
        const char *e = m_s.data() + m_pos;
        if (!isFloat) {
            std::int64_t i = 0;
            auto r = std::from_chars(b, e, i);
            if (r.ec == std::errc() && r.ptr == e) {
                out = Value(i);
                return true;
            }
            // Beyond 64 bits (Ruby would keep a Bignum): the nearest double is the best
            // we can do.
        }
        double d = 0;
        auto r = std::from_chars(b, e, d);
        if (r.ec == std::errc::result_out_of_range)
            d = (*b == '-') ? -HUGE_VAL : HUGE_VAL;
        out = Value(d);
        return true;
    }
};

} // namespace

Result<Value> Value::parseJson(std::string_view json, bool untrustedStrings)
{
    return JsonReader(json, untrustedStrings).run();
}

} // namespace mw::liquid
