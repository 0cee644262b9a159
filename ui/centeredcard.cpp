#include "centeredcard.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mw::ui {

CenteredCard::CenteredCard(int width, const QString &extraStyle, QWidget *parent) : QWidget(parent)
{
    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("card"));
    card->setFixedWidth(width);
    card->setStyleSheet(QStringLiteral("#card { background: palette(base); border: 1px solid "
                                       "palette(mid); border-radius: 12px; }") +
                        extraStyle);
    m_layout = new QVBoxLayout(card);
    m_layout->setContentsMargins(36, 32, 36, 32);
    m_layout->setSpacing(12);

    // Centred by stretches, not alignment, so the card's height follows its wrapped text.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card);
    row->addStretch(1);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
}

void CenteredCard::addHeading(const QString &symbol, const QString &title,
                              const QString &description, double titleScale)
{
    if (!symbol.isEmpty()) {
        auto *icon = new QLabel(symbol);
        icon->setAlignment(Qt::AlignCenter);
        QFont iconFont = icon->font();
        iconFont.setPointSizeF(iconFont.pointSizeF() * 4);
        icon->setFont(iconFont);
        icon->setStyleSheet(QStringLiteral("color: #5b7fa6;"));
        m_layout->addWidget(icon);
    }
    auto *heading = new QLabel(title);
    heading->setObjectName(QStringLiteral("emptyStateTitle"));
    heading->setAlignment(Qt::AlignCenter);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * titleScale);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    m_layout->addWidget(heading);

    auto *text = new QLabel(description);
    text->setObjectName(QStringLiteral("emptyStateText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    m_layout->addWidget(text);
}

QLabel *CenteredCard::addNote(const QString &text)
{
    auto *note = new QLabel(text);
    note->setAlignment(Qt::AlignCenter);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    m_layout->addWidget(note);
    return note;
}

} // namespace mw::ui
