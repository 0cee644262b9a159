#pragma once

#include "subscriberquery.h"

#include "common/error.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;
class QToolButton;

namespace mw::ui {

class DbWorker;
class SubscriberDetailPane;
class SubscriberTableModel;

/// Browse a (million-row) audience: debounced prefix search on e-mail and name, filters by
/// country, lifecycle stage and engagement tier, a lazy table, and the selected
/// subscriber's details beside it.
class SubscriberBrowser : public QWidget {
    Q_OBJECT
public:
    explicit SubscriberBrowser(QWidget *parent = nullptr);
    ~SubscriberBrowser() override;

    Status setDatabase(const QString &path);
    void closeDatabase();

    /// Selects subscriber id in the table if the current query shows it, and shows its
    /// details either way.
    void showSubscriber(qint64 id);
    void focusSearch();

    /// Applies search text now (the edit waits for a pause in typing).
    void setSearchText(const QString &text);

    SubscriberTableModel *model() const { return m_model; }
    SubscriberDetailPane *detailPane() const { return m_detail; }
    QTableView *view() const { return m_view; }
    /// Total subscribers in the database (-1 while counting).
    qint64 totalSubscribers() const { return m_total; }

    static constexpr int kSearchDelayMs = 250;

protected:
    void showEvent(QShowEvent *event) override;

signals:
    void totalSubscribersChanged(qint64 total);
    /// The filter combos have been filled from the database.
    void filtersLoaded();

private:
    struct FilterValues {
        qint64 total = 0;
        QVector<std::pair<QString, qint64>> countries, lifecycles, tiers;
        QString error;
    };

    void applyQuery();
    void loadFilterValues();
    void fillCombo(QComboBox *combo, const QString &anyText,
                   const QVector<std::pair<QString, qint64>> &values,
                   QString (*label)(const QString &));
    void updateResultLabel();
    void onCurrentRowChanged();
    void saveLayout() const;

    SubscriberTableModel *m_model;
    DbWorker *m_infoWorker; // filter values and the total, apart from the table's queue
    QLineEdit *m_search;
    QComboBox *m_country;
    QComboBox *m_lifecycle;
    QComboBox *m_tier;
    QToolButton *m_clear;
    QLabel *m_result;
    QTableView *m_view;
    SubscriberDetailPane *m_detail;
    QSplitter *m_splitter;
    QTimer *m_searchTimer;
    qint64 m_total = -1;
    qint64 m_pendingSelection = -1;
    bool m_layoutRestored = false;
};

} // namespace mw::ui
