#include "subscriberbrowser.h"

#include "audiencelabels.h"
#include "columnfitter.h"
#include "dbworker.h"
#include "setting.h"
#include "subscriberdetailpane.h"
#include "subscribertablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace mw::ui {

namespace {

const Setting<QByteArray> kSplitterState{"audience/browserSplitter"};
const Setting<QByteArray> kHeaderState{"audience/tableHeader"};
const Setting<bool> kColumnsArranged{"audience/columnsArranged", false};

QString identity(const QString &s)
{
    return s;
}

// SELECT value, count(*) ... GROUP BY value: each walks one index, not the table.
QVector<std::pair<QString, qint64>> groupCounts(Database &db, const char *sql, QString &error)
{
    QVector<std::pair<QString, qint64>> out;
    auto st = db.prepare(sql);
    if (!st) {
        error = st.error().toString();
        return out;
    }
    while (st->step())
        out.append({st->text(0), st->int64(1)});
    if (st->error())
        error = st->error()->toString();
    return out;
}

} // namespace

SubscriberBrowser::SubscriberBrowser(QWidget *parent)
    : QWidget(parent), m_model(new SubscriberTableModel(this)), m_infoWorker(new DbWorker(this)),
      m_search(new QLineEdit), m_country(new QComboBox), m_lifecycle(new QComboBox),
      m_tier(new QComboBox), m_clear(new QToolButton), m_result(new QLabel), m_view(new QTableView),
      m_detail(new SubscriberDetailPane), m_splitter(new QSplitter(Qt::Horizontal)),
      m_searchTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("subscriberBrowser"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search e-mail or name…"));
    m_search->setClearButtonEnabled(true);
    // The search gives way first in a small window, so the filters keep their labels.
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 22);
    m_search->setToolTip(tr("Finds subscribers whose e-mail, first name or last name starts "
                            "with the text; “Anna Sch” matches first and last name."));
    m_country->setObjectName(QStringLiteral("countryFilter"));
    m_lifecycle->setObjectName(QStringLiteral("lifecycleFilter"));
    m_tier->setObjectName(QStringLiteral("tierFilter"));
    for (QComboBox *c : {m_country, m_lifecycle, m_tier}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        c->setMinimumContentsLength(12);
    }
    fillCombo(m_country, tr("All countries"), {}, &identity);
    fillCombo(m_lifecycle, tr("All lifecycle stages"), {}, &AudienceLabels::lifecycle);
    fillCombo(m_tier, tr("All engagement tiers"), {}, &AudienceLabels::tier);
    m_clear->setObjectName(QStringLiteral("clearFiltersButton"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Clear the search and all filters"));
    m_result->setObjectName(QStringLiteral("resultLabel"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 8, 8, 4);
    bar->addWidget(m_search, 2);
    bar->addWidget(m_country);
    bar->addWidget(m_lifecycle);
    bar->addWidget(m_tier);
    bar->addWidget(m_clear);
    bar->addStretch(1);
    bar->addWidget(m_result);

    m_view->setObjectName(QStringLiteral("subscriberTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SubscriberQuery::Id, Qt::AscendingOrder);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    // Fixed row heights: the view never asks a million rows for their size.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->verticalHeader()->hide();
    QHeaderView *h = m_view->horizontalHeader();
    h->setHighlightSections(false);
    h->setStretchLastSection(true);
    // Wide enough for typical values (measured in this font), not for the longest.
    const QString samples[SubscriberQuery::ColumnCount] = {
        QStringLiteral("100000"),
        QStringLiteral("anna.schmidt.1234@example.com"),
        QStringLiteral("Annabel Schmidt"),
        QStringLiteral("Country"),
        AudienceLabels::status(QStringLiteral("unsubscribed")),
        AudienceLabels::lifecycle(QStringLiteral("repeat")),
        AudienceLabels::tier(QStringLiteral("moderately")),
        QStringLiteral("-100"),
        QStringLiteral("31/12/2024")};
    QVector<ColumnFitter::Column> columns(SubscriberQuery::ColumnCount);
    for (int c = 0; c < SubscriberQuery::ColumnCount; ++c) {
        columns[c].natural = fontMetrics().horizontalAdvance(samples[c]) + 18;
        h->resizeSection(c, columns[c].natural);
    }
    // E-mail and name elide (with tooltips) rather than push Score and Last open out of
    // sight when the window is narrow or the detail pane wide.
    columns[SubscriberQuery::Email].minimum =
        fontMetrics().horizontalAdvance(QStringLiteral("anna.schmi…")) + 18;
    columns[SubscriberQuery::Email].weight = 3;
    columns[SubscriberQuery::Name].minimum =
        fontMetrics().horizontalAdvance(QStringLiteral("Annabel…")) + 18;
    columns[SubscriberQuery::Name].weight = 2;
    if (const QByteArray state = kHeaderState.get(); !state.isEmpty())
        h->restoreState(state);

    auto *fitter = new ColumnFitter(m_view, columns, kColumnsArranged.get());
    connect(fitter, &ColumnFitter::arrangedByUser, this, [] { kColumnsArranged.set(true); });

    m_splitter->setObjectName(QStringLiteral("browserSplitter"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({1000, 430}); // until showEvent() restores the user's

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &SubscriberBrowser::applyQuery);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        applyQuery();
    });
    for (QComboBox *c : {m_country, m_lifecycle, m_tier})
        connect(c, &QComboBox::activated, this, &SubscriberBrowser::applyQuery);
    connect(m_clear, &QToolButton::clicked, this, [this] {
        m_search->clear();
        m_searchTimer->stop();
        for (QComboBox *c : {m_country, m_lifecycle, m_tier})
            c->setCurrentIndex(0);
        applyQuery();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SubscriberBrowser::onCurrentRowChanged);
    connect(m_model, &SubscriberTableModel::matchCountKnown, this, [this] {
        updateResultLabel();
        if (m_pendingSelection >= 0) {
            const qint64 id = std::exchange(m_pendingSelection, -1);
            showSubscriber(id);
        }
    });
    connect(m_model, &SubscriberTableModel::modelReset, this,
            &SubscriberBrowser::updateResultLabel);
    connect(m_model, &SubscriberTableModel::loadFailed, this,
            [this](const QString &message) { m_result->setText(tr("Error: %1").arg(message)); });
    connect(m_splitter, &QSplitter::splitterMoved, this, &SubscriberBrowser::saveLayout);
    connect(h, &QHeaderView::sectionResized, this, &SubscriberBrowser::saveLayout);
    connect(h, &QHeaderView::sortIndicatorChanged, this, &SubscriberBrowser::saveLayout);
    updateResultLabel();
}

SubscriberBrowser::~SubscriberBrowser()
{
    m_infoWorker->close();
}

void SubscriberBrowser::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Restored once the splitter has its real width: restoring earlier would fit the saved
    // sizes into a provisional width and then spread the difference by stretch factors.
    if (!m_layoutRestored) {
        m_layoutRestored = true;
        if (const QByteArray state = kSplitterState.get(); !state.isEmpty())
            m_splitter->restoreState(state);
    }
}

void SubscriberBrowser::saveLayout() const
{
    if (!m_layoutRestored)
        return; // nothing the user arranged yet; keep what was saved
    kSplitterState.set(m_splitter->saveState());
    kHeaderState.set(m_view->horizontalHeader()->saveState());
}

Status SubscriberBrowser::setDatabase(const QString &path)
{
    m_total = -1;
    if (Status s = m_infoWorker->open(path); !s)
        return s;
    if (Status s = m_detail->setDatabase(path); !s)
        return s;
    // A new database starts unfiltered: its countries and stages differ from the last one.
    m_search->blockSignals(true);
    m_search->clear();
    m_search->blockSignals(false);
    m_searchTimer->stop();
    for (QComboBox *c : {m_country, m_lifecycle, m_tier})
        c->setCurrentIndex(0);
    SubscriberQuery q;
    q.sortColumn = m_model->query().sortColumn;
    q.descending = m_model->query().descending;
    m_model->setQuery(q);
    if (Status s = m_model->setDatabase(path); !s)
        return s;
    // Filter values scan whole indexes: start them once the table has its rows, so the two
    // do not compete for the disk and the (two) cores while the first screen loads.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(m_model, &SubscriberTableModel::matchCountKnown, this, [this, once] {
        disconnect(*once);
        loadFilterValues();
    });
    return {};
}

void SubscriberBrowser::closeDatabase()
{
    m_model->closeDatabase();
    m_detail->closeDatabase();
    m_infoWorker->close();
    m_total = -1;
    updateResultLabel();
}

void SubscriberBrowser::loadFilterValues()
{
    m_infoWorker->post(
        this,
        [](Database &db) {
            FilterValues v;
            auto total = db.scalar("SELECT count(*) FROM subscribers");
            if (!total) {
                v.error = total.error().toString();
                return v;
            }
            v.total = total->toLongLong();
            v.countries = groupCounts(db,
                                      "SELECT country, count(*) FROM subscribers"
                                      " WHERE country IS NOT NULL AND country <> ''"
                                      " GROUP BY country ORDER BY country",
                                      v.error);
            v.lifecycles = groupCounts(db,
                                       "SELECT lifecycle_stage, count(*) FROM subscriber_metrics"
                                       " GROUP BY lifecycle_stage ORDER BY lifecycle_stage",
                                       v.error);
            v.tiers = groupCounts(db,
                                  "SELECT engagement_tier, count(*) FROM subscriber_metrics"
                                  " GROUP BY engagement_tier ORDER BY max(engagement_score) DESC",
                                  v.error);
            return v;
        },
        [this](FilterValues v) {
            if (!v.error.isEmpty()) {
                m_result->setText(tr("Error: %1").arg(v.error));
                return;
            }
            m_total = v.total;
            fillCombo(m_country, tr("All countries"), v.countries, &identity);
            fillCombo(m_lifecycle, tr("All lifecycle stages"), v.lifecycles,
                      &AudienceLabels::lifecycle);
            fillCombo(m_tier, tr("All engagement tiers"), v.tiers, &AudienceLabels::tier);
            updateResultLabel();
            emit totalSubscribersChanged(m_total);
            emit filtersLoaded();
        });
}

void SubscriberBrowser::fillCombo(QComboBox *combo, const QString &anyText,
                                  const QVector<std::pair<QString, qint64>> &values,
                                  QString (*label)(const QString &))
{
    const QString current = combo->currentData().toString();
    combo->clear();
    combo->addItem(anyText, QString());
    for (const auto &[value, count] : values)
        combo->addItem(tr("%1 (%2)").arg(label(value), QLocale().toString(count)), value);
    const int i = combo->findData(current);
    combo->setCurrentIndex(i < 0 ? 0 : i);
}

void SubscriberBrowser::setSearchText(const QString &text)
{
    m_search->setText(text);
    m_searchTimer->stop();
    applyQuery();
}

void SubscriberBrowser::applyQuery()
{
    SubscriberQuery q = m_model->query();
    q.search = m_search->text().simplified();
    q.country = m_country->currentData().toString();
    q.lifecycle = m_lifecycle->currentData().toString();
    q.tier = m_tier->currentData().toString();
    m_model->setQuery(q);
}

void SubscriberBrowser::updateResultLabel()
{
    const qint64 matches = m_model->matchCount();
    const SubscriberQuery &q = m_model->query();
    const bool filtered =
        !q.search.isEmpty() || !q.country.isEmpty() || !q.lifecycle.isEmpty() || !q.tier.isEmpty();
    if (matches < 0)
        m_result->setText(tr("Counting…"));
    else if (!filtered || m_total < 0)
        m_result->setText(matches == 1 ? tr("1 subscriber")
                                       : tr("%1 subscribers").arg(QLocale().toString(matches)));
    else
        m_result->setText(tr("%1 of %2 subscribers")
                              .arg(QLocale().toString(matches), QLocale().toString(m_total)));
}

void SubscriberBrowser::onCurrentRowChanged()
{
    const QModelIndex current = m_view->currentIndex();
    m_detail->showSubscriber(current.isValid() ? m_model->subscriberId(current.row()) : -1);
}

void SubscriberBrowser::showSubscriber(qint64 id)
{
    const int row = m_model->rowOfSubscriber(id);
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, SubscriberQuery::Email);
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    } else if (m_model->matchCount() < 0) {
        m_pendingSelection = id; // selected once the id list has arrived
    }
    m_detail->showSubscriber(id);
}

void SubscriberBrowser::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

} // namespace mw::ui
