#include "segmentoverviewdialog.h"

#include "asyncdatabase.h"
#include "subscriberdirectory.h"

#include "content/campaignstore.h"
#include "render/batchrenderer.h"
#include "render/campaignloader.h"
#include "render/renderinsight.h"
#include "render/segmentmembership.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mw::ui {

namespace {

void renderSegment(QPromise<SegmentInsight> &promise, QString path, PreviewCampaign campaign,
                   QString segment, int limit)
{
    SegmentInsight insight;
    auto finish = [&](const QString &error) {
        insight.error = error;
        promise.addResult(insight);
    };
    Database::OpenOptions options;
    options.readOnly = true;
    auto db = Database::open(path, options);
    if (!db)
        return finish(db.error().toString());
    const int64_t now = db->referenceTime();
    auto members = SubscriberDirectory::segmentMembers(*db, segment, limit);
    if (!members)
        return finish(members.error().toString());
    insight.members = static_cast<int>(members->size());
    promise.setProgressRange(0, insight.members);
    // The same compilation as the preview (library blocks resolved), then the core's
    // batch renderer with its segment-wide insight.
    CampaignRecord record;
    record.id = campaign.id;
    record.name = campaign.name;
    record.document = QJsonDocument(campaign.document).toJson(QJsonDocument::Compact);
    auto doc = CampaignStore(*db).document(record);
    if (!doc)
        return finish(doc.error().toString());
    auto loaded = CampaignLoader::fromDocument(*db, record, *doc, now);
    if (!loaded)
        return finish(loaded.error().toString());
    auto membership = PreloadedMembership::load(*db, loaded->compiled->segments, now);
    if (!membership)
        return finish(membership.error().toString());
    std::atomic<bool> cancel{false};
    BatchOptions batch;
    batch.threads = qMax(1, QThread::idealThreadCount());
    batch.collectInsight = true;
    batch.cancel = &cancel;
    batch.progress = [&](int64_t done, int64_t) {
        promise.setProgressValue(static_cast<int>(done));
        if (promise.isCanceled())
            cancel = true;
    };
    BatchRenderer renderer(path, loaded->renderer, *membership);
    const std::vector<int64_t> ids(members->begin(), members->end());
    auto summary = renderer.run(
        ids, [](std::string_view) { return Status(); }, batch);
    if (!summary)
        return finish(summary.error().toString());
    const RenderInsight &ri = summary->insight;
    insight.rendered = static_cast<int>(summary->rendered);
    insight.distinctRenders = static_cast<int>(ri.distinctRenders);
    insight.withWarnings = static_cast<int>(ri.subscribersWithWarnings);
    for (const auto &[counts, out] :
         {std::pair{&ri.subject, &insight.subjects}, std::pair{&ri.preheader, &insight.preheaders},
          std::pair{&ri.fromName, &insight.fromNames}})
        for (const RenderInsight::Count &c : *counts)
            out->insert(c.name, static_cast<int>(c.count));
    for (const RenderInsight::BlockReach &b : ri.blocks) {
        insight.blockOrder.append(b.block);
        for (const RenderInsight::Count &c : b.outcomes)
            insight.reach.insert({b.block, c.name}, static_cast<int>(c.count));
    }
    insight.neverFired = ri.neverFired;
    for (const RenderInsight::Count &c : ri.missingFields)
        insight.missingFields.append({c.name, static_cast<int>(c.count)});
    promise.addResult(insight);
}

} // namespace

SegmentOverviewDialog::SegmentOverviewDialog(const QString &databasePath,
                                             const PreviewCampaign &campaign, QWidget *parent)
    : QDialog(parent), m_path(databasePath), m_campaign(campaign), m_segments(new QComboBox(this)),
      m_limit(new QSpinBox(this)), m_run(new QPushButton(tr("Analyse"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_progress(new QProgressBar(this)),
      m_summary(new QLabel(this)), m_reach(new QTreeWidget(this))
{
    setWindowTitle(tr("Segment overview"));
    m_limit->setRange(1, 10'000'000);
    m_limit->setValue(5000);
    m_limit->setPrefix(tr("at most "));
    m_limit->setSuffix(tr(" members"));
    m_cancel->setEnabled(false);
    m_reach->setHeaderLabels({tr("Block / subject"), tr("Variant"), tr("Members"), tr("Share")});
    m_reach->setRootIsDecorated(true);
    m_summary->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Segment:"), this));
    row->addWidget(m_segments, 1);
    row->addWidget(m_limit);
    row->addWidget(m_run);
    row->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_reach, 1);
    resize(720, 520);

    connect(m_run, &QPushButton::clicked, this, [this] { run(m_segments->currentText()); });
    connect(m_cancel, &QPushButton::clicked, this, &SegmentOverviewDialog::cancel);
    connect(&m_watcher, &QFutureWatcher<SegmentInsight>::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcher<SegmentInsight>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<SegmentInsight>::finished, this, [this] {
        m_run->setEnabled(true);
        m_cancel->setEnabled(false);
        const bool cancelled = m_watcher.isCanceled();
        if (m_watcher.future().resultCount() > 0)
            showInsight(m_watcher.result(), !cancelled);
        emit finished(!cancelled);
    });
    runWithDatabase<QStringList>(
        this, m_path, [](Database &db) { return SubscriberDirectory::segmentNames(db); },
        [this](const Result<QStringList> &names) {
            if (names)
                m_segments->addItems(*names);
            m_run->setEnabled(m_segments->count() > 0);
        });
}

SegmentOverviewDialog::~SegmentOverviewDialog()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void SegmentOverviewDialog::run(const QString &segment)
{
    if (isRunning() || segment.isEmpty())
        return;
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_summary->setText(tr("Rendering the members of %1…").arg(segment));
    m_watcher.setFuture(
        QtConcurrent::run(renderSegment, m_path, m_campaign, segment, m_limit->value()));
}

void SegmentOverviewDialog::cancel()
{
    m_watcher.cancel();
}

bool SegmentOverviewDialog::isRunning() const
{
    return m_watcher.isRunning();
}

void SegmentOverviewDialog::showInsight(const SegmentInsight &insight, bool completed)
{
    m_insight = insight;
    m_reach->clear();
    if (!insight.error.isEmpty()) {
        m_summary->setText(tr("Could not analyse the segment: %1").arg(insight.error));
        return;
    }
    const int n = qMax(1, insight.rendered);
    m_summary->setText(tr("%1 of %2 members rendered%3: %4 distinct emails; %5 with warnings.")
                           .arg(insight.rendered)
                           .arg(insight.members)
                           .arg(completed ? QString() : tr(" (cancelled)"))
                           .arg(insight.distinctRenders)
                           .arg(insight.withWarnings));
    auto share = [n](int count) {
        return QStringLiteral("%1 %").arg(100.0 * count / n, 0, 'f', 1);
    };
    // The subject always; the preheader and from name when they have variants.
    for (const auto &[title, counts] : {std::pair{tr("Subject line"), &insight.subjects},
                                        std::pair{tr("Preheader"), &insight.preheaders},
                                        std::pair{tr("From name"), &insight.fromNames}}) {
        if (counts->isEmpty())
            continue;
        auto *top = new QTreeWidgetItem(m_reach, {title});
        for (auto it = counts->begin(); it != counts->end(); ++it)
            new QTreeWidgetItem(
                top, {QString(), it.key(), QString::number(it.value()), share(it.value())});
    }
    for (const QString &block : insight.blockOrder) {
        auto *top = new QTreeWidgetItem(m_reach, {tr("Block %1").arg(block)});
        for (auto it = insight.reach.begin(); it != insight.reach.end(); ++it) {
            if (it.key().first == block)
                new QTreeWidgetItem(top, {QString(), it.key().second, QString::number(it.value()),
                                          share(it.value())});
        }
    }
    if (!insight.neverFired.isEmpty()) {
        auto *never = new QTreeWidgetItem(m_reach, {tr("Rules that never fired")});
        for (const QString &r : insight.neverFired)
            new QTreeWidgetItem(never, {QString(), r});
    }
    if (!insight.missingFields.isEmpty()) {
        auto *missing = new QTreeWidgetItem(m_reach, {tr("Missing fields")});
        for (const auto &[field, count] : insight.missingFields)
            new QTreeWidgetItem(missing, {QString(), field, QString::number(count), share(count)});
    }
    m_reach->expandAll();
    m_reach->header()->resizeSections(QHeaderView::ResizeToContents);
}

} // namespace mw::ui
