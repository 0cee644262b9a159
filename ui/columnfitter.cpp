#include "columnfitter.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace mw::ui {

ColumnFitter::ColumnFitter(QTableView *view, QVector<Column> columns, bool arranged)
    : QObject(view), m_view(view), m_columns(std::move(columns)), m_arranged(arranged)
{
    m_view->viewport()->installEventFilter(this);
    QHeaderView *h = m_view->horizontalHeader();
    connect(h, &QHeaderView::sectionResized, this, &ColumnFitter::onSectionResized);
    connect(h, &QHeaderView::sectionHandleDoubleClicked, this, [this] {
        if (!m_arranged) {
            m_arranged = true;
            emit arrangedByUser();
        }
    });
    fit();
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::onSectionResized()
{
    // Our own resizes, and the header's (stretching the last section, restoring a
    // state), happen without a mouse button down; a drag on a section edge does not.
    if (m_fitting || m_arranged || !(QApplication::mouseButtons() & Qt::LeftButton))
        return;
    m_arranged = true;
    emit arrangedByUser();
}

void ColumnFitter::fit()
{
    if (m_arranged)
        return;
    QHeaderView *h = m_view->horizontalHeader();
    const int count = std::min<int>(static_cast<int>(m_columns.size()), h->count());
    QVector<int> width(count), room(count); // room: how much a column can still give up
    int total = 0;
    for (int c = 0; c < count; ++c) {
        const Column &col = m_columns[c];
        width[c] = col.natural;
        if (!h->isSectionHidden(c)) {
            total += col.natural;
            if (col.minimum > 0 && col.weight > 0)
                room[c] = std::max(0, col.natural - col.minimum);
        }
    }
    // Shares of what must go, by weight, among the columns that still have room; what a
    // column cannot give goes round again to the others.
    int cut = total - m_view->viewport()->width();
    while (cut > 0) {
        int weights = 0;
        for (int c = 0; c < count; ++c)
            if (room[c] > 0)
                weights += m_columns[c].weight;
        if (weights == 0)
            break; // the rest scrolls
        int given = 0, seen = 0, round = 0;
        for (int c = 0; c < count; ++c) {
            if (room[c] <= 0)
                continue;
            seen += m_columns[c].weight;
            const int share = cut * seen / weights - given; // cumulative: adds up to cut
            given += share;
            const int take = std::min(share, room[c]);
            width[c] -= take;
            room[c] -= take;
            round += take;
        }
        if (round == 0)
            break;
        cut -= round;
    }
    m_fitting = true;
    for (int c = 0; c < count; ++c)
        h->resizeSection(c, width[c]);
    m_fitting = false;
}

} // namespace mw::ui
