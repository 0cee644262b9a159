#include "renderresult.h"

#include "render/jsonout.h"

#include <openssl/sha.h>

namespace mw {

void RenderResult::reset()
{
    subscriberId = 0;
    email.clear();
    subject.clear();
    preheader.clear();
    fromName.clear();
    html.clear();
    text.clear();
    trace.clear();
    warnings.clear();
    outcomes.clear();
    subjectVariant = -1;
    preheaderVariant = -1;
    fromNameVariant = -1;
    textJson.clear();
    m_sha256.clear();
    m_bytes = -1;
}

const std::string &RenderResult::htmlSha256() const
{
    if (!m_sha256.empty())
        return m_sha256;
    // OpenSSL uses the CPU's SHA extensions: hashing is a large share of a batch render.
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(html.data()), html.size(), digest);
    static const char hex[] = "0123456789abcdef";
    std::string out(2 * SHA256_DIGEST_LENGTH, '0');
    for (int i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
        out[static_cast<size_t>(2 * i)] = hex[digest[i] >> 4];
        out[static_cast<size_t>(2 * i + 1)] = hex[digest[i] & 15];
    }
    m_sha256 = std::move(out);
    return m_sha256;
}

void RenderResult::appendJson(std::string &out, bool includeHtml, bool withDigest,
                              bool compactTrace, bool withFromName) const
{
    out += '{';
    json::appendKey(out, "subscriber_id", true);
    json::appendInt(out, subscriberId);
    json::appendKey(out, "email");
    json::appendString(out, email);
    json::appendKey(out, "subject");
    json::appendString(out, subject);
    json::appendKey(out, "preheader");
    json::appendString(out, preheader);
    if (withFromName) {
        json::appendKey(out, "from_name");
        json::appendString(out, fromName);
    }
    if (includeHtml) {
        json::appendKey(out, "html");
        json::appendString(out, html);
    }
    if (withDigest) {
        json::appendKey(out, "html_sha256");
        out += '"';
        out += htmlSha256();
        out += '"';
        json::appendKey(out, "bytes");
        json::appendInt(out, htmlBytes());
    }
    json::appendKey(out, "text");
    if (!textJson.empty()) { // never empty when set: the text ends with a newline
        out += '"';
        out += textJson;
        out += '"';
    } else {
        json::appendString(out, text);
    }
    json::appendKey(out, "trace");
    out += '[';
    for (size_t i = 0; i < trace.size(); ++i) {
        const RuleTraceEntry &t = trace[i];
        if (i)
            out += ',';
        out += '{';
        json::appendKey(out, "block", true);
        json::appendString(out, t.block);
        json::appendKey(out, "rule");
        json::appendString(out, t.rule);
        json::appendKey(out, "outcome");
        json::appendString(out, t.outcome);
        json::appendKey(out, "reason");
        json::appendString(out, t.reason);
        if (compactTrace) {
            out += '}';
            continue;
        }
        json::appendKey(out, "condition");
        json::appendString(out, t.condition);
        json::appendKey(out, "values");
        out += '[';
        for (qsizetype k = 0; k < t.values.size(); ++k) {
            if (k)
                out += ',';
            json::appendString(out, t.values.at(k));
        }
        out += ']';
        json::appendKey(out, "result");
        out += t.result ? "true" : "false";
        out += '}';
    }
    out += ']';
    json::appendKey(out, "warnings");
    out += '[';
    for (size_t i = 0; i < warnings.size(); ++i) {
        const RenderWarning &w = warnings[i];
        if (i)
            out += ',';
        out += '{';
        json::appendKey(out, "kind", true);
        json::appendString(out, w.kind);
        json::appendKey(out, "field");
        json::appendString(out, w.field);
        json::appendKey(out, "block");
        json::appendString(out, w.block);
        json::appendKey(out, "message");
        json::appendString(out, w.message);
        out += '}';
    }
    out += "]}";
}

} // namespace mw
