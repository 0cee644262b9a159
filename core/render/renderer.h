#pragma once

#include "render/compiledcampaign.h"
#include "render/memotable.h"
#include "render/prefixdigest.h"
#include "render/recommendationprovider.h"
#include "render/renderresult.h"
#include "rules/membershipprovider.h"
#include "rules/subscriberrecord.h"

#include <memory>
#include <string>
#include <vector>

namespace mw {

/// Per-thread scratch state of a Renderer: memoized template outputs keyed by exactly the
/// values each template reads (so equal inputs give the same bytes without re-rendering).
/// Never shared between threads.
class RenderSession {
public:
    explicit RenderSession(size_t maxEntriesPerTemplate = 20000)
        : m_maxEntries(maxEntriesPerTemplate)
    {
    }

    /// Batch output: render() then also computes the HTML's SHA-256 and length while
    /// rendering — hashing the layout and memoized block renders shared between emails once
    /// per session (PrefixDigest), so mostly just the personal tail — and the JSON-escaped
    /// text from block texts escaped once; it assembles RenderResult::html only when
    /// keepHtml. Results are byte-identical to the plain path.
    void setBatchOutput(bool keepHtml)
    {
        m_batch = true;
        m_keepHtml = keepHtml;
    }

private:
    friend class Renderer;
    struct Output {
        bool ok = true;
        std::string text;
        std::string text2;                // the plain-text part, for CompiledVariant::both
        std::vector<std::string> missing; // undefined variable paths
        QString error;
        uint64_t id = 0; // unique in the session for memoized outputs; 0 = scratch
        mutable bool textJsonReady = false;
        mutable std::string textJson; // text2 trimmed and JSON-escaped (batch output)
    };
    /// One piece of the HTML in order: static layout, escaped subject/preheader, blocks.
    struct Piece {
        uint64_t id; // stands for exactly these bytes (PrefixDigest); 0 = personal
        const std::string *text;
        bool escape; // HTML-escape text (subject, preheader)
    };
    std::vector<MemoTable<Output>> m_memo;
    std::vector<std::unique_ptr<Output>> m_scratch; // last render of an unmemoized template
    std::vector<std::unique_ptr<Output>> m_static;  // templates that read no subscriber data
    struct Stats {
        uint32_t lookups = 0;
        uint32_t hits = 0;
        bool off = false; // keys almost never repeat (e.g. the email): memo only costs
    };
    std::vector<Stats> m_stats;
    size_t m_maxEntries;
    std::string m_key;
    uint64_t m_nextId = 16; // output ids; lower ones name the static layout pieces
    bool m_batch = false;
    bool m_keepHtml = true;
    std::unique_ptr<PrefixDigest> m_digest;
    std::vector<Piece> m_pieces;
    std::string m_escaped;
};

/// Turns a compiled campaign and one subscriber into the email they receive (subject,
/// preheader, HTML, text) with a trace of every rule and a warning for every missing
/// field. Const and thread-safe; each thread passes its own RenderSession.
class Renderer {
    struct ContextCache;

public:
    Renderer(std::shared_ptr<const CompiledCampaign> campaign,
             std::shared_ptr<const RecommendationProvider> recommendations, int64_t now);

    /// record.recommendationCount is set from the provider. membership may be null
    /// (segment conditions are then false and say so in the trace).
    RenderResult render(SubscriberRecord &record, MembershipProvider *membership,
                        RenderSession *session = nullptr,
                        TraceDetail detail = TraceDetail::Full) const;
    /// The same into an existing result, reusing its buffers (batch rendering).
    void render(SubscriberRecord &record, MembershipProvider *membership, RenderSession *session,
                TraceDetail detail, RenderResult &into) const;

    const CompiledCampaign &campaign() const { return *m_campaign; }

    /// The Liquid data a template sees for this subscriber (also for the preview's
    /// "data" pane). Subscriber-provided strings are marked untrusted.
    liquid::Value context(const SubscriberRecord &record) const
    {
        return context(record, kAllRoots);
    }
    /// Only the top-level variables in rootMask (CompiledTemplate::contextRoots).
    liquid::Value context(const SubscriberRecord &record, int rootMask) const;

    QString unsubscribeUrl(int64_t subscriberId) const;
    std::string unsubscribeUrlUtf8(int64_t subscriberId) const;

private:
    const RenderSession::Output &renderTemplate(const CompiledTemplate &t, bool html,
                                                const SubscriberRecord &record, int recList,
                                                RenderSession &session, ContextCache &contexts,
                                                const CompiledTemplate *textPart = nullptr) const;
    void buildKey(const CompiledTemplate &t, const SubscriberRecord &record, int recList,
                  std::string &key) const;
    void renderOutput(const CompiledTemplate &t, bool html, const liquid::Value &context,
                      const CompiledTemplate *textPart, RenderSession::Output &out) const;

    std::shared_ptr<const CompiledCampaign> m_campaign;
    std::shared_ptr<const RecommendationProvider> m_recommendations;
    int64_t m_now;
};

} // namespace mw
