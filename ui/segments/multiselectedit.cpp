#include "multiselectedit.h"

#include "common/typedtext.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

#include <algorithm>

namespace mw::ui {

MultiSelectEdit::MultiSelectEdit(QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_button(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_edit->setPlaceholderText(tr("values, separated by commas"));
    m_edit->setObjectName(QStringLiteral("multiSelectText"));
    // Room for a few typical values ("Highly engaged, Moderately engaged"); the whole list
    // is in the tooltip when it is longer than the field.
    m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    connect(m_edit, &QLineEdit::textChanged, m_edit, &QLineEdit::setToolTip);
    m_button->setText(tr("Pick"));
    m_button->setToolTip(tr("Pick from the values present in the data"));
    m_button->setObjectName(QStringLiteral("multiSelectPick"));
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_button);
    connect(m_edit, &QLineEdit::textEdited, this, [this] { emit valuesEdited(values()); });
    connect(m_button, &QToolButton::clicked, this, &MultiSelectEdit::showMenu);
    m_button->setEnabled(false);
}

void MultiSelectEdit::setChoices(const QStringList &choices)
{
    m_choices = choices;
    m_button->setEnabled(!choices.isEmpty());
}

void MultiSelectEdit::setValues(const QStringList &values)
{
    m_edit->setText(typedtext::joinList(values));
    m_edit->setCursorPosition(0); // show the first values, not the end of the list
}

QStringList MultiSelectEdit::values() const
{
    QStringList out;
    for (const QString &v : typedtext::splitList(m_edit->text()))
        if (!out.contains(v))
            out << v;
    return out;
}

void MultiSelectEdit::showMenu()
{
    QMenu menu(this);
    QStringList v = values();
    // Items are compared by their text (a value with a comma is typed in quotes).
    auto isChoice = [](const QString &item, const QString &choice) {
        return typedtext::unquote(item) == choice;
    };
    for (const QString &c : m_choices) {
        QAction *a = menu.addAction(c);
        a->setCheckable(true);
        a->setChecked(std::any_of(v.cbegin(), v.cend(),
                                  [&](const QString &item) { return isChoice(item, c); }));
        a->setData(c); // the action's text may gain an '&' accelerator
    }
    QAction *picked = menu.exec(m_button->mapToGlobal(QPoint(0, m_button->height())));
    if (!picked)
        return;
    const QString choice = picked->data().toString();
    if (picked->isChecked())
        v << typedtext::itemText(choice);
    else
        v.removeIf([&](const QString &item) { return isChoice(item, choice); });
    setValues(v);
    emit valuesEdited(v);
}

} // namespace mw::ui
