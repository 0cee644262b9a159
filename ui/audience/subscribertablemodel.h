#pragma once

#include "subscriberquery.h"
#include "subscriberrow.h"

#include "common/error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QVector>

namespace mw::ui {

class DbWorker;

/// A lazy table of subscribers for a million-row database (after sqlitebrowser's
/// SqliteTableModel/RowLoader): a worker thread with its own connection first loads the
/// first page (shown at once), then the ordered list of matching ids (which gives the row
/// count); any other page is fetched by id when a view asks for one of its rows, cached,
/// and shown as a placeholder until it arrives. Nothing ever loads all rows.
class SubscriberTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit SubscriberTableModel(QObject *parent = nullptr);
    ~SubscriberTableModel() override;

    /// Opens a read connection on the worker thread and loads the current query.
    Status setDatabase(const QString &path);
    void closeDatabase();

    void setQuery(const SubscriberQuery &query);
    const SubscriberQuery &query() const { return m_query; }

    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    void setMaxCachedPages(int pages) { m_maxCachedPages = qMax(2, pages); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

    /// Number of matching subscribers, or -1 while it is being counted.
    qint64 matchCount() const { return m_countKnown ? m_ids.size() : -1; }
    /// Rows held in the cache (loaded from the database), at most a few pages.
    int fetchedRowCount() const;
    bool isRowLoaded(int row) const;
    /// The subscriber shown in row, or -1 while unknown.
    qint64 subscriberId(int row) const;
    /// The row showing subscriber id, or -1 if it does not match the query (or the ids are
    /// still loading).
    int rowOfSubscriber(qint64 id) const;

signals:
    void firstPageLoaded();
    void matchCountKnown(qint64 count);
    void pageLoaded(int firstRow, int rowCount);
    void loadFailed(const QString &message);

private:
    struct PageResult {
        int page = 0;
        QVector<SubscriberRow> rows;
        QVector<qint64> ids; // the ids job only
        QString error;
    };

    void reload();
    void requestPage(int page) const;
    void storePage(int page, QVector<SubscriberRow> rows) const;
    void resizeTo(int rows);
    const SubscriberRow *rowAt(int row) const;

    DbWorker *m_worker;
    SubscriberQuery m_query;
    int m_pageSize = 256;
    int m_maxCachedPages = 64;
    int m_rowCount = 0;
    bool m_countKnown = false;
    QVector<qint64> m_ids;
    mutable QHash<int, QVector<SubscriberRow>> m_pages;
    mutable QSet<int> m_pending;
};

} // namespace mw::ui
