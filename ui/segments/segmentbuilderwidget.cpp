#include "segmentbuilderwidget.h"

#include "conditiongroupwidget.h"
#include "conditionrowwidget.h"

#include <QRegularExpression>
#include <QScrollBar>
#include <QTimer>

namespace mw::ui {

SegmentBuilderWidget::SegmentBuilderWidget(SegmentDocument *document, QWidget *parent)
    : QScrollArea(parent), m_document(document)
{
    setObjectName(QStringLiteral("segmentBuilder"));
    setWidgetResizable(true);
    connect(document, &SegmentDocument::changed, this, [this](bool structural) {
        if (structural) // later: the edit may come from a widget the rebuild deletes
            QTimer::singleShot(0, this, &SegmentBuilderWidget::rebuild);
    });
    rebuild();
}

void SegmentBuilderWidget::setCatalog(const SegmentCatalog &catalog)
{
    m_catalog = catalog;
    rebuild();
}

void SegmentBuilderWidget::rebuild()
{
    const int scroll = verticalScrollBar() ? verticalScrollBar()->value() : 0;
    if (QWidget *old = takeWidget()) {
        old->hide();
        old->deleteLater();
    }
    auto *root = new ConditionGroupWidget(m_document, {}, m_catalog, 1, this);
    setWidget(root);
    verticalScrollBar()->setValue(scroll);
}

SegmentDocument::Path SegmentBuilderWidget::pathOf(const QString &jsonPath, QString *rest)
{
    static const QRegularExpression step(QStringLiteral("^conditions\\[(\\d+)\\]\\.?"));
    SegmentDocument::Path path;
    QString s = jsonPath;
    for (;;) {
        const auto m = step.match(s);
        if (!m.hasMatch())
            break;
        path << m.captured(1).toInt();
        s = s.mid(m.capturedLength());
    }
    if (rest)
        *rest = s;
    return path;
}

ConditionGroupWidget *SegmentBuilderWidget::group(const SegmentDocument::Path &path) const
{
    if (!widget())
        return nullptr;
    if (auto *root = qobject_cast<ConditionGroupWidget *>(widget()); root && path.isEmpty())
        return root;
    for (auto *g : widget()->findChildren<ConditionGroupWidget *>())
        if (g->path() == path)
            return g;
    return nullptr;
}

ConditionRowWidget *SegmentBuilderWidget::row(const SegmentDocument::Path &path) const
{
    if (!widget())
        return nullptr;
    for (auto *r : widget()->findChildren<ConditionRowWidget *>())
        if (r->path() == path)
            return r;
    return nullptr;
}

void SegmentBuilderWidget::showError(const QString &jsonPath, const QString &message)
{
    QString rest;
    SegmentDocument::Path path = pathOf(jsonPath, &rest);
    const QString text = rest.isEmpty() ? message : rest + QStringLiteral(": ") + message;
    if (ConditionRowWidget *r = row(path)) {
        r->setError(text);
        return;
    }
    // Errors inside a condition that is not a row (or at the top) show on the group.
    while (!path.isEmpty() && !group(path))
        path.removeLast();
    if (ConditionGroupWidget *g = group(path))
        g->setError(text);
}

void SegmentBuilderWidget::clearErrors()
{
    if (!widget())
        return;
    for (auto *r : widget()->findChildren<ConditionRowWidget *>())
        r->setError(QString());
    for (auto *g : widget()->findChildren<ConditionGroupWidget *>())
        g->setError(QString());
    if (auto *root = qobject_cast<ConditionGroupWidget *>(widget()))
        root->setError(QString());
}

} // namespace mw::ui
