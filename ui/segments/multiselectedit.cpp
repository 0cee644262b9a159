#include "multiselectedit.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

namespace mw::ui {

MultiSelectEdit::MultiSelectEdit(QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_button(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_edit->setPlaceholderText(tr("values, separated by commas"));
    m_edit->setObjectName(QStringLiteral("multiSelectText"));
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
    m_edit->setText(values.join(QStringLiteral(", ")));
}

QStringList MultiSelectEdit::values() const
{
    QStringList out;
    for (const QString &part : m_edit->text().split(QLatin1Char(','))) {
        const QString v = part.trimmed();
        if (!v.isEmpty() && !out.contains(v))
            out << v;
    }
    return out;
}

void MultiSelectEdit::showMenu()
{
    QMenu menu(this);
    const QStringList current = values();
    for (const QString &c : m_choices) {
        QAction *a = menu.addAction(c);
        a->setCheckable(true);
        a->setChecked(current.contains(c));
    }
    QAction *picked = menu.exec(m_button->mapToGlobal(QPoint(0, m_button->height())));
    if (!picked)
        return;
    QStringList v = values();
    if (picked->isChecked())
        v << picked->text();
    else
        v.removeAll(picked->text());
    setValues(v);
    emit valuesEdited(v);
}

} // namespace mw::ui
