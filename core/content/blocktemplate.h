#pragma once

#include "content/blocktype.h"

#include <QJsonObject>
#include <QString>

namespace mw {

/// The Liquid source of one block variant: an HTML form (table layout, inline styles,
/// one <tr> of the 600 px body) and a plain-text form. Authored text is escaped here;
/// subscriber data inside Liquid output is escaped when rendering.
struct BlockTemplate {
    QString html;
    QString text;
};

/// Generates block templates from block content (fields filled with their defaults).
class BlockTemplateGenerator {
public:
    static BlockTemplate generate(BlockType type, const QJsonObject &content);
};

/// The email around the blocks: doctype, head, hidden preheader, 600 px body table.
/// subjectHtml and preheaderHtml must already be HTML-escaped.
class EmailLayout {
public:
    static QString open(const QString &language, const QString &subjectHtml,
                        const QString &preheaderHtml);
    static QString close();
    static constexpr int kBodyWidth = 600;
};

} // namespace mw
