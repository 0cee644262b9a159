#pragma once

#include <QJsonValue>
#include <QWidget>

#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace mw::ui {

/// Edits a rule condition (a variant's `when`, a block's `hide_when`) without typing JSON
/// for the common cases: one field test (field, operator, value) or segment membership.
/// Anything else (groups of conditions) stays editable as JSON. Under it, the condition
/// as the rules engine reads it (mw::Condition::describe) or why it does not parse.
class ConditionEditor : public QWidget {
    Q_OBJECT
public:
    enum class Mode { None, Always, Field, Segment, Json };

    /// noneLabel: what "no condition" means here ("always" for a variant, "never" for
    /// hide_when).
    explicit ConditionEditor(const QString &noneLabel, QWidget *parent = nullptr);

    /// Fields offered for field tests (subscriber.*, metrics.*, attributes.*).
    void setFields(const QStringList &fields);
    /// Shows a condition (undefined/null: none) without emitting edited().
    void setCondition(const QJsonValue &condition);
    /// The condition as shown; undefined for "no condition".
    QJsonValue condition() const;
    Mode mode() const;
    void setMode(Mode mode);

    QComboBox *modeBox() const { return m_mode; }
    QComboBox *fieldBox() const { return m_field; }
    QComboBox *operatorBox() const { return m_op; }
    QLineEdit *valueEdit() const { return m_value; }
    QLineEdit *segmentEdit() const { return m_segment; }
    QCheckBox *negateBox() const { return m_negate; }
    QPlainTextEdit *jsonEdit() const { return m_json; }
    QLabel *summary() const { return m_summary; }

    /// A value typed for a field test, as JSON: numbers and true/false are typed, "quoted"
    /// text stays text; with a list operator, comma-separated items make an array.
    static QJsonValue parseValue(const QString &text, bool list);
    static QString valueText(const QJsonValue &value);

signals:
    /// The user changed the condition (undefined: remove it). typing: text typed into a
    /// field (one undo step while it goes on), rather than a choice made.
    void edited(const QJsonValue &condition, bool typing);

private:
    void onEdited(bool typing);
    void showPage();
    QJsonValue conditionOf(Mode mode) const;
    void updateSummary();
    void updateValueVisibility();

    QComboBox *m_mode;
    std::vector<std::pair<Mode, QWidget *>> m_pages;
    Mode m_shownMode = Mode::None;
    QComboBox *m_field;
    QComboBox *m_op;
    QLineEdit *m_value;
    QLineEdit *m_segment;
    QCheckBox *m_negate;
    QPlainTextEdit *m_json;
    QLabel *m_summary;
    bool m_updating = false;
};

} // namespace mw::ui
