#include "renderer.h"

#include "liquid/htmlescape.h"
#include "render/jsonout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <array>
#include <cstring>

namespace mw {

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

liquid::Value fieldToLiquid(const FieldValue &v)
{
    if (std::holds_alternative<int64_t>(v))
        return liquid::Value(static_cast<long long>(std::get<int64_t>(v)));
    if (std::holds_alternative<double>(v))
        return liquid::Value(std::get<double>(v));
    if (std::holds_alternative<QString>(v))
        return liquid::Value::untrusted(utf8(std::get<QString>(v)));
    return liquid::Value();
}

void appendFieldKey(std::string &key, const FieldValue &v)
{
    if (std::holds_alternative<int64_t>(v)) {
        key += 'i';
        const int64_t x = std::get<int64_t>(v);
        key.append(reinterpret_cast<const char *>(&x), sizeof x);
    } else if (std::holds_alternative<double>(v)) {
        key += 'd';
        const double x = std::get<double>(v);
        key.append(reinterpret_cast<const char *>(&x), sizeof x);
    } else if (std::holds_alternative<QString>(v)) {
        const QString &s = std::get<QString>(v);
        key += 's';
        const auto n = static_cast<uint32_t>(s.size());
        key.append(reinterpret_cast<const char *>(&n), sizeof n);
        key.append(reinterpret_cast<const char *>(s.unicode()), static_cast<size_t>(s.size()) * 2);
    } else {
        key += 'm';
    }
}

// Deterministic, unguessable-enough token for the example unsubscribe link (a real ESP
// replaces the link with its own on export).
uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

Renderer::Renderer(std::shared_ptr<const CompiledCampaign> campaign,
                   std::shared_ptr<const RecommendationProvider> recommendations, int64_t now)
    : m_campaign(std::move(campaign)),
      m_recommendations(recommendations ? std::move(recommendations)
                                        : RecommendationProvider::empty()),
      m_now(now)
{
}

QString Renderer::unsubscribeUrl(int64_t subscriberId) const
{
    return QString::fromStdString(unsubscribeUrlUtf8(subscriberId));
}

std::string Renderer::unsubscribeUrlUtf8(int64_t subscriberId) const
{
    // Built for every subscriber of a batch: plain appends, no QString formatting.
    const QString &base = m_campaign->document.unsubscribeBase;
    const uint64_t token = mix(mix(static_cast<uint64_t>(m_campaign->campaignId)) ^
                               static_cast<uint64_t>(subscriberId));
    std::string url = utf8(base);
    url += base.contains(QLatin1Char('?')) ? '&' : '?';
    url += "sid=";
    url += std::to_string(subscriberId);
    url += "&cid=";
    url += std::to_string(m_campaign->campaignId);
    url += "&t=";
    static const char hex[] = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4)
        url += hex[(token >> shift) & 15];
    return url;
}

/// The contexts built for one subscriber, by root mask (usually one or two).
struct Renderer::ContextCache {
    const Renderer *renderer;
    const SubscriberRecord *record;
    int count = 0;
    std::array<int, 8> masks{};
    std::array<liquid::Value, 8> values;

    const liquid::Value &get(int mask)
    {
        for (int i = 0; i < count; ++i)
            if (masks[static_cast<size_t>(i)] == mask)
                return values[static_cast<size_t>(i)];
        if (count == 8)
            count = 0; // cannot happen with six roots in practice; stay correct anyway
        masks[static_cast<size_t>(count)] = mask;
        values[static_cast<size_t>(count)] = renderer->context(*record, mask);
        return values[static_cast<size_t>(count++)];
    }
};

liquid::Value Renderer::context(const SubscriberRecord &record, int mask) const
{
    liquid::Hash root;
    root.reserve(7);
    if (mask & kRootSubscriber) {
        liquid::Hash subscriber;
        const auto &names = subscriberFieldNames();
        for (int i = 0; i < kSubscriberFieldCount; ++i) {
            const FieldValue &v = record.fields[static_cast<size_t>(i)];
            if (!isMissing(v)) // missing fields stay undefined so templates report them
                subscriber.set(names[static_cast<size_t>(i)], fieldToLiquid(v));
        }
        root.set("subscriber", liquid::Value(std::move(subscriber)));
    }
    if (mask & kRootAttributes)
        root.set("attributes", liquid::Value::fromJson(QJsonValue(record.attributes), true));
    if (mask & kRootMetrics) {
        liquid::Hash metrics;
        const auto &metricNames = metricColumns();
        for (int i = 0; i < kMetricCount; ++i) {
            const FieldValue &v = record.metrics[static_cast<size_t>(i)];
            if (!isMissing(v))
                metrics.set(metricNames[static_cast<size_t>(i)], fieldToLiquid(v));
        }
        root.set("metrics", liquid::Value(std::move(metrics)));
    }
    if (mask & kRootRecommendations) {
        const QString fav = std::holds_alternative<QString>(record.metric(Metric::FavoriteCategory))
                                ? std::get<QString>(record.metric(Metric::FavoriteCategory))
                                : QString();
        root.set("recommendations", m_recommendations->list(m_recommendations->listIndex(fav)));
    }
    if (mask & kRootCampaign)
        root.set("campaign", m_campaign->campaignValue);
    if (mask & kRootUrls) {
        std::string unsub = unsubscribeUrlUtf8(record.id());
        std::string preferences = unsub + "&page=preferences";
        root.set("unsubscribe_url", liquid::Value::untrusted(std::move(unsub)));
        root.set("preferences_url", liquid::Value::untrusted(std::move(preferences)));
    }
    return liquid::Value(std::move(root));
}

void Renderer::buildKey(const CompiledTemplate &t, const SubscriberRecord &record, int recList,
                        std::string &key) const
{
    key.clear();
    using K = TemplateKeyPart::Kind;
    for (const TemplateKeyPart &p : t.dependsOn) {
        switch (p.kind) {
        case K::SubscriberField:
            appendFieldKey(key, record.fields[static_cast<size_t>(p.index)]);
            break;
        case K::AllSubscriber:
            for (const FieldValue &v : record.fields)
                appendFieldKey(key, v);
            break;
        case K::Metric:
            appendFieldKey(key, record.metrics[static_cast<size_t>(p.index)]);
            break;
        case K::AllMetrics:
            for (const FieldValue &v : record.metrics)
                appendFieldKey(key, v);
            break;
        case K::Attribute: {
            FieldRef ref;
            ref.source = FieldRef::Source::Attribute;
            ref.key = p.key;
            // Typed read loses nested values; key on the JSON text of the value instead.
            const QJsonValue v = record.attributes.value(p.key);
            key += 'a';
            key += std::to_string(static_cast<int>(v.type()));
            appendFieldKey(key, ref.read(record));
            if (v.isArray() || v.isObject())
                appendFieldKey(key, FieldValue(QString::fromUtf8(
                                        QJsonDocument(v.isArray() ? QJsonDocument(v.toArray())
                                                                  : QJsonDocument(v.toObject()))
                                            .toJson(QJsonDocument::Compact))));
            break;
        }
        case K::AllAttributes:
            appendFieldKey(key,
                           FieldValue(QString::fromUtf8(
                               QJsonDocument(record.attributes).toJson(QJsonDocument::Compact))));
            break;
        case K::Recommendations:
            key += 'r';
            key.append(reinterpret_cast<const char *>(&recList), sizeof recList);
            break;
        case K::PerSubscriber:
            break;
        }
    }
}

const RenderSession::Output &Renderer::renderTemplate(const CompiledTemplate &t, bool html,
                                                      const SubscriberRecord &record, int recList,
                                                      RenderSession &session,
                                                      ContextCache &contexts,
                                                      const CompiledTemplate *textPart) const
{
    if (session.m_memo.size() < static_cast<size_t>(m_campaign->templateCount)) {
        session.m_memo.resize(static_cast<size_t>(m_campaign->templateCount));
        session.m_scratch.resize(static_cast<size_t>(m_campaign->templateCount));
        session.m_static.resize(static_cast<size_t>(m_campaign->templateCount));
        session.m_stats.resize(static_cast<size_t>(m_campaign->templateCount));
    }
    auto &memo = session.m_memo[static_cast<size_t>(t.slot)];
    // Output that depends on nothing about the subscriber is rendered once per session.
    std::unique_ptr<RenderSession::Output> &once = session.m_static[static_cast<size_t>(t.slot)];
    if (once)
        return *once;
    const bool isStatic = !t.perSubscriber && t.dependsOn.empty();
    RenderSession::Stats &stats = session.m_stats[static_cast<size_t>(t.slot)];
    const bool memoize = !t.perSubscriber && !stats.off;
    uint64_t keyHash = 0;
    if (memoize) {
        buildKey(t, record, recList, session.m_key);
        keyHash = MemoTable<RenderSession::Output>::hashOf(session.m_key);
        ++stats.lookups;
        if (const RenderSession::Output *hit = memo.find(session.m_key, keyHash)) {
            ++stats.hits;
            return *hit;
        }
        if (stats.lookups == 4096 && stats.hits < 256) {
            stats.off = true; // the output is the same either way; only the speed differs
            memo.clear();
        }
    }
    const liquid::Value &context = contexts.get(t.contextRoots);
    if (!memoize && !isStatic) {
        // Unmemoized renders (e.g. the footer with its personal link, every subscriber) go
        // into the slot's scratch output, whose buffers keep their capacity; valid until
        // this template renders again.
        auto &scratch = session.m_scratch[static_cast<size_t>(t.slot)];
        if (!scratch)
            scratch = std::make_unique<RenderSession::Output>();
        scratch->ok = true;
        scratch->text.clear();
        scratch->text2.clear();
        scratch->missing.clear();
        scratch->error.clear();
        scratch->id = 0;
        scratch->textJsonReady = false;
        renderOutput(t, html, context, textPart, *scratch);
        return *scratch;
    }
    RenderSession::Output out;
    renderOutput(t, html, context, textPart, out);
    if (isStatic) {
        out.id = ++session.m_nextId;
        once = std::make_unique<RenderSession::Output>(std::move(out));
        return *once;
    }
    if (memo.size() >= session.m_maxEntries)
        memo.clear();
    out.id = ++session.m_nextId; // ids are never reused, also after clear()
    return memo.insert(session.m_key, keyHash, std::move(out));
}

void Renderer::renderOutput(const CompiledTemplate &t, bool html, const liquid::Value &context,
                            const CompiledTemplate *textPart, RenderSession::Output &out) const
{
    liquid::RenderOptions options;
    options.escapeUntrusted = html;
    options.inlineErrors = false; // an error must never end up in an email
    options.maxOutputBytes = 4u << 20;
    options.maxLoopIterations = 100000;
    options.now = m_now;
    std::vector<std::string> *missing = &out.missing;
    options.onMissingVariable = [missing](std::string_view path) {
        for (const std::string &m : *missing)
            if (m == path)
                return;
        missing->emplace_back(path);
    };
    Status st = t.tpl->render(context, options, out.text);
    if (st && textPart) {
        options.escapeUntrusted = false; // the plain-text part is not HTML
        st = textPart->tpl->render(context, options, out.text2);
    }
    if (!st) {
        out.ok = false;
        out.error = st.error().message;
        out.text.clear();
        out.text2.clear();
    }
}

RenderResult Renderer::render(SubscriberRecord &record, MembershipProvider *membership,
                              RenderSession *session, TraceDetail detail) const
{
    RenderResult r;
    render(record, membership, session, detail, r);
    return r;
}

void Renderer::render(SubscriberRecord &record, MembershipProvider *membership,
                      RenderSession *session, TraceDetail detail, RenderResult &r) const
{
    RenderSession localSession;
    RenderSession &s = session ? *session : localSession;
    const CompiledCampaign &c = *m_campaign;
    r.reset();
    r.subscriberId = record.id();
    r.email = record.email();
    const QString fav = std::holds_alternative<QString>(record.metric(Metric::FavoriteCategory))
                            ? std::get<QString>(record.metric(Metric::FavoriteCategory))
                            : QString();
    const int recList = m_recommendations->listIndex(fav);
    record.recommendationCount = m_recommendations->count(recList);
    ContextCache context; // built on memo misses only, with just the roots a template reads
    context.renderer = this;
    context.record = &record;
    std::vector<RuleTraceEntry> *trace = detail == TraceDetail::None ? nullptr : &r.trace;
    const bool outcomesOnly = detail == TraceDetail::Outcomes;
    QSet<QString> warned;

    const auto warnMissing = [&](const RenderSession::Output &o, const QString &block) {
        for (const std::string &m : o.missing) {
            const QString field = QString::fromStdString(m);
            if (warned.contains(block + QLatin1Char('\x1f') + field))
                continue;
            warned.insert(block + QLatin1Char('\x1f') + field);
            r.warnings.push_back(
                {QStringLiteral("missing_field"), field, block,
                 QStringLiteral("%1 is not set for this subscriber (block %2)").arg(field, block)});
        }
    };

    // Subject, preheader and from name: plain text (headers / hidden text, escaped below).
    // Each picks its variant by rules; a variant that fails to render falls back to the
    // default text with a warning. Texts without variants add no trace entry, except the
    // subject, whose "default" entry the trace has always had.
    const auto renderText = [&](const CompiledText &t, int &variant,
                                std::string &text) -> const RenderSession::Output * {
        const QString &field = t.rules.field();
        variant = t.variants.empty() && field != QLatin1String("subject")
                      ? -1
                      : t.rules.decide(record, membership, trace, outcomesOnly);
        const RenderSession::Output *o =
            &renderTemplate(variant >= 0 ? t.variants[static_cast<size_t>(variant)] : t.defaultText,
                            false, record, recList, s, context);
        if (!o->ok && variant >= 0) {
            r.warnings.push_back(
                {QStringLiteral("render_error"), QString(), field,
                 QStringLiteral("%1 variant failed (%2); default %1 used").arg(field, o->error)});
            variant = -1;
            o = &renderTemplate(t.defaultText, false, record, recList, s, context);
        }
        if (!o->ok)
            r.warnings.push_back({QStringLiteral("render_error"), QString(), field, o->error});
        text = o->text;
        warnMissing(*o, field);
        return o;
    };
    const RenderSession::Output *subjectOutput = renderText(c.subject, r.subjectVariant, r.subject);
    const RenderSession::Output *preheaderOutput =
        renderText(c.preheader, r.preheaderVariant, r.preheader);
    renderText(c.fromName, r.fromNameVariant, r.fromName);

    // The HTML as pieces, assembled (and hashed) after the blocks. Every piece points into
    // r or into a session output that stays put during this render (each template slot
    // renders at most once per render()).
    std::vector<RenderSession::Piece> &pieces = s.m_pieces;
    pieces.clear();
    const auto shared = [](const RenderSession::Output &o, bool escape) -> uint64_t {
        return o.id == 0 ? 0 : o.id * 2 + (escape ? 1 : 0);
    };
    pieces.push_back({1, &c.layoutHead, false});
    pieces.push_back({shared(*subjectOutput, true), &r.subject, true});
    pieces.push_back({2, &c.layoutMiddle, false});
    pieces.push_back({shared(*preheaderOutput, true), &r.preheader, true});
    pieces.push_back({3, &c.layoutBodyStart, false});
    const bool batch = s.m_batch;
    r.outcomes.resize(c.blocks.size());
    bool firstText = true;
    for (size_t i = 0; i < c.blocks.size(); ++i) {
        const CompiledBlock &b = c.blocks[i];
        BlockOutcome &outcome = r.outcomes[i];
        const BlockDecision d = b.rules.decide(record, membership, trace, outcomesOnly);
        outcome.kind = d.kind;
        outcome.variant = d.variant;
        outcome.fallback = d.fallback;
        if (d.kind != BlockDecision::Kind::Shown)
            continue;
        const CompiledVariant *v =
            d.variant >= 0 ? &b.variants[static_cast<size_t>(d.variant)] : &b.defaultVariant;
        const RenderSession::Output *o =
            &renderTemplate(v->both, true, record, recList, s, context, &v->text);
        if (!o->ok && d.variant >= 0) {
            const QString err = o->error;
            r.warnings.push_back(
                {QStringLiteral("render_error"), QString(), b.id,
                 QStringLiteral("variant %1 failed (%2); default content used").arg(v->id, err)});
            if (trace)
                trace->push_back(
                    {b.id,
                     QStringLiteral("render"),
                     QString(),
                     {},
                     false,
                     QStringLiteral("fallback: default"),
                     QStringLiteral("variant %1 could not be rendered: %2").arg(v->id, err)});
            v = &b.defaultVariant;
            outcome.variant = -1;
            outcome.fallback = true;
            o = &renderTemplate(v->both, true, record, recList, s, context, &v->text);
        }
        if (!o->ok) {
            const QString err = o->error;
            r.warnings.push_back({QStringLiteral("render_error"), QString(), b.id,
                                  QStringLiteral("block suppressed: %1").arg(err)});
            if (trace)
                trace->push_back({b.id,
                                  QStringLiteral("render"),
                                  QString(),
                                  {},
                                  false,
                                  QStringLiteral("suppressed"),
                                  QStringLiteral("the block could not be rendered: %1").arg(err)});
            outcome.kind = BlockDecision::Kind::Suppressed;
            continue;
        }
        pieces.push_back({shared(*o, false), &o->text, false});
        warnMissing(*o, b.id);
        std::string_view blockText = o->text2;
        while (!blockText.empty() && (blockText.back() == '\n' || blockText.back() == ' '))
            blockText.remove_suffix(1);
        if (!blockText.empty()) {
            if (!firstText) {
                r.text += "\n\n";
                if (batch)
                    r.textJson += "\\n\\n";
            }
            r.text += blockText;
            if (batch) {
                // Blocks are separated by blank lines, so escaping each block's text on
                // its own gives the same bytes as escaping the joined text.
                if (!o->textJsonReady) {
                    o->textJson.clear();
                    json::appendEscaped(o->textJson, blockText);
                    o->textJsonReady = true;
                }
                r.textJson += o->textJson;
            }
            firstText = false;
        }
    }
    pieces.push_back({4, &c.layoutClose, false});
    r.text += '\n';
    if (batch)
        r.textJson += "\\n";

    if (!batch || s.m_keepHtml) {
        size_t size = 0;
        for (const RenderSession::Piece &p : pieces)
            size += p.text->size();
        r.html.reserve(size + 256);
        for (const RenderSession::Piece &p : pieces) {
            if (p.escape)
                liquid::appendHtmlEscaped(r.html, *p.text);
            else
                r.html += *p.text;
        }
    }
    if (batch) {
        if (!s.m_digest)
            s.m_digest = std::make_unique<PrefixDigest>();
        uint64_t length = 0;
        const PrefixDigest::Digest digest = s.m_digest->compute(
            pieces.size(), [&](size_t i) { return pieces[i].id; },
            [&](size_t i) -> std::string_view {
                const RenderSession::Piece &p = pieces[i];
                if (!p.escape)
                    return *p.text;
                s.m_escaped.clear();
                liquid::appendHtmlEscaped(s.m_escaped, *p.text);
                return s.m_escaped;
            },
            length);
        r.m_bytes = static_cast<int64_t>(length);
        r.m_sha256 = PrefixDigest::hex(digest);
    }
}

} // namespace mw
