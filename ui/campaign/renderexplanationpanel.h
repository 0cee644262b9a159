#pragma once

#include "previewrender.h"

#include <QWidget>

class QLabel;
class QTabWidget;
class QTreeWidget;

namespace mw::ui {

/// "Why this email?": the render trace (each block, variant and rule, the subscriber's
/// values it looked at, and the outcome), and the warnings (missing fields, fallbacks).
class RenderExplanationPanel : public QWidget {
    Q_OBJECT
public:
    explicit RenderExplanationPanel(QWidget *parent = nullptr);
    void setRender(const PreviewRender &render);

    QTreeWidget *traceView() const { return m_trace; }
    QTreeWidget *warningView() const { return m_warnings; }

private:
    QList<PreviewTraceRow> m_shownTrace;
    QList<PreviewWarning> m_shownWarnings;
    bool m_shown = false;
    QTabWidget *m_tabs;
    QTreeWidget *m_trace;
    QTreeWidget *m_warnings;
};

} // namespace mw::ui
