#include "inboxrow.h"

#include <QGridLayout>
#include <QLabel>

namespace mw::ui {

InboxRow::InboxRow(QWidget *parent)
    : QFrame(parent), m_avatar(new QLabel(this)), m_from(new QLabel(this)),
      m_subject(new QLabel(this)), m_preheader(new QLabel(this))
{
    setObjectName(QStringLiteral("inboxRow"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#inboxRow { background: #ffffff; border: 1px solid #d7dce3; "
                                 "border-radius: 4px; }"));
    m_avatar->setFixedSize(36, 36);
    m_avatar->setAlignment(Qt::AlignCenter);
    m_avatar->setStyleSheet(QStringLiteral("background: #3b6fd4; color: white; border-radius: "
                                           "18px; font-weight: bold; font-size: 15px;"));
    QFont bold = m_from->font();
    bold.setBold(true);
    m_from->setFont(bold);
    m_subject->setFont(bold);
    m_preheader->setStyleSheet(QStringLiteral("color: #6b7280;"));
    for (QLabel *l : {m_from, m_subject, m_preheader}) {
        l->setTextFormat(Qt::PlainText);
        l->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // elide, never widen
    }
    auto *time = new QLabel(tr("now"), this);
    time->setStyleSheet(QStringLiteral("color: #6b7280;"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(8, 6, 8, 6);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(1);
    grid->addWidget(m_avatar, 0, 0, 3, 1, Qt::AlignTop);
    grid->addWidget(m_from, 0, 1);
    grid->addWidget(time, 0, 2, Qt::AlignRight);
    grid->addWidget(m_subject, 1, 1, 1, 2);
    grid->addWidget(m_preheader, 2, 1, 1, 2);
    grid->setColumnStretch(1, 1);
    setMessage({}, {}, {});
}

void InboxRow::setMessage(const QString &fromName, const QString &subject, const QString &preheader)
{
    m_from->setText(fromName.isEmpty() ? tr("(no sender name)") : fromName);
    m_subject->setText(subject.isEmpty() ? tr("(no subject)") : subject);
    m_preheader->setText(preheader);
    m_avatar->setText(fromName.isEmpty() ? QStringLiteral("?") : fromName.left(1).toUpper());
    setToolTip(QStringLiteral("%1\n%2\n%3").arg(fromName, subject, preheader));
    m_from->setProperty("value", fromName);
    m_subject->setProperty("value", subject);
    m_preheader->setProperty("value", preheader);
}

QString InboxRow::fromName() const
{
    return m_from->property("value").toString();
}

QString InboxRow::subject() const
{
    return m_subject->property("value").toString();
}

QString InboxRow::preheader() const
{
    return m_preheader->property("value").toString();
}

} // namespace mw::ui
