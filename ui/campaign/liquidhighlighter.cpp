#include "liquidhighlighter.h"

namespace mw::ui {

namespace {
enum State { Text = 0, InOutput = 1, InTag = 2 };
}

LiquidHighlighter::LiquidHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    m_delimiter.setForeground(QColor(0x8e, 0x44, 0xad));
    m_delimiter.setFontWeight(QFont::Bold);
    m_output.setForeground(QColor(0x1f, 0x5f, 0xa8));
    m_output.setBackground(QColor(0xee, 0xf4, 0xfb));
    m_tagName.setForeground(QColor(0x8e, 0x44, 0xad));
    m_tagName.setFontWeight(QFont::Bold);
    m_filter.setForeground(QColor(0x0b, 0x7a, 0x4b));
    m_filter.setFontItalic(true);
    m_string.setForeground(QColor(0xb3, 0x5c, 0x00));
}

void LiquidHighlighter::highlightBlock(const QString &text)
{
    int pos = 0;
    int state = previousBlockState() < 0 ? Text : previousBlockState();
    while (pos < text.size()) {
        if (state == Text) {
            const int out = text.indexOf(QLatin1String("{{"), pos);
            const int tag = text.indexOf(QLatin1String("{%"), pos);
            int open = -1;
            if (out >= 0 && (tag < 0 || out < tag)) {
                open = out;
                state = InOutput;
            } else if (tag >= 0) {
                open = tag;
                state = InTag;
            }
            if (open < 0)
                break;
            setFormat(open, 2, m_delimiter);
            pos = open + 2;
            continue;
        }
        const QLatin1String closer = state == InOutput ? QLatin1String("}}") : QLatin1String("%}");
        const int close = text.indexOf(closer, pos);
        const int end = close < 0 ? static_cast<int>(text.size()) : close;
        highlightInside(text, pos, end, state == InTag);
        if (close < 0) {
            pos = static_cast<int>(text.size());
            break;
        }
        setFormat(close, 2, m_delimiter);
        pos = close + 2;
        state = Text;
    }
    setCurrentBlockState(state);
}

void LiquidHighlighter::highlightInside(const QString &text, int start, int end, bool isTag)
{
    if (end <= start)
        return;
    setFormat(start, end - start, m_output);
    int i = start;
    // The first word of a tag is its name (if, for, assign, ...).
    if (isTag) {
        while (i < end && (text.at(i).isSpace() || text.at(i) == QLatin1Char('-')))
            ++i;
        const int nameStart = i;
        while (i < end && (text.at(i).isLetterOrNumber() || text.at(i) == QLatin1Char('_')))
            ++i;
        setFormat(nameStart, i - nameStart, m_tagName);
    }
    bool afterPipe = false;
    while (i < end) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            int j = i + 1;
            while (j < end && text.at(j) != c)
                ++j;
            setFormat(i, qMin(j + 1, end) - i, m_string);
            i = j + 1;
            continue;
        }
        if (c == QLatin1Char('|')) {
            afterPipe = true;
            ++i;
            continue;
        }
        if (afterPipe && (c.isLetter() || c == QLatin1Char('_'))) {
            int j = i;
            while (j < end && (text.at(j).isLetterOrNumber() || text.at(j) == QLatin1Char('_')))
                ++j;
            setFormat(i, j - i, m_filter);
            afterPipe = false;
            i = j;
            continue;
        }
        ++i;
    }
}

} // namespace mw::ui
