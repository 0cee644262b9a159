#include "emptystatepage.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mw::ui {

EmptyStatePage::EmptyStatePage(const QString &symbol, const QString &title,
                               const QString &description, const QStringList &points,
                               QWidget *parent)
    : QWidget(parent)
{
    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("emptyStateCard"));
    card->setFixedWidth(560); // word-wrapped labels need a width to lay out against
    card->setStyleSheet(QStringLiteral(
        "#emptyStateCard { background: palette(base); border: 1px solid palette(mid);"
        " border-radius: 12px; }"));

    auto *icon = new QLabel(symbol);
    icon->setAlignment(Qt::AlignCenter);
    QFont iconFont = icon->font();
    iconFont.setPointSizeF(iconFont.pointSizeF() * 4);
    icon->setFont(iconFont);
    icon->setStyleSheet(QStringLiteral("color: #5b7fa6;"));

    auto *heading = new QLabel(title);
    heading->setObjectName(QStringLiteral("emptyStateTitle"));
    heading->setAlignment(Qt::AlignCenter);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto *text = new QLabel(description);
    text->setObjectName(QStringLiteral("emptyStateText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(36, 32, 36, 32);
    layout->setSpacing(12);
    layout->addWidget(icon);
    layout->addWidget(heading);
    layout->addWidget(text);
    // One label per point: rich-text lists in a word-wrapped label get clipped.
    for (const QString &p : points) {
        auto *point = new QLabel(QStringLiteral("•  ") + p);
        point->setObjectName(QStringLiteral("emptyStatePoint"));
        point->setWordWrap(true);
        point->setForegroundRole(QPalette::PlaceholderText);
        point->setContentsMargins(40, 0, 0, 0);
        layout->addWidget(point);
    }
    layout->addSpacing(6);
    auto *note = new QLabel(tr("Coming in a later version of Mailwright."));
    note->setAlignment(Qt::AlignCenter);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);

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

} // namespace mw::ui
