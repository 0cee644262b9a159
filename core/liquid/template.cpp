#include "liquid/template.h"
#include "liquid/ast.h"
#include "liquid/nodes.h"

#include <algorithm>
#include <map>
#include <set>

namespace mw::liquid {
namespace detail {
struct TemplateData {
    Body body;
};
} // namespace detail

namespace {
using namespace detail;

template <typename F> void forEachExpr(Expr *e, const F &f)
{
    if (!e)
        return;
    f(*e);
    forEachExpr(e->nameExpr.get(), f);
    for (auto &l : e->lookups)
        forEachExpr(l.expr.get(), f);
    forEachExpr(e->rangeFirst.get(), f);
    forEachExpr(e->rangeLast.get(), f);
}

template <typename F> void forEachExpr(VariableExpr &v, const F &f)
{
    forEachExpr(v.expr.get(), f);
    for (auto &flt : v.filters) {
        for (auto &a : flt.args)
            forEachExpr(a.get(), f);
        for (auto &a : flt.kwargs)
            forEachExpr(a.second.get(), f);
    }
}

/// Visits every expression of the tree (f) and every name a tag binds (bind).
template <typename F, typename B> void walk(Body &b, const F &f, const B &bind)
{
    for (auto &n : b.nodes) {
        if (auto *o = dynamic_cast<OutputNode *>(n.get())) {
            forEachExpr(o->var, f);
        } else if (auto *a = dynamic_cast<AssignNode *>(n.get())) {
            forEachExpr(a->var, f);
            bind(a->to);
        } else if (auto *c = dynamic_cast<CaptureNode *>(n.get())) {
            walk(c->body, f, bind);
            bind(c->to);
        } else if (auto *i = dynamic_cast<IfNode *>(n.get())) {
            for (auto &br : i->branches) {
                for (auto &c2 : br.cond.parts) {
                    forEachExpr(c2.left.get(), f);
                    forEachExpr(c2.right.get(), f);
                }
                walk(br.body, f, bind);
            }
        } else if (auto *cs = dynamic_cast<CaseNode *>(n.get())) {
            forEachExpr(cs->left.get(), f);
            for (auto &w : cs->whens)
                forEachExpr(w.value.get(), f);
            for (auto &bd : cs->bodies)
                walk(bd, f, bind);
        } else if (auto *fo = dynamic_cast<ForNode *>(n.get())) {
            forEachExpr(fo->collection.get(), f);
            forEachExpr(fo->limit.get(), f);
            forEachExpr(fo->offset.get(), f);
            bind(fo->var);
            bind("forloop");
            if (auto *tr = dynamic_cast<TablerowNode *>(fo)) {
                bind("tablerowloop");
                forEachExpr(tr->cols.get(), f);
            }
            walk(fo->body, f, bind);
            walk(fo->elseBody, f, bind);
        } else if (auto *ic = dynamic_cast<IfchangedNode *>(n.get())) {
            walk(ic->body, f, bind);
        } else if (auto *cy = dynamic_cast<CycleNode *>(n.get())) {
            forEachExpr(cy->group.get(), f);
            for (auto &v : cy->values)
                forEachExpr(v.get(), f);
        } else if (auto *cn = dynamic_cast<CounterNode *>(n.get())) {
            bind(cn->name);
        }
    }
}

/// The slot of a lookup path in `table` (numbered in order of first use, at most `limit`;
/// -1 when full): `path` (what the keys hang from) followed by each key with its length in
/// front, since keys may hold any byte. A dot command (`h.first`, Hash#first when there
/// is no such key) is not the bracket lookup `h['first']`, so the two get different slots.
int pathSlot(std::map<std::string, int, std::less<>> &table, std::size_t limit, std::string path,
             const std::vector<Lookup> &lookups)
{
    for (const Lookup &l : lookups) {
        path += std::to_string(l.key.str().size()) + (l.command ? '.' : ':');
        path += l.key.str();
    }
    auto it = table.find(path);
    if (it == table.end() && table.size() < limit)
        it = table.emplace(std::move(path), static_cast<int>(table.size())).first;
    return it == table.end() ? -1 : it->second;
}

/// Points lookups of a for loop's variable inside its body at the loop's entry in
/// RenderState::loopVars: ForNode is the only node that pushes entries there (two per
/// loop: forloop, then the variable), so inside the body of the k-th enclosing loop the
/// variable sits at index 2k+1 -- and the innermost loop with that name is the one a
/// search by name would find.
void assignLoopSlots(Body &body, std::vector<const std::string *> &fors,
                     std::map<std::string, int, std::less<>> &itemPaths)
{
    auto slot = [&](Expr &e) {
        if (e.kind != Expr::Kind::Variable || !e.simple)
            return;
        if (e.name.str() == "forloop") {
            // The innermost loop's forloop is entry 2k; a search by name finds it first
            // unless that loop's own variable is called forloop (entry 2k + 1).
            if (fors.empty() || *fors.back() == "forloop" || e.lookups.size() != 1)
                return;
            static const std::pair<std::string_view, Expr::LoopProp> props[] = {
                {"index", Expr::LoopProp::Index},   {"index0", Expr::LoopProp::Index0},
                {"rindex", Expr::LoopProp::Rindex}, {"rindex0", Expr::LoopProp::Rindex0},
                {"first", Expr::LoopProp::First},   {"last", Expr::LoopProp::Last},
                {"length", Expr::LoopProp::Length},
            };
            for (const auto &[propName, prop] : props) {
                if (e.lookups[0].key.str() == propName) {
                    e.loopProp = prop;
                    e.loopSlot = static_cast<int>(2 * (fors.size() - 1));
                    e.loopName = fors.back();
                    e.simple = false; // resolveFast would only give up on the drop
                }
            }
            return;
        }
        for (std::size_t k = fors.size(); k-- > 0;) {
            if (*fors[k] == e.name.str()) {
                e.loopSlot = static_cast<int>(2 * k + 1);
                e.loopName = fors[k];
                if (!e.lookups.empty()) // the loop (by its position), then the keys
                    e.itemPathSlot = pathSlot(itemPaths, RenderScratch::kItemPathSlots,
                                              std::to_string(k) + '/', e.lookups);
                return;
            }
        }
    };
    auto exprs = [&](Expr *e) { forEachExpr(e, slot); };
    for (auto &n : body.nodes) {
        if (auto *o = dynamic_cast<OutputNode *>(n.get())) {
            forEachExpr(o->var, slot);
        } else if (auto *a = dynamic_cast<AssignNode *>(n.get())) {
            forEachExpr(a->var, slot);
        } else if (auto *c = dynamic_cast<CaptureNode *>(n.get())) {
            assignLoopSlots(c->body, fors, itemPaths);
        } else if (auto *i = dynamic_cast<IfNode *>(n.get())) {
            for (auto &br : i->branches) {
                for (auto &c2 : br.cond.parts) {
                    exprs(c2.left.get());
                    exprs(c2.right.get());
                }
                assignLoopSlots(br.body, fors, itemPaths);
            }
        } else if (auto *cs = dynamic_cast<CaseNode *>(n.get())) {
            exprs(cs->left.get());
            for (auto &w : cs->whens)
                exprs(w.value.get());
            for (auto &bd : cs->bodies)
                assignLoopSlots(bd, fors, itemPaths);
        } else if (auto *fo = dynamic_cast<ForNode *>(n.get())) {
            exprs(fo->collection.get()); // evaluated before the loop's entries are pushed
            exprs(fo->limit.get());
            exprs(fo->offset.get());
            if (auto *tr = dynamic_cast<TablerowNode *>(fo))
                exprs(tr->cols.get());
            fors.push_back(&fo->var);
            assignLoopSlots(fo->body, fors, itemPaths);
            fors.pop_back();
            assignLoopSlots(fo->elseBody, fors, itemPaths); // runs when nothing was pushed
        } else if (auto *ic = dynamic_cast<IfchangedNode *>(n.get())) {
            assignLoopSlots(ic->body, fors, itemPaths);
        } else if (auto *cy = dynamic_cast<CycleNode *>(n.get())) {
            exprs(cy->group.get());
            for (auto &v : cy->values)
                exprs(v.get());
        }
    }
}

/// Marks the variable lookups whose root name no tag of the template binds: they skip the
/// scope search at render time. Any other node kind binds nothing (checked in nodes.cpp:
/// only assign, capture, for and increment/decrement write variables).
void markDataOnlyLookups(Body &body)
{
    std::set<std::string, std::less<>> bound;
    walk(
        body, [](Expr &) {}, [&](const std::string &name) { bound.insert(name); });
    std::map<std::string, int, std::less<>> rootSlots;
    std::map<std::string, int, std::less<>> pathSlots;
    walk(
        body,
        [&](Expr &e) {
            e.dataOnly = e.kind == Expr::Kind::Variable && e.simple && !bound.count(e.name.str());
            if (!e.dataOnly)
                return;
            if (!e.lookups.empty()) // the root name, then the keys
                e.pathSlot =
                    pathSlot(pathSlots, RenderState::kPathSlots,
                             std::to_string(e.name.str().size()) + ':' + std::string(e.name.str()),
                             e.lookups);
            auto it = rootSlots.find(e.name.str());
            if (it == rootSlots.end() && rootSlots.size() < RenderState::kRootSlots)
                it =
                    rootSlots.emplace(std::string(e.name.str()), static_cast<int>(rootSlots.size()))
                        .first;
            e.rootSlot = it == rootSlots.end() ? -1 : it->second;
        },
        [](const std::string &) {});
}
/// Calls f on every node of the tree, parents before their children: every block tag's
/// bodies are visited (one place that knows them, so no walk misses a tag's body).
template <typename F> void forEachNode(Body &b, const F &f)
{
    for (auto &n : b.nodes) {
        f(*n);
        if (auto *c = dynamic_cast<CaptureNode *>(n.get())) {
            forEachNode(c->body, f);
        } else if (auto *i = dynamic_cast<IfNode *>(n.get())) {
            for (auto &br : i->branches)
                forEachNode(br.body, f);
        } else if (auto *cs = dynamic_cast<CaseNode *>(n.get())) {
            for (auto &bd : cs->bodies)
                forEachNode(bd, f);
        } else if (auto *fo = dynamic_cast<ForNode *>(n.get())) {
            forEachNode(fo->body, f);
            forEachNode(fo->elseBody, f);
        } else if (auto *ic = dynamic_cast<IfchangedNode *>(n.get())) {
            forEachNode(ic->body, f);
        }
    }
}

/// Numbers the names that assign/capture bind (see Expr::localSlot) and points the tags
/// and the lookups of names no for loop or counter binds at them.
void assignLocalSlots(Body &root)
{
    std::map<std::string, int, std::less<>> slotOf;
    std::set<std::string, std::less<>> otherBound; // for variables, forloop, counters
    auto number = [&](const std::string &name) {
        auto it = slotOf.find(name);
        if (it == slotOf.end() && slotOf.size() < RenderState::kLocalSlots)
            it = slotOf.emplace(name, static_cast<int>(slotOf.size())).first;
        return it == slotOf.end() ? -1 : it->second;
    };
    forEachNode(root, [&](Node &n) {
        if (auto *a = dynamic_cast<AssignNode *>(&n))
            a->localSlot = number(a->to);
        else if (auto *c = dynamic_cast<CaptureNode *>(&n))
            c->localSlot = number(c->to);
    });
    // A name a for loop or counter binds too may sit in loopVars or counters: no slot.
    forEachNode(root, [&](Node &n) {
        if (auto *fo = dynamic_cast<ForNode *>(&n)) {
            otherBound.insert(fo->var);
            otherBound.insert("forloop");
            otherBound.insert("tablerowloop");
        } else if (auto *cn = dynamic_cast<CounterNode *>(&n)) {
            otherBound.insert(cn->name);
        }
    });
    walk(
        root,
        [&](Expr &e) {
            if (e.kind != Expr::Kind::Variable || !e.simple || otherBound.count(e.name.str()))
                return;
            auto it = slotOf.find(e.name.str());
            if (it != slotOf.end())
                e.localSlot = it->second;
        },
        [](const std::string &) {});
}
} // namespace

Template::Template(std::unique_ptr<detail::TemplateData> data) : m_data(std::move(data)) {}
Template::~Template() = default;

Result<std::shared_ptr<const Template>> Template::parse(std::string_view source,
                                                        const ParseOptions &options)
{
    auto data = std::make_unique<detail::TemplateData>();
    Status st = detail::parseTemplate(source, options, data->body);
    if (!st)
        return st.error();
    markDataOnlyLookups(data->body);
    assignLocalSlots(data->body);
    std::vector<const std::string *> fors;
    std::map<std::string, int, std::less<>> itemPaths;
    assignLoopSlots(data->body, fors, itemPaths);
    return std::shared_ptr<const Template>(std::make_shared<Template>(std::move(data)));
}

Status Template::render(const Value &data, const RenderOptions &options, std::string &out) const
{
    // The thread's scratch containers, unless a render is already running on this thread
    // (a hook that renders): then this one gets its own.
    thread_local detail::RenderScratch threadScratch;
    std::unique_ptr<detail::RenderScratch> own;
    detail::RenderScratch *scratch = &threadScratch;
    if (scratch->inUse) {
        own = std::make_unique<detail::RenderScratch>();
        scratch = own.get();
    }
    scratch->inUse = true;
    scratch->text.reset();
    struct Release {
        detail::RenderScratch *s;
        ~Release()
        {
            s->clear(); // drop the values before the arena they may point into is reused
            s->inUse = false;
        }
    } release{scratch};
    detail::RenderState st(options, data, *scratch);
    st.outputBase = out.size();
    st.rootOut = &out;
    try {
        m_data->body.render(st, out);
    } catch (const detail::RenderError &e) {
        return Error(Error::Code::BadInput, QString::fromStdString(e.message), e.line, 0);
    }
    return {};
}

Result<std::string> Template::render(const Value &data, const RenderOptions &options) const
{
    std::string out;
    Status st = render(data, options, out);
    if (!st)
        return st.error();
    return out;
}

namespace {
void collectExpr(const detail::Expr *e, std::set<std::string> &out)
{
    if (!e)
        return;
    if (e->kind == detail::Expr::Kind::Variable && !e->text.empty())
        out.insert(e->text);
    collectExpr(e->nameExpr.get(), out);
    for (const auto &l : e->lookups)
        collectExpr(l.expr.get(), out);
    collectExpr(e->rangeFirst.get(), out);
    collectExpr(e->rangeLast.get(), out);
}
void collectVar(const detail::VariableExpr &v, std::set<std::string> &out)
{
    collectExpr(v.expr.get(), out);
    for (const auto &f : v.filters) {
        for (const auto &a : f.args)
            collectExpr(a.get(), out);
        for (const auto &a : f.kwargs)
            collectExpr(a.second.get(), out);
    }
}
void collectBody(const detail::Body &b, std::set<std::string> &out, std::set<std::string> &locals)
{
    using namespace detail;
    for (const auto &n : b.nodes) {
        if (auto *o = dynamic_cast<const OutputNode *>(n.get())) {
            collectVar(o->var, out);
        } else if (auto *a = dynamic_cast<const AssignNode *>(n.get())) {
            collectVar(a->var, out);
            locals.insert(a->to);
        } else if (auto *c = dynamic_cast<const CaptureNode *>(n.get())) {
            collectBody(c->body, out, locals);
            locals.insert(c->to);
        } else if (auto *i = dynamic_cast<const IfNode *>(n.get())) {
            for (const auto &br : i->branches) {
                for (const auto &c2 : br.cond.parts) {
                    collectExpr(c2.left.get(), out);
                    collectExpr(c2.right.get(), out);
                }
                collectBody(br.body, out, locals);
            }
        } else if (auto *cs = dynamic_cast<const CaseNode *>(n.get())) {
            collectExpr(cs->left.get(), out);
            for (const auto &w : cs->whens)
                collectExpr(w.value.get(), out);
            for (const auto &bd : cs->bodies)
                collectBody(bd, out, locals);
        } else if (auto *f = dynamic_cast<const ForNode *>(n.get())) {
            collectExpr(f->collection.get(), out);
            collectExpr(f->limit.get(), out);
            collectExpr(f->offset.get(), out);
            locals.insert(f->var);
            locals.insert("forloop");
            if (auto *tr = dynamic_cast<const TablerowNode *>(f)) {
                locals.insert("tablerowloop");
                collectExpr(tr->cols.get(), out);
            }
            collectBody(f->body, out, locals);
            collectBody(f->elseBody, out, locals);
        } else if (auto *ic = dynamic_cast<const IfchangedNode *>(n.get())) {
            collectBody(ic->body, out, locals);
        } else if (auto *cy = dynamic_cast<const CycleNode *>(n.get())) {
            for (const auto &v : cy->values)
                collectExpr(v.get(), out);
        }
    }
}
} // namespace

std::vector<std::string> Template::referencedVariables() const
{
    std::set<std::string> all, locals;
    collectBody(m_data->body, all, locals);
    std::vector<std::string> out;
    for (const std::string &p : all) {
        std::size_t end = p.find_first_of(".[");
        const std::string root = p.substr(0, end);
        if (!locals.count(root))
            out.push_back(p);
    }
    return out;
}

} // namespace mw::liquid
