#include "subscribertablemodel.h"

#include "audiencelabels.h"
#include "dbworker.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace mw::ui {

namespace {

SubscriberRow readRow(const Statement &st)
{
    SubscriberRow r;
    r.id = st.int64(0);
    r.email = st.text(1);
    r.firstName = st.text(2);
    r.lastName = st.text(3);
    r.country = st.text(4);
    r.status = st.text(5);
    r.lifecycle = st.text(6);
    r.tier = st.text(7);
    r.score = st.isNull(8) ? QVariant() : QVariant(st.real(8));
    r.lastOpenAt = st.isNull(9) ? QVariant() : QVariant(qint64(st.int64(9)));
    return r;
}

QString errorText(const Statement &st, const QString &fallback)
{
    return st.error() ? st.error()->toString() : fallback;
}

} // namespace

SubscriberTableModel::SubscriberTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_worker(new DbWorker(this))
{
}

SubscriberTableModel::~SubscriberTableModel()
{
    // Stop the worker before our members go: no result may arrive for a dying model.
    m_worker->close();
}

Status SubscriberTableModel::setDatabase(const QString &path)
{
    Status s = m_worker->open(path);
    reload();
    return s;
}

void SubscriberTableModel::closeDatabase()
{
    m_worker->close();
    reload();
}

void SubscriberTableModel::setQuery(const SubscriberQuery &query)
{
    if (query == m_query)
        return;
    m_query = query;
    reload();
}

void SubscriberTableModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
    reload();
}

void SubscriberTableModel::sort(int column, Qt::SortOrder order)
{
    SubscriberQuery q = m_query;
    q.sortColumn = column;
    q.descending = order == Qt::DescendingOrder;
    setQuery(q);
}

void SubscriberTableModel::reload()
{
    m_worker->cancelPending();
    beginResetModel();
    m_rowCount = 0;
    m_countKnown = false;
    m_ids.clear();
    m_pages.clear();
    m_pending.clear();
    endResetModel();
    if (!m_worker->isOpen())
        return;

    // 1. Where an index gives it cheaply, the first page straight from ORDER BY ... LIMIT:
    //    on screen within milliseconds, before the id list below has been read.
    const SubscriberQuery q = m_query;
    const int limit = m_pageSize;
    if (q.hasCheapFirstPage()) {
        m_pending.insert(0);
        m_worker->post(
            this,
            [q, limit](Database &db) {
                PageResult res;
                QVariantList binds;
                const std::string sql = q.firstPageSql(binds, limit);
                auto st = db.prepare(sql);
                if (!st) {
                    res.error = st.error().toString();
                    return res;
                }
                st->bindAll(binds);
                while (st->step())
                    res.rows << readRow(*st);
                if (st->error())
                    res.error = errorText(*st, {});
                return res;
            },
            [this](PageResult res) {
                m_pending.remove(0);
                if (!res.error.isEmpty()) {
                    emit loadFailed(res.error);
                    return;
                }
                const int n = int(res.rows.size());
                storePage(0, std::move(res.rows));
                if (!m_countKnown)
                    resizeTo(n);
                else
                    emit dataChanged(index(0, 0),
                                     index(qMax(0, n - 1), SubscriberQuery::ColumnCount - 1));
                emit pageLoaded(0, n);
                emit firstPageLoaded();
            });
    }

    // 2. Every matching id in order: the row count, and the key to fetch any page by id
    //    instead of by OFFSET (which would step over all earlier rows each time).
    m_worker->post(
        this,
        [q](Database &db) {
            PageResult res;
            QVariantList binds;
            auto st = db.prepare(q.idsSql(binds));
            if (!st) {
                res.error = st.error().toString();
                return res;
            }
            st->bindAll(binds);
            while (st->step())
                res.ids.append(st->int64(0));
            if (st->error())
                res.error = errorText(*st, {});
            return res;
        },
        [this](PageResult res) {
            if (!res.error.isEmpty()) {
                emit loadFailed(res.error);
                return;
            }
            m_ids = std::move(res.ids);
            m_countKnown = true;
            resizeTo(int(m_ids.size()));
            emit matchCountKnown(m_ids.size());
            if (!m_ids.isEmpty())
                requestPage(0); // the views ask too, but only once they repaint
        });
}

void SubscriberTableModel::resizeTo(int rows)
{
    if (rows > m_rowCount) {
        beginInsertRows({}, m_rowCount, rows - 1);
        m_rowCount = rows;
        endInsertRows();
    } else if (rows < m_rowCount) {
        beginRemoveRows({}, rows, m_rowCount - 1);
        m_rowCount = rows;
        endRemoveRows();
    }
}

void SubscriberTableModel::requestPage(int page) const
{
    // Pages other than the first are fetched by id, so they wait for the id list.
    if (m_pending.contains(page) || !m_countKnown || !m_worker->isOpen())
        return;
    const qsizetype first = qsizetype(page) * m_pageSize;
    if (first >= m_ids.size())
        return;
    const QVector<qint64> ids = m_ids.mid(first, m_pageSize);
    m_pending.insert(page);
    auto *self = const_cast<SubscriberTableModel *>(this);
    m_worker->post(
        self,
        [ids, page](Database &db) {
            PageResult res;
            res.page = page;
            auto st = db.prepare(SubscriberQuery::rowsByIdSql(int(ids.size())));
            if (!st) {
                res.error = st.error().toString();
                return res;
            }
            for (int i = 0; i < ids.size(); ++i)
                st->bind(i + 1, int64_t(ids.at(i)));
            QHash<qint64, SubscriberRow> byId;
            while (st->step()) {
                SubscriberRow r = readRow(*st);
                byId.insert(r.id, std::move(r));
            }
            if (st->error()) {
                res.error = errorText(*st, {});
                return res;
            }
            res.rows.reserve(ids.size());
            for (qint64 id : ids) {
                // A subscriber deleted since the id list was read keeps its place, empty.
                SubscriberRow r = byId.value(id);
                r.id = id;
                res.rows << r;
            }
            return res;
        },
        [self](PageResult res) {
            self->m_pending.remove(res.page);
            if (!res.error.isEmpty()) {
                emit self->loadFailed(res.error);
                return;
            }
            const int first = res.page * self->m_pageSize;
            const int n = int(res.rows.size());
            self->storePage(res.page, std::move(res.rows));
            if (first + n - 1 < self->m_rowCount)
                emit self->dataChanged(
                    self->index(first, 0),
                    self->index(first + n - 1, SubscriberQuery::ColumnCount - 1));
            emit self->pageLoaded(first, n);
            if (res.page == 0)
                emit self->firstPageLoaded();
        });
}

void SubscriberTableModel::storePage(int page, QVector<SubscriberRow> rows) const
{
    m_pages.insert(page, std::move(rows));
    // Keep the cache small: drop the pages farthest from the one just loaded.
    while (m_pages.size() > m_maxCachedPages) {
        int farthest = page;
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
            if (qAbs(it.key() - page) > qAbs(farthest - page))
                farthest = it.key();
        }
        if (farthest == page)
            break;
        m_pages.remove(farthest);
    }
}

const SubscriberRow *SubscriberTableModel::rowAt(int row) const
{
    const auto it = m_pages.constFind(row / m_pageSize);
    if (it == m_pages.cend())
        return nullptr;
    const int offset = row % m_pageSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

int SubscriberTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int SubscriberTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : SubscriberQuery::ColumnCount;
}

int SubscriberTableModel::fetchedRowCount() const
{
    int n = 0;
    for (const auto &page : m_pages)
        n += int(page.size());
    return n;
}

bool SubscriberTableModel::isRowLoaded(int row) const
{
    return rowAt(row) != nullptr;
}

qint64 SubscriberTableModel::subscriberId(int row) const
{
    if (const SubscriberRow *r = rowAt(row))
        return r->id;
    if (m_countKnown && row >= 0 && row < m_ids.size())
        return m_ids.at(row);
    return -1;
}

int SubscriberTableModel::rowOfSubscriber(qint64 id) const
{
    if (m_countKnown)
        return int(m_ids.indexOf(id));
    for (int row = 0; row < m_rowCount; ++row) {
        if (subscriberId(row) == id)
            return row;
    }
    return -1;
}

QVariant SubscriberTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rowCount)
        return {};
    const SubscriberRow *r = rowAt(index.row());
    if (!r) {
        requestPage(index.row() / m_pageSize);
        if (role == Qt::DisplayRole)
            return index.column() == SubscriberQuery::Email ? tr("Loading…") : QString();
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SubscriberQuery::Id:
            return r->id;
        case SubscriberQuery::Email:
            return r->email;
        case SubscriberQuery::Name:
            return QStringList{r->firstName, r->lastName}.join(QLatin1Char(' ')).trimmed();
        case SubscriberQuery::Country:
            return r->country;
        case SubscriberQuery::Status:
            return AudienceLabels::status(r->status);
        case SubscriberQuery::Lifecycle:
            return AudienceLabels::lifecycle(r->lifecycle);
        case SubscriberQuery::Tier:
            return AudienceLabels::tier(r->tier);
        case SubscriberQuery::Score:
            return AudienceLabels::number(r->score);
        case SubscriberQuery::LastOpen:
            return AudienceLabels::date(r->lastOpenAt);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        // The text columns are sized for typical values; longer ones are elided.
        switch (index.column()) {
        case SubscriberQuery::Email:
        case SubscriberQuery::Name:
        case SubscriberQuery::Lifecycle:
        case SubscriberQuery::Tier:
            return data(index, Qt::DisplayRole);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == SubscriberQuery::Id || index.column() == SubscriberQuery::Score)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == SubscriberQuery::Status && r->status != QLatin1String("subscribed"))
            return QBrush(QColor(0xb0, 0x3a, 0x2e));
        return {};
    case Qt::UserRole:
        return r->id;
    default:
        return {};
    }
}

QVariant SubscriberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SubscriberQuery::Id:
        return tr("ID");
    case SubscriberQuery::Email:
        return tr("E-mail");
    case SubscriberQuery::Name:
        return tr("Name");
    case SubscriberQuery::Country:
        return tr("Country");
    case SubscriberQuery::Status:
        return tr("Status");
    case SubscriberQuery::Lifecycle:
        return tr("Lifecycle");
    case SubscriberQuery::Tier:
        return tr("Engagement");
    case SubscriberQuery::Score:
        return tr("Score");
    case SubscriberQuery::LastOpen:
        return tr("Last open");
    default:
        return {};
    }
}

} // namespace mw::ui
