#include "richtext.h"

#include <QStringList>

#include <algorithm>

#include <vector>

namespace mw {

namespace {

const QLatin1String kFont("font-family:Arial,Helvetica,sans-serif;");

void appendEscaped(QString &out, QChar c)
{
    switch (c.unicode()) {
    case '<':
        out += QLatin1String("&lt;");
        break;
    case '>':
        out += QLatin1String("&gt;");
        break;
    case '&':
        out += QLatin1String("&amp;");
        break;
    case '"':
        out += QLatin1String("&quot;");
        break;
    case '\'':
        out += QLatin1String("&#39;");
        break;
    default:
        out += c;
    }
}

/// Length of a Liquid tag starting at i ("{{ ... }}" or "{% ... %}"), 0 if none.
qsizetype liquidTagLength(const QString &s, qsizetype i)
{
    if (i + 1 >= s.size() || s.at(i) != QLatin1Char('{'))
        return 0;
    const QChar k = s.at(i + 1);
    QLatin1String close;
    if (k == QLatin1Char('{'))
        close = QLatin1String("}}");
    else if (k == QLatin1Char('%'))
        close = QLatin1String("%}");
    else
        return 0;
    const qsizetype end = s.indexOf(close, i + 2);
    if (end < 0)
        return 0; // unterminated: leave as text; the Liquid parser reports it
    return end + 2 - i;
}

bool safeLink(const QString &url)
{
    const QString u = url.trimmed().toLower();
    return u.startsWith(QLatin1String("https://")) || u.startsWith(QLatin1String("http://")) ||
           u.startsWith(QLatin1String("mailto:")) || u.startsWith(QLatin1String("{{"));
}

/// Inline markup of one paragraph/list item/heading.
QString inlineHtml(const QString &s)
{
    QString out;
    std::vector<QLatin1String> open; // markers currently open, innermost last
    const auto tagFor = [](QLatin1String m, bool closing) {
        const bool bold = m == QLatin1String("**");
        if (closing)
            return QString(bold ? QStringLiteral("</strong>") : QStringLiteral("</em>"));
        return QString(bold ? QStringLiteral("<strong>") : QStringLiteral("<em>"));
    };
    for (qsizetype i = 0; i < s.size();) {
        if (const qsizetype n = liquidTagLength(s, i)) {
            out += s.mid(i, n);
            i += n;
            continue;
        }
        const QChar c = s.at(i);
        if (c == QLatin1Char('*')) {
            const QLatin1String m = (i + 1 < s.size() && s.at(i + 1) == QLatin1Char('*'))
                                        ? QLatin1String("**")
                                        : QLatin1String("*");
            if (!open.empty() && open.back() == m) {
                out += tagFor(m, true);
                open.pop_back();
            } else if (std::find(open.begin(), open.end(), m) == open.end()) {
                out += tagFor(m, false);
                open.push_back(m);
            } else {
                out += m; // would cross another marker: keep it literal
            }
            i += m.size();
            continue;
        }
        if (c == QLatin1Char('[')) {
            const qsizetype closeLabel = s.indexOf(QLatin1String("]("), i);
            const qsizetype closeUrl =
                closeLabel < 0 ? -1 : s.indexOf(QLatin1Char(')'), closeLabel);
            if (closeLabel > i && closeUrl > closeLabel) {
                const QString label = s.mid(i + 1, closeLabel - i - 1);
                const QString url = s.mid(closeLabel + 2, closeUrl - closeLabel - 2).trimmed();
                if (safeLink(url)) {
                    out += QStringLiteral("<a href=\"") + escapeHtmlKeepLiquid(url) +
                           QStringLiteral("\" target=\"_blank\" style=\"color:#1a73e8;"
                                          "text-decoration:underline;\">") +
                           escapeHtmlKeepLiquid(label) + QStringLiteral("</a>");
                    i = closeUrl + 1;
                    continue;
                }
            }
        }
        appendEscaped(out, c);
        ++i;
    }
    while (!open.empty()) {
        out += tagFor(open.back(), true);
        open.pop_back();
    }
    return out;
}

QString inlineText(const QString &s)
{
    QString out;
    for (qsizetype i = 0; i < s.size();) {
        if (const qsizetype n = liquidTagLength(s, i)) {
            out += s.mid(i, n);
            i += n;
            continue;
        }
        const QChar c = s.at(i);
        if (c == QLatin1Char('*')) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('[')) {
            const qsizetype closeLabel = s.indexOf(QLatin1String("]("), i);
            const qsizetype closeUrl =
                closeLabel < 0 ? -1 : s.indexOf(QLatin1Char(')'), closeLabel);
            if (closeLabel > i && closeUrl > closeLabel) {
                const QString url = s.mid(closeLabel + 2, closeUrl - closeLabel - 2).trimmed();
                if (safeLink(url)) {
                    out += s.mid(i + 1, closeLabel - i - 1) + QStringLiteral(" (") + url +
                           QLatin1Char(')');
                    i = closeUrl + 1;
                    continue;
                }
            }
        }
        out += c;
        ++i;
    }
    return out;
}

struct Paragraph {
    enum Kind { Para, Heading, List } kind = Para;
    QStringList lines;
};

std::vector<Paragraph> paragraphs(const QString &source)
{
    std::vector<Paragraph> out;
    Paragraph cur;
    const auto flush = [&] {
        if (!cur.lines.isEmpty())
            out.push_back(cur);
        cur = Paragraph();
    };
    QString normalized = source;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    for (const QString &raw : normalized.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.isEmpty()) {
            flush();
            continue;
        }
        if (line.startsWith(QLatin1String("## "))) {
            flush();
            cur.kind = Paragraph::Heading;
            cur.lines << line.mid(3).trimmed();
            flush();
            continue;
        }
        const bool item =
            line.startsWith(QLatin1String("- ")) || line.startsWith(QLatin1String("* "));
        if (item) {
            if (cur.kind != Paragraph::List)
                flush();
            cur.kind = Paragraph::List;
            cur.lines << line.mid(2).trimmed();
            continue;
        }
        if (cur.kind != Paragraph::Para)
            flush();
        cur.lines << line;
    }
    flush();
    return out;
}

} // namespace

QString escapeHtmlKeepLiquid(const QString &text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size();) {
        if (const qsizetype n = liquidTagLength(text, i)) {
            out += text.mid(i, n);
            i += n;
            continue;
        }
        appendEscaped(out, text.at(i));
        ++i;
    }
    return out;
}

QString escapeHtml(const QString &text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (QChar c : text)
        appendEscaped(out, c);
    return out;
}

QString RichText::toHtml(const QString &source, const QString &align)
{
    const QString textStyle = QStringLiteral("margin:0 0 12px 0;") + kFont +
                              QStringLiteral("font-size:16px;line-height:24px;color:#202124;"
                                             "text-align:%1;")
                                  .arg(align);
    QString out;
    for (const Paragraph &p : paragraphs(source)) {
        switch (p.kind) {
        case Paragraph::Heading:
            out += QStringLiteral("<h2 style=\"margin:0 0 12px 0;") + kFont +
                   QStringLiteral("font-size:20px;line-height:28px;color:#202124;text-align:%1;\">")
                       .arg(align) +
                   inlineHtml(p.lines.first()) + QStringLiteral("</h2>\n");
            break;
        case Paragraph::List:
            out += QStringLiteral("<ul style=\"margin:0 0 12px 0;padding:0 0 0 24px;") + kFont +
                   QStringLiteral("font-size:16px;line-height:24px;color:#202124;\">\n");
            for (const QString &l : p.lines)
                out += QStringLiteral("<li style=\"margin:0 0 4px 0;\">") + inlineHtml(l) +
                       QStringLiteral("</li>\n");
            out += QStringLiteral("</ul>\n");
            break;
        case Paragraph::Para: {
            QStringList parts;
            for (const QString &l : p.lines)
                parts << inlineHtml(l);
            out += QStringLiteral("<p style=\"") + textStyle + QStringLiteral("\">") +
                   parts.join(QStringLiteral("<br>")) + QStringLiteral("</p>\n");
            break;
        }
        }
    }
    return out;
}

QString RichText::toText(const QString &source)
{
    QStringList blocks;
    for (const Paragraph &p : paragraphs(source)) {
        QStringList lines;
        for (const QString &l : p.lines)
            lines << (p.kind == Paragraph::List ? QStringLiteral("- ") : QString()) + inlineText(l);
        blocks << lines.join(QLatin1Char('\n'));
    }
    return blocks.join(QStringLiteral("\n\n"));
}

} // namespace mw
