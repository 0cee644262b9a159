#include "renderexplanationpanel.h"

#include "tracewords.h"

#include <QColor>
#include <QHeaderView>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mw::ui {

RenderExplanationPanel::RenderExplanationPanel(QWidget *parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_trace(new QTreeWidget(this)),
      m_warnings(new QTreeWidget(this))
{
    m_trace->setHeaderLabels(
        {tr("Block"), tr("Rule"), tr("Subscriber's values"), tr("Outcome"), tr("Why")});
    m_warnings->setHeaderLabels({tr("Kind"), tr("Field"), tr("Block"), tr("Message")});
    for (QTreeWidget *t : {m_trace, m_warnings}) {
        t->setRootIsDecorated(false);
        t->setAlternatingRowColors(true);
        t->setUniformRowHeights(true);
        t->setWordWrap(false);
        t->header()->setStretchLastSection(true);
        t->header()->setSectionResizeMode(QHeaderView::Interactive);
    }
    m_tabs->addTab(m_trace, tr("Why this email?"));
    m_tabs->addTab(m_warnings, tr("Warnings"));
    m_tabs->setDocumentMode(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

void RenderExplanationPanel::setRender(const PreviewRender &render)
{
    // Typing in a text field rarely changes which rules fired; rebuilding and repainting
    // the trace for nothing was the largest cost on the GUI thread per keystroke.
    if (m_shown && render.trace == m_shownTrace && render.warnings == m_shownWarnings)
        return;
    m_shown = true;
    m_shownTrace = render.trace;
    m_shownWarnings = render.warnings;
    m_trace->clear();
    for (const PreviewTraceRow &row : render.trace) {
        auto *item = new QTreeWidgetItem(
            m_trace, {row.block, TraceWords::rule(row.rule), TraceWords::values(row.values),
                      TraceWords::outcome(row.outcome), TraceWords::reason(row.reason)});
        // Matched rules stand out from the ones that were only looked at.
        if (row.outcome.startsWith(QLatin1String("variant")) ||
            row.outcome == QLatin1String("hidden"))
            for (int c = 0; c < 5; ++c)
                item->setForeground(c, QColor(0x0b, 0x5c, 0x2e));
        for (int c = 0; c < 5; ++c)
            item->setToolTip(c, item->text(c));
    }
    m_warnings->clear();
    for (const PreviewWarning &w : render.warnings) {
        auto *item = new QTreeWidgetItem(m_warnings, {w.kind, w.field, w.block, w.message});
        item->setToolTip(3, w.message);
    }
    for (QTreeWidget *t : {m_trace, m_warnings}) {
        for (int c = 0; c < t->columnCount() - 1; ++c) {
            t->resizeColumnToContents(c);
            t->setColumnWidth(c, qMin(t->columnWidth(c), 220));
        }
    }
    m_tabs->setTabText(1, render.warnings.isEmpty()
                              ? tr("Warnings")
                              : tr("Warnings (%1)").arg(render.warnings.size()));
}

} // namespace mw::ui
