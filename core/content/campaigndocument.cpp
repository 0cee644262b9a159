#include "campaigndocument.h"

#include "content/blockfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace mw {

namespace {

Error pathError(const QString &path, const QString &message)
{
    return Error(Error::Code::BadInput, message, 0, 0, path);
}

Result<QStringList> stringList(const QJsonValue &v, const QString &path)
{
    QStringList out;
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray())
        return pathError(path, QStringLiteral("expected an array of field names"));
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString() || a.at(i).toString().isEmpty())
            return pathError(QStringLiteral("%1[%2]").arg(path).arg(i),
                             QStringLiteral("expected a field name"));
        out << a.at(i).toString();
    }
    return out;
}

Result<QString> optionalString(const QJsonObject &o, const QString &key, const QString &path)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return pathError(path + key, QStringLiteral("expected a string"));
    return v.toString();
}

Result<int> optionalInt(const QJsonObject &o, const QString &key, const QString &path)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return 0;
    if (!v.isDouble() || v.toDouble() != static_cast<double>(v.toInt()))
        return pathError(path + key, QStringLiteral("expected an integer"));
    return v.toInt();
}

Status checkCondition(const QJsonValue &v, const QString &path)
{
    if (v.isUndefined() || v.isNull() || v.isObject())
        return {};
    return pathError(path, QStringLiteral("expected a condition object"));
}

/// The rule part every variant shares: "priority" (integer) and "when" (condition).
Status readVariantRule(const QJsonObject &vo, const QString &vp, int &priority, QJsonValue &when)
{
    auto prio = optionalInt(vo, QStringLiteral("priority"), vp + QLatin1Char('.'));
    if (!prio)
        return prio.error();
    priority = *prio;
    when = vo.value(QStringLiteral("when"));
    if (when.isUndefined())
        when = QJsonValue();
    return checkCondition(when, vp + QStringLiteral(".when"));
}

/// The rule part every variant writes: id, priority and (when set) the condition.
QJsonObject variantRuleJson(const QString &id, int priority, const QJsonValue &when)
{
    QJsonObject vo{{QStringLiteral("id"), id}, {QStringLiteral("priority"), priority}};
    if (when.isObject())
        vo.insert(QStringLiteral("when"), when);
    return vo;
}

/// Reads json[key], a plain string or {"default", "variants"}, into text and variants.
/// what names the text in errors ("subject line"); a missing optional key is empty.
Status textWithVariantsFromJson(const QJsonObject &json, const QString &key, const QString &what,
                                bool required, QString &text, std::vector<TextVariant> &variants)
{
    const QJsonValue value = json.value(key);
    variants.clear();
    if (value.isString()) {
        text = value.toString();
        return {};
    }
    if (!value.isObject()) {
        if (!required && (value.isUndefined() || value.isNull())) {
            text.clear();
            return {};
        }
        return pathError(key, required ? QStringLiteral("missing %1").arg(what)
                                       : QStringLiteral("expected a string or an object with "
                                                        "\"default\" and \"variants\""));
    }
    const QJsonObject so = value.toObject();
    if (!so.value(QStringLiteral("default")).isString())
        return pathError(key + QStringLiteral(".default"),
                         QStringLiteral("expected the default %1").arg(what));
    text = so.value(QStringLiteral("default")).toString();
    const QJsonValue list = so.value(QStringLiteral("variants"));
    if (!list.isUndefined() && !list.isArray())
        return pathError(key + QStringLiteral(".variants"), QStringLiteral("expected an array"));
    const QJsonArray va = list.toArray();
    for (qsizetype i = 0; i < va.size(); ++i) {
        const QString vp = QStringLiteral("%1.variants[%2]").arg(key).arg(i);
        const QJsonObject vo = va.at(i).toObject();
        if (!va.at(i).isObject() || !vo.value(QStringLiteral("text")).isString())
            return pathError(vp, QStringLiteral("expected an object with \"text\""));
        TextVariant v;
        v.id = vo.value(QStringLiteral("id")).toString(QStringLiteral("variant%1").arg(i + 1));
        if (Status s = readVariantRule(vo, vp, v.priority, v.when); !s)
            return s.error();
        v.text = vo.value(QStringLiteral("text")).toString();
        variants.push_back(std::move(v));
    }
    return {};
}

/// A plain string without variants (documents round-trip unchanged), else the object form.
QJsonValue textWithVariantsToJson(const QString &text, const std::vector<TextVariant> &variants)
{
    if (variants.empty())
        return text;
    QJsonArray va;
    for (const TextVariant &v : variants) {
        QJsonObject vo = variantRuleJson(v.id, v.priority, v.when);
        vo.insert(QStringLiteral("text"), v.text);
        va.append(vo);
    }
    return QJsonObject{{QStringLiteral("default"), text}, {QStringLiteral("variants"), va}};
}

} // namespace

Result<CampaignBlock> blockFromJson(const QJsonObject &json, const QString &pathPrefix)
{
    const QString p = pathPrefix.isEmpty() ? QString() : pathPrefix + QLatin1Char('.');
    CampaignBlock b;
    auto id = optionalString(json, QStringLiteral("id"), p);
    if (!id)
        return id.error();
    b.id = *id;
    const QJsonValue typeValue = json.value(QStringLiteral("type"));
    if (!typeValue.isString())
        return pathError(p + QStringLiteral("type"), QStringLiteral("missing block type"));
    const auto type = blockTypeFromName(typeValue.toString());
    if (!type)
        return pathError(p + QStringLiteral("type"),
                         QStringLiteral("unknown block type \"%1\"").arg(typeValue.toString()));
    b.type = *type;
    const QJsonValue content = json.value(QStringLiteral("content"));
    if (!content.isUndefined() && !content.isObject())
        return pathError(p + QStringLiteral("content"), QStringLiteral("expected an object"));
    b.content = content.toObject();
    auto ref = optionalString(json, QStringLiteral("library"), p);
    if (!ref)
        return ref.error();
    b.libraryRef = *ref;
    // A library reference without content takes the library block's content when loaded.
    const bool fromLibrary = !b.libraryRef.isEmpty() && b.content.isEmpty();
    if (!fromLibrary)
        if (Status s = validateBlockFields(b.type, b.content, p + QStringLiteral("content")); !s)
            return s.error();
    auto req = stringList(json.value(QStringLiteral("requires")), p + QStringLiteral("requires"));
    if (!req)
        return req.error();
    b.required = *req;
    b.hideWhen = json.value(QStringLiteral("hide_when"));
    if (b.hideWhen.isUndefined())
        b.hideWhen = QJsonValue();
    if (Status s = checkCondition(b.hideWhen, p + QStringLiteral("hide_when")); !s)
        return s.error();

    const QJsonValue variants = json.value(QStringLiteral("variants"));
    if (!variants.isUndefined() && !variants.isNull() && !variants.isArray())
        return pathError(p + QStringLiteral("variants"), QStringLiteral("expected an array"));
    const QJsonArray va = variants.toArray();
    QSet<QString> variantIds;
    for (qsizetype i = 0; i < va.size(); ++i) {
        const QString vp = QStringLiteral("%1variants[%2]").arg(p).arg(i);
        if (!va.at(i).isObject())
            return pathError(vp, QStringLiteral("expected an object"));
        const QJsonObject vo = va.at(i).toObject();
        BlockVariant v;
        auto vid = optionalString(vo, QStringLiteral("id"), vp + QLatin1Char('.'));
        if (!vid)
            return vid.error();
        v.id = vid->isEmpty() ? QStringLiteral("variant%1").arg(i + 1) : *vid;
        if (variantIds.contains(v.id) || v.id == QLatin1String("default"))
            return pathError(vp + QStringLiteral(".id"),
                             QStringLiteral("duplicate variant id \"%1\"").arg(v.id));
        variantIds.insert(v.id);
        if (Status s = readVariantRule(vo, vp, v.priority, v.when); !s)
            return s.error();
        const QJsonValue vc = vo.value(QStringLiteral("content"));
        if (!vc.isUndefined() && !vc.isObject())
            return pathError(vp + QStringLiteral(".content"), QStringLiteral("expected an object"));
        v.content = vc.toObject();
        QJsonObject merged = b.content;
        for (auto it = v.content.begin(); it != v.content.end(); ++it)
            merged.insert(it.key(), it.value());
        if (!fromLibrary)
            if (Status s = validateBlockFields(b.type, merged, vp + QStringLiteral(".content")); !s)
                return s.error();
        auto vreq =
            stringList(vo.value(QStringLiteral("requires")), vp + QStringLiteral(".requires"));
        if (!vreq)
            return vreq.error();
        v.required = *vreq;
        b.variants.push_back(std::move(v));
    }
    return b;
}

QJsonObject blockToJson(const CampaignBlock &b)
{
    QJsonObject o;
    if (!b.id.isEmpty())
        o.insert(QStringLiteral("id"), b.id);
    o.insert(QStringLiteral("type"), blockTypeName(b.type));
    if (!b.libraryRef.isEmpty())
        o.insert(QStringLiteral("library"), b.libraryRef);
    o.insert(QStringLiteral("content"), b.content);
    if (!b.required.isEmpty())
        o.insert(QStringLiteral("requires"), QJsonArray::fromStringList(b.required));
    if (b.hideWhen.isObject())
        o.insert(QStringLiteral("hide_when"), b.hideWhen);
    if (!b.variants.empty()) {
        QJsonArray va;
        for (const BlockVariant &v : b.variants) {
            QJsonObject vo = variantRuleJson(v.id, v.priority, v.when);
            vo.insert(QStringLiteral("content"), v.content);
            if (!v.required.isEmpty())
                vo.insert(QStringLiteral("requires"), QJsonArray::fromStringList(v.required));
            va.append(vo);
        }
        o.insert(QStringLiteral("variants"), va);
    }
    return o;
}

Result<CampaignDocument> CampaignDocument::fromJson(const QJsonObject &json)
{
    CampaignDocument d;
    if (Status s = textWithVariantsFromJson(json, QStringLiteral("subject"),
                                            QStringLiteral("subject line"), true, d.subject,
                                            d.subjectVariants);
        !s)
        return s.error();
    if (Status s =
            textWithVariantsFromJson(json, QStringLiteral("preheader"), QStringLiteral("preheader"),
                                     false, d.preheader, d.preheaderVariants);
        !s)
        return s.error();
    if (Status s =
            textWithVariantsFromJson(json, QStringLiteral("from_name"), QStringLiteral("from name"),
                                     false, d.fromName, d.fromNameVariants);
        !s)
        return s.error();
    for (auto [key, target] : {std::pair{QStringLiteral("from_email"), &d.fromEmail},
                               std::pair{QStringLiteral("unsubscribe_base"), &d.unsubscribeBase},
                               std::pair{QStringLiteral("language"), &d.language}}) {
        auto s = optionalString(json, key, {});
        if (!s)
            return s.error();
        *target = *s;
    }
    if (d.unsubscribeBase.isEmpty())
        d.unsubscribeBase = QStringLiteral("https://example.com/unsubscribe");
    if (d.language.isEmpty())
        d.language = QStringLiteral("en");

    const QJsonValue blocks = json.value(QStringLiteral("blocks"));
    if (!blocks.isArray())
        return pathError(QStringLiteral("blocks"), QStringLiteral("expected an array of blocks"));
    const QJsonArray ba = blocks.toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < ba.size(); ++i) {
        const QString bp = QStringLiteral("blocks[%1]").arg(i);
        if (!ba.at(i).isObject())
            return pathError(bp, QStringLiteral("expected a block object"));
        auto b = blockFromJson(ba.at(i).toObject(), bp);
        if (!b)
            return b.error();
        if (b->id.isEmpty())
            b->id = QStringLiteral("%1-%2").arg(blockTypeName(b->type)).arg(i + 1);
        if (ids.contains(b->id))
            return pathError(bp + QStringLiteral(".id"),
                             QStringLiteral("duplicate block id \"%1\"").arg(b->id));
        ids.insert(b->id);
        d.blocks.push_back(std::move(*b));
    }
    return d;
}

Result<CampaignDocument> CampaignDocument::fromJsonText(const QByteArray &utf8)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error(Error::Code::BadInput, QStringLiteral("invalid campaign JSON at offset %1: %2")
                                                .arg(pe.offset)
                                                .arg(pe.errorString()));
    if (!doc.isObject())
        return Error(Error::Code::BadInput, QStringLiteral("a campaign document is a JSON object"));
    return fromJson(doc.object());
}

QJsonObject CampaignDocument::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), 1);
    o.insert(QStringLiteral("subject"), textWithVariantsToJson(subject, subjectVariants));
    o.insert(QStringLiteral("preheader"), textWithVariantsToJson(preheader, preheaderVariants));
    o.insert(QStringLiteral("from_name"), textWithVariantsToJson(fromName, fromNameVariants));
    o.insert(QStringLiteral("from_email"), fromEmail);
    o.insert(QStringLiteral("unsubscribe_base"), unsubscribeBase);
    o.insert(QStringLiteral("language"), language);
    QJsonArray ba;
    for (const CampaignBlock &b : blocks)
        ba.append(blockToJson(b));
    o.insert(QStringLiteral("blocks"), ba);
    return o;
}

const CampaignBlock *CampaignDocument::block(const QString &id) const
{
    for (const CampaignBlock &b : blocks)
        if (b.id == id)
            return &b;
    return nullptr;
}

} // namespace mw
