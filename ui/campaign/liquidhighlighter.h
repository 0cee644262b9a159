#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace mw::ui {

/// Colours Liquid markup in plain text: `{{ output }}`, `{% tags %}`, the tag name,
/// filters after `|`, and string literals. Markup may span lines.
class LiquidHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit LiquidHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightInside(const QString &text, int start, int end, bool isTag);

    QTextCharFormat m_delimiter;
    QTextCharFormat m_output;
    QTextCharFormat m_tagName;
    QTextCharFormat m_filter;
    QTextCharFormat m_string;
};

} // namespace mw::ui
