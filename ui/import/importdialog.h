#pragma once

#include "io/importtypes.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace mw::ui {

/// Imports a CSV file of subscribers, events or products into a database: a preview of the
/// first rows, a target per column (known field / custom attribute / ignore), the import on a
/// worker thread with progress and Cancel (which leaves the database as it was), and a
/// summary that lists bad rows with their line numbers.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(const QString &dbPath, QWidget *parent = nullptr);
    ~ImportDialog() override;

    /// Loads the file's preview and proposes a mapping from its header.
    void setFile(const QString &csvPath);
    void setKind(ImportKind kind);
    ImportKind kind() const;
    void setSkipBadRows(bool skip);
    /// The current target of every CSV column, as the importer receives it.
    std::vector<ColumnTarget> mapping() const;
    bool isRunning() const;
    /// The report of the last finished import (empty after a failure or cancel).
    const std::optional<ImportReport> &lastReport() const { return m_report; }

public slots:
    void startImport();
    void cancelImport();

signals:
    /// The worker ended: committed is true when rows were written.
    void importFinished(bool committed);

protected:
    void reject() override;

private:
    struct Outcome;
    void browse();
    void loadPreview();
    void rebuildMapping();
    void updateMappingStatus();
    void onProgress(const ImportProgress &progress);
    void onMetricsProgress(qint64 done, qint64 total);
    void onFinished();
    void setRunning(bool running);

    QString m_dbPath;
    QString m_csvPath;
    QStringList m_header;
    QLineEdit *m_fileEdit = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QComboBox *m_onErrorCombo = nullptr;
    QTableWidget *m_preview = nullptr;
    QTableWidget *m_mapping = nullptr;
    QLabel *m_mappingStatus = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_closeButton = nullptr;

    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<Outcome> m_outcome;
    QFutureWatcher<void> m_watcher;
    std::optional<ImportReport> m_report;
};

} // namespace mw::ui
