#include "comparedialog.h"

#include "previewscheduler.h"
#include "previewview.h"
#include "subscriberpicker.h"

#include <QHeaderView>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mw::ui {

CompareDialog::CompareDialog(PreviewRendererFactory factory, const QString &databasePath,
                             const PreviewCampaign &campaign, qint64 firstSubscriber,
                             QWidget *parent)
    : QDialog(parent), m_campaign(campaign), m_diff(new QTreeWidget(this))
{
    setWindowTitle(tr("Compare subscribers"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    for (int side = 0; side < 2; ++side) {
        auto *box = new QWidget(split);
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        m_pickers[side] = new SubscriberPicker(box);
        m_views[side] = new PreviewView(box);
        m_schedulers[side] = new PreviewScheduler(factory, this);
        m_schedulers[side]->setDatabasePath(databasePath);
        l->addWidget(m_pickers[side]);
        l->addWidget(m_views[side], 1);
        split->addWidget(box);
        connect(m_pickers[side], &SubscriberPicker::currentChanged, this, [this, side](qint64 id) {
            m_have[side] = false;
            m_schedulers[side]->request(m_campaign, id);
        });
        connect(m_schedulers[side], &PreviewScheduler::rendered, this,
                [this, side](const PreviewRender &r) {
                    m_renders[side] = r;
                    m_have[side] = true;
                    m_views[side]->setRender(r);
                    updateDifferences();
                });
    }
    // Start with the editor's subscriber on the left and the next one on the right.
    m_pickers[0]->setDatabase(databasePath, firstSubscriber, 0);
    m_pickers[1]->setDatabase(databasePath, firstSubscriber, +1);
    m_diff->setHeaderLabels({tr("Part"), tr("Left"), tr("Right")});
    m_diff->setRootIsDecorated(false);
    m_diff->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_diff->setMaximumHeight(170);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_diff);
    resize(1400, 900);
}

void CompareDialog::updateDifferences()
{
    if (!m_have[0] || !m_have[1])
        return;
    m_diff->clear();
    m_differences = 0;
    auto addRow = [this](const QString &part, const QString &a, const QString &b) {
        auto *item = new QTreeWidgetItem(m_diff, {part, a, b});
        if (a != b) {
            ++m_differences;
            for (int c = 0; c < 3; ++c)
                item->setBackground(c, QColor(0xff, 0xf3, 0xc4));
            item->setText(0, tr("≠ %1").arg(part));
        }
    };
    addRow(tr("From"), m_renders[0].fromName, m_renders[1].fromName);
    addRow(tr("Subject"), m_renders[0].subject, m_renders[1].subject);
    addRow(tr("Preheader"), m_renders[0].preheader, m_renders[1].preheader);
    // Blocks in document order; a block shown on one side only is a difference too.
    QStringList order;
    for (int side = 0; side < 2; ++side) {
        for (const auto &[block, variant] : m_renders[side].shown) {
            if (!order.contains(block))
                order.append(block);
        }
    }
    for (const QString &block : order) {
        QString v[2];
        for (int side = 0; side < 2; ++side) {
            v[side] = tr("(hidden)");
            for (const auto &[b, variant] : m_renders[side].shown) {
                if (b == block)
                    v[side] = variant.isEmpty() ? tr("default") : variant;
            }
        }
        addRow(tr("Block %1").arg(block), v[0], v[1]);
    }
    emit compared(m_differences);
}

} // namespace mw::ui
