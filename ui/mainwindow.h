#pragma once

#include "sampledatabasecreator.h"

#include "storage/database.h"

#include <QMainWindow>
#include <QStringList>

class QAction;
class QActionGroup;
class QUndoStack;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace mw::ui {

class AudiencePage;
class WelcomePage;

/// The application window: navigation between Audience, Content, Campaigns and
/// Experiments, the File menu (new, open, recent, sample database), and the status bar.
///
/// Each page is its own widget; setPage() replaces one (the later issues swap their
/// pages in). The window holds the one read-write connection of the open database so its
/// WAL stays alive; pages read through connections of their own worker threads.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Audience, Content, Campaigns, Experiments };
    static constexpr int kPageCount = 4;
    static constexpr int kMaxRecentFiles = 10;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens path (creating it if create is true and it does not exist). On error shows
    /// a message, keeps whatever was open before and returns false.
    bool openDatabase(const QString &path, bool create = false);
    /// Startup without a file argument: reopens the last database, or shows the welcome
    /// page that offers to create a sample.
    void openLastDatabase();
    /// File > Import CSV: the import dialog on the open database.
    void importCsv();
    void closeDatabase();
    QString databasePath() const { return m_db.isOpen() ? m_db.path() : QString(); }
    /// The message shown for the last failure ("" after a success).
    QString lastError() const { return m_lastError; }

    QWidget *page(Page page) const;
    /// Replaces a page; the old widget is deleted.
    void setPage(Page page, QWidget *widget);
    void showPage(Page page);
    Page currentPage() const;
    AudiencePage *audiencePage() const { return m_audience; }
    /// Where File ▸ New Sample Database suggests creating it (the run-app.sh default).
    static QString defaultSamplePath();

    /// Shows subscriber id in the Audience page's browser and detail pane.
    void showSubscriber(qint64 id);

    QStringList recentFiles() const;

    /// Runs the sample generator on a worker thread with a progress dialog, then opens the
    /// result. Returns at once; databaseOpened() follows on success.
    void createSampleDatabase(const SampleDatabaseCreator::Request &request);

signals:
    void databaseOpened(const QString &path);
    void databaseClosed();
    /// createSampleDatabase() has ended: created and opened, or failed / cancelled.
    void sampleDatabaseFinished(bool created);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void newDatabase();
    void openDatabaseDialog();
    void newSampleDatabase();
    void rebuildRecentMenu();
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);
    void showOpenError(const QString &path, const Error &error);
    void showError(const QString &title, const QString &text, const QString &detail = {});
    void updateTitleAndStatus();
    /// The undo stack of what the current page shows (see UndoSource), or nullptr.
    QUndoStack *activeUndoStack() const;
    void updateUndoActions();
    QString defaultDirectory() const;

    Database m_db;
    QString m_lastError;
    QStackedWidget *m_root; // welcome page or workspace
    WelcomePage *m_welcome;
    QWidget *m_workspace;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    AudiencePage *m_audience;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_pageActions = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QLabel *m_pathLabel;
    QLabel *m_countLabel;
};

} // namespace mw::ui
