#include "compiledcampaign.h"

#include "content/blockfields.h"
#include "content/blocktemplate.h"

#include <QJsonArray>

#include <tuple>

namespace mw {

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

/// Where a referenced variable path ("subscriber.first_name", "metrics", ...) leads.
void addDependency(const std::string &path, CompiledTemplate &t)
{
    const QString p = QString::fromStdString(path);
    qsizetype end = 0;
    while (end < p.size() && p.at(end) != QLatin1Char('.') && p.at(end) != QLatin1Char('['))
        ++end;
    const QString root = p.left(end);
    QString second;
    if (end < p.size() && p.at(end) == QLatin1Char('.')) {
        qsizetype e2 = end + 1;
        while (e2 < p.size() && p.at(e2) != QLatin1Char('.') && p.at(e2) != QLatin1Char('['))
            ++e2;
        second = p.mid(end + 1, e2 - end - 1);
    }
    using K = TemplateKeyPart::Kind;
    const auto add = [&](K kind, int index = 0, const QString &key = {}) {
        for (const TemplateKeyPart &k : t.dependsOn)
            if (k.kind == kind && k.index == index && k.key == key)
                return;
        t.dependsOn.push_back({kind, index, key});
    };
    if (root == QLatin1String("subscriber"))
        t.contextRoots |= kRootSubscriber;
    else if (root == QLatin1String("metrics"))
        t.contextRoots |= kRootMetrics;
    else if (root == QLatin1String("attributes"))
        t.contextRoots |= kRootAttributes;
    else if (root == QLatin1String("recommendations"))
        t.contextRoots |= kRootRecommendations;
    else if (root == QLatin1String("campaign"))
        t.contextRoots |= kRootCampaign;
    else if (root == QLatin1String("unsubscribe_url") || root == QLatin1String("preferences_url"))
        t.contextRoots |= kRootUrls;
    else if (p.isEmpty())
        t.contextRoots |= kAllRoots;
    if (root == QLatin1String("subscriber")) {
        const auto ref = second.isEmpty()
                             ? std::nullopt
                             : FieldRef::resolve(QStringLiteral("subscriber.") + second);
        if (ref)
            add(K::SubscriberField, ref->index);
        else if (second.isEmpty() || second == QLatin1String("size") ||
                 second == QLatin1String("first") || second == QLatin1String("last"))
            add(K::AllSubscriber);
        // an unknown key is always undefined: the output does not depend on it
    } else if (root == QLatin1String("metrics")) {
        const auto ref = second.isEmpty() ? std::nullopt
                                          : FieldRef::resolve(QStringLiteral("metrics.") + second);
        if (ref)
            add(K::Metric, ref->index);
        else if (second.isEmpty() || second == QLatin1String("size") ||
                 second == QLatin1String("first") || second == QLatin1String("last"))
            add(K::AllMetrics);
    } else if (root == QLatin1String("attributes")) {
        if (second.isEmpty() || second == QLatin1String("size") ||
            second == QLatin1String("first") || second == QLatin1String("last"))
            add(K::AllAttributes);
        else
            add(K::Attribute, 0, second);
    } else if (root == QLatin1String("recommendations")) {
        add(K::Recommendations);
    } else if (root == QLatin1String("unsubscribe_url") ||
               root == QLatin1String("preferences_url")) {
        add(K::PerSubscriber);
        t.perSubscriber = true;
    } else if (p.isEmpty()) {
        // A dynamic lookup we cannot see through: be safe and never memoize.
        add(K::PerSubscriber);
        t.perSubscriber = true;
    }
    // campaign.* is the same for everyone; other roots are locals or always undefined.
}

Result<CompiledTemplate> compileTemplate(const QString &source, const QString &path, int &slot)
{
    auto parsed = liquid::Template::parse(utf8(source));
    if (!parsed) {
        Error e = parsed.error();
        e.message = path + QStringLiteral(": ") + e.message;
        e.path = path;
        return e;
    }
    CompiledTemplate t;
    t.tpl = *parsed;
    t.slot = slot++;
    for (const std::string &v : t.tpl->referencedVariables())
        addDependency(v, t);
    return t;
}

/// Parses every text field alone first, so a syntax error's line and column point into
/// the field the marketer wrote, not into the generated block HTML.
Status checkFields(BlockType type, const QJsonObject &content, const QString &path)
{
    for (const FieldSpec &f : blockFieldSpecs(type)) {
        const QString name = QLatin1String(f.name);
        const QJsonValue v = content.value(name);
        if (v.isString()) {
            auto parsed = liquid::Template::parse(utf8(v.toString()));
            if (!parsed) {
                Error e = parsed.error();
                e.path = path + QLatin1Char('.') + name;
                e.message = e.path + QStringLiteral(": ") + e.message;
                return e;
            }
        } else if (v.isArray()) {
            const QJsonArray items = v.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QJsonObject item = items.at(i).toObject();
                for (auto it = item.begin(); it != item.end(); ++it) {
                    auto parsed = liquid::Template::parse(utf8(it.value().toString()));
                    if (!parsed) {
                        Error e = parsed.error();
                        e.path =
                            QStringLiteral("%1.%2[%3].%4").arg(path, name).arg(i).arg(it.key());
                        e.message = e.path + QStringLiteral(": ") + e.message;
                        return e;
                    }
                }
            }
        }
    }
    return {};
}

Result<CompiledVariant> compileVariant(const QString &id, BlockType type,
                                       const QJsonObject &content, const QString &path, int &slot)
{
    if (Status s = checkFields(type, content, path); !s)
        return s.error();
    const BlockTemplate bt = BlockTemplateGenerator::generate(type, content);
    CompiledVariant v;
    v.id = id;
    auto html = compileTemplate(bt.html, path, slot);
    if (!html)
        return html.error();
    auto text = compileTemplate(bt.text, path, slot);
    if (!text)
        return text.error();
    v.html = std::move(*html);
    v.text = std::move(*text);
    v.both = v.html;
    v.both.slot = slot++;
    v.both.perSubscriber = v.html.perSubscriber || v.text.perSubscriber;
    v.both.contextRoots = v.html.contextRoots | v.text.contextRoots;
    for (const TemplateKeyPart &k : v.text.dependsOn) {
        bool seen = false;
        for (const TemplateKeyPart &h : v.both.dependsOn)
            seen = seen || (h.kind == k.kind && h.index == k.index && h.key == k.key);
        if (!seen)
            v.both.dependsOn.push_back(k);
    }
    return v;
}

Result<CompiledText> compileText(const QString &text, const std::vector<TextVariant> &variants,
                                 const QString &field, int &slot)
{
    CompiledText t;
    auto rules = TextRules::compile(variants, field);
    if (!rules)
        return rules.error();
    t.rules = std::move(*rules);
    auto def = compileTemplate(text, field, slot);
    if (!def)
        return def.error();
    t.defaultText = std::move(*def);
    for (size_t i = 0; i < variants.size(); ++i) {
        auto v = compileTemplate(variants[i].text,
                                 QStringLiteral("%1.variants[%2].text").arg(field).arg(i), slot);
        if (!v)
            return v.error();
        t.variants.push_back(std::move(*v));
    }
    return t;
}

} // namespace

Result<std::shared_ptr<const CompiledCampaign>>
CompiledCampaign::compile(int64_t campaignId, const QString &name, const CampaignDocument &doc)
{
    auto c = std::make_shared<CompiledCampaign>();
    c->campaignId = campaignId;
    c->name = name;
    c->document = doc;
    int slot = 0;

    for (auto [target, text, variants, field] :
         {std::tuple{&c->subject, &doc.subject, &doc.subjectVariants, QStringLiteral("subject")},
          std::tuple{&c->preheader, &doc.preheader, &doc.preheaderVariants,
                     QStringLiteral("preheader")},
          std::tuple{&c->fromName, &doc.fromName, &doc.fromNameVariants,
                     QStringLiteral("from_name")}}) {
        auto compiled = compileText(*text, *variants, field, slot);
        if (!compiled)
            return compiled.error();
        *target = std::move(*compiled);
    }

    for (size_t i = 0; i < doc.blocks.size(); ++i) {
        const CampaignBlock &b = doc.blocks[i];
        const QString bp = QStringLiteral("blocks[%1]").arg(i);
        CompiledBlock cb;
        cb.id = b.id;
        cb.type = b.type;
        auto rules = BlockRules::compile(b, bp);
        if (!rules)
            return rules.error();
        cb.rules = std::move(*rules);
        cb.rules.collectSegments(c->segments);
        auto def = compileVariant(QStringLiteral("default"), b.type, b.content,
                                  bp + QStringLiteral(".content"), slot);
        if (!def)
            return def.error();
        cb.defaultVariant = std::move(*def);
        for (size_t k = 0; k < b.variants.size(); ++k) {
            QJsonObject merged = b.content;
            for (auto it = b.variants[k].content.begin(); it != b.variants[k].content.end(); ++it)
                merged.insert(it.key(), it.value());
            auto v = compileVariant(b.variants[k].id, b.type, merged,
                                    QStringLiteral("%1.variants[%2].content").arg(bp).arg(k), slot);
            if (!v)
                return v.error();
            cb.variants.push_back(std::move(*v));
        }
        c->blocks.push_back(std::move(cb));
    }
    for (const CompiledText *t : {&c->subject, &c->preheader, &c->fromName})
        t->rules.collectSegments(c->segments);
    c->templateCount = slot;

    liquid::Hash campaign;
    campaign.set("id", liquid::Value(static_cast<long long>(campaignId)));
    campaign.set("name", liquid::Value(utf8(name)));
    campaign.set("from_name", liquid::Value(utf8(doc.fromName)));
    campaign.set("from_email", liquid::Value(utf8(doc.fromEmail)));
    c->campaignValue = liquid::Value(std::move(campaign));

    // Split the layout at two markers that cannot occur in it.
    const QString layout =
        EmailLayout::open(doc.language, QStringLiteral("\x01"), QStringLiteral("\x02"));
    const qsizetype a = layout.indexOf(QLatin1Char('\x01'));
    const qsizetype b = layout.indexOf(QLatin1Char('\x02'));
    c->layoutHead = utf8(layout.left(a));
    c->layoutMiddle = utf8(layout.mid(a + 1, b - a - 1));
    c->layoutBodyStart = utf8(layout.mid(b + 1));
    c->layoutClose = utf8(EmailLayout::close());
    return std::shared_ptr<const CompiledCampaign>(std::move(c));
}

} // namespace mw
