#include "subscriberdetailpane.h"

#include "audiencelabels.h"
#include "dbworker.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mw::ui {

namespace {

enum class Format {
    Text,
    Integer,
    Number,
    Money,
    Percent,
    DateTime,
    Hour,
    Status,
    Lifecycle,
    Tier
};

struct FieldInfo {
    const char *column;
    const char *label;
    Format format;
};

// Known columns get a translated label and a format; any other column (added by a later
// migration) is still shown, under its column name.
const FieldInfo kProfileFields[] = {
    {"id", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "ID"), Format::Text},
    {"external_id", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "External ID"), Format::Text},
    {"email", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "E-mail"), Format::Text},
    {"first_name", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "First name"), Format::Text},
    {"last_name", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Last name"), Format::Text},
    {"city", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "City"), Format::Text},
    {"country", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Country"), Format::Text},
    {"language", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Language"), Format::Text},
    {"timezone", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Time zone"), Format::Text},
    {"created_at", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Subscribed since"),
     Format::DateTime},
    {"status", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Status"), Format::Status},
};

const FieldInfo kMetricFields[] = {
    {"engagement_score",
     QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Engagement score (90 days)"),
     Format::Number},
    {"engagement_score_30",
     QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Engagement score (30 days)"),
     Format::Number},
    {"engagement_tier", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Engagement tier"),
     Format::Tier},
    {"lifecycle_stage", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Lifecycle stage"),
     Format::Lifecycle},
    {"rfm_segment", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "RFM segment"), Format::Text},
    {"r_score", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Recency score"),
     Format::Integer},
    {"f_score", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Frequency score"),
     Format::Integer},
    {"m_score", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Monetary score"),
     Format::Integer},
    {"recency_days", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Days since last purchase"),
     Format::Integer},
    {"order_count", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Orders"), Format::Integer},
    {"revenue", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Revenue"), Format::Money},
    {"lifetime_value", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Lifetime value"),
     Format::Money},
    {"average_order_value",
     QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Average order value"), Format::Money},
    {"favorite_category", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Favourite category"),
     Format::Text},
    {"last_open_at", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Last open"),
     Format::DateTime},
    {"last_click_at", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Last click"),
     Format::DateTime},
    {"last_purchase_at", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Last purchase"),
     Format::DateTime},
    {"churn_risk", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Churn risk"),
     Format::Percent},
    {"purchase_propensity",
     QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Purchase propensity"), Format::Percent},
    {"best_send_hour", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Best send hour"),
     Format::Hour},
    {"computed_at", QT_TRANSLATE_NOOP("mw::ui::SubscriberDetailPane", "Computed"),
     Format::DateTime},
};

template <size_t N> const FieldInfo *fieldInfo(const FieldInfo (&fields)[N], const QString &column)
{
    for (const FieldInfo &f : fields) {
        if (column == QLatin1String(f.column))
            return &f;
    }
    return nullptr;
}

QString formatValue(const QVariant &v, Format f)
{
    if (v.isNull() || !v.isValid())
        return {};
    switch (f) {
    case Format::Integer:
        return QLocale().toString(v.toLongLong());
    case Format::Number:
        return AudienceLabels::number(v, 1);
    case Format::Money:
        return AudienceLabels::money(v);
    case Format::Percent:
        return QLocale().toString(v.toDouble() * 100.0, 'f', 0) + QLatin1Char('%');
    case Format::DateTime:
        return AudienceLabels::dateTime(v);
    case Format::Hour:
        return QStringLiteral("%1:00").arg(v.toInt(), 2, 10, QLatin1Char('0'));
    case Format::Status:
        return AudienceLabels::status(v.toString());
    case Format::Lifecycle:
        return AudienceLabels::lifecycle(v.toString());
    case Format::Tier:
        return AudienceLabels::tier(v.toString());
    case Format::Text:
        break;
    }
    return v.toString();
}

QTreeWidget *makeTree(const QStringList &headers, const QString &objectName)
{
    auto *tree = new QTreeWidget;
    tree->setObjectName(objectName);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return tree;
}

QTreeWidgetItem *sectionItem(QTreeWidget *tree, const QString &title)
{
    auto *item = new QTreeWidgetItem(tree, {title});
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    item->setFirstColumnSpanned(true);
    item->setFlags(Qt::ItemIsEnabled);
    return item;
}

} // namespace

SubscriberDetailPane::SubscriberDetailPane(QWidget *parent)
    : QWidget(parent), m_worker(new DbWorker(this)), m_stack(new QStackedWidget),
      m_message(new QLabel), m_name(new QLabel), m_email(new QLabel), m_status(new QLabel),
      m_summary(new QLabel), m_tabs(new QTabWidget),
      m_profile(makeTree({tr("Field"), tr("Value")}, QStringLiteral("profileTree"))),
      m_metrics(makeTree({tr("Metric"), tr("Value")}, QStringLiteral("metricsTree"))),
      m_timeline(makeTree({tr("Time"), tr("Event"), tr("Campaign / product"), tr("Amount")},
                          QStringLiteral("timelineTree"))),
      m_eventsLabel(new QLabel), m_moreEvents(new QPushButton(tr("Show older events")))
{
    setObjectName(QStringLiteral("subscriberDetailPane"));
    setMinimumWidth(360);
    setStyleSheet(QStringLiteral("QTreeWidget::item { padding: 2px 4px; }"));
    m_message->setObjectName(QStringLiteral("detailMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    m_name->setObjectName(QStringLiteral("detailName"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_email->setObjectName(QStringLiteral("detailEmail"));
    m_email->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("detailStatus"));
    m_summary->setObjectName(QStringLiteral("detailSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 8, 8, 8);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_name, 1);
    titleRow->addWidget(m_status, 0, Qt::AlignRight | Qt::AlignVCenter);
    layout->addLayout(titleRow);
    layout->addWidget(m_email);
    layout->addWidget(m_summary);
    layout->addSpacing(4);

    m_profile->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_metrics->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_timeline->header()->setStretchLastSection(false);
    m_timeline->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_timeline->header()->setMinimumSectionSize(40);

    auto *timelinePage = new QWidget;
    auto *tl = new QVBoxLayout(timelinePage);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_timeline, 1);
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(6, 2, 6, 6);
    m_eventsLabel->setObjectName(QStringLiteral("eventsLabel"));
    m_moreEvents->setObjectName(QStringLiteral("moreEventsButton"));
    footer->addWidget(m_eventsLabel, 1);
    footer->addWidget(m_moreEvents);
    tl->addLayout(footer);

    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_profile, tr("Profile"));
    m_tabs->addTab(m_metrics, tr("Metrics"));
    m_tabs->addTab(timelinePage, tr("Timeline"));
    layout->addWidget(m_tabs, 1);

    m_stack->addWidget(m_message);
    m_stack->addWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    connect(m_moreEvents, &QPushButton::clicked, this, &SubscriberDetailPane::loadMoreEvents);
    showMessage(tr("Select a subscriber to see their profile, metrics and event timeline."));
}

SubscriberDetailPane::~SubscriberDetailPane()
{
    m_worker->close();
}

Status SubscriberDetailPane::setDatabase(const QString &path)
{
    m_id = -1;
    showMessage(tr("Select a subscriber to see their profile, metrics and event timeline."));
    return m_worker->open(path);
}

void SubscriberDetailPane::closeDatabase()
{
    m_worker->close();
    m_id = -1;
    showMessage(tr("No database is open."));
}

void SubscriberDetailPane::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

void SubscriberDetailPane::showSubscriber(qint64 id)
{
    if (id == m_id && m_details.id == id)
        return;
    m_worker->cancelPending();
    m_id = id;
    m_details = {};
    if (id < 0 || !m_worker->isOpen()) {
        showMessage(tr("Select a subscriber to see their profile, metrics and event timeline."));
        return;
    }
    m_worker->post(
        this, [id](Database &db) { return SubscriberDetails::load(db, id, kEventPage); },
        [this, id](Result<SubscriberDetails> r) {
            if (!r) {
                showMessage(
                    r.error().code == Error::Code::NotFound
                        ? tr("Subscriber %1 no longer exists.").arg(id)
                        : tr("Could not load subscriber %1: %2").arg(id).arg(r.error().toString()));
                return;
            }
            m_details = std::move(r.value());
            showDetails(m_details);
            emit detailsLoaded(id);
        });
}

void SubscriberDetailPane::showDetails(const SubscriberDetails &d)
{
    const QString name = QStringList{d.profileValue(QStringLiteral("first_name")).toString(),
                                     d.profileValue(QStringLiteral("last_name")).toString()}
                             .join(QLatin1Char(' '))
                             .trimmed();
    m_name->setText(name.isEmpty() ? tr("(no name)") : name);
    m_email->setText(d.profileValue(QStringLiteral("email")).toString());
    const QString status = d.profileValue(QStringLiteral("status")).toString();
    m_status->setText(AudienceLabels::status(status));
    m_status->setStyleSheet(
        QStringLiteral("QLabel { border-radius: 9px; padding: 2px 10px; color: white;"
                       " background: %1; }")
            .arg(status == QLatin1String("subscribed") ? QStringLiteral("#2e7d4f")
                                                       : QStringLiteral("#b03a2e")));

    // One line of what matters most, so the tabs are for detail.
    QStringList summary;
    if (!d.metrics.isEmpty()) {
        summary << tr("<b>%1</b> · score %2")
                       .arg(AudienceLabels::tier(
                                d.metricValue(QStringLiteral("engagement_tier")).toString()),
                            AudienceLabels::number(
                                d.metricValue(QStringLiteral("engagement_score"))));
        summary << AudienceLabels::lifecycle(
            d.metricValue(QStringLiteral("lifecycle_stage")).toString());
        const qint64 orders = d.metricValue(QStringLiteral("order_count")).toLongLong();
        summary << (orders == 1 ? tr("1 order") : tr("%1 orders").arg(QLocale().toString(orders)));
        summary << tr("revenue %1")
                       .arg(AudienceLabels::money(d.metricValue(QStringLiteral("revenue"))));
    } else {
        summary << tr("No derived metrics yet");
    }
    m_summary->setText(summary.join(QStringLiteral(" &nbsp;·&nbsp; ")));

    m_profile->clear();
    sectionItem(m_profile, tr("Profile"));
    for (const auto &[column, value] : d.profile) {
        const FieldInfo *info = fieldInfo(kProfileFields, column);
        const QString label = info ? tr(info->label) : column;
        auto *item = new QTreeWidgetItem(
            m_profile, {label, formatValue(value, info ? info->format : Format::Text)});
        item->setData(0, Qt::UserRole, column);
    }
    sectionItem(m_profile, tr("Custom attributes"));
    if (d.attributes.isEmpty()) {
        auto *none = new QTreeWidgetItem(m_profile, {tr("(none)")});
        none->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
    }
    for (const auto &[key, value] : d.attributes) {
        auto *item = new QTreeWidgetItem(m_profile, {key, value});
        item->setData(0, Qt::UserRole, QStringLiteral("attributes.") + key);
    }

    m_metrics->clear();
    if (d.metrics.isEmpty()) {
        auto *none = new QTreeWidgetItem(
            m_metrics, {tr("No derived metrics have been computed for this subscriber.")});
        none->setFirstColumnSpanned(true);
    }
    for (const auto &[column, value] : d.metrics) {
        const FieldInfo *info = fieldInfo(kMetricFields, column);
        const QString label = info ? tr(info->label) : column;
        QString text = formatValue(value, info ? info->format : Format::Text);
        if (text.isEmpty())
            text = QStringLiteral("—");
        auto *item = new QTreeWidgetItem(m_metrics, {label, text});
        item->setData(0, Qt::UserRole, column);
    }

    m_timeline->clear();
    appendEvents(d.events);
    m_tabs->setTabText(2, tr("Timeline (%1)").arg(QLocale().toString(d.eventCount)));
    m_stack->setCurrentIndex(1);
}

void SubscriberDetailPane::appendEvents(const QVector<TimelineEvent> &events)
{
    QList<QTreeWidgetItem *> items;
    items.reserve(events.size());
    for (const TimelineEvent &e : events) {
        // Campaign and product share a column: an event rarely has both, and the pane is
        // narrow. Each stays available on its own under the roles below.
        QStringList what;
        if (!e.campaign.isEmpty())
            what << e.campaign;
        if (!e.product.isEmpty())
            what << e.product;
        auto *item = new QTreeWidgetItem(
            {AudienceLabels::dateTime(e.occurredAt), AudienceLabels::eventType(e.type),
             what.join(QStringLiteral(" · ")), AudienceLabels::money(e.amount)});
        item->setData(0, Qt::UserRole, e.id);
        item->setData(1, Qt::UserRole, e.type);
        item->setData(2, kCampaignRole, e.campaign);
        item->setData(2, kProductRole, e.product);
        item->setToolTip(2, what.join(QStringLiteral(" · ")));
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        items << item;
    }
    m_timeline->addTopLevelItems(items);
    updateEventFooter();
}

void SubscriberDetailPane::updateEventFooter()
{
    const int shown = m_timeline->topLevelItemCount();
    if (m_details.eventCount == 0)
        m_eventsLabel->setText(tr("No events recorded."));
    else
        m_eventsLabel->setText(
            tr("Showing the newest %1 of %2 events")
                .arg(QLocale().toString(shown), QLocale().toString(m_details.eventCount)));
    m_moreEvents->setVisible(shown < m_details.eventCount);
    m_moreEvents->setEnabled(true);
    emit eventsLoaded(shown, m_details.eventCount);
}

void SubscriberDetailPane::loadMoreEvents()
{
    if (m_id < 0 || !m_worker->isOpen())
        return;
    const qint64 id = m_id;
    const int offset = m_timeline->topLevelItemCount();
    m_moreEvents->setEnabled(false);
    m_worker->post(
        this,
        [id, offset](Database &db) {
            return SubscriberDetails::loadEvents(db, id, offset, kEventPage * 2);
        },
        [this, id](Result<QVector<TimelineEvent>> r) {
            if (id != m_id)
                return;
            if (!r) {
                m_eventsLabel->setText(tr("Could not load events: %1").arg(r.error().toString()));
                m_moreEvents->setEnabled(true);
                return;
            }
            appendEvents(r.value());
        });
}

} // namespace mw::ui
