#include "emptystatepage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mw::ui {

EmptyStatePage::EmptyStatePage(const QString &symbol, const QString &title,
                               const QString &description, const QStringList &points,
                               QWidget *parent)
    : CenteredCard(560, {}, parent)
{
    addHeading(symbol, title, description);
    // One label per point: rich-text lists in a word-wrapped label get clipped.
    for (const QString &p : points) {
        auto *point = new QLabel(QStringLiteral("•  ") + p);
        point->setObjectName(QStringLiteral("emptyStatePoint"));
        point->setWordWrap(true);
        point->setForegroundRole(QPalette::PlaceholderText);
        point->setContentsMargins(40, 0, 0, 0);
        cardLayout()->addWidget(point);
    }
    cardLayout()->addSpacing(6);
    addNote(tr("Coming in a later version of Mailwright."));
}

} // namespace mw::ui
