#pragma once

#include "rules/blockrules.h"
#include "rules/ruletrace.h"

#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace mw {

/// Something the marketer should know about one render: a missing field, a fallback
/// after a template error. kind: "missing_field", "render_error".
struct RenderWarning {
    QString kind;
    QString field;
    QString block;
    QString message;
};

/// How one block ended up for one subscriber (for insight and the preview's outline).
struct BlockOutcome {
    BlockDecision::Kind kind = BlockDecision::Kind::Shown;
    int variant = -1;      // -1 = default content
    bool fallback = false; // default used because the chosen variant lacked data or failed
};

/// The email one subscriber receives, and why.
struct RenderResult {
    int64_t subscriberId = 0;
    QString email;
    std::string subject;   // UTF-8, as the subject header (not HTML-escaped)
    std::string preheader; // UTF-8, plain text
    std::string fromName;  // UTF-8, the sender's display name (not HTML-escaped)
    std::string html;      // UTF-8, the complete HTML document
    std::string text;      // UTF-8, the plain-text alternative
    std::vector<RuleTraceEntry> trace;
    std::vector<RenderWarning> warnings;
    std::vector<BlockOutcome> outcomes; // one per campaign block
    int subjectVariant = -1;            // index of the chosen variant; -1 = default text
    int preheaderVariant = -1;
    int fromNameVariant = -1;
    /// text, JSON-escaped without quotes, when a batch render joined it from pieces escaped
    /// once per thread (RenderSession::setBatchOutput); empty otherwise.
    std::string textJson;

    /// The CONTRACT.md JSON object: subscriber_id, email, subject, preheader, html (when
    /// includeHtml), html_sha256 + bytes (when withDigest), text, trace, warnings.
    /// compactTrace keeps only the contract's trace fields (block, rule, outcome, reason).
    /// withFromName adds "from_name" after "preheader" (single renders; batch lines keep
    /// their shape).
    void appendJson(std::string &out, bool includeHtml, bool withDigest, bool compactTrace = false,
                    bool withFromName = false) const;
    /// Empties the result but keeps the buffers' capacity.
    void reset();

    /// Lower-case hex SHA-256 of the HTML (computed once, then cached; a batch render
    /// computes it while rendering, see RenderSession::setBatchOutput).
    const std::string &htmlSha256() const;
    /// Length of the HTML in bytes (also when a batch render did not assemble it).
    int64_t htmlBytes() const { return m_bytes >= 0 ? m_bytes : static_cast<int64_t>(html.size()); }

private:
    friend class Renderer; // sets the digest and length it computed from the pieces
    mutable std::string m_sha256;
    int64_t m_bytes = -1;
};

} // namespace mw
