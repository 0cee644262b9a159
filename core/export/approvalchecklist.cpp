#include "approvalchecklist.h"

#include "export/mergefieldguards.h"
#include "render/htmlcheck.h"
#include "render/segmentmembership.h"
#include "render/subscriberloader.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <map>

namespace mw {

namespace {

enum Item { kRenders, kMergeFields, kImageAlt, kUnsubscribe, kPostalAddress, kSubject, kItems };

const char *const kNames[kItems] = {"renders",          "merge_fields",   "image_alt",
                                    "unsubscribe_link", "postal_address", "subject_length"};
const char *const kRules[kItems] = {
    "renders without error (no render_error warning, HtmlCheck finds no problem)",
    "every merge field missing for a sampled subscriber is printed with a fallback "
    "(| default:, inside {% if %} on it, or a variant's requires)",
    "every <img> has non-empty alt text",
    "each sampled email links that subscriber's unsubscribe URL (the footer does)",
    "a footer block with a postal address is shown",
    "the subject is at most 150 characters"};

/// Collects failures per item; the same failure for many subscribers is one line naming
/// the first subscriber and how many more of the sample had it.
class Failures {
public:
    void add(Item item, const QString &what, int64_t subscriberId)
    {
        auto &entry = m_items[item][what];
        if (entry.count++ == 0) {
            entry.first = subscriberId;
            m_order[item].push_back(what);
        }
    }
    QStringList lines(Item item) const
    {
        QStringList out;
        const auto found = m_items.find(item);
        if (found == m_items.end())
            return out;
        for (const QString &what : m_order.at(item)) {
            const Entry e = found->second.value(what);
            QString line = what;
            if (e.first >= 0) {
                line += QStringLiteral(" (subscriber %1").arg(e.first);
                if (e.count > 1)
                    line += QStringLiteral(" and %1 more sampled").arg(e.count - 1);
                line += QLatin1Char(')');
            }
            out << line;
        }
        return out;
    }

private:
    struct Entry {
        int64_t first = -1;
        int64_t count = 0;
    };
    std::map<int, QHash<QString, Entry>> m_items;
    std::map<int, QStringList> m_order;
};

/// The content a block rendered with: the default's fields overridden by the variant's.
QJsonObject effectiveContent(const CampaignBlock &block, int variant)
{
    QJsonObject content = block.content;
    if (variant >= 0 && static_cast<size_t>(variant) < block.variants.size()) {
        const QJsonObject &over = block.variants[static_cast<size_t>(variant)].content;
        for (auto it = over.begin(); it != over.end(); ++it)
            content.insert(it.key(), it.value());
    }
    return content;
}

void collectStrings(const QJsonValue &v, QStringList &out)
{
    if (v.isString())
        out << v.toString();
    else if (v.isArray())
        for (const QJsonValue &e : v.toArray())
            collectStrings(e, out);
    else if (v.isObject())
        for (const QJsonValue &e : v.toObject())
            collectStrings(e, out);
}

QString envelopeText(const QString &def, const std::vector<TextVariant> &variants, int variant)
{
    if (variant >= 0 && static_cast<size_t>(variant) < variants.size())
        return variants[static_cast<size_t>(variant)].text;
    return def;
}

QString htmlUnescape(QString s)
{
    s.replace(QLatin1String("&quot;"), QLatin1String("\""));
    s.replace(QLatin1String("&#39;"), QLatin1String("'"));
    s.replace(QLatin1String("&lt;"), QLatin1String("<"));
    s.replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return s;
}

Result<std::vector<int64_t>> allSubscriberIds(Database &db)
{
    auto st = db.prepare("SELECT id FROM subscribers ORDER BY id");
    if (!st)
        return st.error();
    std::vector<int64_t> ids;
    while (st->step())
        ids.push_back(st->int64(0));
    if (const Error *e = st->error())
        return *e;
    return ids;
}

} // namespace

bool ChecklistReport::passed() const
{
    for (const ChecklistItem &i : items)
        if (!i.passed())
            return false;
    return true;
}

QStringList ChecklistReport::failures() const
{
    QStringList out;
    for (const ChecklistItem &i : items)
        for (const QString &f : i.failures)
            out << i.name + QStringLiteral(": ") + f;
    return out;
}

QJsonObject ChecklistReport::toJson() const
{
    QJsonArray checks;
    for (const ChecklistItem &i : items)
        checks.append(
            QJsonObject{{QStringLiteral("name"), i.name},
                        {QStringLiteral("rule"), i.rule},
                        {QStringLiteral("passed"), i.passed()},
                        {QStringLiteral("failures"), QJsonArray::fromStringList(i.failures)}});
    QJsonArray ids;
    for (int64_t id : sampleIds)
        ids.append(static_cast<qint64>(id));
    return {{QStringLiteral("passed"), passed()},
            {QStringLiteral("sample"),
             QJsonObject{{QStringLiteral("rule"),
                          QStringLiteral("up to %1 subscribers spread evenly over all "
                                         "subscribers by ascending id, first and last included")
                              .arg(ApprovalChecklist::kSampleSize)},
                         {QStringLiteral("audience"), static_cast<qint64>(audience)},
                         {QStringLiteral("size"), static_cast<qint64>(sampleIds.size())},
                         {QStringLiteral("subscriber_ids"), ids}}},
            {QStringLiteral("checks"), checks}};
}

std::vector<int64_t> ApprovalChecklist::sample(const std::vector<int64_t> &ids, int size)
{
    const int64_t n = static_cast<int64_t>(ids.size());
    if (n <= size)
        return ids;
    std::vector<int64_t> out;
    out.reserve(static_cast<size_t>(size));
    for (int64_t i = 0; i < size; ++i) // index i * (n - 1) / (size - 1): first and last
        out.push_back(ids[static_cast<size_t>(i * (n - 1) / (size - 1))]);
    return out;
}

Result<ChecklistReport> ApprovalChecklist::run(Database &db, const LoadedCampaign &campaign,
                                               int64_t now)
{
    ChecklistReport report;
    Failures failures;
    const CampaignDocument &doc = campaign.compiled->document;

    auto ids = allSubscriberIds(db);
    if (!ids)
        return ids.error();
    report.audience = static_cast<int64_t>(ids->size());
    report.sampleIds = sample(*ids);
    if (report.sampleIds.empty())
        failures.add(kRenders, QStringLiteral("the database has no subscribers to render for"), -1);

    // Checks on the document itself (independent of subscribers).
    int footer = -1;
    for (size_t i = 0; i < doc.blocks.size(); ++i)
        if (doc.blocks[i].type == BlockType::Footer && footer < 0)
            footer = static_cast<int>(i);
    if (footer < 0) {
        failures.add(kPostalAddress,
                     QStringLiteral("no footer block (it carries the postal address)"), -1);
    }

    ServiceMembership membership(db, now);
    for (const QString &s : campaign.compiled->segments)
        if (Status st = membership.checkSegment(s); !st)
            return st.error();
    SubscriberLoader loader(db);
    static const QRegularExpression imgTag(QStringLiteral(R"(<img\b[^>]*>)"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression altAttr(QStringLiteral(R"re(\balt\s*=\s*"([^"]*)")re"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression srcAttr(QStringLiteral(R"re(\bsrc\s*=\s*"([^"]*)")re"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (int64_t id : report.sampleIds) {
        auto record = loader.byId(id);
        if (!record)
            return record.error();
        const RenderResult r = campaign.renderer->render(*record, &membership);
        const QString html = QString::fromStdString(r.html);

        for (const RenderWarning &w : r.warnings) {
            if (w.kind == QLatin1String("render_error")) {
                failures.add(kRenders, QStringLiteral("block %1: %2").arg(w.block, w.message), id);
                continue;
            }
            if (w.kind != QLatin1String("missing_field"))
                continue;
            QStringList sources;
            if (w.block == QLatin1String("subject"))
                sources << envelopeText(doc.subject, doc.subjectVariants, r.subjectVariant);
            else if (w.block == QLatin1String("preheader"))
                sources << envelopeText(doc.preheader, doc.preheaderVariants, r.preheaderVariant);
            else if (w.block == QLatin1String("from_name"))
                sources << envelopeText(doc.fromName, doc.fromNameVariants, r.fromNameVariant);
            else
                for (size_t i = 0; i < doc.blocks.size(); ++i)
                    if (doc.blocks[i].id == w.block)
                        collectStrings(effectiveContent(doc.blocks[i], r.outcomes[i].variant),
                                       sources);
            for (const QString &src : sources)
                if (MergeFieldGuards::unguarded(src).contains(w.field)) {
                    failures.add(kMergeFields,
                                 QStringLiteral("block %1: %2 has no fallback and is missing")
                                     .arg(w.block, w.field),
                                 id);
                    break;
                }
        }
        for (const QString &p : HtmlCheck::problems(r.html))
            if (!p.contains(QLatin1String("without alt"))) // reported as image_alt below
                failures.add(kRenders, QStringLiteral("html: %1").arg(p), id);

        auto imgs = imgTag.globalMatch(html);
        while (imgs.hasNext()) {
            const QString tag = imgs.next().captured(0);
            if (!altAttr.match(tag).captured(1).trimmed().isEmpty())
                continue;
            const QString src = htmlUnescape(srcAttr.match(tag).captured(1));
            QString where = QStringLiteral("email");
            for (size_t i = 0; i < doc.blocks.size(); ++i) {
                QStringList strings;
                collectStrings(effectiveContent(doc.blocks[i], r.outcomes[i].variant), strings);
                if (!src.isEmpty() && strings.contains(src)) {
                    where = QStringLiteral("block ") + doc.blocks[i].id;
                    break;
                }
            }
            failures.add(kImageAlt, QStringLiteral("%1: image %2 has no alt text").arg(where, src),
                         id);
        }

        const QString unsubscribe = campaign.renderer->unsubscribeUrl(id);
        QString escaped = unsubscribe;
        escaped.replace(QLatin1String("&"), QLatin1String("&amp;"));
        // Any block may carry the link (a text block's [Unsubscribe]({{ unsubscribe_url }})).
        if (!html.contains(QStringLiteral("href=\"") + escaped) &&
            !html.contains(QStringLiteral("href=\"") + unsubscribe))
            failures.add(kUnsubscribe, QStringLiteral("no link to the unsubscribe URL"), id);

        if (footer >= 0) {
            const size_t f = static_cast<size_t>(footer);
            const BlockOutcome &o = r.outcomes[f];
            if (o.kind != BlockDecision::Kind::Shown)
                failures.add(kPostalAddress,
                             QStringLiteral("block %1: the footer is %2")
                                 .arg(doc.blocks[f].id, o.kind == BlockDecision::Kind::Hidden
                                                            ? QStringLiteral("hidden")
                                                            : QStringLiteral("suppressed")),
                             id);
            else if (effectiveContent(doc.blocks[f], o.variant)
                         .value(QStringLiteral("postal_address"))
                         .toString()
                         .trimmed()
                         .isEmpty())
                failures.add(
                    kPostalAddress,
                    QStringLiteral("block %1: postal_address is empty").arg(doc.blocks[f].id), id);
        }

        const qsizetype length = QString::fromStdString(r.subject).toUcs4().size();
        if (length > kMaxSubjectLength)
            failures.add(kSubject,
                         QStringLiteral("subject: %1 characters (limit %2)")
                             .arg(length)
                             .arg(kMaxSubjectLength),
                         id);
    }

    for (int i = 0; i < kItems; ++i)
        report.items.push_back({QLatin1String(kNames[i]), QLatin1String(kRules[i]),
                                failures.lines(static_cast<Item>(i))});
    return report;
}

} // namespace mw
