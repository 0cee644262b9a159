// Rendering: expression evaluation, conditions and the tags. Shopify quirks are kept on
// purpose and marked "Shopify:".
#include "liquid/nodes.h"

#include "liquid/htmlescape.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace mw::liquid::detail {

namespace {
const std::string kForloop = "forloop";

void appendEscaped(const Value &v, std::string &out)
{
    if (v.isString() && v.isUntrusted())
        appendHtmlEscaped(out, v.str());
    else if (v.isArray())
        for (const Value &e : v.array())
            appendEscaped(e, out);
    else
        v.appendTo(out);
}

Value forloopProperty(const ForloopFrame *f, const Value &key, bool &found)
{
    found = true;
    if (!key.isString())
        return Value();
    const std::string_view k = key.str();
    if (k == "index")
        return Value(f->index0 + 1);
    if (k == "index0")
        return Value(f->index0);
    if (k == "rindex")
        return Value(f->length - f->index0);
    if (k == "rindex0")
        return Value(f->length - f->index0 - 1);
    if (k == "first")
        return Value(f->index0 == 0);
    if (k == "last")
        return Value(f->index0 == f->length - 1);
    if (k == "length")
        return Value(f->length);
    if (k == "name")
        return Value(*f->name);
    return Value(); // Shopify: unknown drop methods are nil, not undefined
}

/// Liquid::Utils.to_integer (used by for offset/limit and ranges): an Integer as it is,
/// anything else Integer(v.to_s) -- "0x10" is 16, "1_000" 1000, "017" 15. Beyond 64
/// bits the nearest 64-bit value (an offset or limit that large selects all or nothing).
std::int64_t toInteger(const Value &v)
{
    if (v.isInt())
        return v.toInt();
    Int128 r = 0;
    if (v.isBigInt())
        r = v.toInt128();
    else if (v.isArray() || v.isHash()) // their to_s is the inspect text, never an integer
        throw RenderError{"invalid integer"};
    else if (!(v.isString() ? parseRubyInteger(v.str(), r) : parseRubyInteger(v.toString(), r)))
        throw RenderError{"invalid integer"};
    return static_cast<std::int64_t>(std::clamp<Int128>(r, INT64_MIN, INT64_MAX));
}

std::int64_t rangeBound(const Value &v)
{
    if (v.isInt())
        return v.toInt();
    if (v.isNil())
        return 0;
    if (v.isString())
        return rubyStringToI(v.str());
    return toInteger(v);
}

std::int64_t satAdd(std::int64_t a, std::int64_t b)
{
    std::int64_t r;
    if (__builtin_add_overflow(a, b, &r))
        return b > 0 ? INT64_MAX : INT64_MIN;
    return r;
}

bool rubyRespondsToEmpty(const Value &v)
{
    return v.isString() || v.isArray() || v.isHash();
}
bool rubyEmpty(const Value &v)
{
    if (v.isString())
        return v.str().empty();
    if (v.isArray())
        return v.array().empty();
    return v.hash().empty();
}

const char *rubyClass(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Nil:
        return "nil";
    case Value::Type::Bool:
        return v.toBool() ? "true" : "false";
    case Value::Type::Int:
    case Value::Type::BigInt:
        return "Integer";
    case Value::Type::Float:
        return "Float";
    case Value::Type::String:
        return "String";
    case Value::Type::Array:
        return "Array";
    case Value::Type::Hash:
        return "Hash";
    case Value::Type::Range:
        return "Range";
    }
    return "Object";
}

} // namespace

// ------------------------------------------------------------------- RenderState

const Value *RenderState::findVariable(std::string_view name, const ForloopFrame **frame) const
{
    auto same = [&](const std::string &s) { return Hash::sameKey(s, name); };
    for (auto it = loopVars.rbegin(); it != loopVars.rend(); ++it) {
        if (same(*it->name)) {
            *frame = it->frame;
            return it->ref ? it->ref : &it->value;
        }
    }
    *frame = nullptr;
    for (const auto &l : locals)
        if (same(l.first))
            return &l.second;
    for (const auto &c : counters)
        if (same(c.first))
            return &c.second;
    return data.hash().find(name);
}

void RenderState::setLocal(const std::string &name, Value v)
{
    for (auto &l : locals) {
        if (l.first == name) {
            l.second = std::move(v);
            return;
        }
    }
    locals.emplace_back(name, std::move(v));
}

void RenderState::setLocal(int slot, const std::string &name, Value v)
{
    if (slot < 0)
        return setLocal(name, std::move(v));
    const std::uint32_t bit = 1u << slot;
    if (localKnown & bit) {
        locals[localAt[slot]].second = std::move(v);
        return;
    }
    // Every tag that sets this name has its slot (assignLocalSlots), so the name is not
    // in locals yet.
    localAt[slot] = static_cast<std::uint32_t>(locals.size());
    localKnown |= bit;
    locals.emplace_back(name, std::move(v));
}

void RenderState::fatal(std::string message) const
{
    throw RenderError{std::move(message), true};
}

void RenderState::filterResultTooBig() const
{
    fatal("output limit exceeded (" + std::to_string(opt.maxOutputBytes) +
          " bytes) inside a filter");
}

void RenderState::outputLimitExceeded() const
{
    fatal("output limit exceeded (" + std::to_string(opt.maxOutputBytes) + " bytes)");
}

void TextArena::grow(std::size_t n)
{
    m_lastSize = std::max<std::size_t>(n, m_lastSize ? m_lastSize * 2 : 16 << 10);
    m_chunks.push_back(std::make_unique_for_overwrite<char[]>(m_lastSize));
    m_next = m_chunks.back().get();
    m_end = m_next + m_lastSize;
}

void TextArena::reset()
{
    if (m_chunks.empty())
        return;
    // Keep one chunk (the last, biggest one) unless a runaway render made it huge.
    std::unique_ptr<char[]> keep = std::move(m_chunks.back());
    m_chunks.clear();
    if (m_lastSize > (4u << 20)) {
        m_lastSize = 0;
        m_next = m_end = nullptr;
        return;
    }
    m_chunks.push_back(std::move(keep));
    m_next = m_chunks.back().get();
    m_end = m_next + m_lastSize;
}

void RenderScratch::clear()
{
    locals.clear();
    counters.clear();
    loopVars.clear();
    cycles.clear();
    forOffsets.clear();
}

void RenderState::loopLimitExceeded() const
{
    fatal("loop iteration limit exceeded (" + std::to_string(opt.maxLoopIterations) + ")");
}

void appendOutput(RenderState &st, const Value &v, std::string &out)
{
    if (v.isString() && !v.isUntrusted()) {
        out.append(v.str());
        return;
    }
    if (st.opt.escapeUntrusted)
        appendEscaped(v, out);
    else
        v.appendTo(out);
}

// ------------------------------------------------------------------- expressions

Value Expr::evaluate(RenderState &st) const
{
    if (kind == Kind::Literal || kind == Kind::EmptyLiteral || kind == Kind::BlankLiteral)
        return literal.view(); // the template outlives the render: no reference count
    Value scratch;
    const Value *v = resolve(st, scratch);
    return v == &scratch ? std::move(scratch) : *v;
}

namespace {
const Value kNil;
} // namespace

namespace {
/// What resolveSlow reports for a missing variable or key, when the render neither fails
/// on nor reports those: nil. nullptr (the general path) otherwise.
const Value *quietMissing(const RenderState &st)
{
    return st.opt.strictVariables || st.opt.onMissingVariable ? nullptr : &kNil;
}

/// Follows constant keys from cur as resolveSlow would; nullptr where it needs the general
/// path (not a hash, or a missing .size/.first/.last that is a command there).
const Value *followKeys(const RenderState &st, const std::vector<Lookup> &lookups, const Value *cur)
{
    for (const Lookup &l : lookups) {
        if (!cur->isHash())
            return nullptr;
        const Value *next = cur->hash().find(l.key.str());
        if (!next)
            return l.command ? nullptr : quietMissing(st);
        cur = next;
    }
    return cur;
}
} // namespace

const Value *Expr::resolveFastMiss(RenderState &st) const
{
    // Constant keys through hashes. Anything else (forloop, arrays, .size/.first/.last) takes
    // the general path from the start.
    const std::string_view root = name.str();
    const Value *cur;
    if (loopSlot >= 0 && static_cast<std::size_t>(loopSlot) < st.loopVars.size() &&
        st.loopVars[static_cast<std::size_t>(loopSlot)].name == loopName) {
        const RenderState::Scope &scope = st.loopVars[static_cast<std::size_t>(loopSlot)];
        if (itemPathSlot >= 0 && scope.ref) {
            // The item cannot change during its iteration: the first answer stays right.
            RenderScratch::ItemPath &known = st.scratch.itemPaths[itemPathSlot];
            if (known.iteration == scope.iteration)
                return known.value;
            cur = followKeys(st, lookups, scope.ref);
            known.iteration = scope.iteration;
            known.value = cur;
            return cur;
        }
        cur = scope.ref ? scope.ref : &scope.value;
    } else if (localSlot >= 0) {
        // No loop or counter can hold this name: the local, or else the data.
        cur = (st.localKnown >> localSlot) & 1u
                  ? &st.locals[st.localAt[localSlot]].second
                  : (rootSlot >= 0 ? st.findRoot(rootSlot, root) : st.data.hash().find(root));
    } else if (!dataOnly) {
        const ForloopFrame *frame = nullptr;
        cur = st.findVariable(root, &frame);
        if (frame)
            return nullptr;
    } else {
        std::uint64_t bit = 0;
        if (pathSlot >= 0) {
            bit = std::uint64_t(1) << pathSlot;
            if (st.pathKnown & bit)
                return st.paths[pathSlot];
        }
        cur = rootSlot >= 0 ? st.findRoot(rootSlot, root) : st.data.hash().find(root);
        cur = cur ? followKeys(st, lookups, cur) : quietMissing(st);
        if (bit) {
            st.pathKnown |= bit;
            st.paths[pathSlot] = cur;
        }
        return cur;
    }
    return cur ? followKeys(st, lookups, cur) : quietMissing(st);
}

const Value *Expr::resolveSlow(RenderState &st, Value &scratch) const
{
    if (loopProp != LoopProp::None) {
        // Valid when the loop entries sit where the template's nesting puts them: then a
        // search by name would find this very frame (see assignLoopSlots).
        const auto k = static_cast<std::size_t>(loopSlot);
        if (st.loopVars.size() == k + 2 && st.loopVars[k].frame &&
            st.loopVars[k].name == &kForloop && st.loopVars[k + 1].name == loopName) {
            const ForloopFrame *f = st.loopVars[k].frame;
            switch (loopProp) {
            case LoopProp::Index:
                scratch = Value(f->index0 + 1);
                break;
            case LoopProp::Index0:
                scratch = Value(f->index0);
                break;
            case LoopProp::Rindex:
                scratch = Value(f->length - f->index0);
                break;
            case LoopProp::Rindex0:
                scratch = Value(f->length - f->index0 - 1);
                break;
            case LoopProp::First:
                scratch = Value(f->index0 == 0);
                break;
            case LoopProp::Last:
                scratch = Value(f->index0 == f->length - 1);
                break;
            case LoopProp::Length:
            case LoopProp::None:
                scratch = Value(f->length);
                break;
            }
            return &scratch;
        }
    }
    switch (kind) {
    case Kind::Literal:
    case Kind::EmptyLiteral:
    case Kind::BlankLiteral:
        return &literal;
    case Kind::Range: {
        // Left to right, as Ruby evaluates them (a strict render names the first missing
        // bound); read in place, not copied.
        Value firstTmp, lastTmp;
        const std::int64_t first = rangeBound(*rangeFirst->resolve(st, firstTmp));
        const std::int64_t last = rangeBound(*rangeLast->resolve(st, lastTmp));
        scratch = Value::range(first, last);
        return &scratch;
    }
    case Kind::Variable:
        break;
    }
    auto missing = [&](std::string_view what) -> const Value * {
        if (st.opt.strictVariables)
            st.fatal("undefined variable " + std::string(what));
        if (st.opt.onMissingVariable)
            st.opt.onMissingVariable(text);
        return &kNil;
    };
    Value nameTmp;
    const Value &nameValue = nameExpr ? (nameTmp = nameExpr->evaluate(st)) : name;
    if (!nameValue.isString())
        return lookups.empty() && nameValue.isNil() && !nameExpr ? &kNil
                                                                 : missing(nameValue.toString());
    const ForloopFrame *frame = nullptr;
    const Value *cur = st.findVariable(nameValue.str(), &frame);
    if (!cur)
        return missing(nameValue.str());
    std::size_t i = 0;
    Value keyTmp;
    if (frame) {
        // forloop (and forloop.parentloop...) is a drop, resolved without materialising.
        for (; i < lookups.size(); ++i) {
            const Value &key =
                lookups[i].expr ? (keyTmp = lookups[i].expr->evaluate(st)) : lookups[i].key;
            if (key.isString() && key.str() == "parentloop") {
                frame = frame->parent;
                if (!frame) {
                    cur = &kNil;
                    ++i;
                    break;
                }
                continue;
            }
            bool ok;
            scratch = forloopProperty(frame, key, ok);
            cur = &scratch;
            frame = nullptr;
            ++i;
            break;
        }
        if (frame) {
            scratch = Value(std::string("Liquid::ForloopDrop"));
            return &scratch;
        }
    }
    for (; i < lookups.size(); ++i) {
        const Lookup &l = lookups[i];
        const Value &key = l.expr ? (keyTmp = l.expr->evaluate(st)) : l.key;
        const Value &object = *cur;
        if (object.isHash() && key.isString()) {
            if (const Value *v = object.hash().find(key.str())) {
                cur = v;
                continue;
            }
        } else if (object.isArray() && key.isInt()) {
            const ArrayView a = object.array();
            std::int64_t idx = key.toInt();
            if (idx < 0)
                idx += static_cast<std::int64_t>(a.size());
            cur = (idx >= 0 && idx < static_cast<std::int64_t>(a.size()))
                      ? &a[static_cast<std::size_t>(idx)]
                      : &kNil;
            continue;
        }
        if (l.command && key.isString()) {
            const std::string_view k = key.str();
            Value next;
            bool done = true;
            if (k == "size") {
                if (object.isArray())
                    next = Value(static_cast<std::int64_t>(object.array().size()));
                else if (object.isHash())
                    next = Value(static_cast<std::int64_t>(object.hash().size()));
                else if (object.isString())
                    next = Value(static_cast<std::int64_t>(utf8Length(object.str())));
                else if (object.isRange())
                    next = Value(rangeCount(object));
                else if (object.isInt())
                    next = Value(8); // Shopify: Integer#size is its byte width
                else if (object.isBigInt())
                    next = Value(bigIntSize(object));
                else
                    done = false;
            } else if (k == "first" || k == "last") {
                const bool first = k == "first";
                if (object.isArray()) {
                    const ArrayView a = object.array();
                    if (a.empty())
                        cur = &kNil;
                    else
                        cur = first ? &a.front() : &a.back();
                    continue;
                }
                if (object.isRange()) {
                    next = Value(first ? object.rangeFirst() : object.rangeLast());
                } else if (object.isHash() && first) {
                    // Shopify: hash.first is Ruby's Hash#first, a [key, value] pair.
                    const Hash &h = object.hash();
                    next = h.empty() ? Value() : Value(Array{Value(h.at(0).first), h.at(0).second});
                } else {
                    done = false;
                }
            } else {
                done = false;
            }
            if (done) {
                scratch = std::move(next); // object may live in scratch: next was built first
                cur = &scratch;
                continue;
            }
        }
        return missing(key.toString());
    }
    return cur;
}

namespace {
/// Whether a value holds subscriber data anywhere (arrays and hashes included).
bool containsUntrusted(const Value &v, int depth = 0)
{
    if (v.isString())
        return v.isUntrusted();
    if (depth > 8)
        return false;
    if (v.isArray()) {
        for (const Value &e : v.array())
            if (containsUntrusted(e, depth + 1))
                return true;
    } else if (v.isHash()) {
        for (const auto &e : v.hash())
            if (containsUntrusted(e.second, depth + 1))
                return true;
    }
    return false;
}
} // namespace

Value VariableExpr::evaluate(RenderState &st) const
{
    if (!expr)
        return applyFilters(st, kNil);
    if (filters.empty())
        return expr->evaluate(st);
    Value scratch;
    return applyFilters(st, *expr->resolve(st, scratch));
}

namespace {
struct ArgSlots {
    alignas(Value) unsigned char raw[4 * sizeof(Value)];
    std::vector<Value> big;
    Value *p;
    std::size_t n = 0;
    explicit ArgSlots(std::size_t count)
    {
        if (count > 4) {
            big.resize(count);
            p = big.data();
        } else {
            p = reinterpret_cast<Value *>(raw);
        }
    }
    ArgSlots(const ArgSlots &) = delete;
    ArgSlots &operator=(const ArgSlots &) = delete;
    /// Appends make() -- constructed in place in the small array.
    template <typename Make> const Value &emplace(const Make &make)
    {
        if (big.empty())
            new (p + n) Value(make());
        else
            p[n] = make();
        return p[n++];
    }
    ~ArgSlots()
    {
        if (big.empty())
            for (std::size_t i = 0; i < n; ++i)
                p[i].~Value();
    }
};

/// Two slots for filter results: the next result is built while the previous one (its
/// input) is still alive, then the previous one is destroyed.
struct ResultSlots {
    alignas(Value) unsigned char raw[2][sizeof(Value)];
    int current = -1;
    ResultSlots() = default;
    ResultSlots(const ResultSlots &) = delete;
    ResultSlots &operator=(const ResultSlots &) = delete;
    Value *at(int i) { return reinterpret_cast<Value *>(raw[i]); }
    Value *live() { return at(current); }
    template <typename Make> Value &emplace(const Make &make)
    {
        const int next = current == 0 ? 1 : 0;
        Value *v = new (raw[next]) Value(make()); // if make() throws, nothing changes
        if (current >= 0)
            at(current)->~Value();
        current = next;
        return *v;
    }
    ~ResultSlots()
    {
        if (current >= 0)
            live()->~Value();
    }
};
} // namespace

void Filter::finishArgs()
{
    argsAreLiteral = kwargs.empty();
    for (const ExprPtr &a : args)
        argsAreLiteral = argsAreLiteral && a && a->kind == Expr::Kind::Literal;
    literalArgs.clear();
    if (argsAreLiteral)
        for (const ExprPtr &a : args)
            literalArgs.push_back(a->literal.view()); // the template outlives every render
    const auto given = static_cast<int>(literalArgs.size());
    literalCall = argsAreLiteral && fn && given >= fn->minArgs && given <= fn->maxArgs;
}

namespace {
/// Runs the filter chain of v on input; the result is input itself or lives in results.
const Value &runFilters(const VariableExpr &var, RenderState &st, const Value &input,
                        ResultSlots &results)
{
    // Each filter's result is constructed in place (copy elision) in one of two slots,
    // alternating, instead of being move-assigned into one variable: the move re-read the
    // freshly returned Value with wider loads than it was written with (a store-forwarding
    // stall that showed at the top of the profile).
    const Value *cur = &input;                 // the first filter reads the input in place
    const bool track = st.opt.escapeUntrusted; // no cost for pure Shopify renders
    for (const Filter &f : var.filters) {
        if (f.literalCall) {
            // Literal arguments: the list built at parse time (a literal is never untrusted),
            // the arity checked then too: the filter is called directly.
            const bool untrusted = track && containsUntrusted(*cur);
            Value &v = results.emplace([&] {
                return f.fn->fn(st, *cur, ArgList{f.literalArgs.data(), f.literalArgs.size()},
                                nullptr);
            });
            cur = &v;
            st.checkFilterResult(v);
            if (untrusted && v.isString() && !f.fn->escapes)
                v = v.withUntrusted(true);
            continue;
        }
        // Arguments live in a small on-stack array (filters take at most 3), constructed
        // only as far as used (zeroing four Values per filter call showed in profiles).
        const std::size_t count = f.args.size() + (f.kwargs.empty() ? 0 : 1);
        ArgSlots argv(count);
        bool untrusted = track && containsUntrusted(*cur);
        for (const ExprPtr &a : f.args) {
            const Value &added = argv.emplace([&] { return a->evaluate(st); });
            untrusted = untrusted || (track && containsUntrusted(added));
        }
        if (!f.kwargs.empty()) {
            Hash h;
            for (const auto &[key, e] : f.kwargs)
                h.set(key, e->evaluate(st));
            argv.emplace([&] { return Value(std::move(h)); });
        }
        if (!f.fn) {
            if (st.opt.strictFilters)
                st.fatal("undefined filter " + f.name);
            continue; // Shopify: an unknown filter passes its input through
        }
        Value &v = results.emplace([&] {
            return callFilter(st, f, *cur, ArgList{argv.p, argv.n});
        });
        cur = &v;
        st.checkFilterResult(v);
        if (untrusted && v.isString() && !f.fn->escapes)
            v = v.withUntrusted(true);
    }
    return *cur;
}
} // namespace

Value VariableExpr::applyFilters(RenderState &st, const Value &input) const
{
    ResultSlots results;
    const Value &r = runFilters(*this, st, input, results);
    return &r == &input ? input : std::move(*results.live());
}

// ------------------------------------------------------------------- conditions

namespace {

bool equalVariables(const Expr &le, const Value &l, const Expr &re, const Value &r)
{
    // Shopify: `empty` / `blank` are method literals: x == empty is x.empty?; blank? does
    // not exist on plain Ruby objects, so comparing with blank is always false.
    if (le.kind == Expr::Kind::EmptyLiteral)
        return re.kind != Expr::Kind::EmptyLiteral && re.kind != Expr::Kind::BlankLiteral &&
               rubyRespondsToEmpty(r) && rubyEmpty(r); // a method literal has no empty?
    if (le.kind == Expr::Kind::BlankLiteral)
        return false;
    if (re.kind == Expr::Kind::EmptyLiteral)
        return rubyRespondsToEmpty(l) && rubyEmpty(l);
    if (re.kind == Expr::Kind::BlankLiteral)
        return false;
    return l == r;
}

int compareOrThrow(const Value &l, const Value &r, bool &comparable)
{
    comparable = true;
    if (l.isNumber() && r.isNumber()) {
        if (l.isInt() && r.isInt())
            return l.toInt() < r.toInt() ? -1 : (l.toInt() > r.toInt() ? 1 : 0);
        if (l.isBigInt() || r.isBigInt()) {
            // Ruby compares a Bignum with an Integer or Float exactly.
            int c;
            if (l.isInteger() && r.isInteger()) {
                const Int128 x = l.toInt128(), y = r.toInt128();
                c = x < y ? -1 : (x > y ? 1 : 0);
            } else {
                c = l.isInteger() ? compareIntFloat(l.toInt128(), r.toFloat())
                                  : -compareIntFloat(r.toInt128(), l.toFloat());
            }
            comparable = c != 2 && c != -2; // NaN
            return comparable ? c : 0;
        }
        const double x = l.isInt() ? static_cast<double>(l.toInt()) : l.toFloat();
        const double y = r.isInt() ? static_cast<double>(r.toInt()) : r.toFloat();
        if (x != x || y != y) {
            comparable = false;
            return 0;
        }
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (l.isString() && r.isString()) {
        const int c = l.str().compare(r.str());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    const bool lc = l.isNumber() || l.isString();
    const bool rc = r.isNumber() || r.isString();
    if (!lc || !rc) {
        comparable = false; // Shopify: the operator is not defined, the result is nil
        return 0;
    }
    std::string msg = "comparison of ";
    msg += rubyClass(l);
    msg += " with ";
    if (l.isString())
        r.appendInspect(msg);
    else
        msg += rubyClass(r);
    msg += " failed";
    throw RenderError{msg};
}

} // namespace

bool Condition::evaluate(RenderState &st) const
{
    Value ls;
    const Value &l = *left->resolve(st, ls);
    if (opKind == Op::None)
        return l.truthy();
    Value rs;
    const Value &r = *right->resolve(st, rs);
    if (opKind == Op::Eq)
        return equalVariables(*left, l, *right, r);
    if (opKind == Op::Ne)
        return !equalVariables(*left, l, *right, r);
    if (opKind == Op::Contains) {
        if (!l.truthy() || !r.truthy())
            return false;
        // Shopify: a method literal has no include?; on the right it is only ever found in
        // a string (as its to_s, "").
        if (left->kind == Expr::Kind::EmptyLiteral || left->kind == Expr::Kind::BlankLiteral)
            return false;
        if (right->kind == Expr::Kind::EmptyLiteral || right->kind == Expr::Kind::BlankLiteral)
            return l.isString();
        if (l.isString()) {
            // Ruby's to_s: an array or hash is its inspect text, not Liquid's output form.
            std::string needle;
            if (r.isArray() || r.isHash())
                r.appendInspect(needle);
            else
                r.appendTo(needle);
            return l.str().find(needle) != std::string::npos;
        }
        if (l.isArray()) {
            for (const Value &e : l.array())
                if (e == r)
                    return true;
            return false;
        }
        if (l.isHash())
            return r.isString() && l.hash().contains(r.str());
        if (l.isRange() && r.isNumber()) {
            const double x = r.toDouble();
            return x >= static_cast<double>(l.rangeFirst()) &&
                   x <= static_cast<double>(l.rangeLast());
        }
        return false;
    }
    // Shopify: `empty` / `blank` are method literals, which have no < or >: false.
    if (left->kind == Expr::Kind::EmptyLiteral || left->kind == Expr::Kind::BlankLiteral ||
        right->kind == Expr::Kind::EmptyLiteral || right->kind == Expr::Kind::BlankLiteral)
        return false;
    bool comparable;
    const int c = compareOrThrow(l, r, comparable);
    if (!comparable)
        return false;
    switch (opKind) {
    case Op::Lt:
        return c < 0;
    case Op::Gt:
        return c > 0;
    case Op::Le:
        return c <= 0;
    case Op::Ge:
        return c >= 0;
    default:
        throw RenderError{"Unknown operator " + op};
    }
}

bool ConditionChain::evaluate(RenderState &st) const
{
    if (isElse)
        return true;
    // Shopify: "a and b or c" is a and (b or c) -- evaluated from the left, each
    // operator binding everything to its right.
    bool result = false;
    for (const Condition &c : parts) {
        result = c.evaluate(st);
        if (c.rel == Condition::Rel::Or && result)
            break;
        if (c.rel == Condition::Rel::And && !result)
            break;
        if (c.rel == Condition::Rel::None)
            break;
    }
    return result;
}

// ------------------------------------------------------------------- nodes

void Body::render(RenderState &st, std::string &out) const
{
    for (const NodePtr &n : nodes) {
        if (n->isText) {
            out += static_cast<const TextNode *>(n.get())->text; // bounded by the template
            continue;
        }
        {
            try {
                n->render(st, out);
            } catch (RenderError &e) {
                if (e.fatal || !st.opt.inlineErrors) {
                    if (!e.line)
                        e.line = n->line;
                    e.fatal = true;
                    throw;
                }
                // Shopify: errors in "blank" tags (assign, capture, blank if/for ...) are
                // recorded but not printed.
                if (n->isOutput || !n->blank) {
                    out += "Liquid error (line ";
                    out += std::to_string(n->line);
                    out += "): ";
                    out += e.message;
                }
            }
            if (st.interrupt != RenderState::Interrupt::None)
                break;
        }
        st.checkOutput(out);
    }
}

void TextNode::render(RenderState &, std::string &out) const
{
    out += text;
}

void OutputNode::render(RenderState &st, std::string &out) const
{
    if (!var.expr)
        return;
    // A trusted string -- nearly every output -- is appended right here.
    auto print = [&](const Value &v) {
        if (v.isString() && !v.isUntrusted())
            out.append(v.str().data(), v.str().size());
        else
            appendOutput(st, v, out);
    };
    Value scratch; // print in place: no copy of the value or of the filters' result
    const Value &v = *var.expr->resolve(st, scratch);
    if (var.filters.empty()) {
        print(v);
        return;
    }
    ResultSlots results;
    print(runFilters(var, st, v, results));
}

void AssignNode::render(RenderState &st, std::string &) const
{
    st.setLocal(localSlot, to, var.evaluate(st));
}

void CaptureNode::render(RenderState &st, std::string &out) const
{
    if (++st.depth > st.opt.maxRenderDepth)
        st.fatal("nesting too deep");
    std::string captured;
    const std::size_t before = st.captureBytes;
    st.captureBytes += out.size();
    try {
        body.render(st, captured);
    } catch (...) {
        st.captureBytes = before;
        --st.depth;
        throw;
    }
    st.captureBytes = before;
    --st.depth;
    st.setLocal(localSlot, to, Value(std::move(captured)));
}

void IfNode::render(RenderState &st, std::string &out) const
{
    for (std::size_t i = 0; i < branches.size(); ++i) {
        const Branch &b = branches[i];
        bool r = b.cond.evaluate(st);
        if (unless && i == 0)
            r = !r;
        if (r) {
            b.body.render(st, out);
            return;
        }
    }
}

void CaseNode::render(RenderState &st, std::string &out) const
{
    // Shopify: each `when` is a condition `subject == value`, so the subject is evaluated
    // per when -- never without a when (its errors do not show), and again after a body
    // ran (the body may have assigned it). Between bodies it cannot change: evaluated once.
    Value l;
    bool haveSubject = false;
    bool runElse = true;
    // Shopify: every matching `when` renders (even twice for `when a, a`), and an else
    // renders when no earlier when matched.
    for (const When &w : whens) {
        if (w.isElse) {
            if (runElse) {
                bodies[static_cast<std::size_t>(w.body)].render(st, out);
                haveSubject = false;
            }
            continue;
        }
        if (!haveSubject) {
            l = left->evaluate(st);
            haveSubject = true;
        }
        Value rs; // read in place: compared before anything else runs
        if (equalVariables(*left, l, *w.value, *w.value->resolve(st, rs))) {
            runElse = false;
            bodies[static_cast<std::size_t>(w.body)].render(st, out);
            haveSubject = false;
        }
    }
}

namespace {

/// One level of nesting for the span of a tag's body: counted against the depth limit,
/// and the loop entries the tag pushes are popped again however the body ends (a render
/// error thrown from inside included).
class NestingScope {
public:
    explicit NestingScope(RenderState &st) : m_st(st), m_loopBase(st.loopVars.size())
    {
        if (++st.depth > st.opt.maxRenderDepth)
            st.fatal("nesting too deep");
    }
    ~NestingScope()
    {
        m_st.loopVars.resize(m_loopBase);
        --m_st.depth;
    }
    NestingScope(const NestingScope &) = delete;
    NestingScope &operator=(const NestingScope &) = delete;
    std::size_t loopBase() const { return m_loopBase; }

private:
    RenderState &m_st;
    std::size_t m_loopBase;
};

} // namespace

void ForNode::render(RenderState &st, std::string &out) const
{
    std::int64_t from = 0;
    std::int64_t *offsetSlot = nullptr;
    for (auto &o : st.forOffsets)
        if (o.first == name)
            offsetSlot = &o.second;
    if (offsetContinue) {
        from = offsetSlot ? *offsetSlot : 0;
    } else if (offset) {
        const Value v = offset->evaluate(st);
        from = v.isNil() ? 0 : toInteger(v);
    }
    const Value coll = collection->evaluate(st);
    std::optional<std::int64_t> to;
    if (limit) {
        const Value v = limit->evaluate(st);
        if (!v.isNil())
            to = satAdd(toInteger(v), from);
    }
    // Utils.slice_collection: items with from <= index < to.
    std::int64_t total = 0;
    Array pairs; // a hash iterates as [key, value] pairs
    ArrayView items;
    bool hasItems = false;
    if (coll.isArray()) {
        items = coll.array();
        hasItems = true;
        total = static_cast<std::int64_t>(items.size());
    } else if (coll.isRange()) {
        total = rangeCount(coll);
    } else if (coll.isHash()) {
        for (const auto &[k, v] : coll.hash())
            pairs.emplace_back(Array{Value(k), v});
        items = ArrayView(pairs);
        hasItems = true;
        total = static_cast<std::int64_t>(pairs.size());
    } else if (coll.isString()) {
        // Shopify: a string is one item (offset and limit ignored), unless it is empty.
        total = coll.str().empty() ? 0 : 1;
    }
    std::int64_t begin = std::max<std::int64_t>(0, from);
    std::int64_t end = total;
    if (coll.isString()) {
        begin = 0;
    } else if (to) {
        end = std::min(end, std::max<std::int64_t>(*to, 0));
    }
    const std::int64_t count = std::max<std::int64_t>(0, end - begin);
    if (offsetSlot)
        *offsetSlot = satAdd(from, count);
    else
        st.forOffsets.emplace_back(name, satAdd(from, count));
    if (count == 0) {
        if (hasElse)
            elseBody.render(st, out);
        return;
    }
    const NestingScope nesting(st);
    ForloopFrame frame;
    frame.name = &name;
    frame.length = count;
    for (auto it = st.loopVars.rbegin(); it != st.loopVars.rend(); ++it)
        if (it->frame) {
            frame.parent = const_cast<ForloopFrame *>(it->frame);
            break;
        }
    const std::size_t scopeBase = nesting.loopBase();
    st.loopVars.push_back({&kForloop, Value(), &frame});
    st.loopVars.push_back({&var, Value(), nullptr});
    for (std::int64_t n = 0; n < count; ++n) {
        st.countIteration();
        const std::int64_t k = reversed ? end - 1 - n : begin + n;
        // Assigning to the loop variable inside the body goes to the outer scope, so
        // the slot is refreshed every iteration. Array items are referenced in place
        // (coll keeps them alive), not copied.
        RenderState::Scope &slot = st.loopVars[scopeBase + 1];
        slot.iteration = ++st.scratch.itemSerial;
        if (hasItems)
            slot.ref = &items[static_cast<std::size_t>(k)];
        else if (coll.isRange())
            slot.value = Value(coll.rangeFirst() + k);
        else
            slot.ref = &coll;
        frame.index0 = n;
        body.render(st, out);
        st.checkOutput(out); // text-only bodies are not checked node by node
        if (st.interrupt != RenderState::Interrupt::None) {
            const bool brk = st.interrupt == RenderState::Interrupt::Break;
            st.interrupt = RenderState::Interrupt::None;
            if (brk)
                break;
        }
    }
}

namespace {

/// Ruby's to_i of a tag attribute (tablerow's cols, limit, offset): nil is 0, a float is
/// truncated, a string is read as far as it is an integer; true, arrays and hashes have
/// no to_i (Ruby's NoMethodError, printed as "internal").
std::int64_t rubyToI(const Value &v)
{
    if (v.isNil())
        return 0;
    if (v.isInt())
        return v.toInt();
    if (v.isFloat()) {
        const double d = v.toFloat();
        if (d != d || d > 9.2e18 || d < -9.2e18)
            throw RenderError{"internal"};
        return static_cast<std::int64_t>(d);
    }
    if (!v.isString())
        throw RenderError{"internal"};
    return rubyStringToI(v.str());
}

const std::string kTablerowloop = "tablerowloop";

} // namespace

void TablerowNode::render(RenderState &st, std::string &out) const
{
    const Value coll = collection->evaluate(st);
    if (!coll.truthy())
        return; // Shopify: nothing at all, not even the <tr>
    const std::int64_t from = offset ? rubyToI(offset->evaluate(st)) : 0;
    std::optional<std::int64_t> to;
    if (limit)
        to = satAdd(from, rubyToI(limit->evaluate(st)));
    const std::int64_t colCount = cols ? rubyToI(cols->evaluate(st)) : 0;
    // Utils.slice_collection_using_each: a (non-empty) string is one item whatever the
    // offset; arrays are not flattened; a hash gives [key, value] pairs; a number none.
    Array pairs;
    ArrayView items;
    std::int64_t total = 0;
    if (coll.isArray()) {
        items = coll.array();
        total = static_cast<std::int64_t>(items.size());
    } else if (coll.isHash()) {
        for (const auto &[k, v] : coll.hash())
            pairs.emplace_back(Array{Value(k), v});
        items = ArrayView(pairs);
        total = static_cast<std::int64_t>(pairs.size());
    } else if (coll.isRange()) {
        total = rangeCount(coll);
    } else if (coll.isString()) {
        total = coll.str().empty() ? 0 : 1;
    }
    std::int64_t begin = std::max<std::int64_t>(0, from), end = total;
    if (coll.isString())
        begin = 0;
    else if (to)
        end = std::min(end, std::max<std::int64_t>(*to, 0));
    const std::int64_t length = std::max<std::int64_t>(0, end - begin);

    out += "<tr class=\"row1\">\n";
    const NestingScope nesting(st);
    const std::size_t scopeBase = nesting.loopBase();
    st.loopVars.push_back({&kTablerowloop, Value(), nullptr});
    st.loopVars.push_back({&var, Value(), nullptr});
    std::int64_t row = 1, col = 1;
    for (std::int64_t n = 0; n < length; ++n) {
        st.countIteration();
        // TablerowloopDrop's fields (a hash here: the drop's own printing is not kept)
        Hash loop;
        loop.append("length", Value(length));
        loop.append("col", Value(col));
        loop.append("row", Value(row));
        loop.append("index", Value(n + 1));
        loop.append("index0", Value(n));
        loop.append("col0", Value(col - 1));
        loop.append("rindex", Value(length - n));
        loop.append("rindex0", Value(length - n - 1));
        loop.append("first", Value(n == 0));
        loop.append("last", Value(n == length - 1));
        loop.append("col_first", Value(col == 1));
        loop.append("col_last", Value(col == colCount));
        st.loopVars[scopeBase].value = Value(std::move(loop));
        RenderState::Scope &slot = st.loopVars[scopeBase + 1];
        // A new item: paths remembered below the previous one (Expr::itemPathSlot, also
        // filled by an earlier for loop over the same name) must not answer for it.
        slot.iteration = ++st.scratch.itemSerial;
        const std::int64_t k = begin + n;
        if (coll.isArray() || coll.isHash())
            slot.ref = &items[static_cast<std::size_t>(k)];
        else if (coll.isRange())
            slot.value = Value(coll.rangeFirst() + k);
        else
            slot.ref = &coll;
        out += "<td class=\"col";
        out += std::to_string(col);
        out += "\">";
        body.render(st, out);
        out += "</td>";
        if (col == colCount && n != length - 1) {
            out += "</tr>\n<tr class=\"row";
            out += std::to_string(row + 1);
            out += "\">";
        }
        st.checkOutput(out);
        // Shopify: the loop does not look at break/continue (the interrupt stays set).
        if (col == colCount) {
            col = 1;
            ++row;
        } else {
            ++col;
        }
    }
    out += "</tr>\n";
}

void IncludeNode::render(RenderState &st, std::string &) const
{
    if (!templateName->evaluate(st).truthy())
        throw RenderError{"Argument error in tag 'include' - Illegal template name"};
    throw RenderError{"This liquid context does not allow includes."};
}

void IfchangedNode::render(RenderState &st, std::string &out) const
{
    std::string block;
    body.render(st, block);
    // The last output lives with the assigns under a name no template can write.
    static const std::string key = std::string("\x01ifchanged");
    for (auto &l : st.locals) {
        if (l.first == key) {
            if (l.second.isString() && l.second.str() == block)
                return;
            l.second = Value(block);
            out += block;
            return;
        }
    }
    st.locals.emplace_back(key, Value(block));
    out += block;
}

void CycleNode::render(RenderState &st, std::string &out) const
{
    std::string k;
    if (group) {
        const Value g = group->evaluate(st);
        if (g.isString())
            k = g.str();
        else {
            k = "\x01";
            g.appendInspect(k);
        }
    } else {
        k = key;
    }
    std::int64_t *slot = nullptr;
    for (auto &c : st.cycles)
        if (c.first == k)
            slot = &c.second;
    if (!slot) {
        st.cycles.emplace_back(k, 0);
        slot = &st.cycles.back().second;
    }
    std::int64_t iteration = *slot;
    if (values.empty())
        return;
    // Shopify: a group shared by cycles of different lengths can point past this one's
    // values; Ruby then prints nil (nothing) and starts over.
    if (iteration >= 0 && iteration < static_cast<std::int64_t>(values.size()))
        appendOutput(st, values[static_cast<std::size_t>(iteration)]->evaluate(st), out);
    ++iteration;
    if (iteration >= static_cast<std::int64_t>(values.size()))
        iteration = 0;
    // the slot may have moved if the vector grew during evaluate; look it up again
    for (auto &c : st.cycles)
        if (c.first == k)
            c.second = iteration;
}

void CounterNode::render(RenderState &st, std::string &out) const
{
    Value *slot = nullptr;
    for (auto &c : st.counters)
        if (c.first == name)
            slot = &c.second;
    if (!slot) {
        // Shopify: counters live in the data hash, so they start from a data value.
        const Value *d = st.data.hash().find(name);
        // (`data[name] ||= 0`: false starts from 0 too.)
        st.counters.emplace_back(name, d && d->truthy() ? *d : Value(0));
        slot = &st.counters.back().second;
    }
    // Shopify: `"a" + 1` raises a Ruby TypeError, which Liquid prints as "internal".
    if (!slot->isNumber())
        throw RenderError{"internal"};
    std::int64_t sum = 0;
    Int128 big = 0;
    Value next = slot->isFloat() ? Value(slot->toFloat() + step)
                 : slot->isInt() && !__builtin_add_overflow(slot->toInt(), step, &sum) ? Value(sum)
                 // Ruby: a Bignum (exact to 128 bits, a float beyond)
                 : !__builtin_add_overflow(slot->toInt128(), Int128(step), &big)
                     ? Value::integer(big)
                     : Value(slot->toDouble() + step);
    if (step > 0) {
        slot->appendTo(out);
        *slot = next;
    } else {
        *slot = next;
        slot->appendTo(out);
    }
}

void InterruptNode::render(RenderState &st, std::string &) const
{
    st.interrupt = isBreak ? RenderState::Interrupt::Break : RenderState::Interrupt::Continue;
}

void ErrorNode::render(RenderState &, std::string &) const
{
    throw RenderError{message};
}

} // namespace mw::liquid::detail
