#pragma once

#include "common/error.h"

#include <QPlainTextEdit>
#include <QStringList>

#include <functional>
#include <optional>

class QCompleter;
class QStringListModel;
class QTimer;

namespace mw::ui {

class LiquidHighlighter;

/// A plain-text editor for Liquid templates: highlighting, completion of the fields that
/// exist (`subscriber.`, `metrics.`, `attributes.`) and of filters after `|`, and syntax
/// errors underlined while typing (checked after a short pause).
class LiquidTextEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    using Validator = std::function<std::optional<Error>(const QString &)>;

    explicit LiquidTextEdit(QWidget *parent = nullptr);

    /// One-line mode for subject, preheader and from name: Enter is ignored.
    void setSingleLine(bool singleLine);
    bool isSingleLine() const { return m_singleLine; }

    /// Field paths ("subscriber.first_name") and filter names offered by completion.
    void setCompletions(const QStringList &fields, const QStringList &filters);
    void setValidator(Validator validator);

    /// Replaces the text without emitting edited() (undo/redo, document reloads).
    void setTextQuietly(const QString &text);

    /// The current syntax error, if any ("line L, column C: message" via errorText()).
    const std::optional<Error> &syntaxError() const { return m_error; }
    QString errorText() const;
    /// Runs the pending validation now (tests, focus loss).
    void validateNow();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// The user changed the text (not emitted by setTextQuietly()).
    void edited(const QString &text);
    /// The syntax error changed; an empty string when the text is valid.
    void errorChanged(const QString &errorText);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void onContentsChanged();
    void insertCompletion(const QString &completion);
    void updateCompletionPopup(bool force);
    QString wordUnderCursor(int *start) const;
    bool cursorInsideMarkup() const;
    void showError();

    LiquidHighlighter *m_highlighter;
    QCompleter *m_completer;
    QStringListModel *m_completionModel;
    QStringList m_fields;
    QStringList m_filters;
    QTimer *m_validateTimer;
    Validator m_validator;
    std::optional<Error> m_error;
    bool m_singleLine = false;
    bool m_quiet = false;
};

} // namespace mw::ui
