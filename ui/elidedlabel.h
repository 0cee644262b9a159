#pragma once

#include <QLabel>

namespace mw::ui {

/// A one-line plain-text label that fits any width: when its text is wider than the
/// label, it shows the start followed by "…" and the whole text becomes the tooltip.
class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    /// The whole text (text() is what is shown, possibly elided).
    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }
    /// Shown as the tooltip, followed by the whole text when that is elided.
    void setExtraToolTip(const QString &tip);
    bool isElided() const { return text() != m_fullText; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateShownText();

    QString m_fullText;
    QString m_extraToolTip;
};

} // namespace mw::ui
