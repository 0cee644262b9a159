#include "mainwindow.h"

#include "audience/audiencepage.h"
#include "audience/subscriberbrowser.h"
#include "campaign/campaignspage.h"
#include "import/importdialog.h"
#include "pages/contentpage.h"
#include "pages/experimentspage.h"
#include "pages/welcomepage.h"
#include "sampledatabasedialog.h"
#include "segments/segmentspage.h"
#include "setting.h"
#include "undosource.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent>

#include <memory>

namespace mw::ui {

namespace {

const Setting<QByteArray> kGeometry{"mainwindow/geometry"};
const Setting<QByteArray> kState{"mainwindow/state"};
const Setting<int> kCurrentPage{"mainwindow/page", 0};
const Setting<QStringList> kRecentFiles{"recentFiles"};
const Setting<QString> kLastDirectory{"lastDirectory"};

const char *const kFileFilter = QT_TRANSLATE_NOOP(
    "mw::ui::MainWindow", "Mailwright databases (*.db *.sqlite *.mwdb);;All files (*)");

void removeDatabaseFiles(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_root(new QStackedWidget), m_welcome(new WelcomePage),
      m_workspace(new QWidget), m_navigation(new QListWidget), m_pages(new QStackedWidget),
      m_audience(new AudiencePage), m_pathLabel(new QLabel), m_countLabel(new QLabel)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Mailwright"));

    // Navigation: a sidebar of the four areas, each area one page of the stack.
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(170);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setStyleSheet(QStringLiteral(
        "QListWidget#navigation { background: #26313d; color: #d7dee6; outline: none;"
        " padding-top: 10px; }"
        "QListWidget#navigation::item { padding: 10px 18px; border-left: 3px solid transparent; }"
        "QListWidget#navigation::item:hover { background: #2f3c4a; }"
        "QListWidget#navigation::item:selected { background: #34495e; color: white;"
        " border-left: 3px solid #5fa8e8; }"));
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.15);
    m_navigation->setFont(navFont);
    const QString pageNames[kPageCount] = {tr("Audience"), tr("Content"), tr("Campaigns"),
                                           tr("Experiments")};
    for (int i = 0; i < kPageCount; ++i) {
        auto *item = new QListWidgetItem(pageNames[i], m_navigation);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(pageNames[i]).arg(i + 1));
    }
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_audience);
    auto *segments = new SegmentsPage;
    segments->setObjectName(QStringLiteral("segmentsPage"));
    m_audience->addTab(segments, tr("Segments"));
    connect(this, &MainWindow::databaseOpened, segments, &SegmentsPage::setDatabase);
    connect(segments, &SegmentsPage::subscriberActivated, this, &MainWindow::showSubscriber);
    m_pages->addWidget(new ContentPage);
    auto *campaigns = new CampaignsPage;
    campaigns->setObjectName(QStringLiteral("campaignsPage"));
    m_pages->addWidget(campaigns);
    connect(this, &MainWindow::databaseOpened, campaigns, &CampaignsPage::setDatabase);
    auto *experiments = new ExperimentsPage;
    m_pages->addWidget(experiments);
    connect(this, &MainWindow::databaseOpened, experiments, &ExperimentsPage::setDatabase);

    auto *workspaceLayout = new QHBoxLayout(m_workspace);
    workspaceLayout->setContentsMargins(0, 0, 0, 0);
    workspaceLayout->setSpacing(0);
    workspaceLayout->addWidget(m_navigation);
    workspaceLayout->addWidget(m_pages, 1);

    m_root->addWidget(m_welcome);
    m_root->addWidget(m_workspace);
    setCentralWidget(m_root);

    m_pathLabel->setObjectName(QStringLiteral("statusPath"));
    m_countLabel->setObjectName(QStringLiteral("statusCount"));
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);

    createActions();

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_pages->setCurrentIndex(row);
        if (m_pageActions && row >= 0 && row < m_pageActions->actions().size())
            m_pageActions->actions().at(row)->setChecked(true);
    });
    connect(m_welcome, &WelcomePage::sampleRequested, this, &MainWindow::newSampleDatabase);
    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::newDatabase);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::openDatabaseDialog);
    connect(m_welcome, &WelcomePage::recentRequested, this, [this](const QString &path) {
        if (!openDatabase(path))
            removeRecentFile(path);
    });
    connect(m_audience->browser(), &SubscriberBrowser::totalSubscribersChanged, this,
            &MainWindow::updateTitleAndStatus);

    m_welcome->setSampleAvailable(SampleDatabaseCreator::isAvailable(),
                                  tr("This build has no sample generator."));
    m_welcome->setRecentFiles(recentFiles());
    m_navigation->setCurrentRow(qBound(0, kCurrentPage.get(), kPageCount - 1));

    resize(1400, 900);
    if (const QByteArray g = kGeometry.get(); !g.isEmpty())
        restoreGeometry(g);
    if (const QByteArray s = kState.get(); !s.isEmpty())
        restoreState(s);
    updateTitleAndStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New Database…"), this, &MainWindow::newDatabase);
    newAction->setShortcut(QKeySequence::New);
    newAction->setObjectName(QStringLiteral("actionNew"));
    QAction *openAction =
        file->addAction(tr("&Open Database…"), this, &MainWindow::openDatabaseDialog);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setObjectName(QStringLiteral("actionOpen"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    QAction *sample =
        file->addAction(tr("New &Sample Database…"), this, &MainWindow::newSampleDatabase);
    sample->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    sample->setObjectName(QStringLiteral("actionNewSample"));
    if (!SampleDatabaseCreator::isAvailable()) {
        sample->setEnabled(false);
        sample->setToolTip(tr("This build has no sample generator."));
    }
    QAction *import = file->addAction(tr("&Import CSV…"), this, &MainWindow::importCsv);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setObjectName(QStringLiteral("actionImport"));
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close Database"), this, &MainWindow::closeDatabase);
    close->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    // Undo/Redo act on the current page's stack (the segment builder, the campaign editor).
    // The pages own Ctrl+Z / Ctrl+Shift+Z themselves; here the keys are only shown (the
    // menu's own shortcut context), so the two never compete for the key.
    m_undoAction = edit->addAction(tr("&Undo"), this, [this] {
        if (QUndoStack *s = activeUndoStack())
            s->undo();
    });
    m_undoAction->setObjectName(QStringLiteral("actionUndo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetShortcut);
    m_redoAction = edit->addAction(tr("&Redo"), this, [this] {
        if (QUndoStack *s = activeUndoStack())
            s->redo();
    });
    m_redoAction->setObjectName(QStringLiteral("actionRedo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setShortcutContext(Qt::WidgetShortcut);
    connect(edit, &QMenu::aboutToShow, this, &MainWindow::updateUndoActions);
    updateUndoActions();
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find Subscriber"), this, [this] {
        if (!m_db.isOpen())
            return;
        showPage(Page::Audience);
        m_audience->setCurrentWidget(m_audience->browser());
        m_audience->browser()->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);
    find->setObjectName(QStringLiteral("actionFind"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_pageActions = new QActionGroup(this);
    const QString names[kPageCount] = {tr("&Audience"), tr("&Content"), tr("Ca&mpaigns"),
                                       tr("&Experiments")};
    for (int i = 0; i < kPageCount; ++i) {
        QAction *a = view->addAction(names[i], this, [this, i] { showPage(Page(i)); });
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        m_pageActions->addAction(a);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Mailwright"), this, [this] {
        QMessageBox::about(this, tr("About Mailwright"),
                           tr("<h3>Mailwright %1</h3><p>Design, personalise, preview and "
                              "test email campaigns offline, on a local database of "
                              "subscribers and their behaviour.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QUndoStack *MainWindow::activeUndoStack() const
{
    if (m_root->currentWidget() != m_workspace)
        return nullptr;
    QWidget *page = m_pages->currentWidget();
    if (!page)
        return nullptr;
    QList<QWidget *> widgets{page};
    widgets += page->findChildren<QWidget *>();
    for (QWidget *w : widgets)
        if (auto *source = dynamic_cast<UndoSource *>(w); source && w->isVisible())
            return source->currentUndoStack();
    return nullptr;
}

void MainWindow::updateUndoActions()
{
    QUndoStack *s = activeUndoStack();
    const bool canUndo = s && s->canUndo(), canRedo = s && s->canRedo();
    m_undoAction->setEnabled(canUndo);
    m_undoAction->setText(canUndo ? tr("&Undo %1").arg(s->undoText()) : tr("&Undo"));
    m_redoAction->setEnabled(canRedo);
    m_redoAction->setText(canRedo ? tr("&Redo %1").arg(s->redoText()) : tr("&Redo"));
}

// ------------------------------------------------------------------- pages

QWidget *MainWindow::page(Page page) const
{
    return m_pages->widget(int(page));
}

void MainWindow::setPage(Page page, QWidget *widget)
{
    QWidget *old = m_pages->widget(int(page));
    const bool current = m_pages->currentIndex() == int(page);
    m_pages->insertWidget(int(page), widget);
    m_pages->removeWidget(old);
    if (old == m_audience)
        m_audience = qobject_cast<AudiencePage *>(widget);
    if (current)
        m_pages->setCurrentIndex(int(page));
    old->deleteLater();
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::showSubscriber(qint64 id)
{
    if (!m_audience)
        return;
    showPage(Page::Audience);
    m_audience->showSubscriber(id);
}

// ------------------------------------------------------------------- database

bool MainWindow::openDatabase(const QString &path, bool create)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Database::OpenOptions options;
    options.create = create;
    auto db = Database::open(absolute, options);
    if (!db) {
        showOpenError(absolute, db.error());
        return false;
    }
    // The pages read through their own connections; open them before switching so a
    // failure leaves the previous database on screen.
    if (m_audience) {
        if (Status s = m_audience->browser()->setDatabase(absolute); !s) {
            if (m_db.isOpen())
                m_audience->browser()->setDatabase(m_db.path());
            showOpenError(absolute, s.error());
            return false;
        }
    }
    m_db = std::move(db.value());
    m_lastError.clear();
    addRecentFile(absolute);
    kLastDirectory.set(QFileInfo(absolute).absolutePath());
    m_root->setCurrentWidget(m_workspace);
    updateTitleAndStatus();
    emit databaseOpened(absolute);
    return true;
}

void MainWindow::importCsv()
{
    if (!m_db.isOpen()) {
        QMessageBox::information(this, tr("Import CSV"),
                                 tr("Open or create a database first, then import into it."));
        return;
    }
    ImportDialog dialog(m_db.path(), this);
    connect(&dialog, &ImportDialog::importFinished, this, [this](bool committed) {
        if (committed) // show the new rows; the browser reads through its own connection
            m_audience->browser()->setDatabase(m_db.path());
    });
    dialog.exec();
}

void MainWindow::openLastDatabase()
{
    const QStringList recent = recentFiles();
    if (!recent.isEmpty() && QFileInfo::exists(recent.first()) && openDatabase(recent.first()))
        return;
    m_root->setCurrentWidget(m_welcome);
}

void MainWindow::closeDatabase()
{
    if (!m_db.isOpen())
        return;
    if (m_audience)
        m_audience->browser()->closeDatabase();
    m_db.close();
    m_welcome->setRecentFiles(recentFiles());
    m_root->setCurrentWidget(m_welcome);
    updateTitleAndStatus();
    emit databaseClosed();
}

void MainWindow::newDatabase()
{
    QString path =
        QFileDialog::getSaveFileName(this, tr("New Database"), defaultDirectory(), tr(kFileFilter));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".db");
    path = QFileInfo(path).absoluteFilePath();
    // The dialog has asked whether to replace an existing file; an empty database is what
    // the user asked for, so the old file goes (closing it first if it is the open one).
    if (QFileInfo::exists(path)) {
        if (path == databasePath())
            closeDatabase();
        removeDatabaseFiles(path);
    }
    openDatabase(path, true);
}

void MainWindow::openDatabaseDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Database"), defaultDirectory(),
                                                      tr(kFileFilter));
    if (!path.isEmpty())
        openDatabase(path);
}

QString MainWindow::defaultSamplePath()
{
    // The place scripts/run-app.sh uses (~/.local/share/Mailwright/sample.db on Linux).
    // AppDataLocation would add the organisation and the application name, both
    // "Mailwright": .../Mailwright/Mailwright/sample.db.
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(data).filePath(QStringLiteral("Mailwright/sample.db"));
}

void MainWindow::newSampleDatabase()
{
    SampleDatabaseDialog dialog(defaultSamplePath(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SampleDatabaseCreator::Request request = dialog.request();
    if (QFileInfo::exists(request.path)) {
        const auto answer =
            QMessageBox::question(this, tr("Replace Database?"),
                                  tr("“%1” already exists. Replace it with a new sample database?")
                                      .arg(QDir::toNativeSeparators(request.path)));
        if (answer != QMessageBox::Yes)
            return;
        if (request.path == databasePath())
            closeDatabase();
        removeDatabaseFiles(request.path);
    }
    createSampleDatabase(request);
}

void MainWindow::createSampleDatabase(const SampleDatabaseCreator::Request &request)
{
    QDir().mkpath(QFileInfo(request.path).absolutePath());
    auto progress = std::make_shared<SampleDatabaseCreator::Progress>();
    auto cancel = std::make_shared<std::atomic<bool>>(false);

    auto *dialog =
        new QProgressDialog(tr("Creating sample database…"), tr("Cancel"), 0, 1000, this);
    dialog->setObjectName(QStringLiteral("sampleProgress"));
    dialog->setWindowTitle(tr("New Sample Database"));
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(0);
    dialog->setMinimumWidth(420);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    auto *poll = new QTimer(dialog);
    connect(poll, &QTimer::timeout, dialog, [dialog, progress, cancel] {
        dialog->setValue(progress->permille);
        if (!*cancel) {
            const QString stage = progress->currentStage();
            dialog->setLabelText(stage.isEmpty() ? tr("Creating sample database…")
                                                 : tr("Creating sample database: %1").arg(stage));
        }
    });
    poll->start(100);
    connect(dialog, &QProgressDialog::canceled, dialog, [dialog, cancel] {
        *cancel = true;
        dialog->setLabelText(tr("Cancelling…"));
    });

    // The generator opens its own connection on the worker thread.
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(
        watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, dialog, request, cancel] {
            const Status result = watcher->result();
            watcher->deleteLater();
            dialog->deleteLater();
            if (result) {
                openDatabase(request.path);
            } else if (!*cancel) {
                showError(tr("Sample Database"), tr("The sample database could not be created."),
                          result.error().toString());
            }
            emit sampleDatabaseFinished(bool(result));
        });
    watcher->setFuture(QtConcurrent::run([request, progress, cancel] {
        return SampleDatabaseCreator::run(request, *progress, *cancel);
    }));
    dialog->show();
}

// ------------------------------------------------------------------- recent files

QStringList MainWindow::recentFiles() const
{
    return kRecentFiles.get();
}

void MainWindow::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    kRecentFiles.set(files);
    m_welcome->setRecentFiles(files);
}

void MainWindow::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    kRecentFiles.set(files);
    m_welcome->setRecentFiles(files);
}

void MainWindow::rebuildRecentMenu()
{
    // Files that were moved or deleted since are dropped here rather than offered.
    QStringList files = recentFiles();
    const qsizetype before = files.size();
    files.erase(std::remove_if(files.begin(), files.end(),
                               [](const QString &f) { return !QFileInfo::exists(f); }),
                files.end());
    if (files.size() != before) {
        kRecentFiles.set(files);
        m_welcome->setRecentFiles(files);
    }
    m_recentMenu->clear();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        QString label = QStringLiteral("%1 %2").arg(i + 1).arg(QFileInfo(path).fileName());
        if (i < 9)
            label.prepend(QLatin1Char('&'));
        QAction *a = m_recentMenu->addAction(label, this, [this, path] {
            if (!openDatabase(path))
                removeRecentFile(path);
        });
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent databases"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear Menu"), this, [this] {
            kRecentFiles.clear();
            m_welcome->setRecentFiles({});
        });
    }
}

QString MainWindow::defaultDirectory() const
{
    const QString last = kLastDirectory.get();
    return last.isEmpty() ? QDir::homePath() : last;
}

// ------------------------------------------------------------------- messages, status

void MainWindow::showOpenError(const QString &path, const Error &error)
{
    const QString name = QDir::toNativeSeparators(path);
    QString text;
    switch (error.code) {
    case Error::Code::NotDatabase:
        text = tr("“%1” is not a database file.").arg(name);
        break;
    case Error::Code::NotMailwright:
        text = tr("“%1” is an SQLite database of another program, not a Mailwright database.")
                   .arg(name);
        break;
    case Error::Code::TooNew:
        text = tr("“%1” was written by a newer version of Mailwright and cannot be opened by "
                  "this version.")
                   .arg(name);
        break;
    case Error::Code::Locked:
        text = tr("“%1” is locked by another program. Close it there and try again.").arg(name);
        break;
    case Error::Code::Corrupt:
        text = tr("“%1” is damaged and cannot be opened.").arg(name);
        break;
    case Error::Code::NotFound:
        text = tr("“%1” does not exist.").arg(name);
        break;
    default:
        text = tr("“%1” could not be opened.").arg(name);
        break;
    }
    showError(tr("Cannot Open Database"),
              text + QLatin1Char(' ') + tr("The file was left unchanged."), error.toString());
}

void MainWindow::showError(const QString &title, const QString &text, const QString &detail)
{
    m_lastError = text;
    // Window-modal but not blocking: the event loop (and a test driving it) goes on.
    auto *box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    if (!detail.isEmpty())
        box->setInformativeText(tr("Details: %1").arg(detail));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateTitleAndStatus()
{
    if (!m_db.isOpen()) {
        setWindowTitle(tr("Mailwright"));
        m_pathLabel->setText(tr("No database open"));
        m_countLabel->clear();
        return;
    }
    setWindowTitle(tr("%1 — Mailwright").arg(QFileInfo(m_db.path()).fileName()));
    m_pathLabel->setText(QDir::toNativeSeparators(m_db.path()));
    const qint64 total = m_audience ? m_audience->browser()->totalSubscribers() : -1;
    m_countLabel->setText(total < 0    ? tr("Counting subscribers…")
                          : total == 1 ? tr("1 subscriber")
                                       : tr("%1 subscribers").arg(QLocale().toString(total)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    kGeometry.set(saveGeometry());
    kState.set(saveState());
    kCurrentPage.set(m_navigation->currentRow());
    event->accept();
}

} // namespace mw::ui
