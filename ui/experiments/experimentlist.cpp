#include "experimentlist.h"

#include <QHeaderView>
#include <QLocale>

namespace mw::ui {

QString ExperimentList::statusText(const QString &status)
{
    if (status == QLatin1String("draft"))
        return tr("draft");
    if (status == QLatin1String("running"))
        return tr("running");
    if (status == QLatin1String("completed"))
        return tr("completed");
    return status; // a status this version does not know: as stored
}

ExperimentList::ExperimentList(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("experimentList"));
    setColumnCount(3);
    setHeaderLabels({tr("Experiment"), tr("Status"), tr("Units")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setFocusPolicy(Qt::StrongFocus);
    setSelectionMode(SingleSelection);
    setTextElideMode(Qt::ElideMiddle);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    connect(this, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current, QTreeWidgetItem *) {
                if (current)
                    emit experimentSelected(current->data(0, Qt::UserRole).toString());
            });
}

void ExperimentList::setExperiments(const std::vector<ExperimentStore::Summary> &experiments,
                                    const QString &select)
{
    m_experiments = experiments;
    QSignalBlocker blocker(this);
    clear();
    const QLocale locale;
    QTreeWidgetItem *toSelect = nullptr;
    for (const ExperimentStore::Summary &e : experiments) {
        auto *item = new QTreeWidgetItem(this);
        item->setText(0, e.name);
        item->setData(0, Qt::UserRole, e.name);
        item->setToolTip(0, tr("%1 — arms: %2; metrics: %3")
                                .arg(e.name, e.arms.join(QStringLiteral(", ")),
                                     e.metrics.join(QStringLiteral(", "))));
        item->setText(1, statusText(e.status));
        item->setText(2, locale.toString(qlonglong(e.units)));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        if (e.name == select || !toSelect)
            toSelect = item;
    }
    blocker.unblock();
    if (toSelect)
        setCurrentItem(toSelect);
}

QString ExperimentList::currentExperiment() const
{
    const QTreeWidgetItem *item = currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

const ExperimentStore::Summary *ExperimentList::summary(const QString &name) const
{
    for (const ExperimentStore::Summary &e : m_experiments)
        if (e.name == name)
            return &e;
    return nullptr;
}

} // namespace mw::ui
