#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace mw::ui {

/// A page that shows one rounded card in its middle: the welcome page and the empty
/// states. The card has a fixed width (word-wrapped labels need one to lay out against)
/// and grows with its content; pages add their widgets to cardLayout().
class CenteredCard : public QWidget {
    Q_OBJECT
public:
    /// extraStyle: more style sheet rules for the card's children (buttons ...).
    explicit CenteredCard(int width, const QString &extraStyle = {}, QWidget *parent = nullptr);

    QVBoxLayout *cardLayout() const { return m_layout; }

    /// The usual top of a card: a large symbol (may be empty), a bold title and a centred,
    /// wrapped description (objects "emptyStateTitle" and "emptyStateText").
    void addHeading(const QString &symbol, const QString &title, const QString &description,
                    double titleScale = 1.6);
    /// A centred, wrapped line in the placeholder colour.
    QLabel *addNote(const QString &text);

private:
    QVBoxLayout *m_layout;
};

} // namespace mw::ui
