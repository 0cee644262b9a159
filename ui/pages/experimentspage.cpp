#include "experimentspage.h"

#include "campaign/asyncdatabase.h"
#include "experiments/experimentlist.h"
#include "experiments/experimentreport.h"
#include "experiments/experimentreportview.h"
#include "experiments/experimentsemptystate.h"
#include "experiments/experimentstore.h"
#include "setting.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mw::ui {

namespace {

const Setting<QByteArray> kSplitterState{"experiments/splitter"};

} // namespace

ExperimentsPage::ExperimentsPage(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_splitter(new QSplitter(Qt::Horizontal)),
      m_list(new ExperimentList), m_right(new QStackedWidget), m_message(new QLabel),
      m_report(new ExperimentReportView), m_busy(new QProgressBar), m_busyLabel(new QLabel)
{
    setObjectName(QStringLiteral("experimentsPage"));
    auto *empty = new ExperimentsEmptyState(m_stack);

    m_message->setObjectName(QStringLiteral("experimentsMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setText(tr("Select an experiment to see its report."));
    m_right->addWidget(m_message);
    m_right->addWidget(m_report);

    m_busy->setObjectName(QStringLiteral("experimentsBusy"));
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busyLabel->setText(tr("Loading…"));
    m_busyLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *leftPane = new QWidget;
    auto *leftLayout = new QVBoxLayout(leftPane);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *listLabel = new QLabel(tr("<b>E&xperiments</b>"));
    listLabel->setBuddy(m_list);
    // The busy indicator sits beside the list's heading, which keeps its height: showing
    // and hiding it never shifts the report.
    auto *heading = new QHBoxLayout;
    heading->addWidget(listLabel);
    heading->addStretch();
    heading->addWidget(m_busyLabel);
    heading->addWidget(m_busy);
    leftLayout->addLayout(heading);
    leftLayout->addWidget(m_list, 1);

    m_splitter->setObjectName(QStringLiteral("experimentsSplitter"));
    m_splitter->addWidget(leftPane);
    m_splitter->addWidget(m_right);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setSizes({300, 1000});
    if (const QByteArray state = kSplitterState.get(); !state.isEmpty())
        m_splitter->restoreState(state);

    m_stack->addWidget(m_splitter);
    m_stack->addWidget(empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_stack);
    setBusy(false);

    connect(m_list, &ExperimentList::experimentSelected, this,
            [this](const QString &name) { loadReport(name, m_report->cupedChecked()); });
    connect(m_report, &ExperimentReportView::cupedRequested, this,
            [this](bool on) { loadReport(m_list->currentExperiment(), on); });
}

ExperimentsPage::~ExperimentsPage()
{
    kSplitterState.set(m_splitter->saveState());
}

bool ExperimentsPage::isEmptyStateShown() const
{
    return m_stack->currentIndex() == 1;
}

void ExperimentsPage::setDatabase(const QString &path)
{
    m_path = path;
    reloadList();
}

bool ExperimentsPage::selectExperiment(const QString &name)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == name) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void ExperimentsPage::setBusy(bool busy)
{
    m_pending = busy ? m_pending + 1 : std::max(0, m_pending - 1);
    m_busy->setVisible(m_pending > 0);
    m_busyLabel->setVisible(m_pending > 0);
}

void ExperimentsPage::showError(const QString &message)
{
    m_message->setText(tr("The report could not be loaded: %1").arg(message));
    m_right->setCurrentWidget(m_message);
    emit loadFailed(message);
}

void ExperimentsPage::reloadList()
{
    const quint64 generation = ++m_generation;
    m_pending = 0;
    setBusy(true);
    const QString selected = m_list->currentExperiment();
    m_list->setExperiments({});
    m_right->setCurrentWidget(m_message);
    m_message->setText(tr("Select an experiment to see its report."));
    m_stack->setCurrentIndex(0);
    using List = std::vector<ExperimentStore::Summary>;
    runWithDatabase<List>(
        this, m_path, [](Database &db) { return ExperimentStore::list(db); },
        [this, generation, selected](const Result<List> &r) {
            if (generation != m_generation)
                return;
            setBusy(false);
            if (!r) {
                showError(r.error().message);
                return;
            }
            m_stack->setCurrentIndex(r->empty() ? 1 : 0);
            // Selecting the first (or previous) row starts its report.
            m_list->setExperiments(*r, selected);
            emit experimentsLoaded(int(r->size()));
        });
}

void ExperimentsPage::loadReport(const QString &name, bool cuped)
{
    if (name.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_pending = 0;
    setBusy(true);
    runWithDatabase<ExperimentReport>(
        this, m_path,
        [name, cuped](Database &db) -> Result<ExperimentReport> {
            auto data = ExperimentStore::load(db, name);
            if (!data)
                return data.error();
            return ExperimentReport::compute(*data, cuped);
        },
        [this, generation, name](const Result<ExperimentReport> &r) {
            if (generation != m_generation)
                return;
            setBusy(false);
            if (!r) {
                showError(r.error().message);
                return;
            }
            m_report->showReport(*r);
            m_right->setCurrentWidget(m_report);
            emit reportShown(name);
        });
}

} // namespace mw::ui
