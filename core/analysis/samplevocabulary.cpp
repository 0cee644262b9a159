#include "samplevocabulary.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace mw {

namespace {

Result<QJsonObject> readJson(const QString &name)
{
    QFile f(QStringLiteral(":/mailwright/sample/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return Error(Error::Code::Internal,
                     QStringLiteral("sample vocabulary %1 is missing from this build").arg(name));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error(Error::Code::Internal,
                     QStringLiteral("sample vocabulary %1: %2").arg(name, pe.errorString()));
    return doc.object();
}

std::vector<QString> strings(const QJsonValue &v)
{
    std::vector<QString> out;
    for (const QJsonValue &e : v.toArray())
        out.push_back(e.toString());
    return out;
}

} // namespace

std::string SampleVocabulary::asciiFold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    std::string out;
    out.reserve(static_cast<size_t>(decomposed.size()));
    for (QChar c : decomposed) {
        const char16_t u = c.unicode();
        if (u >= u'a' && u <= u'z')
            out.push_back(static_cast<char>(u));
        else if (u >= u'A' && u <= u'Z')
            out.push_back(static_cast<char>(u - u'A' + u'a'));
        else if (u == u'ł' || u == u'Ł')
            out.push_back('l');
        else if (u == u'ø' || u == u'Ø')
            out.push_back('o');
        else if (u == u'ß')
            out += "ss";
        else if (u == u'ı')
            out.push_back('i');
        // everything else (accents, spaces, apostrophes) is dropped
    }
    return out;
}

Result<SampleVocabulary> SampleVocabulary::load(int64_t referenceTime)
{
    SampleVocabulary v;
    auto locales = readJson(QStringLiteral("locales.json"));
    if (!locales)
        return locales.error();
    auto catalogue = readJson(QStringLiteral("catalogue.json"));
    if (!catalogue)
        return catalogue.error();

    const QDateTime at = QDateTime::fromSecsSinceEpoch(referenceTime, Qt::UTC);
    for (const QJsonValue &cv : locales->value(QStringLiteral("countries")).toArray()) {
        const QJsonObject c = cv.toObject();
        Locale l;
        l.country = c.value(QStringLiteral("code")).toString();
        l.language = c.value(QStringLiteral("language")).toString();
        l.weight = c.value(QStringLiteral("weight")).toDouble(1);
        for (const QJsonValue &city : c.value(QStringLiteral("cities")).toArray()) {
            const QJsonArray a = city.toArray();
            City ci{a.at(0).toString(), a.at(1).toString(), 0};
            const QTimeZone tz(ci.timezone.toLatin1());
            ci.utcOffsetSeconds = tz.isValid() ? tz.offsetFromUtc(at) : 0;
            l.cities.push_back(ci);
        }
        l.female = strings(c.value(QStringLiteral("female")));
        l.male = strings(c.value(QStringLiteral("male")));
        l.last = strings(c.value(QStringLiteral("last")));
        l.domains = strings(c.value(QStringLiteral("domains")));
        for (const QString &s : l.female)
            l.femaleAscii.push_back(asciiFold(s));
        for (const QString &s : l.male)
            l.maleAscii.push_back(asciiFold(s));
        for (const QString &s : l.last)
            l.lastAscii.push_back(asciiFold(s));
        if (l.cities.empty() || l.female.empty() || l.male.empty() || l.last.empty() ||
            l.domains.empty())
            return Error(
                Error::Code::Internal,
                QStringLiteral("sample vocabulary: locale %1 is incomplete").arg(l.country));
        v.locales.push_back(std::move(l));
    }

    v.storeUrl = catalogue->value(QStringLiteral("store")).toString();
    v.imageUrl = catalogue->value(QStringLiteral("images")).toString();
    for (const QJsonValue &cv : catalogue->value(QStringLiteral("categories")).toArray()) {
        const QJsonObject c = cv.toObject();
        Category cat;
        cat.name = c.value(QStringLiteral("name")).toString();
        cat.slug = c.value(QStringLiteral("slug")).toString();
        cat.products = c.value(QStringLiteral("products")).toInt();
        const QJsonArray price = c.value(QStringLiteral("price")).toArray();
        cat.minPrice = price.at(0).toDouble(1);
        cat.maxPrice = price.at(1).toDouble(100);
        cat.weight = c.value(QStringLiteral("weight")).toDouble(1);
        cat.adjectives = strings(c.value(QStringLiteral("adjectives")));
        cat.nouns = strings(c.value(QStringLiteral("nouns")));
        if (cat.products <= 0 || cat.adjectives.empty() || cat.nouns.empty())
            return Error(
                Error::Code::Internal,
                QStringLiteral("sample vocabulary: category %1 is incomplete").arg(cat.name));
        v.categories.push_back(std::move(cat));
    }
    if (v.locales.empty() || v.categories.empty())
        return Error(Error::Code::Internal, QStringLiteral("sample vocabulary is empty"));
    return v;
}

} // namespace mw
