#pragma once

#include "render/compiledcampaign.h"
#include "render/renderresult.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <string>
#include <vector>

namespace mw {

/// What a whole segment's renders looked like: distinct emails, how many subscribers
/// each block outcome and variant reached (branch coverage), rules that never fired,
/// and how often each field was missing.
struct RenderInsight {
    struct Count {
        QString name;
        int64_t count = 0;
    };
    struct BlockReach {
        QString block;
        std::vector<Count> outcomes; // "default", "variant vip", "hidden", "suppressed", "fallback"
    };
    int64_t subscribers = 0;
    int64_t distinctRenders = 0;
    int64_t subscribersWithWarnings = 0;
    std::vector<Count> subject;
    std::vector<Count> preheader; // empty unless the preheader has variants
    std::vector<Count> fromName;  // empty unless the from name has variants
    std::vector<BlockReach> blocks;
    QStringList neverFired;           // "hero: variant vip", "review: hide rule"
    std::vector<Count> missingFields; // "block: field" -> subscribers, most frequent first

    QJsonObject toJson() const;
};

/// Accumulates insight over renders (one collector per thread, merged at the end).
class InsightCollector {
public:
    explicit InsightCollector(const CompiledCampaign &campaign);
    /// htmlDigest identifies the HTML (e.g. its SHA-256), for counting distinct renders.
    void add(const RenderResult &result, const std::string &htmlDigest);
    void merge(InsightCollector &&other);
    RenderInsight finish() const;

private:
    const CompiledCampaign *m_campaign;
    int64_t m_subscribers = 0;
    int64_t m_withWarnings = 0;
    // Subject, preheader, from name: [0] default, [1+k] variant k.
    std::vector<int64_t> m_texts[3];
    std::vector<std::vector<int64_t>> m_block; // [b][0 hidden, 1 suppressed, 2 default, 3+k]
    std::vector<int64_t> m_fallback;
    QHash<QString, int64_t> m_missing;
    // First 64 bits of each HTML's SHA-256; sorted and deduplicated once at the end (cheaper
    // than a hash set with a million mostly distinct entries).
    std::vector<uint64_t> m_digests;
};

} // namespace mw
