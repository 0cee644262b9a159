#pragma once

#include "segmentcatalog.h"
#include "undosource.h"

#include <QJsonObject>
#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace mw {
struct SegmentPreview;
}

namespace mw::ui {

class SegmentBuilderWidget;
class SegmentDocument;

/// The segment builder screen: saved segments, the condition tree, the live exact count
/// with its funnel, a sample of members, the generated SQL and the documentation fields.
/// All database work runs on its own worker threads, each with its own connection.
class SegmentsPage : public QWidget, public UndoSource {
    Q_OBJECT
public:
    explicit SegmentsPage(QWidget *parent = nullptr);
    QUndoStack *currentUndoStack() const override;
    ~SegmentsPage() override;

    void setDatabase(const QString &path);
    QString databasePath() const { return m_path; }

    SegmentDocument *document() const { return m_document; }
    SegmentBuilderWidget *builder() const { return m_builder; }
    /// The count on screen, or -1 while none is valid for the current definition.
    qint64 displayedCount() const { return m_displayedCount; }
    QTableWidget *savedTable() const { return m_saved; }
    QTableWidget *sampleTable() const { return m_sample; }
    QTableWidget *funnelTable() const { return m_funnel; }
    QPushButton *saveButton() const { return m_saveButton; }
    QLineEdit *nameEdit() const { return m_name; }

    /// Loads a saved segment into the builder (from the list already read).
    bool loadSegment(const QString &name);
    void newSegment();
    void save();
    /// Renames / deletes a saved segment on a worker thread (no dialogs; the list's context
    /// menu, F2 and Delete ask first). The outcome arrives as savedSegmentChanged.
    void renameSegment(const QString &name, const QString &newName);
    void deleteSegment(const QString &name);

signals:
    void subscriberActivated(qint64 subscriberId);
    /// A preview for the current definition is on screen (count, funnel, sample, SQL).
    void previewShown();
    void savedSegmentsReloaded(); // with exact counts
    void saveFinished(bool ok, const QString &message);
    /// A rename or delete finished; message says what happened or why it was refused.
    void savedSegmentChanged(bool ok, const QString &message);

private:
    void documentChanged(bool structural);
    void schedulePreview();
    void startPreview();
    void showPreview(const SegmentPreview &preview);
    void reloadCatalog();
    void reloadSavedSegments();
    void countSavedSegments(int listing);
    void showSavedSegments(const QList<QJsonObject> &segments, bool exact);
    void syncDocumentationFields();
    QString selectedSavedName() const;
    void askRename();
    void askDelete();
    void changeSaved(const QString &name, const QString &newName); // empty newName: delete

    QString m_path;
    SegmentDocument *m_document;
    SegmentBuilderWidget *m_builder;
    QTimer *m_debounce;
    QThreadPool m_pool;        // catalog, saved list, saving
    QThreadPool m_previewPool; // counts never queue behind catalog loading
    std::shared_ptr<std::atomic<int>> m_generation;
    QJsonObject m_requested; // definition of the newest preview request
    qint64 m_displayedCount = -1;
    bool m_syncing = false;
    int m_savedListing = 0;             // newest saved-list request; older answers are dropped
    QList<QJsonObject> m_savedSegments; // name, definition, documentation, count, updated_at

    QTableWidget *m_saved;
    QLineEdit *m_name;
    QPushButton *m_saveButton;
    QLabel *m_count;
    QLabel *m_status;
    QTableWidget *m_funnel;
    QTableWidget *m_sample;
    QPlainTextEdit *m_sql;
    QHash<QString, QLineEdit *> m_docFields;
};

} // namespace mw::ui
