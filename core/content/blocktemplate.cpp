#include "blocktemplate.h"

#include "content/blockfields.h"
#include "content/richtext.h"

#include <QJsonArray>

namespace mw {

namespace {

const QString kFont = QStringLiteral("font-family:Arial,Helvetica,sans-serif;");
constexpr int kPad = 24;                                          // block side padding
constexpr int kContentWidth = EmailLayout::kBodyWidth - 2 * kPad; // 552

QString str(const QJsonObject &c, const char *key)
{
    return c.value(QLatin1String(key)).toString();
}

int num(const QJsonObject &c, const char *key)
{
    return c.value(QLatin1String(key)).toInt();
}

/// Escaped authored text (Liquid kept) for HTML.
QString h(const QJsonObject &c, const char *key)
{
    return escapeHtmlKeepLiquid(str(c, key));
}

QString alignOf(const QString &a, const QString &fallback)
{
    if (a == QLatin1String("left") || a == QLatin1String("center") || a == QLatin1String("right"))
        return a;
    return fallback;
}

QString row(const QString &tdStyle, const QString &inner)
{
    return QStringLiteral("<tr>\n<td style=\"") + tdStyle + QStringLiteral("\">\n") + inner +
           QStringLiteral("</td>\n</tr>\n");
}

QString img(const QString &src, const QString &alt, int width, const QString &extraStyle = {})
{
    // Concatenation, not chained arg(): URLs contain "%20" that arg() would substitute.
    const QString w = QString::number(width);
    return QStringLiteral("<img src=\"") + src + QStringLiteral("\" alt=\"") + alt +
           QStringLiteral("\" width=\"") + w +
           QStringLiteral("\" style=\"display:block;width:100%;max-width:") + w +
           QStringLiteral("px;height:auto;border:0;outline:none;text-decoration:none;") +
           extraStyle + QStringLiteral("\">");
}

QString linked(const QString &url, const QString &inner)
{
    if (url.isEmpty())
        return inner;
    return QStringLiteral("<a href=\"%1\" target=\"_blank\" style=\"text-decoration:none;\">")
               .arg(url) +
           inner + QStringLiteral("</a>");
}

/// Bulletproof button: a table cell carries the colour, the padded link is the hit area.
/// Works without VML and without images.
QString button(const QString &labelHtml, const QString &urlHtml, const QString &color,
               const QString &textColor, const QString &align)
{
    const QString margin = align == QLatin1String("center")  ? QStringLiteral("margin:0 auto;")
                           : align == QLatin1String("right") ? QStringLiteral("margin:0 0 0 auto;")
                                                             : QStringLiteral("margin:0;");
    return QStringLiteral("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" "
                          "border=\"0\" style=\"%1\">\n<tr>\n<td align=\"center\" bgcolor=\"%2\" "
                          "style=\"border-radius:4px;background-color:%2;\">\n")
               .arg(margin, color) +
           QStringLiteral("<a href=\"%1\" target=\"_blank\" style=\"display:inline-block;"
                          "padding:12px 24px;%2font-size:16px;font-weight:bold;line-height:20px;"
                          "color:%3;text-decoration:none;border-radius:4px;border:1px solid %4;\">")
               .arg(urlHtml, kFont, textColor, color) +
           labelHtml + QStringLiteral("</a>\n</td>\n</tr>\n</table>\n");
}

QString paragraph(const QString &inner, const QString &style)
{
    return QStringLiteral("<p style=\"") + style + QStringLiteral("\">") + inner +
           QStringLiteral("</p>\n");
}

QString textStyle(int size, int lineHeight, const QString &color, const QString &extra = {})
{
    // extra may set its own margin; then leave the default out rather than repeat it.
    const QString margin = extra.startsWith(QLatin1String("margin:"))
                               ? QString()
                               : QStringLiteral("margin:0 0 12px 0;");
    return margin + kFont +
           QStringLiteral("font-size:%1px;line-height:%2px;color:%3;%4")
               .arg(size)
               .arg(lineHeight)
               .arg(color, extra);
}

void joinText(QStringList &lines, const QString &s)
{
    if (!s.trimmed().isEmpty())
        lines << s;
}

BlockTemplate header(const QJsonObject &c)
{
    const int w = num(c, "logo_width");
    QString inner =
        QStringLiteral("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" "
                       "cellspacing=\"0\" border=\"0\">\n<tr>\n<td align=\"center\">\n") +
        linked(h(c, "link_url"),
               img(h(c, "logo_url"), h(c, "logo_alt"), w, QStringLiteral("margin:0 auto;"))) +
        QStringLiteral("\n</td>\n</tr>\n</table>\n");
    if (!str(c, "tagline").isEmpty())
        inner += paragraph(h(c, "tagline"),
                           textStyle(13, 18, QStringLiteral("#5f6368"),
                                     QStringLiteral("margin:8px 0 0 0;text-align:center;")));
    QStringList text;
    joinText(text, str(c, "logo_alt"));
    joinText(text, str(c, "tagline"));
    return {row(QStringLiteral("padding:20px 24px;background-color:%1;").arg(str(c, "background")),
                inner),
            text.join(QLatin1Char('\n'))};
}

BlockTemplate hero(const QJsonObject &c)
{
    QString inner;
    if (!str(c, "image_url").isEmpty())
        inner += linked(h(c, "cta_url"), img(h(c, "image_url"), h(c, "image_alt"), kContentWidth,
                                             QStringLiteral("margin:0 0 16px 0;")));
    inner += QStringLiteral("<h1 style=\"margin:0 0 8px 0;") + kFont +
             QStringLiteral("font-size:28px;line-height:34px;color:#202124;text-align:center;\">") +
             h(c, "headline") + QStringLiteral("</h1>\n");
    if (!str(c, "subheadline").isEmpty())
        inner += paragraph(h(c, "subheadline"),
                           textStyle(18, 26, QStringLiteral("#3c4043"),
                                     QStringLiteral("margin:0 0 16px 0;text-align:center;")));
    if (!str(c, "cta_label").isEmpty() && !str(c, "cta_url").isEmpty())
        inner += button(h(c, "cta_label"), h(c, "cta_url"), str(c, "button_color"),
                        QStringLiteral("#ffffff"), QStringLiteral("center"));
    QStringList text;
    joinText(text, str(c, "headline"));
    joinText(text, str(c, "subheadline"));
    if (!str(c, "cta_label").isEmpty() && !str(c, "cta_url").isEmpty())
        text << str(c, "cta_label") + QStringLiteral(": ") + str(c, "cta_url");
    return {
        row(QStringLiteral("padding:24px;background-color:%1;").arg(str(c, "background")), inner),
        text.join(QLatin1Char('\n'))};
}

BlockTemplate textBlock(const QJsonObject &c)
{
    const QString align = alignOf(str(c, "align"), QStringLiteral("left"));
    return {row(QStringLiteral("padding:12px 24px;"), RichText::toHtml(str(c, "text"), align)),
            RichText::toText(str(c, "text"))};
}

BlockTemplate image(const QJsonObject &c)
{
    const int w = num(c, "width");
    const QString inner = QStringLiteral("<table role=\"presentation\" width=\"100%\" "
                                         "cellpadding=\"0\" cellspacing=\"0\" border=\"0\">\n<tr>\n"
                                         "<td align=\"center\">\n") +
                          linked(h(c, "link_url"), img(h(c, "image_url"), h(c, "alt"), w,
                                                       QStringLiteral("margin:0 auto;"))) +
                          QStringLiteral("\n</td>\n</tr>\n</table>\n");
    QString text = QStringLiteral("[") + str(c, "alt") + QStringLiteral("]");
    if (!str(c, "link_url").isEmpty())
        text += QStringLiteral(" ") + str(c, "link_url");
    return {row(w >= EmailLayout::kBodyWidth ? QStringLiteral("padding:0;")
                                             : QStringLiteral("padding:12px 24px;"),
                inner),
            text};
}

BlockTemplate buttonBlock(const QJsonObject &c)
{
    const QString align = alignOf(str(c, "align"), QStringLiteral("center"));
    return {row(QStringLiteral("padding:12px 24px;"),
                button(h(c, "label"), h(c, "url"), str(c, "color"), str(c, "text_color"), align)),
            str(c, "label") + QStringLiteral(": ") + str(c, "url")};
}

BlockTemplate products(const QJsonObject &c)
{
    const int cols = num(c, "columns");
    const int count = num(c, "count");
    const int colWidth = kContentWidth / cols;
    const int imgWidth = colWidth - 16;
    QString inner;
    if (!str(c, "title").isEmpty())
        inner +=
            QStringLiteral("<h2 style=\"margin:0 0 12px 0;") + kFont +
            QStringLiteral("font-size:22px;line-height:28px;color:#202124;text-align:center;\">") +
            h(c, "title") + QStringLiteral("</h2>\n");
    // Columns are inline-block cells that wrap on narrow screens (no media queries needed).
    inner += QStringLiteral("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" "
                            "cellspacing=\"0\" border=\"0\">\n<tr>\n<td align=\"center\" "
                            "style=\"font-size:0;line-height:0;\">\n");
    inner += QStringLiteral("{% for product in recommendations limit: %1 %}").arg(count);
    inner += QStringLiteral("<div style=\"display:inline-block;width:100%;max-width:%1px;"
                            "vertical-align:top;\">\n")
                 .arg(colWidth);
    inner += QStringLiteral("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" "
                            "cellspacing=\"0\" border=\"0\">\n<tr>\n<td align=\"center\" "
                            "style=\"padding:8px;\">\n");
    inner +=
        linked(QStringLiteral("{{ product.url }}"),
               img(QStringLiteral("{{ product.image_url }}"), QStringLiteral("{{ product.name }}"),
                   imgWidth, QStringLiteral("margin:0 auto 8px auto;")));
    inner += QStringLiteral("\n");
    inner += paragraph(QStringLiteral("{{ product.name }}"),
                       textStyle(14, 20, QStringLiteral("#202124"),
                                 QStringLiteral("margin:0 0 4px 0;font-weight:bold;")));
    inner += paragraph(
        QStringLiteral("{{ product.price_formatted }}"),
        textStyle(14, 20, QStringLiteral("#5f6368"), QStringLiteral("margin:0 0 8px 0;")));
    if (!str(c, "cta_label").isEmpty())
        inner += QStringLiteral("<a href=\"{{ product.url }}\" target=\"_blank\" style=\"") +
                 kFont +
                 QStringLiteral("font-size:14px;line-height:20px;color:#1a73e8;font-weight:bold;"
                                "text-decoration:underline;\">") +
                 h(c, "cta_label") + QStringLiteral("</a>\n");
    inner += QStringLiteral("</td>\n</tr>\n</table>\n</div>\n{% endfor %}");
    inner += QStringLiteral("</td>\n</tr>\n</table>\n");

    QString text;
    if (!str(c, "title").isEmpty())
        text += str(c, "title") + QLatin1Char('\n');
    text +=
        QStringLiteral("{% for product in recommendations limit: %1 %}"
                       "- {{ product.name }} ({{ product.price_formatted }}): {{ product.url }}\n"
                       "{% endfor %}")
            .arg(count);
    return {row(QStringLiteral("padding:16px %1px;").arg(kPad - 8), inner), text.trimmed()};
}

BlockTemplate offer(const QJsonObject &c)
{
    const QString accent = str(c, "accent");
    QString inner = QStringLiteral("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" "
                                   "cellspacing=\"0\" border=\"0\" style=\"border:2px dashed %1;"
                                   "border-radius:6px;\">\n<tr>\n<td align=\"center\" "
                                   "style=\"padding:20px;\">\n")
                        .arg(accent);
    inner += QStringLiteral("<h2 style=\"margin:0 0 8px 0;") + kFont +
             QStringLiteral("font-size:24px;line-height:30px;color:%1;text-align:center;\">")
                 .arg(accent) +
             h(c, "title") + QStringLiteral("</h2>\n");
    if (!str(c, "description").isEmpty())
        inner += paragraph(h(c, "description"), textStyle(16, 24, QStringLiteral("#3c4043"),
                                                          QStringLiteral("text-align:center;")));
    if (!str(c, "code").isEmpty())
        inner += paragraph(h(c, "code"),
                           QStringLiteral("margin:0 0 12px 0;font-family:'Courier New',Courier,"
                                          "monospace;font-size:22px;line-height:28px;"
                                          "font-weight:bold;letter-spacing:2px;color:#202124;"
                                          "text-align:center;background-color:#f1f3f4;"
                                          "padding:8px 16px;"));
    if (!str(c, "expires").isEmpty())
        inner += paragraph(h(c, "expires"), textStyle(13, 18, QStringLiteral("#5f6368"),
                                                      QStringLiteral("text-align:center;")));
    if (!str(c, "cta_label").isEmpty() && !str(c, "cta_url").isEmpty())
        inner += button(h(c, "cta_label"), h(c, "cta_url"), accent, QStringLiteral("#ffffff"),
                        QStringLiteral("center"));
    inner += QStringLiteral("</td>\n</tr>\n</table>\n");
    QStringList text;
    joinText(text, str(c, "title"));
    joinText(text, str(c, "description"));
    if (!str(c, "code").isEmpty())
        text << QStringLiteral("Code: ") + str(c, "code");
    joinText(text, str(c, "expires"));
    if (!str(c, "cta_label").isEmpty() && !str(c, "cta_url").isEmpty())
        text << str(c, "cta_label") + QStringLiteral(": ") + str(c, "cta_url");
    return {row(QStringLiteral("padding:16px 24px;"), inner), text.join(QLatin1Char('\n'))};
}

BlockTemplate testimonial(const QJsonObject &c)
{
    QString inner;
    if (!str(c, "image_url").isEmpty())
        inner +=
            QStringLiteral("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" "
                           "border=\"0\" style=\"margin:0 auto 12px auto;\">\n<tr>\n<td>\n") +
            img(h(c, "image_url"), h(c, "image_alt"), 64, QStringLiteral("border-radius:32px;")) +
            QStringLiteral("\n</td>\n</tr>\n</table>\n");
    inner += paragraph(QStringLiteral("&ldquo;") + h(c, "quote") + QStringLiteral("&rdquo;"),
                       textStyle(18, 28, QStringLiteral("#202124"),
                                 QStringLiteral("font-style:italic;text-align:center;")));
    QString who = h(c, "author");
    if (!str(c, "role").isEmpty())
        who += (who.isEmpty() ? QString() : QStringLiteral(", ")) + h(c, "role");
    if (!who.isEmpty())
        inner += paragraph(QStringLiteral("&mdash; ") + who,
                           textStyle(14, 20, QStringLiteral("#5f6368"),
                                     QStringLiteral("margin:0;text-align:center;")));
    QString text = QStringLiteral("\"") + str(c, "quote") + QStringLiteral("\"");
    QString whoText = str(c, "author");
    if (!str(c, "role").isEmpty())
        whoText += (whoText.isEmpty() ? QString() : QStringLiteral(", ")) + str(c, "role");
    if (!whoText.isEmpty())
        text += QStringLiteral("\n-- ") + whoText;
    return {row(QStringLiteral("padding:24px;background-color:#f8f9fa;"), inner), text};
}

BlockTemplate articles(const QJsonObject &c)
{
    QString inner;
    QStringList text;
    if (!str(c, "title").isEmpty()) {
        inner += QStringLiteral("<h2 style=\"margin:0 0 12px 0;") + kFont +
                 QStringLiteral("font-size:22px;line-height:28px;color:#202124;\">") +
                 h(c, "title") + QStringLiteral("</h2>\n");
        text << str(c, "title");
    }
    const QJsonArray items = c.value(QStringLiteral("items")).toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject it = v.toObject();
        // One table per article, so rows with and without an image need no colspan.
        inner += QStringLiteral("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" "
                                "cellspacing=\"0\" border=\"0\">\n<tr>\n");
        if (!str(it, "image_url").isEmpty())
            inner += QStringLiteral(
                         "<td width=\"120\" valign=\"top\" style=\"padding:0 16px 16px 0;\">\n") +
                     linked(h(it, "url"), img(h(it, "image_url"), h(it, "image_alt"), 120)) +
                     QStringLiteral("\n</td>\n");
        inner += QStringLiteral("<td valign=\"top\" style=\"padding:0 0 16px 0;\">\n");
        const QString title = str(it, "url").isEmpty()
                                  ? h(it, "title")
                                  : QStringLiteral("<a href=\"%1\" target=\"_blank\" "
                                                   "style=\"color:#1a73e8;text-decoration:none;\">")
                                            .arg(h(it, "url")) +
                                        h(it, "title") + QStringLiteral("</a>");
        inner += QStringLiteral("<h3 style=\"margin:0 0 4px 0;") + kFont +
                 QStringLiteral("font-size:18px;line-height:24px;color:#202124;\">") + title +
                 QStringLiteral("</h3>\n");
        if (!str(it, "summary").isEmpty())
            inner += paragraph(h(it, "summary"), textStyle(14, 20, QStringLiteral("#3c4043"),
                                                           QStringLiteral("margin:0;")));
        inner += QStringLiteral("</td>\n</tr>\n</table>\n");
        QStringList t;
        joinText(t, QStringLiteral("- ") + str(it, "title"));
        joinText(t, str(it, "summary").isEmpty() ? QString()
                                                 : QStringLiteral("  ") + str(it, "summary"));
        joinText(t, str(it, "url").isEmpty() ? QString() : QStringLiteral("  ") + str(it, "url"));
        text << t.join(QLatin1Char('\n'));
    }
    return {row(QStringLiteral("padding:16px 24px;"), inner), text.join(QLatin1Char('\n'))};
}

BlockTemplate divider(const QJsonObject &c)
{
    const QString inner =
        QStringLiteral("<table role=\"presentation\" width=\"100%\" "
                       "cellpadding=\"0\" cellspacing=\"0\" border=\"0\">\n<tr>\n"
                       "<td style=\"height:0;line-height:0;font-size:0;"
                       "border-top:%1px solid %2;\">&nbsp;</td>\n</tr>\n</table>\n")
            .arg(num(c, "thickness"))
            .arg(str(c, "color"));
    return {row(QStringLiteral("padding:12px 24px;"), inner), QStringLiteral("----------")};
}

BlockTemplate spacer(const QJsonObject &c)
{
    const int height = num(c, "height");
    return {QStringLiteral("<tr>\n<td style=\"height:%1px;line-height:%1px;font-size:0;\">"
                           "&nbsp;</td>\n</tr>\n")
                .arg(height),
            QString()};
}

BlockTemplate footer(const QJsonObject &c)
{
    const QString small = textStyle(12, 18, QStringLiteral("#5f6368"),
                                    QStringLiteral("margin:0 0 8px 0;text-align:center;"));
    const QString link = QStringLiteral("color:#5f6368;text-decoration:underline;");
    const QString prefs = str(c, "preferences_url").isEmpty()
                              ? QStringLiteral("{{ preferences_url }}")
                              : h(c, "preferences_url");
    QString inner;
    if (!str(c, "note").isEmpty())
        inner += paragraph(h(c, "note"), small);
    inner += paragraph(h(c, "company") + QStringLiteral("<br>") + h(c, "postal_address"), small);
    inner += paragraph(
        QStringLiteral("<a href=\"{{ unsubscribe_url }}\" target=\"_blank\" style=\"%1\">")
                .arg(link) +
            h(c, "unsubscribe_label") +
            QStringLiteral("</a> &middot; <a href=\"%1\" target=\"_blank\" style=\"%2\">")
                .arg(prefs, link) +
            h(c, "preferences_label") + QStringLiteral("</a>"),
        small);
    QStringList text;
    joinText(text, str(c, "note"));
    text << str(c, "company") << str(c, "postal_address");
    text << str(c, "unsubscribe_label") + QStringLiteral(": {{ unsubscribe_url }}");
    text << str(c, "preferences_label") + QStringLiteral(": ") +
                (str(c, "preferences_url").isEmpty() ? QStringLiteral("{{ preferences_url }}")
                                                     : str(c, "preferences_url"));
    return {row(QStringLiteral("padding:24px;background-color:#f8f9fa;"), inner),
            text.join(QLatin1Char('\n'))};
}

} // namespace

BlockTemplate BlockTemplateGenerator::generate(BlockType type, const QJsonObject &content)
{
    const QJsonObject c = withDefaults(type, content);
    switch (type) {
    case BlockType::Header:
        return header(c);
    case BlockType::Hero:
        return hero(c);
    case BlockType::Text:
        return textBlock(c);
    case BlockType::Image:
        return image(c);
    case BlockType::Button:
        return buttonBlock(c);
    case BlockType::Products:
        return products(c);
    case BlockType::Offer:
        return offer(c);
    case BlockType::Testimonial:
        return testimonial(c);
    case BlockType::Articles:
        return articles(c);
    case BlockType::Divider:
        return divider(c);
    case BlockType::Spacer:
        return spacer(c);
    case BlockType::Footer:
        return footer(c);
    }
    return {};
}

QString EmailLayout::open(const QString &language, const QString &subjectHtml,
                          const QString &preheaderHtml)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"x-apple-disable-message-reformatting\">\n<title>%2</title>\n"
               "</head>\n<body style=\"margin:0;padding:0;width:100%;background-color:#f1f3f4;\">\n"
               "<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all;\">%3</div>\n"
               "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
               "border=\"0\" style=\"background-color:#f1f3f4;\">\n<tr>\n<td align=\"center\" "
               "style=\"padding:24px 8px;\">\n<table role=\"presentation\" width=\"600\" "
               "cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;"
               "max-width:600px;background-color:#ffffff;\">\n")
        .arg(escapeHtml(language), subjectHtml, preheaderHtml);
}

QString EmailLayout::close()
{
    return QStringLiteral("</table>\n</td>\n</tr>\n</table>\n</body>\n</html>\n");
}

} // namespace mw
