#include "renderresult.h"

#include "render/jsonout.h"

#include <QCryptographicHash>

namespace mw {

std::string RenderResult::htmlSha256() const
{
    const QByteArray digest =
        QCryptographicHash::hash(QByteArrayView(html.data(), static_cast<qsizetype>(html.size())),
                                 QCryptographicHash::Sha256);
    return digest.toHex().toStdString();
}

void RenderResult::appendJson(std::string &out, bool includeHtml, bool withDigest) const
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
        json::appendInt(out, static_cast<int64_t>(html.size()));
    }
    json::appendKey(out, "text");
    json::appendString(out, text);
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
