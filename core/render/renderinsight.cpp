#include "renderinsight.h"

#include <QJsonArray>

#include <algorithm>

namespace mw {

namespace {
QJsonArray countsJson(const std::vector<RenderInsight::Count> &counts)
{
    QJsonArray a;
    for (const RenderInsight::Count &c : counts)
        a.append(QJsonObject{{QStringLiteral("name"), c.name},
                             {QStringLiteral("subscribers"), static_cast<qint64>(c.count)}});
    return a;
}
} // namespace

QJsonObject RenderInsight::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("subscribers"), static_cast<qint64>(subscribers));
    o.insert(QStringLiteral("distinct_renders"), static_cast<qint64>(distinctRenders));
    o.insert(QStringLiteral("subscribers_with_warnings"),
             static_cast<qint64>(subscribersWithWarnings));
    o.insert(QStringLiteral("subject"), countsJson(subject));
    if (!preheader.empty())
        o.insert(QStringLiteral("preheader"), countsJson(preheader));
    if (!fromName.empty())
        o.insert(QStringLiteral("from_name"), countsJson(fromName));
    QJsonArray blocksJson;
    for (const BlockReach &b : blocks)
        blocksJson.append(QJsonObject{{QStringLiteral("block"), b.block},
                                      {QStringLiteral("outcomes"), countsJson(b.outcomes)}});
    o.insert(QStringLiteral("blocks"), blocksJson);
    o.insert(QStringLiteral("never_fired"), QJsonArray::fromStringList(neverFired));
    o.insert(QStringLiteral("missing_fields"), countsJson(missingFields));
    return o;
}

InsightCollector::InsightCollector(const CompiledCampaign &campaign) : m_campaign(&campaign)
{
    const CompiledText *texts[] = {&campaign.subject, &campaign.preheader, &campaign.fromName};
    for (size_t t = 0; t < 3; ++t)
        m_texts[t].assign(texts[t]->variants.size() + 1, 0);
    for (const CompiledBlock &b : campaign.blocks)
        m_block.emplace_back(b.variants.size() + 3, 0);
    m_fallback.assign(campaign.blocks.size(), 0);
}

void InsightCollector::add(const RenderResult &r, const std::string &htmlDigest)
{
    ++m_subscribers;
    if (!r.warnings.empty())
        ++m_withWarnings;
    m_texts[0][static_cast<size_t>(r.subjectVariant + 1)]++;
    m_texts[1][static_cast<size_t>(r.preheaderVariant + 1)]++;
    m_texts[2][static_cast<size_t>(r.fromNameVariant + 1)]++;
    for (size_t b = 0; b < r.outcomes.size() && b < m_block.size(); ++b) {
        const BlockOutcome &o = r.outcomes[b];
        size_t slot = 2;
        if (o.kind == BlockDecision::Kind::Hidden)
            slot = 0;
        else if (o.kind == BlockDecision::Kind::Suppressed)
            slot = 1;
        else if (o.variant >= 0)
            slot = 3 + static_cast<size_t>(o.variant);
        m_block[b][slot]++;
        if (o.fallback)
            m_fallback[b]++;
    }
    for (const RenderWarning &w : r.warnings)
        if (w.kind == QLatin1String("missing_field"))
            m_missing[w.block + QStringLiteral(": ") + w.field]++;
    // 64 bits of a SHA-256 are plenty to tell emails apart (collisions ~ n^2 / 2^65).
    uint64_t prefix = 0;
    for (size_t i = 0; i < 16 && i < htmlDigest.size(); ++i) {
        const char c = htmlDigest[i];
        prefix = prefix << 4 | static_cast<uint64_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    m_digests.push_back(prefix);
}

void InsightCollector::merge(InsightCollector &&other)
{
    m_subscribers += other.m_subscribers;
    m_withWarnings += other.m_withWarnings;
    for (size_t t = 0; t < 3; ++t)
        for (size_t i = 0; i < m_texts[t].size(); ++i)
            m_texts[t][i] += other.m_texts[t][i];
    for (size_t b = 0; b < m_block.size(); ++b) {
        for (size_t k = 0; k < m_block[b].size(); ++k)
            m_block[b][k] += other.m_block[b][k];
        m_fallback[b] += other.m_fallback[b];
    }
    for (auto it = other.m_missing.cbegin(); it != other.m_missing.cend(); ++it)
        m_missing[it.key()] += it.value();
    m_digests.insert(m_digests.end(), other.m_digests.begin(), other.m_digests.end());
}

RenderInsight InsightCollector::finish() const
{
    const CompiledCampaign &c = *m_campaign;
    RenderInsight in;
    in.subscribers = m_subscribers;
    in.subscribersWithWarnings = m_withWarnings;
    std::vector<uint64_t> digests = m_digests;
    std::sort(digests.begin(), digests.end());
    in.distinctRenders =
        static_cast<int64_t>(std::unique(digests.begin(), digests.end()) - digests.begin());
    const std::vector<TextVariant> *variants[] = {
        &c.document.subjectVariants, &c.document.preheaderVariants, &c.document.fromNameVariants};
    std::vector<RenderInsight::Count> *reach[] = {&in.subject, &in.preheader, &in.fromName};
    const QString fields[] = {QStringLiteral("subject"), QStringLiteral("preheader"),
                              QStringLiteral("from_name")};
    for (size_t t = 0; t < 3; ++t) {
        if (t > 0 && variants[t]->empty())
            continue; // the subject's reach was always reported; the others when they vary
        reach[t]->push_back({QStringLiteral("default"), m_texts[t][0]});
        for (size_t k = 0; k < variants[t]->size(); ++k) {
            const QString name = QStringLiteral("variant ") + (*variants[t])[k].id;
            reach[t]->push_back({name, m_texts[t][k + 1]});
            if (m_texts[t][k + 1] == 0)
                in.neverFired << fields[t] + QStringLiteral(": ") + name;
        }
    }
    for (size_t b = 0; b < c.blocks.size(); ++b) {
        const CompiledBlock &cb = c.blocks[b];
        RenderInsight::BlockReach reach;
        reach.block = cb.id;
        const auto &n = m_block[b];
        reach.outcomes.push_back({QStringLiteral("default"), n[2]});
        for (size_t k = 0; k < cb.variants.size(); ++k) {
            const QString name = QStringLiteral("variant ") + cb.variants[k].id;
            reach.outcomes.push_back({name, n[3 + k]});
            if (n[3 + k] == 0)
                in.neverFired << cb.id + QStringLiteral(": ") + name;
        }
        reach.outcomes.push_back({QStringLiteral("hidden"), n[0]});
        reach.outcomes.push_back({QStringLiteral("suppressed"), n[1]});
        reach.outcomes.push_back({QStringLiteral("fallback"), m_fallback[b]});
        if (c.document.blocks[b].hideWhen.isObject() && n[0] == 0)
            in.neverFired << cb.id + QStringLiteral(": hide rule");
        in.blocks.push_back(std::move(reach));
    }
    for (auto it = m_missing.cbegin(); it != m_missing.cend(); ++it)
        in.missingFields.push_back({it.key(), it.value()});
    std::sort(in.missingFields.begin(), in.missingFields.end(),
              [](const RenderInsight::Count &a, const RenderInsight::Count &b) {
                  return a.count != b.count ? a.count > b.count : a.name < b.name;
              });
    return in;
}

} // namespace mw
