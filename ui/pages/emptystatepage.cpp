#include "emptystatepage.h"

#include <QFrame>
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
    card->setMaximumWidth(560);
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
    if (!points.isEmpty()) {
        QString html = QStringLiteral("<ul style=\"margin-left: -20px;\">");
        for (const QString &p : points)
            html +=
                QStringLiteral("<li style=\"margin-bottom: 4px;\">%1</li>").arg(p.toHtmlEscaped());
        html += QStringLiteral("</ul>");
        auto *list = new QLabel(html);
        list->setObjectName(QStringLiteral("emptyStatePoints"));
        list->setTextFormat(Qt::RichText);
        list->setWordWrap(true);
        list->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(list);
    }
    auto *note = new QLabel(tr("Coming in a later version of Mailwright."));
    note->setAlignment(Qt::AlignCenter);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(card, 0, Qt::AlignHCenter);
    outer->addStretch(2);
}

} // namespace mw::ui
