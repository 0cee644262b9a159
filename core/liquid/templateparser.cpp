// The Liquid parser. It follows ruby-liquid 5.4's structure closely on purpose: the
// tokenizer, BlockBody, the strict expression Parser (error_mode :strict) and the lax
// Expression.parse that builds the tree from re-assembled markup text. Matching Ruby's
// structure is what makes the odd corners (whitespace control, blank blocks, case/cycle
// markup, which are still parsed with regular expressions in 5.4) behave identically.
#include "liquid/ast.h"
#include "liquid/nodes.h"

#include <QString>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <regex>

namespace mw::liquid::detail {

namespace {

struct ParseError {
    std::string message;
    const char *where; // points into the source
};

/// Brackets and parentheses inside one expression nest at most this deep. Shopify's parser
/// recurses without a limit and dies with SystemStackError around 5,000 levels; ours would
/// overflow the stack. Real templates use two or three.
constexpr int kMaxExpressionDepth = 100;

/// Counts one level of expression nesting for as long as it lives; throws past the limit.
class ExpressionDepth {
public:
    explicit ExpressionDepth(const char *where)
    {
        if (++s_depth > kMaxExpressionDepth) {
            --s_depth;
            throw ParseError{"expression nested too deeply (more than " +
                                 std::to_string(kMaxExpressionDepth) + " levels of [ ] or ( ))",
                             where};
        }
    }
    ~ExpressionDepth() { --s_depth; }
    ExpressionDepth(const ExpressionDepth &) = delete;
    ExpressionDepth &operator=(const ExpressionDepth &) = delete;

private:
    static thread_local int s_depth; // parses on several threads do not share a count
};
thread_local int ExpressionDepth::s_depth = 0;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool isWord(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
std::string_view strip(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && (isSpace(s.back()) || s.back() == '\0'))
        s.remove_suffix(1);
    return s;
}

// ---------------------------------------------------------------- lax Expression.parse

/// QuotedFragment = /"[^"]*"|'[^']*'|(?:[^\s,\|'"]|"[^"]*"|'[^']*')+/ matched at i.
/// Returns its length (0 if none matches at i).
std::size_t quotedFragmentAt(std::string_view s, std::size_t i)
{
    auto quoted = [&](std::size_t j) -> std::size_t {
        if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
            const std::size_t close = s.find(s[j], j + 1);
            if (close != std::string_view::npos)
                return close - j + 1;
        }
        return 0;
    };
    if (std::size_t q = quoted(i))
        return q; // the first alternative wins when it matches
    std::size_t j = i;
    while (j < s.size()) {
        const char c = s[j];
        if (c == '"' || c == '\'') {
            const std::size_t q = quoted(j);
            if (!q)
                break;
            j += q;
        } else if (isSpace(c) || c == ',' || c == '|') {
            break;
        } else {
            ++j;
        }
    }
    return j - i;
}

/// Finds the first QuotedFragment in s starting at or after from.
bool findQuotedFragment(std::string_view s, std::size_t from, std::size_t &start, std::size_t &len)
{
    for (std::size_t i = from; i < s.size(); ++i) {
        if (std::size_t n = quotedFragmentAt(s, i)) {
            start = i;
            len = n;
            return true;
        }
    }
    return false;
}

Value rubyToI(std::string_view s)
{
    return Value(rubyStringToI(s)); // String#to_i
}

double rubyToF(std::string_view s)
{
    std::string t(s);
    return std::strtod(t.c_str(), nullptr);
}

ExprPtr literalExpr(Value v)
{
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::Literal;
    e->literal = std::move(v);
    return e;
}

ExprPtr parseVariableLookup(std::string_view markup);

ExprPtr parseRange(std::string_view a, std::string_view b)
{
    ExprPtr first = parseExpressionText(a, false);
    ExprPtr last = parseExpressionText(b, false);
    auto toI = [](const Value &v) -> std::int64_t {
        if (v.isInt())
            return v.toInt();
        if (v.isFloat())
            return clampToInt64(v.toFloat());
        if (v.isString())
            return rubyToI(v.str()).toInt();
        return 0;
    };
    if (first->kind != Expr::Kind::Variable && first->kind != Expr::Kind::Range &&
        last->kind != Expr::Kind::Variable && last->kind != Expr::Kind::Range)
        return literalExpr(Value::range(toI(first->literal), toI(last->literal)));
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::Range;
    e->rangeFirst = std::move(first);
    e->rangeLast = std::move(last);
    return e;
}

/// RANGES_REGEX = /\A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\z/
bool matchRange(std::string_view m, std::string_view &a, std::string_view &b)
{
    if (m.size() < 2 || m.front() != '(' || m.back() != ')')
        return false;
    std::size_t i = 1;
    while (i < m.size() && isSpace(m[i]))
        ++i;
    std::size_t runEnd = i;
    while (runEnd < m.size() && !isSpace(m[runEnd]))
        ++runEnd;
    // Greedy \S+ followed by \s*\.\. ; try the longest first.
    std::size_t afterDots = std::string_view::npos, firstLen = 0;
    for (std::size_t k = runEnd - i; k >= 1; --k) {
        std::size_t j = i + k;
        if (k == runEnd - i)
            while (j < m.size() && isSpace(m[j]))
                ++j;
        if (m.substr(j, 2) == "..") {
            afterDots = j + 2;
            firstLen = k;
            break;
        }
    }
    if (afterDots == std::string_view::npos)
        return false;
    a = m.substr(i, firstLen);
    std::size_t j = afterDots;
    while (j < m.size() && isSpace(m[j]))
        ++j;
    std::string_view rest = m.substr(j, m.size() - 1 - j); // without the final ')'
    while (!rest.empty() && isSpace(rest.back()))
        rest.remove_suffix(1);
    if (rest.empty())
        return false;
    for (char c : rest)
        if (isSpace(c))
            return false;
    b = rest;
    return true;
}

ExprPtr parseVariableLookup(std::string_view markup)
{
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::Variable;
    e->text = std::string(markup);
    // lookups = markup.scan(/\[[^\]]+\]|[\w-]+\??/)
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < markup.size()) {
        const char c = markup[i];
        if (c == '[') {
            std::size_t close = markup.find(']', i + 1);
            if (close != std::string_view::npos && close > i + 1) {
                parts.push_back(markup.substr(i, close - i + 1));
                i = close + 1;
                continue;
            }
            ++i;
        } else if (isWord(c) || c == '-') {
            std::size_t j = i;
            while (j < markup.size() && (isWord(markup[j]) || markup[j] == '-'))
                ++j;
            if (j < markup.size() && markup[j] == '?')
                ++j;
            parts.push_back(markup.substr(i, j - i));
            i = j;
        } else {
            ++i;
        }
    }
    if (parts.empty())
        return e; // name nil: evaluates to nil
    auto bracketed = [](std::string_view p) { return p.size() >= 2 && p.front() == '['; };
    if (bracketed(parts[0])) {
        ExprPtr inner = parseExpressionText(parts[0].substr(1, parts[0].size() - 2), false);
        if (inner->kind == Expr::Kind::Literal || inner->kind == Expr::Kind::EmptyLiteral ||
            inner->kind == Expr::Kind::BlankLiteral)
            e->name = inner->literal;
        else
            e->nameExpr = std::move(inner);
    } else {
        e->name = Value(std::string(parts[0]));
    }
    for (std::size_t k = 1; k < parts.size(); ++k) {
        Lookup l;
        if (bracketed(parts[k])) {
            ExprPtr inner = parseExpressionText(parts[k].substr(1, parts[k].size() - 2), false);
            if (inner->kind == Expr::Kind::Variable || inner->kind == Expr::Kind::Range)
                l.expr = std::move(inner);
            else
                l.key = inner->literal;
        } else {
            l.key = Value(std::string(parts[k]));
            l.command = parts[k] == "size" || parts[k] == "first" || parts[k] == "last";
        }
        e->lookups.push_back(std::move(l));
    }
    e->simple = !e->nameExpr && e->name.isString();
    for (const Lookup &l : e->lookups)
        e->simple = e->simple && !l.expr && l.key.isString();
    return e;
}

} // namespace

ExprPtr parseExpressionText(std::string_view markup, bool conditionLiterals)
{
    const ExpressionDepth depth(markup.data());
    if (conditionLiterals) {
        // Condition.parse_expression: exact 'blank' / 'empty' become method literals.
        if (markup == "empty" || markup == "blank") {
            auto e = literalExpr(Value(std::string()));
            e->kind = markup == "empty" ? Expr::Kind::EmptyLiteral : Expr::Kind::BlankLiteral;
            return e;
        }
    }
    std::string_view m = strip(markup);
    if (!m.empty() &&
        ((m.front() == '"' && m.back() == '"') || (m.front() == '\'' && m.back() == '\'')))
        return literalExpr(
            Value(std::string(m.size() >= 2 ? m.substr(1, m.size() - 2) : std::string_view())));
    // INTEGERS_REGEX = /\A(-?\d+)\z/
    {
        std::size_t i = (!m.empty() && m[0] == '-') ? 1 : 0;
        bool allDigits = i < m.size();
        for (std::size_t k = i; k < m.size(); ++k)
            if (!isDigit(m[k]))
                allDigits = false;
        if (allDigits) {
            std::int64_t v = 0;
            auto r = std::from_chars(m.data(), m.data() + m.size(), v);
            if (r.ec == std::errc())
                return literalExpr(Value(v));
            // Beyond 64 bits (Ruby: Bignum): exact up to 128 bits, a float beyond.
            Int128 big = 0;
            if (parseInt128(m.substr(i), i == 1, big))
                return literalExpr(Value::integer(big));
            return literalExpr(Value(rubyToF(m)));
        }
    }
    std::string_view ra, rb;
    if (matchRange(m, ra, rb))
        return parseRange(ra, rb);
    // FLOATS_REGEX = /\A(-?\d[\d\.]+)\z/
    {
        std::size_t i = (!m.empty() && m[0] == '-') ? 1 : 0;
        if (i < m.size() && isDigit(m[i]) && m.size() - i >= 2) {
            bool ok = true;
            for (std::size_t k = i + 1; k < m.size(); ++k)
                if (!isDigit(m[k]) && m[k] != '.')
                    ok = false;
            if (ok)
                return literalExpr(Value(rubyToF(m)));
        }
    }
    if (m == "nil" || m == "null" || m.empty())
        return literalExpr(Value());
    if (m == "true")
        return literalExpr(Value(true));
    if (m == "false")
        return literalExpr(Value(false));
    if (m == "blank" || m == "empty")
        return literalExpr(Value(std::string()));
    return parseVariableLookup(m);
}

namespace {

// ---------------------------------------------------------------- strict Lexer/Parser

enum class Tok : std::uint8_t {
    Comparison,
    String,
    Number,
    Id,
    DotDot,
    Pipe,
    Dot,
    Colon,
    Comma,
    OpenSquare,
    CloseSquare,
    OpenRound,
    CloseRound,
    Question,
    Dash,
    End
};

const char *tokName(Tok t)
{
    switch (t) {
    case Tok::Comparison:
        return "comparison";
    case Tok::String:
        return "string";
    case Tok::Number:
        return "number";
    case Tok::Id:
        return "id";
    case Tok::DotDot:
        return "dotdot";
    case Tok::Pipe:
        return "pipe";
    case Tok::Dot:
        return "dot";
    case Tok::Colon:
        return "colon";
    case Tok::Comma:
        return "comma";
    case Tok::OpenSquare:
        return "open_square";
    case Tok::CloseSquare:
        return "close_square";
    case Tok::OpenRound:
        return "open_round";
    case Tok::CloseRound:
        return "close_round";
    case Tok::Question:
        return "question";
    case Tok::Dash:
        return "dash";
    case Tok::End:
        return "end_of_string";
    }
    return "?";
}

struct Token {
    Tok type;
    std::string_view text;
};

class MarkupParser {
public:
    MarkupParser(std::string_view markup, std::string_view context) : m_context(context)
    {
        lex(markup);
    }

    bool look(Tok t, std::size_t ahead = 0) const
    {
        return m_p + ahead < m_toks.size() && m_toks[m_p + ahead].type == t;
    }
    std::string_view consume(Tok t)
    {
        const Token &tok = m_toks[m_p];
        if (tok.type != t)
            error(std::string("expected ") + describe(t) + " but found " + describeTok(tok));
        ++m_p;
        return tok.text;
    }
    bool consumeIf(Tok t, std::string_view *text = nullptr)
    {
        if (!look(t))
            return false;
        if (text)
            *text = m_toks[m_p].text;
        ++m_p;
        return true;
    }
    bool idIs(std::string_view s)
    {
        if (look(Tok::Id) && m_toks[m_p].text == s) {
            ++m_p;
            return true;
        }
        return false;
    }
    const Token &current() const { return m_toks[m_p]; }

    /// Parser#expression: validates and returns the markup text Ruby would rebuild.
    std::string expression()
    {
        const Token &tok = m_toks[m_p];
        const ExpressionDepth depth(tok.text.data());
        std::string s;
        switch (tok.type) {
        case Tok::Id:
            s = std::string(tok.text);
            ++m_p;
            variableLookups(s);
            return s;
        case Tok::OpenSquare:
            ++m_p;
            s = "[";
            s += expression();
            consume(Tok::CloseSquare);
            s += "]";
            variableLookups(s);
            return s;
        case Tok::String:
        case Tok::Number:
            ++m_p;
            return std::string(tok.text);
        case Tok::OpenRound: {
            ++m_p;
            std::string first = expression();
            consume(Tok::DotDot);
            std::string last = expression();
            consume(Tok::CloseRound);
            return "(" + first + ".." + last + ")";
        }
        default:
            error("expected a value (variable, string, number or range) but found " +
                  describeTok(tok));
        }
    }

    [[noreturn]] void error(const std::string &message) const
    {
        throw ParseError{message + " in \"" + std::string(m_context) + "\"",
                         m_toks[m_p].text.data()};
    }

private:
    std::vector<Token> m_toks;
    std::size_t m_p = 0;
    std::string_view m_context;

    static const char *describe(Tok t)
    {
        switch (t) {
        case Tok::Id:
            return "a name";
        case Tok::End:
            return "the end of the markup";
        case Tok::CloseSquare:
            return "']'";
        case Tok::CloseRound:
            return "')'";
        case Tok::DotDot:
            return "'..'";
        case Tok::Colon:
            return "':'";
        default:
            return tokName(t);
        }
    }
    static std::string describeTok(const Token &t)
    {
        if (t.type == Tok::End)
            return "the end of the markup";
        return "'" + std::string(t.text) + "'";
    }

    void variableLookups(std::string &s)
    {
        for (;;) {
            if (look(Tok::OpenSquare)) {
                ++m_p;
                s += "[";
                s += expression();
                consume(Tok::CloseSquare);
                s += "]";
            } else if (look(Tok::Dot)) {
                ++m_p;
                s += ".";
                s += consume(Tok::Id);
            } else {
                return;
            }
        }
    }

    void lex(std::string_view in)
    {
        std::size_t i = 0;
        const std::size_t n = in.size();
        auto push = [&](Tok t, std::size_t len) {
            m_toks.push_back({t, in.substr(i, len)});
            i += len;
        };
        while (true) {
            while (i < n && isSpace(in[i]))
                ++i;
            if (i >= n)
                break;
            const char c = in[i];
            // COMPARISON_OPERATOR = /==|!=|<>|<=?|>=?|contains(?=\s)/
            if ((c == '=' && i + 1 < n && in[i + 1] == '=') ||
                (c == '!' && i + 1 < n && in[i + 1] == '=') ||
                (c == '<' && i + 1 < n && (in[i + 1] == '>' || in[i + 1] == '='))) {
                push(Tok::Comparison, 2);
                continue;
            }
            if (c == '<' || c == '>') {
                push(Tok::Comparison, (i + 1 < n && in[i + 1] == '=') ? 2 : 1);
                continue;
            }
            if (in.substr(i, 8) == "contains" && i + 8 < n && isSpace(in[i + 8])) {
                push(Tok::Comparison, 8);
                continue;
            }
            if (c == '\'' || c == '"') {
                const std::size_t close = in.find(c, i + 1);
                if (close != std::string_view::npos) {
                    push(Tok::String, close - i + 1);
                    continue;
                }
            }
            // NUMBER_LITERAL = /-?\d+(\.\d+)?/
            {
                std::size_t j = i;
                if (in[j] == '-')
                    ++j;
                if (j < n && isDigit(in[j])) {
                    while (j < n && isDigit(in[j]))
                        ++j;
                    if (j + 1 < n && in[j] == '.' && isDigit(in[j + 1])) {
                        ++j;
                        while (j < n && isDigit(in[j]))
                            ++j;
                    }
                    push(Tok::Number, j - i);
                    continue;
                }
            }
            // IDENTIFIER: [a-zA-Z_][\w-]* and an optional question mark
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
                std::size_t j = i + 1;
                while (j < n && (isWord(in[j]) || in[j] == '-'))
                    ++j;
                if (j < n && in[j] == '?')
                    ++j;
                push(Tok::Id, j - i);
                continue;
            }
            if (c == '.' && i + 1 < n && in[i + 1] == '.') {
                push(Tok::DotDot, 2);
                continue;
            }
            Tok t;
            switch (c) {
            case '|':
                t = Tok::Pipe;
                break;
            case '.':
                t = Tok::Dot;
                break;
            case ':':
                t = Tok::Colon;
                break;
            case ',':
                t = Tok::Comma;
                break;
            case '[':
                t = Tok::OpenSquare;
                break;
            case ']':
                t = Tok::CloseSquare;
                break;
            case '(':
                t = Tok::OpenRound;
                break;
            case ')':
                t = Tok::CloseRound;
                break;
            case '?':
                t = Tok::Question;
                break;
            case '-':
                t = Tok::Dash;
                break;
            default: {
                std::size_t len = 1;
                while (i + len < n && (static_cast<unsigned char>(in[i + len]) & 0xC0) == 0x80)
                    ++len;
                throw ParseError{"unexpected character '" + std::string(in.substr(i, len)) +
                                     "' in \"" + std::string(m_context) + "\"",
                                 in.data() + i};
            }
            }
            push(t, 1);
        }
        m_toks.push_back({Tok::End, in.substr(n)});
    }
};

// ---------------------------------------------------------------- template parser

struct SrcToken {
    std::string_view text;
    int line; // line where the token starts
};

class TemplateParser {
public:
    TemplateParser(std::string_view source, const ParseOptions &options,
                   std::vector<SrcToken> tokens, bool liquidMode)
        : m_src(source), m_options(options), m_tokens(std::move(tokens)), m_liquidMode(liquidMode)
    {
    }

    static std::vector<SrcToken> tokenize(std::string_view s)
    {
        std::vector<SrcToken> out;
        int line = 1;
        std::size_t i = 0;
        auto pushToken = [&](std::size_t from, std::size_t to) {
            std::string_view t = s.substr(from, to - from);
            out.push_back({t, line});
            for (char c : t)
                if (c == '\n')
                    ++line;
        };
        std::size_t textStart = 0;
        while (i < s.size()) {
            const std::size_t open = s.find('{', i);
            if (open == std::string_view::npos || open + 1 >= s.size())
                break;
            const char next = s[open + 1];
            if (next != '%' && next != '{') {
                i = open + 1;
                continue;
            }
            if (open > textStart)
                pushToken(textStart, open);
            std::size_t end;
            if (next == '%') {
                const std::size_t close = s.find("%}", open + 2);
                end = close == std::string_view::npos ? open + 2 : close + 2;
            } else {
                const std::size_t close = s.find('}', open + 2);
                if (close == std::string_view::npos)
                    end = open + 2;
                else
                    end = (close + 1 < s.size() && s[close + 1] == '}') ? close + 2 : close + 1;
            }
            pushToken(open, end);
            i = textStart = end;
        }
        if (textStart < s.size())
            pushToken(textStart, s.size());
        return out;
    }

    struct EndTag {
        bool eof = true;
        std::string name;
        std::string_view markup;
        const char *where = nullptr;
        int line = 0;
    };

    /// BlockBody#parse: parses until EOF or a tag it does not know (returned).
    EndTag parseBody(Body &body)
    {
        return m_liquidMode ? parseLiquidBody(body) : parseDocumentBody(body);
    }

    void parseDocument(Body &body)
    {
        EndTag end = parseBody(body);
        if (!end.eof) {
            if (end.name == "else" || end.name == "elsif" || end.name == "when" ||
                end.name.rfind("end", 0) == 0)
                throw ParseError{"unexpected '" + end.name +
                                     "' tag: there is no open block it could close or continue",
                                 end.where};
            throw ParseError{"unknown tag '" + end.name + "'", end.where};
        }
    }

private:
    std::string_view m_src;
    const ParseOptions &m_options;
    std::vector<SrcToken> m_tokens;
    std::size_t m_pos = 0;
    bool m_liquidMode;
    bool m_trimNext = false;
    int m_depth = 0;
    int m_line = 1; // parse_context.line_number for the node being created
    int m_lineAfterLiquid = 0;

    EndTag parseDocumentBody(Body &body)
    {
        while (m_pos < m_tokens.size()) {
            const SrcToken tok = m_tokens[m_pos++];
            std::string_view t = tok.text;
            if (t.empty())
                continue;
            m_line = tok.line;
            // Shopify: after a {% liquid %} tag Ruby's line counter is the liquid
            // tokenizer's (start + its lines, markup.split("\n")), which is one too many
            // when the markup does not end in a newline; the next tag or output gets that
            // line in its error messages.
            if (m_lineAfterLiquid != 0 && (t.substr(0, 2) == "{%" || t.substr(0, 2) == "{{"))
                m_line = m_lineAfterLiquid;
            m_lineAfterLiquid = 0;
            if (t.substr(0, 2) == "{%") {
                whitespaceHandler(t, body);
                // FullToken = /\A{%-?(\s*)(#|\w+)(\s*)(.*?)-?%}\z/m
                if (t.size() < 4 || t.substr(t.size() - 2) != "%}")
                    throw ParseError{"tag '" + std::string(t.substr(0, 40)) +
                                         "' was never closed: expected '%}'",
                                     t.data()};
                std::string_view inner = t.substr(2, t.size() - 4);
                if (!inner.empty() && inner.front() == '-')
                    inner.remove_prefix(1);
                std::size_t i = 0;
                while (i < inner.size() && isSpace(inner[i])) {
                    if (inner[i] == '\n')
                        ++m_line;
                    ++i;
                }
                std::size_t nameStart = i;
                if (i < inner.size() && inner[i] == '#')
                    ++i;
                else
                    while (i < inner.size() && isWord(inner[i]))
                        ++i;
                if (i == nameStart)
                    throw ParseError{"expected a tag name after '{%'", inner.data() + i};
                std::string name(inner.substr(nameStart, i - nameStart));
                const char *nameAt = inner.data() + nameStart;
                while (i < inner.size() && isSpace(inner[i])) {
                    if (inner[i] == '\n')
                        ++m_line;
                    ++i;
                }
                std::string_view markup = inner.substr(i);
                if (!markup.empty() && markup.back() == '-')
                    markup.remove_suffix(1);
                if (name == "liquid") {
                    parseLiquidTag(markup, body);
                    std::size_t fields = 0, end = markup.size();
                    while (end > 0 && markup[end - 1] == '\n')
                        --end; // String#split drops trailing empty fields
                    if (end > 0)
                        fields = 1 + static_cast<std::size_t>(
                                         std::count(markup.begin(), markup.begin() + end, '\n'));
                    m_lineAfterLiquid = m_line + static_cast<int>(fields);
                    continue;
                }
                NodePtr node = parseTag(name, markup, nameAt);
                if (!node) {
                    EndTag e;
                    e.eof = false;
                    e.name = name;
                    e.markup = markup;
                    e.where = nameAt;
                    e.line = m_line;
                    return e;
                }
                body.blank = body.blank && node->blank;
                body.nodes.push_back(std::move(node));
            } else if (t.substr(0, 2) == "{{") {
                whitespaceHandler(t, body);
                if (t.size() < 4 || t.substr(t.size() - 2) != "}}")
                    throw ParseError{"output '" + std::string(t.substr(0, 40)) +
                                         "' was never closed: expected '}}'",
                                     t.data()};
                std::string_view inner = t.substr(2, t.size() - 4);
                if (!inner.empty() && inner.front() == '-')
                    inner.remove_prefix(1);
                if (!inner.empty() && inner.back() == '-')
                    inner.remove_suffix(1);
                auto node = std::make_unique<OutputNode>();
                node->line = m_line;
                node->var = parseVariable(inner, t);
                body.blank = false;
                body.nodes.push_back(std::move(node));
            } else {
                std::string text(t);
                if (m_trimNext) {
                    // Ruby String#lstrip (does not strip leading NULs).
                    std::size_t k = 0;
                    while (k < text.size() && isSpace(text[k]))
                        ++k;
                    text.erase(0, k);
                }
                m_trimNext = false;
                bool ws = true;
                for (char c : text)
                    if (!isSpace(c))
                        ws = false;
                body.blank = body.blank && ws;
                auto node = std::make_unique<TextNode>();
                node->text = std::move(text);
                node->blank = ws;
                body.nodes.push_back(std::move(node));
            }
        }
        return {};
    }

    void whitespaceHandler(std::string_view token, Body &body)
    {
        if (token.size() > 2 && token[2] == '-' && !body.nodes.empty()) {
            if (auto *text = dynamic_cast<TextNode *>(body.nodes.back().get());
                text && !text->raw) {
                // Ruby String#rstrip: whitespace and NUL.
                std::string &s = text->text;
                while (!s.empty() && (isSpace(s.back()) || s.back() == '\0'))
                    s.pop_back();
            }
        }
        m_trimNext = token.size() >= 3 && token[token.size() - 3] == '-';
    }

    EndTag parseLiquidBody(Body &body)
    {
        while (m_pos < m_tokens.size()) {
            const SrcToken tok = m_tokens[m_pos++];
            m_line = tok.line;
            std::string_view t = tok.text;
            bool ws = true;
            for (char c : t)
                if (!isSpace(c))
                    ws = false;
            if (ws)
                continue;
            // LiquidTagToken = /\A\s*(#|\w+)\s*(.*?)\z/
            std::size_t i = 0;
            while (i < t.size() && isSpace(t[i]))
                ++i;
            std::size_t nameStart = i;
            if (t[i] == '#')
                ++i;
            else
                while (i < t.size() && isWord(t[i]))
                    ++i;
            EndTag e;
            e.eof = false;
            e.line = m_line;
            if (i == nameStart) {
                e.name = std::string(strip(t));
                e.where = t.data() + nameStart;
                return e;
            }
            std::string name(t.substr(nameStart, i - nameStart));
            while (i < t.size() && isSpace(t[i]))
                ++i;
            std::string_view markup = t.substr(i);
            NodePtr node = parseTag(name, markup, t.data() + nameStart);
            if (!node) {
                e.name = name;
                e.markup = markup;
                e.where = t.data() + nameStart;
                return e;
            }
            body.blank = body.blank && node->blank;
            body.nodes.push_back(std::move(node));
        }
        return {};
    }

    void parseLiquidTag(std::string_view markup, Body &body)
    {
        // Tokenizer(for_liquid_tag): markup.split("\n"), one line per token.
        std::vector<SrcToken> lines;
        int line = m_line;
        std::size_t i = 0;
        while (i <= markup.size()) {
            std::size_t nl = markup.find('\n', i);
            if (nl == std::string_view::npos)
                nl = markup.size();
            lines.push_back({markup.substr(i, nl - i), line++});
            i = nl + 1;
        }
        TemplateParser sub(m_src, m_options, std::move(lines), true);
        sub.m_depth = m_depth;
        EndTag end = sub.parseBody(body);
        if (!end.eof)
            throw ParseError{"unknown tag '" + end.name + "' in 'liquid' tag", end.where};
    }

    /// Block#parse_body for a block tag: returns the tag that ended the body.
    EndTag parseBlockBody(Body &body, const std::string &blockName, const char *openedAt)
    {
        if (m_depth >= m_options.maxNestingDepth)
            throw ParseError{"nesting too deep (more than " +
                                 std::to_string(m_options.maxNestingDepth) + " levels)",
                             openedAt};
        ++m_depth;
        EndTag end = parseBody(body);
        --m_depth;
        if (end.eof)
            throw ParseError{"'" + blockName + "' tag was never closed: expected '{% end" +
                                 blockName + " %}'",
                             openedAt};
        return end;
    }

    [[noreturn]] void unknownInBlock(const EndTag &end, const std::string &blockName)
    {
        if (end.name == "else")
            throw ParseError{"'" + blockName + "' tag does not expect 'else'", end.where};
        if (end.name.rfind("end", 0) == 0)
            throw ParseError{"'" + end.name + "' is not a valid delimiter for '" + blockName +
                                 "' tags: expected '{% end" + blockName + " %}'",
                             end.where};
        throw ParseError{"unknown tag '" + end.name + "'", end.where};
    }

    VariableExpr parseVariable(std::string_view markup, std::string_view context)
    {
        VariableExpr v;
        MarkupParser p(markup, context);
        if (p.look(Tok::End))
            return v;
        v.expr = parseExpressionText(p.expression(), false);
        while (p.consumeIf(Tok::Pipe)) {
            Filter f;
            const char *at = p.current().text.data();
            f.name = std::string(p.consume(Tok::Id));
            f.fn = findFilter(f.name);
            if (!f.fn && m_options.strictFilters)
                throw ParseError{"unknown filter '" + f.name + "'", at};
            if (p.consumeIf(Tok::Colon)) {
                do {
                    if (p.look(Tok::Id) && p.look(Tok::Colon, 1)) {
                        std::string key(p.consume(Tok::Id));
                        p.consume(Tok::Colon);
                        f.kwargs.emplace_back(std::move(key),
                                              parseExpressionText(p.expression(), false));
                    } else {
                        f.args.push_back(parseExpressionText(p.expression(), false));
                    }
                } while (p.consumeIf(Tok::Comma));
            }
            f.finishArgs();
            v.filters.push_back(std::move(f));
        }
        if (!p.look(Tok::End))
            p.error("expected '|' or the end of the output but found '" +
                    std::string(p.current().text) + "'");
        return v;
    }

    ConditionChain parseConditions(std::string_view markup, std::string_view tagName)
    {
        ConditionChain chain;
        std::string context = "{% " + std::string(tagName) + " " + std::string(markup) + " %}";
        MarkupParser p(markup, context);
        for (;;) {
            Condition c;
            c.left = parseExpressionText(p.expression(), true);
            std::string_view op;
            if (p.consumeIf(Tok::Comparison, &op)) {
                c.op = std::string(op);
                using O = Condition::Op;
                c.opKind = op == "=="                   ? O::Eq
                           : (op == "!=" || op == "<>") ? O::Ne
                           : op == "<"                  ? O::Lt
                           : op == ">"                  ? O::Gt
                           : op == "<="                 ? O::Le
                           : op == ">="                 ? O::Ge
                                                        : O::Contains;
                c.right = parseExpressionText(p.expression(), true);
            }
            if (p.idIs("and"))
                c.rel = Condition::Rel::And;
            else if (p.idIs("or"))
                c.rel = Condition::Rel::Or;
            chain.parts.push_back(std::move(c));
            if (chain.parts.back().rel == Condition::Rel::None)
                break;
        }
        if (!p.look(Tok::End))
            p.error("expected 'and', 'or', a comparison or the end of the tag but found '" +
                    std::string(p.current().text) + "'");
        return chain;
    }

    static void removeBlankStrings(Body &body)
    {
        std::vector<NodePtr> kept;
        for (NodePtr &n : body.nodes)
            if (auto *t = dynamic_cast<TextNode *>(n.get()); !t || t->raw)
                kept.push_back(std::move(n));
        body.nodes = std::move(kept);
    }

    /// VariableSignature+ = (\(?[\w\-\.\[\]]\)?)+ found anywhere in s (first match).
    static bool findSignature(std::string_view s, std::size_t from, std::size_t &start,
                              std::size_t &len)
    {
        auto sig = [](char c) { return isWord(c) || c == '-' || c == '.' || c == '[' || c == ']'; };
        for (std::size_t i = from; i < s.size(); ++i) {
            std::size_t j = i;
            std::size_t units = 0;
            for (;;) {
                std::size_t k = j;
                if (k < s.size() && s[k] == '(')
                    ++k;
                if (k < s.size() && sig(s[k])) {
                    ++k;
                    if (k < s.size() && s[k] == ')')
                        ++k;
                    j = k;
                    ++units;
                } else {
                    break;
                }
            }
            if (units) {
                start = i;
                len = j - i;
                return true;
            }
        }
        return false;
    }

    NodePtr parseTag(const std::string &name, std::string_view markup, const char *at)
    {
        const int line = m_line;
        NodePtr node;
        if (name == "assign") {
            // Syntax = /(#{VariableSignature}+)\s*=\s*(.*)\s*/om
            std::size_t from = 0, start = 0, len = 0;
            bool ok = false;
            while (findSignature(markup, from, start, len)) {
                std::size_t j = start + len;
                while (j < markup.size() && isSpace(markup[j]))
                    ++j;
                if (j < markup.size() && markup[j] == '=') {
                    ++j;
                    while (j < markup.size() && isSpace(markup[j]))
                        ++j;
                    auto n = std::make_unique<AssignNode>();
                    n->to = std::string(markup.substr(start, len));
                    n->var = parseVariable(markup.substr(j), markup);
                    node = std::move(n);
                    ok = true;
                    break;
                }
                from = start + 1;
            }
            if (!ok)
                throw ParseError{"invalid 'assign': expected {% assign name = value %}", at};
            node->blank = true;
        } else if (name == "capture") {
            std::size_t start = 0, len = 0;
            if (!findSignature(markup, 0, start, len))
                throw ParseError{"invalid 'capture': expected {% capture name %}", at};
            auto n = std::make_unique<CaptureNode>();
            n->to = std::string(markup.substr(start, len));
            EndTag end;
            while (!(end = parseBlockBody(n->body, name, at)).eof && end.name != "endcapture")
                unknownInBlock(end, name);
            n->blank = true;
            node = std::move(n);
        } else if (name == "if" || name == "unless") {
            auto n = std::make_unique<IfNode>();
            n->unless = name == "unless";
            n->branches.emplace_back();
            n->branches.back().cond = parseConditions(markup, name);
            bool blank = true;
            for (;;) {
                EndTag end = parseBlockBody(n->branches.back().body, name, at);
                blank = blank && n->branches.back().body.blank;
                if (end.name == "end" + name)
                    break;
                if (end.name == "elsif") {
                    n->branches.emplace_back();
                    n->branches.back().cond = parseConditions(end.markup, "elsif");
                } else if (end.name == "else") {
                    // Liquid ignores anything after 'else' and accepts several else/elsif.
                    n->branches.emplace_back();
                    n->branches.back().cond.isElse = true;
                } else {
                    unknownInBlock(end, name);
                }
            }
            n->blank = blank;
            if (blank)
                for (auto &b : n->branches)
                    removeBlankStrings(b.body);
            node = std::move(n);
        } else if (name == "case") {
            auto n = std::make_unique<CaseNode>();
            std::size_t s = 0, l = 0;
            if (!findQuotedFragment(markup, 0, s, l))
                throw ParseError{"invalid 'case': expected {% case value %}", at};
            n->left = parseExpressionText(markup.substr(s, l), false);
            Body discarded; // content between case and the first when is parsed, never shown
            EndTag end = parseBlockBody(discarded, name, at);
            bool blank = discarded.blank;
            int currentBody = -1;
            for (;;) {
                if (end.name == "endcase")
                    break;
                if (end.name == "when") {
                    // WhenSyntax = /(QF)(?:(?:\s+or\s+|\s*\,\s*)(QF.*))?/om
                    n->bodies.emplace_back();
                    currentBody = static_cast<int>(n->bodies.size()) - 1;
                    std::string_view rest = end.markup;
                    bool any = false;
                    while (true) {
                        std::size_t qs = 0, ql = 0;
                        if (!findQuotedFragment(rest, 0, qs, ql)) {
                            if (!any)
                                throw ParseError{
                                    "invalid 'when': expected {% when value %} or "
                                    "{% when value1, value2 %} or {% when value1 or value2 %}",
                                    end.where};
                            break;
                        }
                        any = true;
                        CaseNode::When w;
                        w.value = parseExpressionText(rest.substr(qs, ql), true);
                        w.body = currentBody;
                        n->whens.push_back(std::move(w));
                        std::size_t j = qs + ql;
                        std::size_t k = j;
                        while (k < rest.size() && isSpace(rest[k]))
                            ++k;
                        bool more = false;
                        if (k < rest.size() && rest[k] == ',') {
                            ++k;
                            while (k < rest.size() && isSpace(rest[k]))
                                ++k;
                            more = true;
                        } else if (k > j && rest.substr(k, 2) == "or" && k + 2 < rest.size() &&
                                   isSpace(rest[k + 2])) {
                            k += 2;
                            while (k < rest.size() && isSpace(rest[k]))
                                ++k;
                            more = true;
                        }
                        if (!more || quotedFragmentAt(rest, k) == 0)
                            break;
                        rest = rest.substr(k);
                    }
                } else if (end.name == "else") {
                    if (!strip(end.markup).empty())
                        throw ParseError{"invalid 'else' in 'case': it takes no value", end.where};
                    n->bodies.emplace_back();
                    currentBody = static_cast<int>(n->bodies.size()) - 1;
                    CaseNode::When w;
                    w.isElse = true;
                    w.body = currentBody;
                    n->whens.push_back(std::move(w));
                } else {
                    unknownInBlock(end, name);
                }
                end = parseBlockBody(n->bodies[static_cast<std::size_t>(currentBody)], name, at);
                blank = blank && n->bodies[static_cast<std::size_t>(currentBody)].blank;
            }
            n->blank = blank;
            if (blank)
                for (auto &b : n->bodies)
                    removeBlankStrings(b);
            node = std::move(n);
        } else if (name == "for") {
            auto n = std::make_unique<ForNode>();
            std::string context = "{% for " + std::string(markup) + " %}";
            MarkupParser p(markup, context);
            if (!p.look(Tok::Id))
                p.error("expected a loop variable name");
            n->var = std::string(p.consume(Tok::Id));
            if (!p.idIs("in"))
                p.error("for loops require an 'in' clause");
            std::string coll = p.expression();
            n->collection = parseExpressionText(coll, false);
            n->name = n->var + "-" + coll;
            n->reversed = p.idIs("reversed");
            while (p.look(Tok::Id) && p.look(Tok::Colon, 1)) {
                const bool isLimit = p.current().text == "limit";
                if (!isLimit && p.current().text != "offset")
                    p.error("invalid attribute in for loop: valid attributes are limit and offset");
                p.consume(Tok::Id);
                p.consume(Tok::Colon);
                std::string e = p.expression();
                if (isLimit) {
                    n->limit = parseExpressionText(e, false);
                } else if (e == "continue") {
                    n->offsetContinue = true;
                    n->offset.reset();
                } else {
                    n->offsetContinue = false;
                    n->offset = parseExpressionText(e, false);
                }
            }
            if (!p.look(Tok::End))
                p.error("expected the end of the tag but found '" + std::string(p.current().text) +
                        "'");
            bool inElse = false;
            bool blank = true;
            for (;;) {
                Body &b = inElse ? n->elseBody : n->body;
                EndTag end = parseBlockBody(b, name, at);
                blank = blank && b.blank;
                if (end.name == "endfor")
                    break;
                if (end.name == "else") {
                    n->elseBody = Body();
                    n->hasElse = true;
                    // Shopify: a second else empties the else body and ends the loop there
                    // (For#parse reads one else body); what follows, up to and including
                    // the `endfor`, belongs to the enclosing block.
                    if (inElse)
                        break;
                    inElse = true;
                    continue;
                }
                unknownInBlock(end, name);
            }
            n->blank = blank;
            if (blank) {
                removeBlankStrings(n->body);
                removeBlankStrings(n->elseBody);
            }
            node = std::move(n);
        } else if (name == "tablerow") {
            // TableRow parses with regular expressions in every error mode:
            // Syntax = /(\w+)\s+in\s+(QF+)/, attributes scanned as /(\w[\w-]*)\s*:\s*(QF)/.
            static const std::string qf =
                "(?:\"[^\"]*\"|'[^']*'|(?:[^\\s,|'\"]|\"[^\"]*\"|'[^']*')+)";
            static const std::regex syntax("(\\w+)\\s+in\\s+((?:" + qf + ")+)");
            static const std::regex attribute("(\\w[\\w-]*)\\s*:\\s*(" + qf + ")");
            const std::string m(markup);
            std::smatch mt;
            if (!std::regex_search(m, mt, syntax))
                throw ParseError{"invalid 'tablerow': expected {% tablerow item in collection "
                                 "[cols: n] [limit: n] [offset: n] %}",
                                 at};
            auto n = std::make_unique<TablerowNode>();
            n->var = mt[1].str();
            n->collection = parseExpressionText(mt[2].str(), false);
            for (auto it = std::sregex_iterator(m.begin(), m.end(), attribute);
                 it != std::sregex_iterator(); ++it) {
                const std::string key = (*it)[1].str();
                ExprPtr value = parseExpressionText((*it)[2].str(), false);
                if (key == "cols")
                    n->cols = std::move(value);
                else if (key == "limit")
                    n->limit = std::move(value);
                else if (key == "offset")
                    n->offset = std::move(value);
            }
            EndTag end;
            while (!(end = parseBlockBody(n->body, name, at)).eof && end.name != "endtablerow")
                unknownInBlock(end, name);
            n->blank = n->body.blank; // (Block#parse keeps whitespace text even then)
            node = std::move(n);
        } else if (name == "ifchanged") {
            auto n = std::make_unique<IfchangedNode>();
            EndTag end;
            while (!(end = parseBlockBody(n->body, name, at)).eof && end.name != "endifchanged")
                unknownInBlock(end, name);
            n->blank = n->body.blank;
            node = std::move(n);
        } else if (name == "cycle") {
            auto n = std::make_unique<CycleNode>();
            // NamedSyntax = /\A(QF)\s*\:\s*(.*)/om ; SimpleSyntax = /\A(QF)+/o
            std::size_t ql = quotedFragmentAt(markup, 0);
            if (ql == 0)
                throw ParseError{
                    "invalid 'cycle': expected {% cycle [group:] value1, value2, ... %}", at};
            // The group name is the longest QuotedFragment followed by ':' -- the regex
            // backtracks, so in "n: 1, 2" (a fragment "n:") the group is "n".
            const auto colonAfter = [&](std::size_t e) {
                while (e < markup.size() && isSpace(markup[e]))
                    ++e;
                return e < markup.size() && markup[e] == ':' ? e : std::string_view::npos;
            };
            std::size_t groupEnd = 0, colon = std::string_view::npos;
            if (markup[0] == '"' || markup[0] == '\'') {
                colon = colonAfter(ql);
                groupEnd = ql;
            }
            if (colon == std::string_view::npos) {
                std::vector<std::size_t> ends;
                for (std::size_t j = 0; j < markup.size();) {
                    const char c = markup[j];
                    if (c == '"' || c == '\'') {
                        const std::size_t close = markup.find(c, j + 1);
                        if (close == std::string_view::npos)
                            break;
                        j = close + 1;
                    } else if (isSpace(c) || c == ',' || c == '|') {
                        break;
                    } else {
                        ++j;
                    }
                    ends.push_back(j);
                }
                for (auto e = ends.rbegin(); e != ends.rend() && colon == std::string_view::npos;
                     ++e)
                    if ((colon = colonAfter(*e)) != std::string_view::npos)
                        groupEnd = *e;
            }
            std::string_view values = markup;
            if (colon != std::string_view::npos) {
                n->group = parseExpressionText(markup.substr(0, groupEnd), false);
                values = markup.substr(colon + 1);
            }
            // markup.split(',').map { first QF }.compact
            std::size_t i = 0;
            bool allLiteral = true;
            std::string key = "[";
            while (i <= values.size()) {
                std::size_t comma = values.find(',', i);
                if (comma == std::string_view::npos)
                    comma = values.size();
                std::string_view part = values.substr(i, comma - i);
                std::size_t s = 0, l = 0;
                if (findQuotedFragment(part, 0, s, l)) {
                    ExprPtr e = parseExpressionText(part.substr(s, l), false);
                    if (e->kind == Expr::Kind::Literal && e->literal.isNil()) {
                        i = comma + 1; // Shopify: nil values are dropped (Array#compact)
                        if (comma == values.size())
                            break;
                        continue;
                    }
                    if (e->kind != Expr::Kind::Literal)
                        allLiteral = false;
                    else {
                        if (key.size() > 1)
                            key += ", ";
                        e->literal.appendInspect(key);
                    }
                    n->values.push_back(std::move(e));
                }
                i = comma + 1;
                if (comma == values.size())
                    break;
            }
            key += "]";
            // Unnamed cycles share state by the inspect text of their values; Ruby's text
            // for a variable includes an object address, so such cycles never share.
            n->key = allLiteral
                         ? key
                         : "#<cycle@" + std::to_string(reinterpret_cast<std::uintptr_t>(at)) + ">";
            node = std::move(n);
        } else if (name == "increment" || name == "decrement") {
            auto n = std::make_unique<CounterNode>();
            n->name = std::string(strip(markup));
            n->step = name == "increment" ? 1 : -1;
            node = std::move(n);
        } else if (name == "comment") {
            auto n = std::make_unique<CommentNode>();
            Body ignored;
            for (;;) {
                EndTag end = parseBlockBody(ignored, name, at);
                if (end.name == "endcomment")
                    break; // every other unknown tag is ignored inside a comment
            }
            n->blank = true;
            node = std::move(n);
        } else if (name == "raw") {
            if (!strip(markup).empty())
                throw ParseError{"'raw' takes no arguments", at};
            auto n = std::make_unique<TextNode>();
            n->raw = true;
            bool closed = false;
            // FullTokenPossiblyInvalid = /\A(.*){%\s*(\w+)\s*(.*)?%}\z/om
            while (m_pos < m_tokens.size()) {
                std::string_view t = m_tokens[m_pos++].text;
                if (t.size() >= 4 && t.substr(t.size() - 2) == "%}") {
                    std::size_t open = t.rfind("{%", t.size() - 2);
                    // (.*) is greedy, so Ruby uses the last "{%" that matches the pattern.
                    while (open != std::string_view::npos) {
                        std::size_t k = open + 2;
                        while (k < t.size() && isSpace(t[k]))
                            ++k;
                        std::size_t ns = k;
                        while (k < t.size() && isWord(t[k]))
                            ++k;
                        if (k > ns) {
                            if (t.substr(ns, k - ns) == "endraw") {
                                n->text.append(t.substr(0, open));
                                closed = true;
                            }
                            break;
                        }
                        if (open == 0)
                            break;
                        open = t.rfind("{%", open - 1);
                    }
                    if (closed)
                        break;
                }
                n->text.append(t);
            }
            if (!closed)
                throw ParseError{"'raw' tag was never closed: expected '{% endraw %}'", at};
            n->blank = n->text.empty();
            node = std::move(n);
        } else if (name == "echo") {
            auto n = std::make_unique<OutputNode>();
            n->var = parseVariable(markup, markup);
            node = std::move(n);
        } else if (name == "break" || name == "continue") {
            auto n = std::make_unique<InterruptNode>();
            n->isBreak = name == "break";
            node = std::move(n);
        } else if (name == "#") {
            // Every further line of an inline comment must start with '#'.
            for (std::size_t i = 0; i < markup.size(); ++i) {
                if (markup[i] == '\n') {
                    std::size_t k = i + 1;
                    while (k < markup.size() && isSpace(markup[k]))
                        ++k;
                    if (k < markup.size() && markup[k] != '#')
                        throw ParseError{"each line of an inline comment must start with '#'",
                                         markup.data() + k};
                }
            }
            auto n = std::make_unique<CommentNode>();
            n->blank = true;
            node = std::move(n);
        } else if (name == "include") {
            // Include::SYNTAX = /(QF+)(\s+(?:with|for)\s+(QF+))?.../ (unanchored): the first
            // run of fragments is the template name, evaluated at render time.
            std::size_t start = 0, len = 0;
            if (!findQuotedFragment(markup, 0, start, len))
                throw ParseError{"Error in tag 'include' - Valid syntax: include '[template]' "
                                 "(with|for) [object|collection]",
                                 at};
            std::size_t end = start + len;
            while (std::size_t more = quotedFragmentAt(markup, end))
                end += more;
            auto n = std::make_unique<IncludeNode>();
            n->templateName = parseExpressionText(markup.substr(start, end - start), false);
            node = std::move(n);
        } else if (name == "render") {
            // Render::SYNTAX needs a quoted template name somewhere in the markup. Mailwright
            // has no template file system; Shopify renders this error inline.
            bool quoted = false;
            for (std::size_t q = markup.find_first_of("'\"");
                 q != std::string_view::npos && !quoted; q = markup.find_first_of("'\"", q + 1))
                quoted = markup.find(markup[q], q + 1) != std::string_view::npos;
            if (!quoted)
                throw ParseError{"Syntax error in tag 'render' - Template name must be a quoted "
                                 "string",
                                 at};
            auto n = std::make_unique<ErrorNode>();
            n->message = "This liquid context does not allow includes.";
            node = std::move(n);
        } else {
            return nullptr;
        }
        node->line = line;
        return node;
    }
};

} // namespace

Status parseTemplate(std::string_view source, const ParseOptions &options, Body &body)
{
    try {
        TemplateParser parser(source, options, TemplateParser::tokenize(source), false);
        parser.parseDocument(body);
    } catch (const ParseError &e) {
        int line = 1, col = 1;
        const char *end = e.where ? e.where : source.data();
        if (end < source.data() || end > source.data() + source.size())
            end = source.data();
        for (const char *p = source.data(); p < end; ++p) {
            if (*p == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) {
                ++col;
            }
        }
        return Error(Error::Code::BadInput, QString::fromStdString(e.message), line, col);
    }
    return {};
}

} // namespace mw::liquid::detail
