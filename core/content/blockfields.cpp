#include "blockfields.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <map>

namespace mw {

namespace {

using K = FieldKind;

const std::map<BlockType, std::vector<FieldSpec>> &specs()
{
    static const std::map<BlockType, std::vector<FieldSpec>> s = {
        {BlockType::Header,
         {{"logo_url", K::Url, "", 0, 0, 0, true},
          {"logo_alt", K::Text, "", 0, 0, 0, true},
          {"logo_width", K::Integer, "", 40, 600, 140},
          {"link_url", K::Url, ""},
          {"tagline", K::Text, ""},
          {"background", K::Color, "#ffffff"}}},
        {BlockType::Hero,
         {{"image_url", K::Url, ""},
          {"image_alt", K::Text, ""},
          {"headline", K::Text, "", 0, 0, 0, true},
          {"subheadline", K::Text, ""},
          {"cta_label", K::Text, ""},
          {"cta_url", K::Url, ""},
          {"button_color", K::Color, "#1a73e8"},
          {"background", K::Color, "#ffffff"}}},
        {BlockType::Text, {{"text", K::RichText, "", 0, 0, 0, true}, {"align", K::Text, "left"}}},
        {BlockType::Image,
         {{"image_url", K::Url, "", 0, 0, 0, true},
          {"alt", K::Text, "", 0, 0, 0, true},
          {"link_url", K::Url, ""},
          {"width", K::Integer, "", 40, 600, 600}}},
        {BlockType::Button,
         {{"label", K::Text, "", 0, 0, 0, true},
          {"url", K::Url, "", 0, 0, 0, true},
          {"color", K::Color, "#1a73e8"},
          {"text_color", K::Color, "#ffffff"},
          {"align", K::Text, "center"}}},
        {BlockType::Products,
         {{"title", K::Text, ""},
          {"columns", K::Integer, "", 1, 4, 2},
          {"count", K::Integer, "", 1, 12, 4},
          {"cta_label", K::Text, "Shop now"}}},
        {BlockType::Offer,
         {{"title", K::Text, "", 0, 0, 0, true},
          {"code", K::Text, ""},
          {"description", K::Text, ""},
          {"expires", K::Text, ""},
          {"cta_label", K::Text, ""},
          {"cta_url", K::Url, ""},
          {"accent", K::Color, "#d93025"}}},
        {BlockType::Testimonial,
         {{"quote", K::Text, "", 0, 0, 0, true},
          {"author", K::Text, ""},
          {"role", K::Text, ""},
          {"image_url", K::Url, ""},
          {"image_alt", K::Text, ""}}},
        {BlockType::Articles, {{"title", K::Text, ""}, {"items", K::Items, ""}}},
        {BlockType::Divider,
         {{"color", K::Color, "#e0e0e0"}, {"thickness", K::Integer, "", 1, 10, 1}}},
        {BlockType::Spacer, {{"height", K::Integer, "", 4, 200, 24}}},
        {BlockType::Footer,
         {{"company", K::Text, "", 0, 0, 0, true},
          {"postal_address", K::Text, "", 0, 0, 0, true},
          {"unsubscribe_label", K::Text, "Unsubscribe"},
          {"preferences_label", K::Text, "Manage preferences"},
          {"preferences_url", K::Url, ""},
          {"note", K::Text, ""}}},
    };
    return s;
}

Error fieldError(const QString &path, const QString &message)
{
    return Error(Error::Code::BadInput, message, 0, 0, path);
}

bool isLiquidStart(const QString &s)
{
    return s.startsWith(QLatin1String("{{")) || s.startsWith(QLatin1String("{%"));
}

// Only links a mail client can follow safely; Liquid may produce the whole URL.
bool isSafeUrl(const QString &url)
{
    const QString u = url.trimmed().toLower();
    if (u.isEmpty() || isLiquidStart(u))
        return true;
    return u.startsWith(QLatin1String("https://")) || u.startsWith(QLatin1String("http://")) ||
           u.startsWith(QLatin1String("mailto:")) || u.startsWith(QLatin1Char('#'));
}

bool isColor(const QString &c)
{
    static const QRegularExpression re(QStringLiteral("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"));
    return re.match(c).hasMatch();
}

Status checkString(const FieldSpec &f, const QJsonValue &v, const QString &path)
{
    if (!v.isString())
        return fieldError(path, QStringLiteral("expected a string"));
    const QString s = v.toString();
    if (f.requiredField && s.trimmed().isEmpty())
        return fieldError(path, QStringLiteral("must not be empty"));
    if (f.kind == K::Url && !isSafeUrl(s))
        return fieldError(path, QStringLiteral("only http, https and mailto links are allowed"));
    if (f.kind == K::Color && !isColor(s))
        return fieldError(path, QStringLiteral("expected a colour like #1a73e8"));
    return {};
}

} // namespace

const std::vector<FieldSpec> &blockFieldSpecs(BlockType type)
{
    return specs().at(type);
}

Status validateBlockFields(BlockType type, const QJsonObject &content, const QString &path)
{
    const auto &fields = blockFieldSpecs(type);
    for (auto it = content.begin(); it != content.end(); ++it) {
        bool known = false;
        for (const FieldSpec &f : fields)
            known = known || it.key() == QLatin1String(f.name);
        if (!known)
            return fieldError(
                path + QLatin1Char('.') + it.key(),
                QStringLiteral("unknown field for a %1 block").arg(blockTypeName(type)));
    }
    for (const FieldSpec &f : fields) {
        const QString name = QLatin1String(f.name);
        const QString fp = path + QLatin1Char('.') + name;
        const QJsonValue v = content.value(name);
        if (v.isUndefined() || v.isNull()) {
            if (f.requiredField)
                return fieldError(fp, QStringLiteral("missing required field"));
            continue;
        }
        switch (f.kind) {
        case K::Integer: {
            if (!v.isDouble() || v.toDouble() != static_cast<double>(v.toInt()))
                return fieldError(fp, QStringLiteral("expected an integer"));
            if (v.toInt() < f.minimum || v.toInt() > f.maximum)
                return fieldError(
                    fp, QStringLiteral("must be between %1 and %2").arg(f.minimum).arg(f.maximum));
            break;
        }
        case K::Items: {
            if (!v.isArray())
                return fieldError(fp, QStringLiteral("expected an array of items"));
            const QJsonArray items = v.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString ip = QStringLiteral("%1[%2]").arg(fp).arg(i);
                if (!items.at(i).isObject())
                    return fieldError(ip, QStringLiteral("expected an object"));
                const QJsonObject item = items.at(i).toObject();
                static const FieldSpec itemSpecs[] = {{"title", K::Text, "", 0, 0, 0, true},
                                                      {"summary", K::Text, ""},
                                                      {"url", K::Url, ""},
                                                      {"image_url", K::Url, ""},
                                                      {"image_alt", K::Text, ""}};
                for (auto kt = item.begin(); kt != item.end(); ++kt) {
                    bool known = false;
                    for (const FieldSpec &s : itemSpecs)
                        known = known || kt.key() == QLatin1String(s.name);
                    if (!known)
                        return fieldError(ip + QLatin1Char('.') + kt.key(),
                                          QStringLiteral("unknown field for an article"));
                }
                for (const FieldSpec &s : itemSpecs) {
                    const QJsonValue iv = item.value(QLatin1String(s.name));
                    if (iv.isUndefined() || iv.isNull()) {
                        if (s.requiredField)
                            return fieldError(ip + QLatin1Char('.') + QLatin1String(s.name),
                                              QStringLiteral("missing required field"));
                        continue;
                    }
                    if (Status st =
                            checkString(s, iv, ip + QLatin1Char('.') + QLatin1String(s.name));
                        !st)
                        return st;
                }
                if (!item.value(QStringLiteral("image_url")).toString().isEmpty() &&
                    item.value(QStringLiteral("image_alt")).toString().trimmed().isEmpty())
                    return fieldError(ip + QStringLiteral(".image_alt"),
                                      QStringLiteral("an image needs alt text"));
            }
            break;
        }
        default:
            if (Status st = checkString(f, v, fp); !st)
                return st;
        }
    }
    // Every image needs alt text (accessibility, and blocked-image clients).
    bool hasImageAlt = false;
    for (const FieldSpec &f : fields)
        hasImageAlt = hasImageAlt || QLatin1String(f.name) == QLatin1String("image_alt");
    for (const auto &[img, alt] : {std::pair{"image_url", "image_alt"}}) {
        if (hasImageAlt && !content.value(QLatin1String(img)).toString().isEmpty() &&
            content.value(QLatin1String(alt)).toString().trimmed().isEmpty())
            return fieldError(path + QLatin1Char('.') + QLatin1String(alt),
                              QStringLiteral("an image needs alt text"));
    }
    return {};
}

QJsonObject withDefaults(BlockType type, const QJsonObject &content)
{
    QJsonObject out = content;
    for (const FieldSpec &f : blockFieldSpecs(type)) {
        const QString name = QLatin1String(f.name);
        if (out.contains(name) && !out.value(name).isNull())
            continue;
        if (f.kind == K::Integer)
            out.insert(name, f.defaultInt);
        else if (f.kind == K::Items)
            out.insert(name, QJsonArray());
        else
            out.insert(name, QString::fromUtf8(f.defaultValue));
    }
    return out;
}

} // namespace mw
