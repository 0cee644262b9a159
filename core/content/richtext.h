#pragma once

#include <QString>

namespace mw {

/// The small, safe rich-text subset of text blocks, turned into email-safe HTML or plain
/// text. Liquid tags ({{ ... }}, {% ... %}) pass through untouched so they render later.
///
///   blank line          new paragraph
///   line break          <br>
///   ## Heading          a sub-heading
///   - item / * item     bullet list
///   **bold**  *italic*  [label](https://link)
///
/// Everything else is text: "<", ">", "&" and quotes are escaped, so no markup, script or
/// style can be smuggled in. Links other than http(s)/mailto stay plain text.
class RichText {
public:
    static QString toHtml(const QString &source, const QString &align = QStringLiteral("left"));
    static QString toText(const QString &source);
};

/// HTML-escapes text outside Liquid tags; the tags are copied verbatim.
QString escapeHtmlKeepLiquid(const QString &text);
/// HTML-escapes everything (for already rendered text).
QString escapeHtml(const QString &text);

} // namespace mw
