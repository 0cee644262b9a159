#include "blockrules.h"

#include <algorithm>

namespace mw {

namespace {

Error ruleError(const QString &path, const QString &message)
{
    return Error(Error::Code::BadInput, message, 0, 0, path);
}

QString valuesSentence(const ConditionTrace &t)
{
    return t.values.join(QStringLiteral(", "));
}

template <typename V>
void sortByPriority(std::vector<V> &variants, const std::vector<int> &priority)
{
    std::stable_sort(variants.begin(), variants.end(), [&](const V &a, const V &b) {
        return priority[static_cast<size_t>(a.index)] > priority[static_cast<size_t>(b.index)];
    });
}

} // namespace

bool BlockRules::Requirement::met(const SubscriberRecord &r, QString *missing) const
{
    for (const FieldRef &f : fields) {
        const FieldValue v = f.read(r);
        const bool absent = f.source == FieldRef::Source::Recommendations
                                ? r.recommendationCount == 0
                                : isMissing(v);
        if (absent) {
            if (missing)
                *missing = f.path;
            return false;
        }
    }
    return true;
}

Result<BlockRules> BlockRules::compile(const CampaignBlock &block, const QString &path)
{
    BlockRules rules;
    rules.m_block = block.id;
    const auto compileRequires = [](const QStringList &paths, const QString &p,
                                    bool needsRecommendations) -> Result<Requirement> {
        Requirement req;
        if (needsRecommendations)
            req.fields.push_back(*FieldRef::resolve(QStringLiteral("recommendations")));
        for (qsizetype i = 0; i < paths.size(); ++i) {
            const auto ref = FieldRef::resolve(paths.at(i));
            if (!ref)
                return ruleError(QStringLiteral("%1[%2]").arg(p).arg(i),
                                 QStringLiteral("unknown field \"%1\"").arg(paths.at(i)));
            req.fields.push_back(*ref);
        }
        return req;
    };
    // A product grid without products would be an empty box: it always needs them.
    const bool products = block.type == BlockType::Products;
    auto def = compileRequires(block.required, path + QStringLiteral(".requires"), products);
    if (!def)
        return def.error();
    rules.m_defaultRequires = *def;
    if (block.hideWhen.isObject()) {
        auto hide = Condition::parse(block.hideWhen, path + QStringLiteral(".hide_when"));
        if (!hide)
            return hide.error();
        rules.m_hide = std::move(*hide);
        rules.m_hasHide = true;
    }
    std::vector<int> priority;
    for (size_t i = 0; i < block.variants.size(); ++i) {
        const BlockVariant &bv = block.variants[i];
        const QString vp = QStringLiteral("%1.variants[%2]").arg(path).arg(i);
        auto when = Condition::parse(bv.when, vp + QStringLiteral(".when"));
        if (!when)
            return when.error();
        auto req = compileRequires(bv.required, vp + QStringLiteral(".requires"), products);
        if (!req)
            return req.error();
        rules.m_variants.push_back({static_cast<int>(i), bv.id, std::move(*when), std::move(*req)});
        priority.push_back(bv.priority);
    }
    sortByPriority(rules.m_variants, priority);
    return rules;
}

BlockDecision BlockRules::decide(const SubscriberRecord &record, MembershipProvider *membership,
                                 std::vector<RuleTraceEntry> *fullTrace, bool outcomesOnly) const
{
    BlockDecision d;
    // Intermediate entries go to `trace`, decisive ones to `fullTrace` (as `add` does).
    std::vector<RuleTraceEntry> *trace = outcomesOnly ? nullptr : fullTrace;
    const auto addFinal = [&](RuleTraceEntry e) {
        if (fullTrace) {
            e.block = m_block;
            fullTrace->push_back(std::move(e));
        }
    };
    const auto add = [&](RuleTraceEntry e) {
        if (trace) {
            e.block = m_block;
            trace->push_back(std::move(e));
        }
    };
    if (m_hasHide) {
        ConditionTrace ct;
        const bool hidden = m_hide.evaluate(record, membership, fullTrace ? &ct : nullptr);
        if (hidden)
            addFinal({{},
                      QStringLiteral("hide"),
                      m_hide.describe(),
                      ct.values,
                      true,
                      QStringLiteral("hidden"),
                      QStringLiteral("hide rule holds: ") + valuesSentence(ct)});
        else if (trace)
            add({{},
                 QStringLiteral("hide"),
                 m_hide.describe(),
                 ct.values,
                 hidden,
                 hidden ? QStringLiteral("hidden") : QStringLiteral("not hidden"),
                 hidden ? QStringLiteral("hide rule holds: ") + valuesSentence(ct)
                        : QStringLiteral("hide rule does not hold: ") + valuesSentence(ct)});
        if (hidden) {
            d.kind = BlockDecision::Kind::Hidden;
            return d;
        }
    }
    const Variant *winner = nullptr;
    for (const Variant &v : m_variants) {
        ConditionTrace ct;
        const bool match = v.when.evaluate(record, membership, trace ? &ct : nullptr);
        if (trace) {
            QString reason = match ? QStringLiteral("condition holds")
                                   : QStringLiteral("condition does not hold");
            if (!ct.values.isEmpty())
                reason += QStringLiteral(": ") + valuesSentence(ct);
            if (!match && !ct.missing.isEmpty())
                reason += QStringLiteral(" (missing data: ") +
                          ct.missing.join(QStringLiteral(", ")) + QLatin1Char(')');
            add({{},
                 QStringLiteral("variant ") + v.id,
                 v.when.describe(),
                 ct.values,
                 match,
                 match ? QStringLiteral("matched") : QStringLiteral("not matched"),
                 reason});
        }
        if (match) {
            winner = &v;
            break;
        }
    }
    QString missing;
    if (winner) {
        if (winner->required.met(record, fullTrace ? &missing : nullptr)) {
            d.variant = winner->index;
            addFinal({{},
                      QStringLiteral("variant ") + winner->id,
                      winner->when.describe(),
                      {},
                      true,
                      QStringLiteral("variant ") + winner->id,
                      QStringLiteral("first matching variant by priority")});
            return d;
        }
        d.fallback = true;
        add({{},
             QStringLiteral("requires"),
             winner->id,
             {},
             false,
             QStringLiteral("fallback"),
             QStringLiteral("variant %1 needs %2, which is missing; using the default content")
                 .arg(winner->id, missing)});
    }
    if (m_defaultRequires.met(record, fullTrace ? &missing : nullptr)) {
        addFinal({{},
                  QStringLiteral("default"),
                  QStringLiteral("always"),
                  {},
                  true,
                  d.fallback ? QStringLiteral("fallback: default") : QStringLiteral("default"),
                  d.fallback ? QStringLiteral("fallback because %1 is missing").arg(missing)
                  : m_variants.empty() ? QStringLiteral("block has no variants")
                                       : QStringLiteral("no variant condition holds")});
        return d;
    }
    d.kind = BlockDecision::Kind::Suppressed;
    addFinal(
        {{},
         QStringLiteral("default"),
         QStringLiteral("always"),
         {},
         false,
         QStringLiteral("suppressed"),
         QStringLiteral("suppressed because %1 is missing (never rendered broken)").arg(missing)});
    return d;
}

QStringList BlockRules::ruleNames() const
{
    QStringList names;
    for (const Variant &v : m_variants)
        names << v.id;
    return names;
}

void BlockRules::collectSegments(QStringList &out) const
{
    if (m_hasHide)
        m_hide.collectSegments(out);
    for (const Variant &v : m_variants)
        v.when.collectSegments(out);
}

Result<TextRules> TextRules::compile(const std::vector<TextVariant> &variants, const QString &field)
{
    TextRules rules;
    rules.m_field = field;
    std::vector<int> priority;
    for (size_t i = 0; i < variants.size(); ++i) {
        const TextVariant &sv = variants[i];
        auto when =
            Condition::parse(sv.when, QStringLiteral("%1.variants[%2].when").arg(field).arg(i));
        if (!when)
            return when.error();
        rules.m_variants.push_back({static_cast<int>(i), sv.id, std::move(*when)});
        priority.push_back(sv.priority);
    }
    sortByPriority(rules.m_variants, priority);
    return rules;
}

int TextRules::decide(const SubscriberRecord &record, MembershipProvider *membership,
                      std::vector<RuleTraceEntry> *trace, bool outcomesOnly) const
{
    for (const Variant &v : m_variants) {
        ConditionTrace ct;
        const bool match =
            v.when.evaluate(record, membership, trace && !outcomesOnly ? &ct : nullptr);
        if (trace && (match || !outcomesOnly))
            trace->push_back(
                {m_field, QStringLiteral("variant ") + v.id, v.when.describe(), ct.values, match,
                 match ? QStringLiteral("variant ") + v.id : QStringLiteral("not matched"),
                 (match ? QStringLiteral("condition holds")
                        : QStringLiteral("condition does not hold")) +
                     (ct.values.isEmpty() ? QString()
                                          : QStringLiteral(": ") + valuesSentence(ct))});
        if (match)
            return v.index;
    }
    if (trace)
        trace->push_back({m_field,
                          QStringLiteral("default"),
                          QStringLiteral("always"),
                          {},
                          true,
                          QStringLiteral("default"),
                          m_variants.empty()
                              ? QStringLiteral("no %1 variants").arg(m_field)
                              : QStringLiteral("no %1 variant condition holds").arg(m_field)});
    return -1;
}

void TextRules::collectSegments(QStringList &out) const
{
    for (const Variant &v : m_variants)
        v.when.collectSegments(out);
}

} // namespace mw
