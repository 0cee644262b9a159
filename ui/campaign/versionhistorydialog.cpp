#include "versionhistorydialog.h"

#include "campaigndraftstore.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mw::ui {

VersionHistoryDialog::VersionHistoryDialog(Database &db, qint64 campaignId, QWidget *parent)
    : QDialog(parent), m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Version history"));
    m_list->setHeaderLabels({tr("Version"), tr("Saved"), tr("By"), tr("Note")});
    m_list->setRootIsDecorated(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *restore = buttons->addButton(tr("Restore"), QDialogButtonBox::AcceptRole);
    restore->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [restore](QTreeWidgetItem *item) { restore->setEnabled(item != nullptr); });
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Restoring replaces the working document; you can undo it."), this);
    layout->addWidget(hint);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(560, 360);

    CampaignDraftStore store(db);
    auto versions = store.versions(campaignId);
    if (!versions) {
        hint->setText(versions.error().toString());
        return;
    }
    for (const CampaignVersion &v : *versions) {
        auto *item = new QTreeWidgetItem(
            m_list,
            {QString::number(v.version),
             QLocale().toString(QDateTime::fromSecsSinceEpoch(v.createdAt), QLocale::ShortFormat),
             v.author, v.note});
        item->setData(0, Qt::UserRole, v.version);
    }
    m_list->header()->resizeSections(QHeaderView::ResizeToContents);
}

int VersionHistoryDialog::selectedVersion() const
{
    QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toInt() : 0;
}

} // namespace mw::ui
