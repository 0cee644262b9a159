#include "segmentoverviewdialog.h"

#include "asyncdatabase.h"
#include "subscriberdirectory.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mw::ui {

namespace {

void renderSegment(QPromise<SegmentInsight> &promise, PreviewRendererFactory factory, QString path,
                   QJsonObject document, QString segment, int limit)
{
    SegmentInsight insight;
    Database::OpenOptions options;
    options.readOnly = true;
    auto db = Database::open(path, options);
    if (!db) {
        promise.addResult(insight);
        return;
    }
    auto members = SubscriberDirectory::segmentMembers(*db, segment, limit);
    if (!members) {
        insight.failed = -1;
        promise.addResult(insight);
        return;
    }
    insight.members = static_cast<int>(members->size());
    promise.setProgressRange(0, insight.members);
    std::unique_ptr<PreviewRenderer> renderer = factory ? factory(path) : nullptr;
    QSet<QByteArray> distinct;
    for (qint64 id : std::as_const(*members)) {
        if (promise.isCanceled())
            break;
        const PreviewRender r = renderer ? renderer->render(document, id) : PreviewRender{};
        if (!renderer || !r.error.isEmpty()) {
            ++insight.failed;
        } else {
            QCryptographicHash h(QCryptographicHash::Sha256);
            for (const QString *s : {&r.fromName, &r.subject, &r.preheader, &r.html})
                h.addData(s->toUtf8() + '\0');
            distinct.insert(h.result());
            ++insight.subjects[r.subject];
            for (const auto &shown : r.shown) {
                if (!insight.blockOrder.contains(shown.first))
                    insight.blockOrder.append(shown.first);
                ++insight.reach[shown];
            }
        }
        ++insight.rendered;
        promise.setProgressValue(insight.rendered);
    }
    insight.distinctRenders = static_cast<int>(distinct.size());
    promise.addResult(insight);
}

} // namespace

SegmentOverviewDialog::SegmentOverviewDialog(PreviewRendererFactory factory,
                                             const QString &databasePath,
                                             const QJsonObject &document, QWidget *parent)
    : QDialog(parent), m_factory(std::move(factory)), m_path(databasePath), m_document(document),
      m_segments(new QComboBox(this)), m_limit(new QSpinBox(this)),
      m_run(new QPushButton(tr("Analyse"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_progress(new QProgressBar(this)), m_summary(new QLabel(this)),
      m_reach(new QTreeWidget(this))
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
        QtConcurrent::run(renderSegment, m_factory, m_path, m_document, segment, m_limit->value()));
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
    if (insight.failed < 0) {
        m_summary->setText(tr("The segment's members could not be read."));
        return;
    }
    const int n = qMax(1, insight.rendered - insight.failed);
    m_summary->setText(tr("%1 of %2 members rendered%3: %4 distinct emails, %5 failed.")
                           .arg(insight.rendered)
                           .arg(insight.members)
                           .arg(completed ? QString() : tr(" (cancelled)"))
                           .arg(insight.distinctRenders)
                           .arg(insight.failed));
    auto share = [n](int count) {
        return QStringLiteral("%1 %").arg(100.0 * count / n, 0, 'f', 1);
    };
    auto *subjects = new QTreeWidgetItem(m_reach, {tr("Subject lines")});
    for (auto it = insight.subjects.begin(); it != insight.subjects.end(); ++it)
        new QTreeWidgetItem(subjects,
                            {it.key(), QString(), QString::number(it.value()), share(it.value())});
    for (const QString &block : insight.blockOrder) {
        auto *top = new QTreeWidgetItem(m_reach, {tr("Block %1").arg(block)});
        int total = 0;
        for (auto it = insight.reach.begin(); it != insight.reach.end(); ++it) {
            if (it.key().first != block)
                continue;
            total += it.value();
            new QTreeWidgetItem(top, {QString(),
                                      it.key().second.isEmpty() ? tr("default") : it.key().second,
                                      QString::number(it.value()), share(it.value())});
        }
        top->setText(2, QString::number(total));
        top->setText(3, share(total));
    }
    m_reach->expandAll();
    m_reach->header()->resizeSections(QHeaderView::ResizeToContents);
}

} // namespace mw::ui
