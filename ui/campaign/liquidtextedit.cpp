#include "liquidtextedit.h"

#include "liquidhighlighter.h"
#include "liquidsyntaxcheck.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>

namespace mw::ui {

namespace {
// Long enough not to flash errors while a tag is half-typed, short enough to feel live.
constexpr int kValidateDelayMs = 250;
} // namespace

LiquidTextEdit::LiquidTextEdit(QWidget *parent)
    : QPlainTextEdit(parent), m_highlighter(new LiquidHighlighter(document())),
      m_completer(new QCompleter(this)), m_completionModel(new QStringListModel(this)),
      m_validateTimer(new QTimer(this)), m_validator(&LiquidSyntaxCheck::check)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_completer->setModel(m_completionModel);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &LiquidTextEdit::insertCompletion);
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(kValidateDelayMs);
    connect(m_validateTimer, &QTimer::timeout, this, &LiquidTextEdit::validateNow);
    connect(document(), &QTextDocument::contentsChanged, this, &LiquidTextEdit::onContentsChanged);
}

void LiquidTextEdit::setSingleLine(bool singleLine)
{
    m_singleLine = singleLine;
    setVerticalScrollBarPolicy(singleLine ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    // A scroll bar would take the only line's room; the text scrolls with the cursor.
    setHorizontalScrollBarPolicy(singleLine ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    setLineWrapMode(singleLine ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);
    setSizePolicy(QSizePolicy::Expanding, singleLine ? QSizePolicy::Fixed : QSizePolicy::Expanding);
    updateGeometry();
}

QSize LiquidTextEdit::sizeHint() const
{
    const int line = fontMetrics().lineSpacing();
    const int frame = 2 * (frameWidth() + static_cast<int>(document()->documentMargin()));
    if (m_singleLine)
        return {240, line + frame + 2};
    return {240, 4 * line + frame};
}

QSize LiquidTextEdit::minimumSizeHint() const
{
    const QSize hint = sizeHint();
    return {80, m_singleLine ? hint.height() : 2 * fontMetrics().lineSpacing() + 12};
}

void LiquidTextEdit::setCompletions(const QStringList &fields, const QStringList &filters)
{
    m_fields = fields;
    m_filters = filters;
}

void LiquidTextEdit::setValidator(Validator validator)
{
    m_validator = std::move(validator);
    validateNow();
}

void LiquidTextEdit::setTextQuietly(const QString &text)
{
    if (text == toPlainText())
        return;
    const int position = textCursor().position();
    m_quiet = true;
    setPlainText(text);
    m_quiet = false;
    QTextCursor c = textCursor();
    c.setPosition(qMin(position, static_cast<int>(text.size())));
    setTextCursor(c);
    validateNow();
}

QString LiquidTextEdit::errorText() const
{
    return m_error ? m_error->toString() : QString();
}

void LiquidTextEdit::onContentsChanged()
{
    m_validateTimer->start();
    if (m_quiet)
        return;
    if (m_singleLine && toPlainText().contains(QLatin1Char('\n'))) {
        // Pasted line breaks make no sense in a subject line.
        QString flat = toPlainText();
        flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
        setTextQuietly(flat);
    }
    emit edited(toPlainText());
}

void LiquidTextEdit::validateNow()
{
    m_validateTimer->stop();
    std::optional<Error> error = m_validator ? m_validator(toPlainText()) : std::nullopt;
    const QString before = errorText();
    m_error = std::move(error);
    showError();
    if (errorText() != before)
        emit errorChanged(errorText());
}

void LiquidTextEdit::showError()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_error && m_error->line > 0) {
        QTextBlock block = document()->findBlockByNumber(m_error->line - 1);
        if (!block.isValid())
            block = document()->lastBlock();
        QTextCursor c(block);
        const int column = qBound(0, m_error->column - 1, qMax(0, block.length() - 1));
        c.setPosition(block.position() + column);
        // Underline from the error to the end of its word or markup, at least one char.
        int end = column;
        const QString text = block.text();
        while (end < text.size() && !text.at(end).isSpace())
            ++end;
        if (end == column)
            end = qMin(column + 1, static_cast<int>(text.size()));
        if (end == column && column > 0) {
            c.setPosition(block.position() + column - 1);
            end = column;
        }
        c.setPosition(block.position() + end, QTextCursor::KeepAnchor);
        QTextEdit::ExtraSelection sel;
        sel.cursor = c;
        sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        sel.format.setUnderlineColor(Qt::red);
        sel.format.setToolTip(m_error->message);
        selections.append(sel);
    }
    setExtraSelections(selections);
}

bool LiquidTextEdit::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        if (m_error) {
            const QTextCursor at = cursorForPosition(help->pos() - viewport()->pos());
            for (const auto &sel : extraSelections()) {
                if (at.position() >= sel.cursor.selectionStart() - 1 &&
                    at.position() <= sel.cursor.selectionEnd() + 1) {
                    QToolTip::showText(help->globalPos(), errorText(), this);
                    return true;
                }
            }
        }
        QToolTip::hideText();
        e->ignore();
        return true;
    }
    return QPlainTextEdit::event(e);
}

void LiquidTextEdit::focusOutEvent(QFocusEvent *e)
{
    if (m_validateTimer->isActive())
        validateNow();
    QPlainTextEdit::focusOutEvent(e);
}

QString LiquidTextEdit::wordUnderCursor(int *start) const
{
    const QTextCursor c = textCursor();
    const QString text = c.block().text();
    int i = c.positionInBlock();
    const int end = i;
    while (i > 0 && (text.at(i - 1).isLetterOrNumber() || text.at(i - 1) == QLatin1Char('_') ||
                     text.at(i - 1) == QLatin1Char('.')))
        --i;
    if (start)
        *start = i;
    return text.mid(i, end - i);
}

bool LiquidTextEdit::cursorInsideMarkup() const
{
    const QTextCursor c = textCursor();
    const QString before = toPlainText().left(c.position());
    const qsizetype open =
        qMax(before.lastIndexOf(QLatin1String("{{")), before.lastIndexOf(QLatin1String("{%")));
    const qsizetype close =
        qMax(before.lastIndexOf(QLatin1String("}}")), before.lastIndexOf(QLatin1String("%}")));
    return open >= 0 && open > close;
}

void LiquidTextEdit::updateCompletionPopup(bool force)
{
    int start = 0;
    const QString word = wordUnderCursor(&start);
    if (!cursorInsideMarkup() || (!force && word.isEmpty())) {
        m_completer->popup()->hide();
        return;
    }
    // After `|` we complete filter names, otherwise field paths.
    const QString line = textCursor().block().text().left(start);
    const QString trimmed = line.trimmed();
    const bool filter = trimmed.endsWith(QLatin1Char('|'));
    m_completionModel->setStringList(filter ? m_filters : m_fields);
    if (word != m_completer->completionPrefix()) {
        m_completer->setCompletionPrefix(word);
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    }
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 && m_completer->currentCompletion() == word)) {
        m_completer->popup()->hide();
        return;
    }
    QRect r = cursorRect();
    r.setWidth(m_completer->popup()->sizeHintForColumn(0) +
               m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(r);
}

void LiquidTextEdit::insertCompletion(const QString &completion)
{
    int start = 0;
    wordUnderCursor(&start);
    QTextCursor c = textCursor();
    c.setPosition(c.block().position() + start, QTextCursor::KeepAnchor);
    c.insertText(completion);
    setTextCursor(c);
}

void LiquidTextEdit::keyPressEvent(QKeyEvent *e)
{
    if (m_completer->popup()->isVisible()) {
        switch (e->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            e->ignore(); // the completer handles these
            return;
        default:
            break;
        }
    }
    const bool force = e->key() == Qt::Key_Space && (e->modifiers() & Qt::ControlModifier);
    if (!force) {
        if (m_singleLine && (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter)) {
            e->ignore();
            return;
        }
        QPlainTextEdit::keyPressEvent(e);
    }
    const QString typed = e->text();
    if (force || (!typed.isEmpty() && (typed.at(0).isLetterOrNumber() ||
                                       typed == QLatin1String(".") || typed == QLatin1String("_"))))
        updateCompletionPopup(force);
    else if (m_completer->popup()->isVisible())
        m_completer->popup()->hide();
}

} // namespace mw::ui
