// The main window and the subscriber browser, driven on the offscreen platform against a
// small hand-made database whose expected counts are worked out here from the same rules
// that fill it.
#include "audience/audiencepage.h"
#include "audience/subscriberbrowser.h"
#include "audience/subscriberdetailpane.h"
#include "audience/subscribertablemodel.h"
#include "mainwindow.h"
#include "segments/segmentbuilderwidget.h"
#include "segments/segmentdocument.h"
#include "segments/segmentspage.h"
#include "testutils.h"
#include "translations.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include <sqlite3.h>

using namespace mw;
using namespace mw::ui;

namespace {

constexpr int kSubscribers = 600;
constexpr int kPageSize = 50;
constexpr qint64 kBusySubscriber = 9; // has kBusyEvents events
constexpr int kBusyEvents = 150;
constexpr qint64 kNow = 1715000000;

const char *const kFirst[] = {"Anna", "Annabel", "Ben", "Clara", "Dieter", "Émile", "Grace", ""};
const char *const kLast[] = {"Schmidt", "Schneider", "Annan", "Miller", "van der Berg", "Ito"};
const char *const kCountries[] = {"DE", "US", "FR", "JP", "BR"};
const char *const kStages[] = {"subscriber", "customer", "repeat", "vip"};

/// The fixture's rules, used both to fill the database and to compute expectations.
struct Person {
    qint64 id;
    QString first, last, email, country, stage, tier;
    double score;
    bool hasMetrics;
};

Person person(qint64 id)
{
    Person p;
    p.id = id;
    p.first = QString::fromUtf8(kFirst[id % 8]);
    p.last = QString::fromUtf8(kLast[(id / 8) % 6]);
    QString local = (p.first.isEmpty() ? QStringLiteral("x") : p.first.toLower()) +
                    QLatin1Char('.') + p.last.toLower().remove(QLatin1Char(' '));
    p.email = QStringLiteral("%1.%2@example.com").arg(local).arg(id);
    p.country = QLatin1String(kCountries[id % 5]);
    p.hasMetrics = id % 10 != 0;
    p.stage = QLatin1String(kStages[id % 4]);
    p.score = double((id * 37) % 220) - 20;
    p.tier = p.score >= 150  ? QStringLiteral("Highly engaged")
             : p.score >= 75 ? QStringLiteral("Moderately engaged")
             : p.score >= 25 ? QStringLiteral("Low engagement")
             : p.score >= 0  ? QStringLiteral("At risk")
                             : QStringLiteral("Inactive");
    return p;
}

void createFixture(const QString &path)
{
    Database db = test::openFresh(path);
    QVERIFY(db.isOpen());
    Transaction tx(db);
    QVERIFY(db.exec("INSERT INTO campaigns(id, name, status, created_at, updated_at)"
                    " VALUES (1, 'Spring Sale', 'sent', 0, 0);"
                    "INSERT INTO products(id, sku, name, category, price)"
                    " VALUES (1, 'SKU-1', 'Trail Shoes', 'Shoes', 89.0);"));
    auto sub = db.prepare(
        "INSERT INTO subscribers(id, external_id, email, first_name, last_name, city, country,"
        " language, timezone, created_at, status, attributes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    auto met = db.prepare(
        "INSERT INTO subscriber_metrics(subscriber_id, engagement_score, engagement_score_30,"
        " engagement_tier, lifecycle_stage, order_count, revenue, lifetime_value, last_open_at,"
        " computed_at, rfm_segment) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    QVERIFY(sub && met);
    for (qint64 id = 1; id <= kSubscribers; ++id) {
        const Person p = person(id);
        sub->reset();
        sub->bind(1, int64_t(id));
        sub->bind(2, QStringLiteral("ext-%1").arg(id));
        sub->bind(3, p.email);
        p.first.isEmpty() ? sub->bindNull(4) : sub->bind(4, p.first);
        sub->bind(5, p.last);
        sub->bind(6, QStringLiteral("Springfield"));
        sub->bind(7, p.country);
        sub->bind(8, QStringLiteral("en"));
        sub->bind(9, QStringLiteral("Europe/Berlin"));
        sub->bind(10, int64_t(kNow - 86400 * 400));
        sub->bind(11, id % 50 == 0 ? QStringLiteral("unsubscribed") : QStringLiteral("subscribed"));
        sub->bind(12,
                  id == kBusySubscriber
                      ? QStringLiteral(R"({"plan":"pro","shoe_size":42,"tags":["runner","vip"]})")
                      : QStringLiteral("{}"));
        QVERIFY2(sub->run(), qPrintable(sub->error() ? sub->error()->toString() : QString()));
        if (!p.hasMetrics)
            continue;
        met->reset();
        met->bind(1, int64_t(id));
        met->bind(2, p.score);
        met->bind(3, p.score / 2);
        met->bind(4, p.tier);
        met->bind(5, p.stage);
        met->bind(6, int(id % 4));
        met->bind(7, double(id % 4) * 50.25);
        met->bind(8, double(id % 4) * 50.25);
        met->bind(9, int64_t(kNow - id * 3600));
        met->bind(10, int64_t(kNow));
        met->bind(11, QStringLiteral("Loyal Customers"));
        QVERIFY(met->run());
    }
    // Subscriber 9's timeline: one event an hour going back, every 10th a purchase.
    auto ev = db.prepare("INSERT INTO events(id, subscriber_id, type, occurred_at, campaign_id,"
                         " product_id, amount) VALUES (?,?,?,?,?,?,?)");
    for (int i = 0; i < kBusyEvents; ++i) {
        const bool purchase = i % 10 == 0;
        ev->reset();
        ev->bind(1, int64_t(1000 + i));
        ev->bind(2, int64_t(kBusySubscriber));
        ev->bind(3, purchase ? 7 : 2);
        ev->bind(4, int64_t(kNow - i * 3600));
        purchase ? ev->bindNull(5) : ev->bind(5, 1);
        purchase ? ev->bind(6, 1) : ev->bindNull(6);
        purchase ? ev->bind(7, 89.0) : ev->bindNull(7);
        QVERIFY(ev->run());
    }
    QVERIFY(tx.commit());
}

template <typename Pred> int expectedCount(Pred pred)
{
    int n = 0;
    for (qint64 id = 1; id <= kSubscribers; ++id)
        n += pred(person(id)) ? 1 : 0;
    return n;
}

bool prefixed(const QString &s, const QString &prefix)
{
    return s.startsWith(prefix, Qt::CaseInsensitive);
}

/// Values of a key/value tree by the column key stored in UserRole.
QHash<QString, QString> treeValues(QTreeWidget *tree)
{
    QHash<QString, QString> out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree->topLevelItem(i);
        const QString key = item->data(0, Qt::UserRole).toString();
        if (!key.isEmpty())
            out.insert(key, item->text(1));
    }
    return out;
}

} // namespace

class TestGuiAudience : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opensDatabaseAndCountsInStatusBar();
    void modelIsLazy();
    void elidedTextHasTooltip();
    void filterBarFitsASmallWindow();
    void everyColumnFitsBesideTheDetailPane();
    void searchFindsByEmailAndName_data();
    void searchFindsByEmailAndName();
    void filtersComeFromDataAndCombine();
    void sortingByColumn();
    void detailPaneShowsAttributesMetricsTimeline();
    void selectingRowShowsDetails();
    void nonDatabaseFileShowsErrorAndKeepsCurrent();
    void foreignSqliteDatabaseIsRefused();
    void missingFileIsCreated();
    void recentFilesRememberedAndPruned();
    void navigationAndPageReplacement();
    void welcomePageWithoutDatabase();
    void newSampleDatabaseRunsGenerator();
    void cancellingSampleLeavesNothing();
    void windowLayoutRemembered();
    void germanTranslationFromLocale();
    void editMenuUndoesTheCurrentPage();
    void sampleDatabaseGoesWhereRunAppPutsIt();

private:
    SubscriberBrowser *browser() const { return m_window->audiencePage()->browser(); }
    SubscriberTableModel *model() const { return browser()->model(); }
    void openFixture();
    void waitForCount();

    std::unique_ptr<test::TempDir> m_dir;
    QString m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiAudience::initTestCase()
{
    m_dir = std::make_unique<test::TempDir>();
    // Settings go to the temporary directory, never to the user's.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir->path(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("MailwrightTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_audience"));
    m_fixture = m_dir->path(QStringLiteral("audience.db"));
    createFixture(m_fixture);
}

void TestGuiAudience::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestGuiAudience::cleanup()
{
    m_window.reset();
}

void TestGuiAudience::openFixture()
{
    model()->setPageSize(kPageSize);
    QVERIFY2(m_window->openDatabase(m_fixture), qPrintable(m_window->lastError()));
    waitForCount();
}

// Edit ▸ Undo / Redo act on the undo stack of the page in front: here the segment builder.
// On the subscriber browser, which has nothing to undo, they are disabled.
void TestGuiAudience::sampleDatabaseGoesWhereRunAppPutsIt()
{
    // scripts/run-app.sh: ~/.local/share/Mailwright/sample.db (XDG_DATA_HOME on Linux).
    const QString expected = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                             QStringLiteral("/Mailwright/sample.db");
    QCOMPARE(MainWindow::defaultSamplePath(), expected);
    QVERIFY(!MainWindow::defaultSamplePath().contains(QLatin1String("Mailwright/Mailwright")));
}

void TestGuiAudience::editMenuUndoesTheCurrentPage()
{
    openFixture();
    auto *editMenu = m_window->findChild<QMenu *>(QStringLiteral("editMenu"));
    auto *undo = m_window->findChild<QAction *>(QStringLiteral("actionUndo"));
    auto *redo = m_window->findChild<QAction *>(QStringLiteral("actionRedo"));
    QVERIFY(editMenu && undo && redo);
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo)); // shown in the menu
    emit editMenu->aboutToShow();
    QVERIFY(!undo->isEnabled());

    auto *segments = m_window->findChild<SegmentsPage *>(QStringLiteral("segmentsPage"));
    QVERIFY(segments);
    m_window->audiencePage()->setCurrentWidget(segments);
    QTRY_VERIFY(segments->isVisible());
    segments->document()->setName(QStringLiteral("renamed from the test"));
    QCOMPARE(segments->document()->state()[QStringLiteral("name")].toString(),
             QStringLiteral("renamed from the test"));
    emit editMenu->aboutToShow();
    QVERIFY(undo->isEnabled());
    QVERIFY2(undo->text().contains(segments->document()->undoStack()->undoText()),
             qPrintable(undo->text()));
    undo->trigger();
    QVERIFY(segments->document()->state()[QStringLiteral("name")].toString() !=
            QLatin1String("renamed from the test"));
    emit editMenu->aboutToShow();
    QVERIFY(redo->isEnabled());
    redo->trigger();
    QCOMPARE(segments->document()->state()[QStringLiteral("name")].toString(),
             QStringLiteral("renamed from the test"));
    // The page's own Ctrl+Z still works: the menu only shows the key, so it is not an
    // ambiguous shortcut (which Qt would give to neither).
    QWidget *builder = segments->builder();
    builder->setFocus();
    QTRY_VERIFY(builder->hasFocus() || builder->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(segments->document()->state()[QStringLiteral("name")].toString() !=
                QLatin1String("renamed from the test"));

    // Back on the subscriber browser: nothing to undo there.
    m_window->audiencePage()->setCurrentWidget(browser());
    QTRY_VERIFY(!segments->isVisible());
    emit editMenu->aboutToShow();
    QVERIFY(!undo->isEnabled());
}

void TestGuiAudience::waitForCount()
{
    QTRY_VERIFY_WITH_TIMEOUT(model()->matchCount() >= 0, 10000);
}

void TestGuiAudience::opensDatabaseAndCountsInStatusBar()
{
    openFixture();
    QCOMPARE(m_window->databasePath(), QFileInfo(m_fixture).absoluteFilePath());
    QCOMPARE(model()->rowCount(), kSubscribers);
    QCOMPARE(model()->matchCount(), qint64(kSubscribers));
    auto *count = m_window->findChild<QLabel *>(QStringLiteral("statusCount"));
    auto *path = m_window->findChild<QLabel *>(QStringLiteral("statusPath"));
    QVERIFY(count && path);
    QTRY_COMPARE(count->text(), QStringLiteral("600 subscribers"));
    QVERIFY(path->text().endsWith(QStringLiteral("audience.db")));
    // The workspace, not the welcome page, is on show.
    auto *root = qobject_cast<QStackedWidget *>(m_window->centralWidget());
    QVERIFY(root);
    QVERIFY(root->currentWidget()->findChild<AudiencePage *>());
}

void TestGuiAudience::modelIsLazy()
{
    openFixture();
    // Only the pages the view shows have been read; the last row has not.
    QTRY_VERIFY(model()->isRowLoaded(0));
    QVERIFY(model()->fetchedRowCount() < model()->rowCount());
    QVERIFY(model()->fetchedRowCount() % kPageSize == 0);
    QVERIFY(!model()->isRowLoaded(kSubscribers - 1));
    const QModelIndex last = model()->index(kSubscribers - 1, SubscriberQuery::Email);
    QCOMPARE(last.data().toString(), QStringLiteral("Loading…")); // placeholder, requests it
    QTRY_VERIFY(model()->isRowLoaded(kSubscribers - 1));
    QCOMPARE(last.data().toString(), person(kSubscribers).email);
    QCOMPARE(model()->subscriberId(kSubscribers - 1), qint64(kSubscribers));
    // The cache is bounded: with room for 2 pages, visiting 4 keeps at most 2.
    model()->setMaxCachedPages(2);
    for (int row : {100, 200, 300, 400}) {
        model()->index(row, 0).data();
        QTRY_VERIFY(model()->isRowLoaded(row));
    }
    QVERIFY(model()->fetchedRowCount() <= 2 * kPageSize);
}

// E-mails and names longer than their column are elided; the tooltip has them in full.
void TestGuiAudience::elidedTextHasTooltip()
{
    openFixture();
    const qint64 id = 33; // Annabel van der Berg
    const Person p = person(id);
    QCOMPARE(p.first + QLatin1Char(' ') + p.last, QStringLiteral("Annabel van der Berg"));
    const int row = int(id - 1);
    model()->index(row, 0).data();
    QTRY_VERIFY(model()->isRowLoaded(row));
    QCOMPARE(model()->index(row, SubscriberQuery::Email).data(Qt::ToolTipRole).toString(), p.email);
    QCOMPARE(model()->index(row, SubscriberQuery::Name).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Annabel van der Berg"));
    QCOMPARE(model()->index(row, SubscriberQuery::Tier).data(Qt::ToolTipRole).toString(),
             model()->index(row, SubscriberQuery::Tier).data().toString());
}

// In a 1024x700 window the browser is about 850 px wide: the filters still show their
// whole current text and the search field keeps a usable width.
void TestGuiAudience::filterBarFitsASmallWindow()
{
    openFixture();
    m_window->resize(1024, 700);
    QTRY_COMPARE(m_window->width(), 1024);
    SubscriberBrowser *b = browser();
    QTRY_VERIFY(b->findChild<QComboBox *>(QStringLiteral("countryFilter"))->count() > 1);
    for (const char *name : {"countryFilter", "lifecycleFilter", "tierFilter"}) {
        auto *combo = b->findChild<QComboBox *>(QString::fromLatin1(name));
        // The layout settles after the resize's events are processed (slow under load).
        QTRY_VERIFY2(combo->width() >= combo->sizeHint().width(),
                     qPrintable(QStringLiteral("%1: %2 of %3 px")
                                    .arg(QLatin1String(name))
                                    .arg(combo->width())
                                    .arg(combo->sizeHint().width())));
    }
    auto *search = b->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTRY_VERIFY(search->width() >
                search->fontMetrics().horizontalAdvance(search->placeholderText()));
}

// With the detail pane open at 1400 px, every column, Score and Last open included, is in
// view without a horizontal scroll; e-mail and name give up the width (eliding, with
// tooltips). In a 1024 px window they stop at their minimum and the table scrolls. Once
// the user arranges the columns, their widths stand.
void TestGuiAudience::everyColumnFitsBesideTheDetailPane()
{
    openFixture();
    SubscriberBrowser *b = browser();
    QTableView *view = b->view();
    QHeaderView *h = view->horizontalHeader();
    b->showSubscriber(1);
    QTRY_VERIFY(b->detailPane()->isVisible() && b->detailPane()->width() > 250);
    const int naturalEmail =
        view->fontMetrics().horizontalAdvance(QStringLiteral("anna.schmidt.1234@example.com")) + 18;
    QTRY_VERIFY2(h->length() <= view->viewport()->width(),
                 qPrintable(QStringLiteral("columns %1 px, view %2 px")
                                .arg(h->length())
                                .arg(view->viewport()->width())));
    const int lastRight =
        h->sectionPosition(SubscriberQuery::LastOpen) + h->sectionSize(SubscriberQuery::LastOpen);
    QVERIFY(lastRight <= view->viewport()->width());
    QVERIFY(!view->horizontalScrollBar()->isVisible());
    // Only e-mail and name gave up width; the short columns keep theirs.
    QVERIFY(h->sectionSize(SubscriberQuery::Email) < naturalEmail);
    QVERIFY(h->sectionSize(SubscriberQuery::Score) >=
            view->fontMetrics().horizontalAdvance(QStringLiteral("-100")) + 18);

    const int minEmail = view->fontMetrics().horizontalAdvance(QStringLiteral("anna.schmi…")) + 18;
    m_window->resize(1024, 700);
    QTRY_COMPARE(m_window->width(), 1024);
    QTRY_COMPARE(h->sectionSize(SubscriberQuery::Email), minEmail);
    QTRY_VERIFY(view->horizontalScrollBar()->isVisible());

    // The user widens the e-mail column by dragging its edge: fitting stops for good.
    m_window->resize(1400, 900);
    QTRY_VERIFY(h->sectionSize(SubscriberQuery::Email) > minEmail);
    const int edge = h->sectionViewportPosition(SubscriberQuery::Email) +
                     h->sectionSize(SubscriberQuery::Email) - 1;
    const int y = h->height() / 2;
    QTest::mousePress(h->viewport(), Qt::LeftButton, {}, QPoint(edge, y));
    QMouseEvent move(QEvent::MouseMove, QPointF(edge + 120, y),
                     h->viewport()->mapToGlobal(QPointF(edge + 120, y)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(h->viewport(), &move);
    QTest::mouseRelease(h->viewport(), Qt::LeftButton, {}, QPoint(edge + 120, y));
    const int arranged = h->sectionSize(SubscriberQuery::Email);
    QVERIFY2(arranged > naturalEmail / 2, qPrintable(QString::number(arranged)));
    QVERIFY(QSettings().value(QStringLiteral("audience/columnsArranged")).toBool());
    m_window->resize(1100, 800);
    QTRY_COMPARE(m_window->width(), 1100);
    QTest::qWait(50);
    QCOMPARE(h->sectionSize(SubscriberQuery::Email), arranged);
}

void TestGuiAudience::searchFindsByEmailAndName_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("expected");
    // Worked out from the fixture rules, not from the browser.
    QTest::newRow("first-name prefix matches Anna and Annabel and last name Annan")
        << QStringLiteral("anna") << expectedCount([](const Person &p) {
               return prefixed(p.first, QStringLiteral("anna")) ||
                      prefixed(p.last, QStringLiteral("anna")) ||
                      p.email.startsWith(QStringLiteral("anna"));
           });
    QTest::newRow("upper case is the same search")
        << QStringLiteral("ANNA") << expectedCount([](const Person &p) {
               return prefixed(p.first, QStringLiteral("anna")) ||
                      prefixed(p.last, QStringLiteral("anna")) ||
                      p.email.startsWith(QStringLiteral("anna"));
           });
    QTest::newRow("first and last name")
        << QStringLiteral("ben sch") << expectedCount([](const Person &p) {
               return p.first == QLatin1String("Ben") && prefixed(p.last, QStringLiteral("sch"));
           });
    QTest::newRow("multi-word last name")
        << QStringLiteral("van der")
        << expectedCount([](const Person &p) { return p.last == QLatin1String("van der Berg"); });
    QTest::newRow("exact e-mail") << person(123).email << 1;
    QTest::newRow("no match") << QStringLiteral("zzz") << 0;
}

void TestGuiAudience::searchFindsByEmailAndName()
{
    QFETCH(QString, search);
    QFETCH(int, expected);
    QVERIFY(expected >= 0);
    openFixture();
    browser()->setSearchText(search);
    waitForCount();
    QCOMPARE(model()->matchCount(), qint64(expected));
    QCOMPARE(model()->rowCount(), expected);
    // Every row shown really matches.
    const QStringList words = search.toLower().split(QLatin1Char(' '));
    for (int row = 0; row < model()->rowCount(); ++row) {
        model()->index(row, 0).data();
        QTRY_VERIFY(model()->isRowLoaded(row));
        const Person p = person(model()->subscriberId(row));
        const QString name = model()->index(row, SubscriberQuery::Name).data().toString();
        QCOMPARE(name, (p.first + QLatin1Char(' ') + p.last).trimmed());
        const bool matches =
            p.email.startsWith(search.toLower()) ||
            (words.size() == 1 && (prefixed(p.first, words[0]) || prefixed(p.last, words[0]))) ||
            (words.size() > 1 && ((prefixed(p.first, words[0]) &&
                                   prefixed(p.last, words.mid(1).join(QLatin1Char(' ')))) ||
                                  prefixed(p.last, search)));
        QVERIFY2(matches, qPrintable(p.email));
    }
    // Typing goes through a debounce timer, then applies the same query.
    auto *edit = browser()->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("grace"));
    QTRY_COMPARE(model()->query().search, QStringLiteral("grace"));
    waitForCount();
    QCOMPARE(model()->matchCount(), qint64(expectedCount([](const Person &p) {
                 return p.first == QLatin1String("Grace");
             })));
}

void TestGuiAudience::filtersComeFromDataAndCombine()
{
    openFixture();
    auto *country = browser()->findChild<QComboBox *>(QStringLiteral("countryFilter"));
    auto *stage = browser()->findChild<QComboBox *>(QStringLiteral("lifecycleFilter"));
    auto *tier = browser()->findChild<QComboBox *>(QStringLiteral("tierFilter"));
    QVERIFY(country && stage && tier);
    // "All" plus one entry per value present in the data.
    QTRY_COMPARE(country->count(), 1 + 5);
    QCOMPARE(stage->count(), 1 + 4);
    QCOMPARE(tier->count(), 1 + 5);
    const int de = country->findData(QStringLiteral("DE"));
    QVERIFY(de > 0);
    QCOMPARE(country->itemText(de),
             QStringLiteral("DE (%1)").arg(
                 expectedCount([](const Person &p) { return p.country == QLatin1String("DE"); })));

    country->setCurrentIndex(de);
    emit country->activated(de);
    waitForCount();
    QCOMPARE(model()->matchCount(), qint64(expectedCount([](const Person &p) {
                 return p.country == QLatin1String("DE");
             })));

    const int vip = stage->findData(QStringLiteral("vip"));
    QVERIFY(vip > 0);
    stage->setCurrentIndex(vip);
    emit stage->activated(vip);
    waitForCount();
    const int deVip = expectedCount([](const Person &p) {
        return p.country == QLatin1String("DE") && p.hasMetrics && p.stage == QLatin1String("vip");
    });
    QVERIFY(deVip > 0);
    QCOMPARE(model()->matchCount(), qint64(deVip));
    for (int row = 0; row < model()->rowCount(); ++row) {
        model()->index(row, 0).data();
        QTRY_VERIFY(model()->isRowLoaded(row));
        QCOMPARE(model()->index(row, SubscriberQuery::Country).data().toString(),
                 QStringLiteral("DE"));
        QCOMPARE(model()->index(row, SubscriberQuery::Lifecycle).data().toString(),
                 QStringLiteral("VIP"));
    }

    // Tier plus a search.
    const int highly = tier->findData(QStringLiteral("Highly engaged"));
    QVERIFY(highly > 0);
    tier->setCurrentIndex(highly);
    emit tier->activated(highly);
    browser()->setSearchText(QStringLiteral("clara"));
    waitForCount();
    QCOMPARE(model()->matchCount(), qint64(expectedCount([](const Person &p) {
                 return p.country == QLatin1String("DE") && p.hasMetrics &&
                        p.stage == QLatin1String("vip") &&
                        p.tier == QLatin1String("Highly engaged") &&
                        p.first == QLatin1String("Clara");
             })));

    // Clear resets everything.
    auto *clear = browser()->findChild<QWidget *>(QStringLiteral("clearFiltersButton"));
    QVERIFY(clear);
    QTest::mouseClick(clear, Qt::LeftButton);
    waitForCount();
    QCOMPARE(model()->matchCount(), qint64(kSubscribers));
}

void TestGuiAudience::sortingByColumn()
{
    openFixture();
    browser()->view()->sortByColumn(SubscriberQuery::Score, Qt::DescendingOrder);
    waitForCount();
    QTRY_VERIFY(model()->isRowLoaded(0));
    double best = -1e9;
    for (qint64 id = 1; id <= kSubscribers; ++id) {
        const Person p = person(id);
        if (p.hasMetrics)
            best = qMax(best, p.score);
    }
    QCOMPARE(person(model()->subscriberId(0)).score, best);
    // Subscribers without metrics (no score) sort last when descending.
    QVERIFY(!person(model()->subscriberId(kSubscribers - 1)).hasMetrics);
}

void TestGuiAudience::detailPaneShowsAttributesMetricsTimeline()
{
    openFixture();
    SubscriberDetailPane *pane = browser()->detailPane();
    QSignalSpy loaded(pane, &SubscriberDetailPane::detailsLoaded);
    m_window->showSubscriber(kBusySubscriber);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().first().toLongLong(), kBusySubscriber);
    const Person p = person(kBusySubscriber);

    auto *name = pane->findChild<QLabel *>(QStringLiteral("detailName"));
    auto *email = pane->findChild<QLabel *>(QStringLiteral("detailEmail"));
    QCOMPARE(name->text(), p.first + QLatin1Char(' ') + p.last);
    QCOMPARE(email->text(), p.email);

    const auto profile = treeValues(pane->findChild<QTreeWidget *>(QStringLiteral("profileTree")));
    QCOMPARE(profile.value(QStringLiteral("email")), p.email);
    QCOMPARE(profile.value(QStringLiteral("country")), p.country);
    QCOMPARE(profile.value(QStringLiteral("external_id")), QStringLiteral("ext-9"));
    QCOMPARE(profile.value(QStringLiteral("status")), QStringLiteral("Subscribed"));
    QCOMPARE(profile.value(QStringLiteral("attributes.plan")), QStringLiteral("pro"));
    QCOMPARE(profile.value(QStringLiteral("attributes.shoe_size")), QStringLiteral("42"));
    QCOMPARE(profile.value(QStringLiteral("attributes.tags")),
             QStringLiteral(R"(["runner","vip"])"));

    const auto metrics = treeValues(pane->findChild<QTreeWidget *>(QStringLiteral("metricsTree")));
    QCOMPARE(metrics.value(QStringLiteral("engagement_score")),
             QLocale().toString(p.score, 'f', 1));
    QCOMPARE(metrics.value(QStringLiteral("engagement_tier")), p.tier);
    QCOMPARE(metrics.value(QStringLiteral("lifecycle_stage")),
             QStringLiteral("Customer")); // kStages[9 % 4], shown translated
    QCOMPARE(metrics.value(QStringLiteral("order_count")), QStringLiteral("1")); // 9 % 4
    QCOMPARE(metrics.value(QStringLiteral("rfm_segment")), QStringLiteral("Loyal Customers"));

    // Timeline: newest first, the first page only, then the rest on request.
    auto *tabs = pane->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Timeline (%1)").arg(kBusyEvents));
    tabs->setCurrentIndex(2);
    auto *timeline = pane->findChild<QTreeWidget *>(QStringLiteral("timelineTree"));
    QCOMPARE(timeline->topLevelItemCount(), SubscriberDetailPane::kEventPage);
    QCOMPARE(timeline->topLevelItem(0)->data(0, Qt::UserRole).toLongLong(), 1000); // newest
    QCOMPARE(timeline->topLevelItem(0)->text(1), QStringLiteral("Purchase"));
    QCOMPARE(timeline->topLevelItem(0)->text(2), QStringLiteral("Trail Shoes"));
    QCOMPARE(timeline->topLevelItem(0)->data(2, SubscriberDetailPane::kProductRole).toString(),
             QStringLiteral("Trail Shoes"));
    QCOMPARE(timeline->topLevelItem(0)->text(3), QLocale().toString(89.0, 'f', 2));
    QCOMPARE(timeline->topLevelItem(1)->text(1), QStringLiteral("Open"));
    QCOMPARE(timeline->topLevelItem(1)->text(2), QStringLiteral("Spring Sale"));
    QCOMPARE(timeline->topLevelItem(1)->data(2, SubscriberDetailPane::kCampaignRole).toString(),
             QStringLiteral("Spring Sale"));
    QCOMPARE(timeline->topLevelItem(1)->text(3), QString());
    for (int i = 1; i < timeline->topLevelItemCount(); ++i)
        QVERIFY(timeline->topLevelItem(i - 1)->data(0, Qt::UserRole).toLongLong() <
                timeline->topLevelItem(i)
                    ->data(0, Qt::UserRole)
                    .toLongLong()); // ids rise as time falls
    auto *more = pane->findChild<QPushButton *>(QStringLiteral("moreEventsButton"));
    QVERIFY(more && more->isVisible());
    QSignalSpy events(pane, &SubscriberDetailPane::eventsLoaded);
    QTest::mouseClick(more, Qt::LeftButton);
    QVERIFY(events.wait(10000));
    QCOMPARE(timeline->topLevelItemCount(), kBusyEvents);
    QCOMPARE(timeline->topLevelItem(kBusyEvents - 1)->data(0, Qt::UserRole).toLongLong(),
             1000 + kBusyEvents - 1);
    QVERIFY(!more->isVisible());
}

void TestGuiAudience::selectingRowShowsDetails()
{
    openFixture();
    QTRY_VERIFY(model()->isRowLoaded(4));
    SubscriberDetailPane *pane = browser()->detailPane();
    QSignalSpy loaded(pane, &SubscriberDetailPane::detailsLoaded);
    browser()->view()->setCurrentIndex(model()->index(4, SubscriberQuery::Email));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(pane->subscriber(), qint64(5));
    // Subscriber 10 has no metrics row: the pane says so instead of showing blanks.
    browser()->view()->setCurrentIndex(model()->index(9, SubscriberQuery::Email));
    QVERIFY(loaded.wait(10000));
    auto *metrics = pane->findChild<QTreeWidget *>(QStringLiteral("metricsTree"));
    QCOMPARE(metrics->topLevelItemCount(), 1);
    QVERIFY(metrics->topLevelItem(0)->text(0).contains(QStringLiteral("No derived metrics")));
    // No events: the timeline says so.
    auto *label = pane->findChild<QLabel *>(QStringLiteral("eventsLabel"));
    QCOMPARE(label->text(), QStringLiteral("No events recorded."));
}

void TestGuiAudience::nonDatabaseFileShowsErrorAndKeepsCurrent()
{
    openFixture();
    const QByteArray junk = "This is a shopping list, not a database.\nmilk\neggs\n";
    const QString path = m_dir->writeFile(QStringLiteral("list.db"), junk);
    QVERIFY(!m_window->openDatabase(path));
    QVERIFY2(m_window->lastError().contains(QStringLiteral("is not a database file")),
             qPrintable(m_window->lastError()));
    QVERIFY(m_window->lastError().contains(QStringLiteral("left unchanged")));
    // The message is on screen.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage"))) &&
                box->isVisible());
    QCOMPARE(box->icon(), QMessageBox::Critical);
    QVERIFY(box->text().contains(QStringLiteral("list.db")));
    QVERIFY(box->text().contains(QStringLiteral("is not a database file")));
    box->accept();
    // Nothing changed: the file, and what the window shows.
    QCOMPARE(test::fileBytes(path), junk);
    QCOMPARE(m_window->databasePath(), QFileInfo(m_fixture).absoluteFilePath());
    QCOMPARE(model()->matchCount(), qint64(kSubscribers));
    QVERIFY(!m_window->recentFiles().contains(QFileInfo(path).absoluteFilePath()));
}

void TestGuiAudience::foreignSqliteDatabaseIsRefused()
{
    const QString path = m_dir->path(QStringLiteral("other.sqlite"));
    {
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr,
                              nullptr),
                 SQLITE_OK);
        sqlite3_close(raw);
    }
    const QByteArray before = test::fileBytes(path);
    QVERIFY(!m_window->openDatabase(path));
    QVERIFY2(m_window->lastError().contains(QStringLiteral("not a Mailwright database")),
             qPrintable(m_window->lastError()));
    QCOMPARE(test::fileBytes(path), before);
    QVERIFY(m_window->databasePath().isEmpty());
}

void TestGuiAudience::missingFileIsCreated()
{
    const QString path = m_dir->path(QStringLiteral("fresh.db"));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!m_window->openDatabase(path)); // File ▸ Open does not create
    QVERIFY(m_window->lastError().contains(QStringLiteral("does not exist")));
    QVERIFY(m_window->openDatabase(path, true)); // the command-line argument does
    QVERIFY(QFileInfo::exists(path));
    waitForCount();
    QCOMPARE(model()->rowCount(), 0);
}

void TestGuiAudience::recentFilesRememberedAndPruned()
{
    const QString second = m_dir->path(QStringLiteral("second.db"));
    QVERIFY(m_window->openDatabase(second, true));
    openFixture();
    const QStringList expected{QFileInfo(m_fixture).absoluteFilePath(),
                               QFileInfo(second).absoluteFilePath()};
    QCOMPARE(m_window->recentFiles(), expected);
    // A new window (a later run) remembers them and reopens the last one.
    m_window.reset();
    m_window = std::make_unique<MainWindow>();
    QCOMPARE(m_window->recentFiles(), expected);
    m_window->openLastDatabase();
    QCOMPARE(m_window->databasePath(), expected.first());
    // A file deleted since is dropped when the menu is built.
    m_window->closeDatabase();
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(second + QLatin1String(suffix));
    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("recentMenu"));
    QVERIFY(menu);
    QMetaObject::invokeMethod(menu, "aboutToShow");
    QCOMPARE(m_window->recentFiles(), QStringList{expected.first()});
    QStringList entries;
    for (QAction *a : menu->actions()) {
        if (!a->isSeparator())
            entries << a->text();
    }
    QCOMPARE(entries,
             (QStringList{QStringLiteral("&1 audience.db"), QStringLiteral("&Clear Menu")}));
}

void TestGuiAudience::navigationAndPageReplacement()
{
    openFixture();
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Audience);
    auto *pages = m_window->findChild<QStackedWidget *>(QStringLiteral("pages"));
    m_window->showPage(MainWindow::Page::Campaigns);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("campaignsPage"));
    // Pages that later issues fill show an empty state saying what will be there, without
    // claiming the database has none (the sample has library blocks). The Experiments page
    // is built (tests/gui_experiments).
    m_window->showPage(MainWindow::Page::Experiments);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("experimentsPage"));
    QCOMPARE(m_window->page(MainWindow::Page::Content)
                 ->findChild<QLabel *>(QStringLiteral("emptyStateTitle"))
                 ->text(),
             QStringLiteral("The content library is coming"));
    QVERIFY(m_window->page(MainWindow::Page::Content)
                ->findChild<QLabel *>(QStringLiteral("emptyStateText"))
                ->text()
                .contains(QStringLiteral("Campaigns")));
    // Ctrl+2 goes to Content.
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Content);
    // A later issue swaps its page in.
    auto *replacement = new QLabel(QStringLiteral("experiments v2"));
    m_window->setPage(MainWindow::Page::Experiments, replacement);
    QCOMPARE(m_window->page(MainWindow::Page::Experiments), replacement);
    m_window->showPage(MainWindow::Page::Experiments);
    QCOMPARE(pages->currentWidget(), replacement);
    // Ctrl+F goes back to the browser with the search focused.
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Audience);
    QTRY_COMPARE(QApplication::focusWidget(),
                 browser()->findChild<QLineEdit *>(QStringLiteral("searchEdit")));
}

void TestGuiAudience::welcomePageWithoutDatabase()
{
    // No recent database: the welcome page, offering a sample, new and open.
    m_window->openLastDatabase();
    auto *root = qobject_cast<QStackedWidget *>(m_window->centralWidget());
    QCOMPARE(root->currentWidget()->objectName(), QStringLiteral("welcomePage"));
    QVERIFY(root->currentWidget()->findChild<QPushButton *>(QStringLiteral("sampleButton")));
    QVERIFY(root->currentWidget()->findChild<QPushButton *>(QStringLiteral("openButton")));
    // The last database was deleted since: the welcome page again, no error.
    const QString gone = m_dir->path(QStringLiteral("gone.db"));
    QVERIFY(m_window->openDatabase(gone, true));
    m_window.reset();
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(gone + QLatin1String(suffix));
    m_window = std::make_unique<MainWindow>();
    m_window->openLastDatabase();
    root = qobject_cast<QStackedWidget *>(m_window->centralWidget());
    QCOMPARE(root->currentWidget()->objectName(), QStringLiteral("welcomePage"));
    QVERIFY(m_window->lastError().isEmpty());
}

void TestGuiAudience::newSampleDatabaseRunsGenerator()
{
    openFixture();
    const QString path = m_dir->path(QStringLiteral("sample.db"));
    QSignalSpy finished(m_window.get(), &MainWindow::sampleDatabaseFinished);
    m_window->createSampleDatabase({path, 300, 7});
    // A progress dialog while the generator runs on its worker thread.
    QVERIFY(m_window->findChild<QProgressDialog *>(QStringLiteral("sampleProgress")));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().toBool(), true);
    // Then the new database is open and browsed.
    QCOMPARE(m_window->databasePath(), QFileInfo(path).absoluteFilePath());
    waitForCount();
    QCOMPARE(model()->matchCount(), qint64(300));
    Database db = test::openFresh(path);
    QCOMPARE(db.scalar("SELECT count(*) FROM subscribers")->toInt(), 300);
    QVERIFY(db.scalar("SELECT count(*) FROM events")->toInt() > 300);
    QVERIFY(db.scalar("SELECT count(*) FROM subscriber_metrics")->toInt() > 0);
}

void TestGuiAudience::cancellingSampleLeavesNothing()
{
    openFixture();
    const QString path = m_dir->path(QStringLiteral("cancelled.db"));
    QSignalSpy finished(m_window.get(), &MainWindow::sampleDatabaseFinished);
    m_window->createSampleDatabase({path, 200000, 7});
    auto *progress = m_window->findChild<QProgressDialog *>(QStringLiteral("sampleProgress"));
    QVERIFY(progress);
    QTest::qWait(300);
    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton); // as the user does
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage"))); // no error
    QCOMPARE(m_window->databasePath(), QFileInfo(m_fixture).absoluteFilePath());
}

void TestGuiAudience::windowLayoutRemembered()
{
    openFixture();
    m_window->resize(1234, 777);
    QTRY_COMPARE(m_window->size(), QSize(1234, 777));
    QTest::qWait(50); // let the layouts follow
    auto *splitter = browser()->findChild<QSplitter *>(QStringLiteral("browserSplitter"));
    QVERIFY(splitter);
    splitter->setSizes({700, 400});
    emit splitter->splitterMoved(700, 1); // what dragging the handle signals
    QTest::qWait(50);
    const QList<int> sizes = splitter->sizes();
    m_window->showPage(MainWindow::Page::Experiments);
    QVERIFY(m_window->close());
    m_window.reset();

    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->size(), QSize(1234, 777));
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Experiments);
    m_window->openLastDatabase(); // as a start without arguments does
    QCOMPARE(m_window->databasePath(), QFileInfo(m_fixture).absoluteFilePath());
    m_window->showPage(MainWindow::Page::Audience);
    QTRY_COMPARE(browser()->findChild<QSplitter *>(QStringLiteral("browserSplitter"))->sizes(),
                 sizes);
}

void TestGuiAudience::germanTranslationFromLocale()
{
    // The embedded German catalogue is picked for a German locale ...
    QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
    m_window = std::make_unique<MainWindow>();
    auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->item(0)->text(), QStringLiteral("Zielgruppe"));
    QCOMPARE(navigation->item(3)->text(), QStringLiteral("Experimente"));
    const QString path = m_dir->writeFile(QStringLiteral("notes.db"), "just text");
    QVERIFY(!m_window->openDatabase(path));
    QVERIFY2(m_window->lastError().contains(QStringLiteral("ist keine Datenbankdatei")),
             qPrintable(m_window->lastError()));
    QCOMPARE(model()->headerData(SubscriberQuery::Country, Qt::Horizontal).toString(),
             QStringLiteral("Land"));
    // ... and none for a locale without one (English strings stay).
    m_window.reset();
    QVERIFY(!Translations::install(QLocale(QLocale::Swahili, QLocale::Kenya)));
    m_window = std::make_unique<MainWindow>();
    QCOMPARE(m_window->findChild<QListWidget *>(QStringLiteral("navigation"))->item(0)->text(),
             QStringLiteral("Audience"));
    Translations::uninstall();
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(TestGuiAudience)
#include "tst_gui_audience.moc"
