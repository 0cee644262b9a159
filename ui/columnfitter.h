#pragma once

#include <QObject>
#include <QVector>

class QTableView;

namespace mw::ui {

/// Keeps a table's columns inside its width while the user has not arranged them: every
/// column gets its natural width, and when they do not all fit, the flexible columns
/// (long text such as e-mail and name, which elide and have tooltips) give up width down
/// to a minimum — so narrow windows and an open side pane show every column instead of
/// hiding the last ones behind a horizontal scroll. Once the user resizes a column by
/// hand, their widths stand (arranged() turns true and arrangedByUser() is emitted).
class ColumnFitter : public QObject {
    Q_OBJECT
public:
    struct Column {
        int natural = 0; // pixels
        int minimum = 0; // pixels; 0 = fixed at natural
        int weight = 0;  // share of the shrinking among flexible columns
    };

    /// Starts fitting unless arranged (the user arranged the columns in an earlier run).
    ColumnFitter(QTableView *view, QVector<Column> columns, bool arranged);

    bool arranged() const { return m_arranged; }
    /// Fits now (also done on every resize of the view).
    void fit();

signals:
    void arrangedByUser();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSectionResized();

    QTableView *m_view;
    QVector<Column> m_columns;
    bool m_arranged;
    bool m_fitting = false;
};

} // namespace mw::ui
