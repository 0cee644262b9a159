#include "elidedlabel.h"

#include <QResizeEvent>

namespace mw::ui {

ElidedLabel::ElidedLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_fullText = text;
    updateShownText();
    updateGeometry();
}

void ElidedLabel::setExtraToolTip(const QString &tip)
{
    m_extraToolTip = tip;
    updateShownText();
}

QSize ElidedLabel::sizeHint() const
{
    // What the whole text needs, so layouts that have the room give it.
    const QMargins m = contentsMargins();
    return {fontMetrics().horizontalAdvance(m_fullText) + m.left() + m.right() + 2 * margin() +
                2 * indent(),
            QLabel::sizeHint().height()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QStringLiteral("Xx…")),
            QLabel::minimumSizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateShownText();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateShownText();
}

void ElidedLabel::updateShownText()
{
    const QString shown =
        fontMetrics().elidedText(m_fullText, Qt::ElideRight, contentsRect().width());
    if (shown != text())
        QLabel::setText(shown);
    QStringList tip;
    if (!m_extraToolTip.isEmpty())
        tip << m_extraToolTip;
    if (isElided())
        tip << m_fullText;
    setToolTip(tip.join(QLatin1Char('\n')));
}

} // namespace mw::ui
