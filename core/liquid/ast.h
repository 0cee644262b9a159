#pragma once
// Internal: the immutable syntax tree of a parsed template and the per-render state.
// Not part of the public API (see template.h).

#include "liquid/template.h"
#include "liquid/value.h"

#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace mw::liquid::detail {

struct RenderState;

/// A thrown runtime error. Fatal errors (limits, strict mode) end the render; the others
/// are printed inline as "Liquid error (line N): message" like Shopify does.
struct RenderError {
    std::string message;
    bool fatal = false;
    int line = 0;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

/// One step of a variable lookup: a constant key ("name", 0) or a bracketed expression.
struct Lookup {
    Value key;            // when expr is null
    ExprPtr expr;         // a[expr]
    bool command = false; // .size/.first/.last written with a dot
};

/// An expression (Liquid's Expression.parse result).
struct Expr {
    enum class Kind : std::uint8_t { Literal, Variable, Range, EmptyLiteral, BlankLiteral };
    Kind kind = Kind::Literal;
    Value literal;    // Literal (also the printed value '' of empty/blank)
    Value name;       // Variable: constant name (string)
    ExprPtr nameExpr; // Variable: [expr] as the first segment
    std::vector<Lookup> lookups;
    ExprPtr rangeFirst, rangeLast; // Range with variable bounds
    std::string text;              // the source text, for missing-variable reports
    // Set after parsing, for the fast lookup path: the name and every key are constant
    // strings (no brackets with variables)...
    bool simple = false;
    // ...and no assign/capture/for/increment in the template binds the name, so it can
    // only come from the data.
    bool dataOnly = false;
    // For dataOnly lookups: a per-template index of the root name, so a render looks each
    // root up in the data once (-1: no slot, look it up every time).
    int rootSlot = -1;
    // For dataOnly lookups with keys: a per-template index of the whole path (a.b.c), so a
    // render resolves each path in the data once (-1: no slot). The data cannot change
    // during a render, so the first answer stays right.
    int pathSlot = -1;
    // The root is a name only assign/capture bind (no for loop, no increment): once set
    // during a render it is found through this per-template index (-1: search by name).
    int localSlot = -1;
    // The root is the variable of a lexically enclosing for loop: its entry in
    // RenderState::loopVars (checked against loopName; -1: search by name).
    int loopSlot = -1;
    const std::string *loopName = nullptr;
    // For loopSlot lookups with keys: a per-template index of the path, so one iteration
    // resolves each path below its item once (-1: no slot).
    int itemPathSlot = -1;
    // forloop.index / index0 / rindex / rindex0 / first / last / length inside a for body:
    // the property, read straight from the innermost loop's frame at loopVars[loopSlot]
    // (checked at render time; see assignLoopSlots). None: the general path.
    enum class LoopProp : std::uint8_t {
        None,
        Index,
        Index0,
        Rindex,
        Rindex0,
        First,
        Last,
        Length
    };
    LoopProp loopProp = LoopProp::None;

    Value evaluate(RenderState &st) const;
    /// The value without copying it when it already lives somewhere (data, locals, a
    /// literal); computed values are put in scratch. Valid until the next assignment.
    const Value *resolve(RenderState &st, Value &scratch) const;
    /// The constant-path lookup, or nullptr when it needs the general path.
    const Value *resolveFast(RenderState &st) const;
    /// resolveFast for what the render does not know yet (out of line: the hits need no
    /// saved registers).
    const Value *resolveFastMiss(RenderState &st) const;
    const Value *resolveSlow(RenderState &st, Value &scratch) const;
};

/// A filter's arguments (a view; no allocation per call).
struct ArgList {
    const Value *p = nullptr;
    std::size_t n = 0;
    std::size_t size() const { return n; }
    bool empty() const { return n == 0; }
    const Value &operator[](std::size_t i) const { return p[i]; }
};

using FilterFn = Value (*)(RenderState &st, const Value &input, const ArgList &args,
                           const Hash *kwargs);

/// A standard filter: its function and how many arguments it takes after the input.
struct FilterSpec {
    const char *name;
    FilterFn fn;
    int minArgs;
    int maxArgs;
    bool escapes; // its result is safe HTML/URL text (clears the untrusted mark)
};

struct Filter {
    std::string name;
    const FilterSpec *fn = nullptr; // null: unknown filter (skipped, or an error in strict mode)
    std::vector<ExprPtr> args;
    std::vector<std::pair<std::string, ExprPtr>> kwargs;
    // When every argument is a literal (`divided_by: 100`, `date: "%b %d"`) and there are
    // no named ones, the argument list is built once at parse time (see finishArgs()).
    std::vector<Value> literalArgs;
    bool argsAreLiteral = false;
    // ...and the filter is known and takes that many: it is called without further checks.
    bool literalCall = false;
    /// Call after args/kwargs are complete.
    void finishArgs();
};

/// {{ expr | filter ... }} -- also the body of assign and echo.
struct VariableExpr {
    ExprPtr expr; // may be null for an empty {{ }}
    std::vector<Filter> filters;
    Value evaluate(RenderState &st) const;
    Value applyFilters(RenderState &st, const Value &input) const;
};

struct Node {
    int line = 0;
    bool isText = false;   // plain text: appended without the error machinery
    bool isOutput = false; // {{ }} / echo: errors are always printed
    bool blank = false;    // Ruby's Tag#blank?: errors inside are not printed
    virtual ~Node() = default;
    virtual void render(RenderState &st, std::string &out) const = 0;
};
using NodePtr = std::unique_ptr<Node>;

/// A sequence of text and nodes (Ruby's BlockBody).
struct Body {
    std::vector<NodePtr> nodes;
    bool blank = true;
    void render(RenderState &st, std::string &out) const;
};

struct Condition {
    enum class Op : std::uint8_t { None, Eq, Ne, Lt, Gt, Le, Ge, Contains };
    ExprPtr left;
    std::string op; // empty: just test left
    Op opKind = Op::None;
    ExprPtr right;
    enum class Rel : std::uint8_t { None, And, Or } rel = Rel::None; // to the next one
    bool evaluate(RenderState &st) const;
};

/// A chain "a and b or c" evaluated right to left as Liquid does.
struct ConditionChain {
    std::vector<Condition> parts;
    bool isElse = false;
    bool evaluate(RenderState &st) const;
};

struct ForloopFrame {
    const std::string *name;
    std::int64_t index0 = 0;
    std::int64_t length = 0;
    ForloopFrame *parent = nullptr;
};

/// Bump-allocated bytes for the strings filters compute during one render: they die
/// with the render, so they need neither malloc nor a reference count each.
class TextArena {
public:
    char *allocate(std::size_t n)
    {
        if (static_cast<std::size_t>(m_end - m_next) < n)
            grow(n);
        char *p = m_next;
        m_next += n;
        return p;
    }
    /// Forgets everything allocated (keeps the first chunk for the next render).
    void reset();

private:
    void grow(std::size_t n);
    std::vector<std::unique_ptr<char[]>> m_chunks;
    std::size_t m_lastSize = 0;
    char *m_next = nullptr;
    char *m_end = nullptr;
};

struct ForloopFrame;

/// The containers a render fills; kept per thread and reused, so a render allocates
/// nothing for its bookkeeping once the thread has rendered before.
struct RenderScratch {
    struct Scope {
        const std::string *name;
        Value value;
        const ForloopFrame *frame = nullptr; // set for the "forloop" variable
        const Value *ref = nullptr;          // the current item, when it lives in the collection
        std::uint64_t iteration = 0;         // RenderScratch::itemSerial when ref was set
    };
    std::vector<std::pair<std::string, Value>> locals;   // assign / capture
    std::vector<std::pair<std::string, Value>> counters; // increment / decrement
    std::vector<Scope> loopVars;                         // for-loop variables, innermost last
    std::vector<std::pair<std::string, std::int64_t>> cycles;
    // offset: continue, by the loops' names (views of the template, which outlives the render)
    std::vector<std::pair<std::string_view, std::int64_t>> forOffsets;
    TextArena text;
    // Paths below a loop's current item (p.price_cents) resolved during that iteration (see
    // Expr::itemPathSlot). Loop items are numbered per scratch, never reset, so an entry of
    // an earlier iteration -- or render -- cannot match.
    static constexpr int kItemPathSlots = 64;
    std::uint64_t itemSerial = 0;
    struct ItemPath {
        std::uint64_t iteration = 0;
        const Value *value = nullptr;
    } itemPaths[kItemPathSlots];
    std::string work; // a filter's scratch text (not reentrant: filters do not nest)
    bool inUse = false;
    void clear();
};

/// Everything one render changes; a Template itself is never modified.
struct RenderState {
    const RenderOptions &opt;
    const Value &data;
    RenderScratch &scratch;
    std::vector<std::pair<std::string, Value>> &locals;
    std::vector<std::pair<std::string, Value>> &counters;
    using Scope = RenderScratch::Scope;
    std::vector<Scope> &loopVars;
    std::vector<std::pair<std::string, std::int64_t>> &cycles;
    std::vector<std::pair<std::string_view, std::int64_t>> &forOffsets;
    enum class Interrupt : std::uint8_t { None, Break, Continue } interrupt = Interrupt::None;
    std::uint64_t iterations = 0;
    int depth = 0;
    std::size_t outputBase = 0; // out.size() when the render started
    std::string *rootOut = nullptr;
    std::size_t captureBytes = 0; // bytes in open captures, counted against the limit
    // Root names already looked up in the data during this render (see Expr::rootSlot).
    static constexpr int kRootSlots = 32;
    std::uint32_t rootKnown = 0;
    const Value *roots[kRootSlots];
    // Where each assign/capture name with a slot sits in locals, once set in this render.
    static constexpr int kLocalSlots = 32;
    std::uint32_t localKnown = 0;
    std::uint32_t localAt[kLocalSlots];
    // Whole data paths already resolved during this render (see Expr::pathSlot).
    static constexpr int kPathSlots = 64;
    std::uint64_t pathKnown = 0;
    const Value *paths[kPathSlots];
    const Value *findRoot(int slot, std::string_view name)
    {
        const std::uint32_t bit = 1u << slot;
        if (rootKnown & bit)
            return roots[slot];
        rootKnown |= bit;
        return roots[slot] = data.hash().find(name);
    }

    RenderState(const RenderOptions &o, const Value &d, RenderScratch &s)
        : opt(o), data(d), scratch(s), locals(s.locals), counters(s.counters), loopVars(s.loopVars),
          cycles(s.cycles), forOffsets(s.forOffsets)
    {
    }

    /// Scope lookup: loop variables, then assigns, then counters, then data.
    const Value *findVariable(std::string_view name, const ForloopFrame **frame) const;
    void setLocal(const std::string &name, Value v);
    /// setLocal for a name with a slot (-1: none).
    void setLocal(int slot, const std::string &name, Value v);
    [[noreturn]] void fatal(std::string message) const;
    void checkOutput(const std::string &out) const
    {
        if (opt.maxOutputBytes && out.size() + captureBytes > outputBase + opt.maxOutputBytes)
            outputLimitExceeded();
    }
    [[noreturn]] void outputLimitExceeded() const;
    /// What a filter's result may hold: a string of up to maxOutputBytes bytes, an array of
    /// up to maxOutputBytes / kArrayElementBytes elements (each element is a Value plus,
    /// for a computed string, its storage) -- so `split: ""` or a doubling `concat` cannot
    /// eat gigabytes before the limit is noticed. SIZE_MAX without a limit.
    static constexpr std::size_t kArrayElementBytes = 64;
    std::size_t maxArrayElements() const
    {
        return opt.maxOutputBytes ? opt.maxOutputBytes / kArrayElementBytes : SIZE_MAX;
    }
    [[noreturn]] void filterResultTooBig() const;
    void checkFilterResult(const Value &v) const
    {
        const std::size_t limit = opt.maxOutputBytes;
        const std::size_t n =
            v.isString() ? v.str().size() : v.array().size() * kArrayElementBytes; // 0 otherwise
        if (limit && n > limit)
            filterResultTooBig();
    }
    void countIteration()
    {
        if (opt.maxLoopIterations && ++iterations > opt.maxLoopIterations)
            loopLimitExceeded();
    }
    [[noreturn]] void loopLimitExceeded() const;

    /// A string computed during this render, in the render's arena.
    Value text(std::string_view s, bool untrusted = false)
    {
        if (s.empty())
            return Value::borrowed({}, untrusted);
        char *p = scratch.text.allocate(s.size());
        std::memcpy(p, s.data(), s.size());
        return Value::borrowed({p, s.size()}, untrusted);
    }
    /// a + b as a string in the render's arena.
    Value concat(std::string_view a, std::string_view b)
    {
        char *p = scratch.text.allocate(a.size() + b.size());
        if (!a.empty())
            std::memcpy(p, a.data(), a.size());
        if (!b.empty())
            std::memcpy(p + a.size(), b.data(), b.size());
        return Value::borrowed({p, a.size() + b.size()});
    }
};

inline const Value *Expr::resolveFast(RenderState &st) const
{
    // What this render knows already -- a data path, a path below the current loop item, a
    // local -- is answered here without a call; everything else in resolveFastMiss.
    if (pathSlot >= 0) {
        if ((st.pathKnown >> pathSlot) & 1u)
            return st.paths[pathSlot];
    } else if (itemPathSlot >= 0) {
        const auto k = static_cast<std::size_t>(loopSlot);
        if (k < st.loopVars.size()) {
            const RenderState::Scope &scope = st.loopVars[k];
            const RenderScratch::ItemPath &known = st.scratch.itemPaths[itemPathSlot];
            if (scope.name == loopName && scope.ref && known.iteration == scope.iteration)
                return known.value;
        }
    } else if (localSlot >= 0 && lookups.empty() && ((st.localKnown >> localSlot) & 1u)) {
        return &st.locals[st.localAt[localSlot]].second;
    }
    return resolveFastMiss(st);
}

inline const Value *Expr::resolve(RenderState &st, Value &scratch) const
{
    if (kind == Kind::Literal || kind == Kind::EmptyLiteral || kind == Kind::BlankLiteral)
        return &literal;
    if (simple)
        if (const Value *v = resolveFast(st))
            return v;
    return resolveSlow(st, scratch);
}

/// Appends a value as {{ }} prints it, escaping untrusted strings when asked.
void appendOutput(RenderState &st, const Value &v, std::string &out);

/// Parses a template source into a Body (syntax errors as mw::Error).
Status parseTemplate(std::string_view source, const ParseOptions &options, Body &body);

/// Looks up a standard filter by name (nullptr if unknown).
const FilterSpec *findFilter(std::string_view name);
/// Checks the arity and calls the filter (errors are RenderErrors).
Value callFilter(RenderState &st, const Filter &f, const Value &input, const ArgList &args);
/// Float -> Integer as Ruby's to_i would, clamped to 64 bits (Ruby would go to a Bignum;
/// converting an out-of-range double is undefined behaviour in C++).
inline std::int64_t clampToInt64(double d)
{
    if (d != d)
        return 0;
    if (d >= 9.2233720368547758e18)
        return INT64_MAX;
    if (d <= -9.2233720368547758e18)
        return INT64_MIN;
    return static_cast<std::int64_t>(d);
}

/// Number of integers in a range value (saturating; 0 for an empty range).
inline std::int64_t rangeCount(const Value &r)
{
    if (r.rangeLast() < r.rangeFirst())
        return 0;
    const std::uint64_t n =
        static_cast<std::uint64_t>(r.rangeLast()) - static_cast<std::uint64_t>(r.rangeFirst());
    return n >= static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX
                                                      : static_cast<std::int64_t>(n + 1);
}

/// Number of UTF-8 characters (Ruby String#size).
std::size_t utf8Length(std::string_view s);

/// Lax Expression.parse of markup text (also used after strict validation, as Liquid does).
ExprPtr parseExpressionText(std::string_view markup, bool conditionLiterals);

} // namespace mw::liquid::detail
