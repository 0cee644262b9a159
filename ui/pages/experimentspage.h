#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;

namespace mw::ui {

class ExperimentList;
class ExperimentReportView;

/// The Experiments page: the database's experiments on the left, the selected one's report
/// (lifts, intervals, sample-ratio check, lift chart) on the right. Read-only; every
/// database read and report computation runs on the thread pool with its own connection.
class ExperimentsPage : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentsPage(QWidget *parent = nullptr);
    ~ExperimentsPage() override;

    void setDatabase(const QString &path);
    /// Selects an experiment by name; false if the list has none of that name.
    bool selectExperiment(const QString &name);

    ExperimentList *list() const { return m_list; }
    ExperimentReportView *reportView() const { return m_report; }
    /// True while a list or report is being loaded.
    bool isBusy() const { return m_pending > 0; }
    /// True while the "no experiments" state is shown.
    bool isEmptyStateShown() const;

signals:
    void experimentsLoaded(int count);
    /// A report (name; with CUPED or not) is on screen.
    void reportShown(const QString &name);
    void loadFailed(const QString &message);

private:
    void reloadList();
    void loadReport(const QString &name, bool cuped);
    void setBusy(bool busy);
    void showError(const QString &message);

    QString m_path;
    QStackedWidget *m_stack; // empty state | list and report
    QSplitter *m_splitter;
    ExperimentList *m_list;
    QStackedWidget *m_right; // placeholder/error | report
    QLabel *m_message;
    ExperimentReportView *m_report;
    QProgressBar *m_busy;
    QLabel *m_busyLabel;
    int m_pending = 0;
    quint64 m_generation = 0; // results of older requests are dropped
};

} // namespace mw::ui
