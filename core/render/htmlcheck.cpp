#include "htmlcheck.h"

#include <QSet>

#include <vector>

namespace mw {

namespace {

bool isVoid(const QString &tag)
{
    static const QSet<QString> v = {
        QStringLiteral("area"), QStringLiteral("base"),   QStringLiteral("br"),
        QStringLiteral("col"),  QStringLiteral("embed"),  QStringLiteral("hr"),
        QStringLiteral("img"),  QStringLiteral("input"),  QStringLiteral("link"),
        QStringLiteral("meta"), QStringLiteral("source"), QStringLiteral("track"),
        QStringLiteral("wbr")};
    return v.contains(tag);
}

struct Attr {
    QString name, value;
};

/// Parses the attributes of a start tag body (after the tag name).
std::vector<Attr> attributes(const QString &s, QStringList &problems)
{
    std::vector<Attr> out;
    qsizetype i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s.at(i).isSpace() || s.at(i) == QLatin1Char('/')))
            ++i;
        if (i >= s.size())
            break;
        const qsizetype nameStart = i;
        while (i < s.size() && !s.at(i).isSpace() && s.at(i) != QLatin1Char('=') &&
               s.at(i) != QLatin1Char('/'))
            ++i;
        Attr a;
        a.name = s.mid(nameStart, i - nameStart).toLower();
        while (i < s.size() && s.at(i).isSpace())
            ++i;
        if (i < s.size() && s.at(i) == QLatin1Char('=')) {
            ++i;
            while (i < s.size() && s.at(i).isSpace())
                ++i;
            if (i < s.size() && (s.at(i) == QLatin1Char('"') || s.at(i) == QLatin1Char('\''))) {
                const QChar q = s.at(i);
                const qsizetype end = s.indexOf(q, i + 1);
                if (end < 0) {
                    problems
                        << QStringLiteral("unterminated attribute value in <... %1=").arg(a.name);
                    return out;
                }
                a.value = s.mid(i + 1, end - i - 1);
                i = end + 1;
            } else {
                const qsizetype vs = i;
                while (i < s.size() && !s.at(i).isSpace())
                    ++i;
                a.value = s.mid(vs, i - vs);
            }
        }
        out.push_back(a);
    }
    return out;
}

} // namespace

QStringList HtmlCheck::problems(std::string_view bytes)
{
    const QString html = QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
    QStringList problems;
    std::vector<QString> stack;
    qsizetype i = 0;
    while (i < html.size()) {
        const qsizetype lt = html.indexOf(QLatin1Char('<'), i);
        if (lt < 0)
            break;
        if (html.mid(lt, 4) == QLatin1String("<!--")) {
            const qsizetype end = html.indexOf(QLatin1String("-->"), lt + 4);
            if (end < 0) {
                problems << QStringLiteral("unterminated comment");
                break;
            }
            i = end + 3;
            continue;
        }
        const qsizetype gt = html.indexOf(QLatin1Char('>'), lt);
        if (gt < 0) {
            problems << QStringLiteral("unterminated tag at offset %1").arg(lt);
            break;
        }
        // A quoted ">" inside an attribute would end the tag early; look for balanced quotes.
        QString body = html.mid(lt + 1, gt - lt - 1);
        i = gt + 1;
        if (body.startsWith(QLatin1Char('!')))
            continue; // doctype
        const bool closing = body.startsWith(QLatin1Char('/'));
        if (closing)
            body = body.mid(1);
        qsizetype n = 0;
        while (n < body.size() && (body.at(n).isLetterOrNumber()))
            ++n;
        const QString tag = body.left(n).toLower();
        if (tag.isEmpty()) {
            problems << QStringLiteral("stray \"<\" at offset %1 (unescaped text?)").arg(lt);
            continue;
        }
        if (tag == QLatin1String("script"))
            problems << QStringLiteral("<script> element");
        if (tag == QLatin1String("style"))
            problems << QStringLiteral("<style> element (only inline styles are allowed)");
        if (tag == QLatin1String("link"))
            problems << QStringLiteral("<link> element (no external CSS)");
        if (tag == QLatin1String("iframe") || tag == QLatin1String("object") ||
            tag == QLatin1String("embed") || tag == QLatin1String("form"))
            problems << QStringLiteral("<%1> element").arg(tag);
        if (closing) {
            if (stack.empty() || stack.back() != tag) {
                problems << QStringLiteral("unexpected </%1> (open: %2)")
                                .arg(tag, stack.empty() ? QStringLiteral("nothing") : stack.back());
                // recover: pop up to the matching tag if it is open
                for (auto it = stack.rbegin(); it != stack.rend(); ++it)
                    if (*it == tag) {
                        stack.erase(std::next(it).base(), stack.end());
                        break;
                    }
            } else {
                stack.pop_back();
            }
            continue;
        }
        const auto attrs = attributes(body.mid(n), problems);
        bool hasAlt = false;
        for (const Attr &a : attrs) {
            if (a.name.startsWith(QLatin1String("on")))
                problems << QStringLiteral("event handler attribute %1 on <%2>").arg(a.name, tag);
            if ((a.name == QLatin1String("href") || a.name == QLatin1String("src")) &&
                a.value.trimmed().startsWith(QLatin1String("javascript:"), Qt::CaseInsensitive))
                problems << QStringLiteral("javascript: link on <%1>").arg(tag);
            if (a.name == QLatin1String("alt"))
                hasAlt = true;
            if (a.name == QLatin1String("class") || a.name == QLatin1String("id"))
                problems << QStringLiteral("%1 attribute on <%2> (styles must be inline)")
                                .arg(a.name, tag);
        }
        if (tag == QLatin1String("img") && !hasAlt)
            problems << QStringLiteral("<img> without alt");
        if (!isVoid(tag) && !body.endsWith(QLatin1Char('/')))
            stack.push_back(tag);
    }
    for (auto it = stack.rbegin(); it != stack.rend(); ++it)
        problems << QStringLiteral("<%1> is never closed").arg(*it);
    return problems;
}

} // namespace mw
