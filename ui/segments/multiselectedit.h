#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QToolButton;

namespace mw::ui {

/// A list of values: typed comma-separated (a value with a comma in "quotes", see
/// typedtext), or ticked from the values present in the data. values() are the items as
/// typed; typedtext::unquote() or parseScalar() reads each.
class MultiSelectEdit : public QWidget {
    Q_OBJECT
public:
    explicit MultiSelectEdit(QWidget *parent = nullptr);
    void setChoices(const QStringList &choices);
    void setValues(const QStringList &values);
    QStringList values() const;
    QLineEdit *lineEdit() const { return m_edit; }

signals:
    void valuesEdited(const QStringList &values);

private:
    void showMenu();

    QLineEdit *m_edit;
    QToolButton *m_button;
    QStringList m_choices;
};

} // namespace mw::ui
