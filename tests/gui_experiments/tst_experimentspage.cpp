// The Experiments page against databases where experiments were imported through the CLI:
// the list, the report table (figures from docs/experiments.md, which derives them with
// SciPy/statsmodels), the sample-ratio banner, the lift chart, CUPED, the keyboard, the
// remembered splitter and the empty state.
#include "experimentfixture.h"
#include "experiments/experimentlist.h"
#include "experiments/experimentreporttable.h"
#include "experiments/experimentreportview.h"
#include "experiments/liftchart.h"
#include "experiments/srmbanner.h"
#include "mainwindow.h"
#include "pages/experimentspage.h"
#include "testutils.h"
#include "translations.h"

#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QtTest>

using namespace mw;
using namespace mw::ui;

namespace {

using T = ExperimentReportTable;

int rowOf(const ExperimentReportTable *table, const QString &armText)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, T::ArmColumn)->text() == armText)
            return r;
    return -1;
}

QString cell(const ExperimentReportTable *table, const QString &armText, int column)
{
    const int r = rowOf(table, armText);
    return r < 0 ? QStringLiteral("<no row %1>").arg(armText) : table->item(r, column)->text();
}

} // namespace

class TestExperimentsPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void hillstromReport();
    void cupedRecomputes();
    void unbalancedShowsSrmBanner();
    void keyboardAndCopy();
    void splitterIsRemembered();
    void emptyDatabaseShowsHowToImport();
    void sampleDatabaseMarksTheHoldout();
    void germanLocaleAndTranslation();
    void mainWindowPassesTheDatabase();

private:
    /// Shows path in page and waits for the list and the first report.
    bool open(ExperimentsPage &page, const QString &path);
    bool select(ExperimentsPage &page, const QString &name);

    std::unique_ptr<test::TempDir> m_dir;
    QString m_db;
    QString m_empty;
};

void TestExperimentsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_dir = std::make_unique<test::TempDir>();
    m_db = test::makeExperimentDatabase(m_dir->path(QString()), true);
    QVERIFY(!m_db.isEmpty());
    m_empty = test::makeExperimentDatabase(m_dir->path(QString()), false);
    QVERIFY(!m_empty.isEmpty());
}

bool TestExperimentsPage::open(ExperimentsPage &page, const QString &path)
{
    QSignalSpy loaded(&page, &ExperimentsPage::experimentsLoaded);
    page.resize(1400, 900);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page))
        return false;
    page.setDatabase(path);
    // The list is read on a worker: nothing is there yet, the busy indicator is up.
    if (!page.isBusy() || page.list()->topLevelItemCount() != 0)
        return false;
    if (!loaded.wait(20000))
        return false;
    return !page.isBusy() || QTest::qWaitFor([&] { return !page.isBusy(); }, 20000);
}

bool TestExperimentsPage::select(ExperimentsPage &page, const QString &name)
{
    QSignalSpy shown(&page, &ExperimentsPage::reportShown);
    if (page.list()->currentExperiment() == name && !page.isBusy() &&
        page.reportView()->report().experiment == name)
        return true;
    if (!page.selectExperiment(name))
        return false;
    if (!page.isBusy())
        return false; // the report is computed on a worker, never synchronously
    return QTest::qWaitFor([&] { return !shown.isEmpty() && shown.last().at(0) == name; }, 20000) &&
           !page.isBusy();
}

void TestExperimentsPage::hillstromReport()
{
    ExperimentsPage page;
    QVERIFY(open(page, m_db));
    QVERIFY(!page.isEmptyStateShown());
    ExperimentList *list = page.list();
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("hillstrom"));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("completed"));
    QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("64,000"));
    QCOMPARE(list->topLevelItem(1)->text(0), QStringLiteral("unbalanced"));
    QCOMPARE(list->topLevelItem(1)->text(2), QStringLiteral("1,000"));
    QVERIFY(select(page, QStringLiteral("hillstrom")));

    ExperimentReportView *view = page.reportView();
    QVERIFY(view->isVisible());
    const auto *header = view->findChild<QLabel *>(QStringLiteral("experimentHeader"));
    QVERIFY(header->text().contains(QStringLiteral("“No E-Mail”")));
    QVERIFY(header->text().contains(QStringLiteral("95 %")));
    QVERIFY(header->text().contains(QStringLiteral("“history”")));
    QCOMPARE(view->currentMetric(), QStringLiteral("visit"));

    // Arms in stored order (control first), their sizes from docs/experiments.md.
    ExperimentReportTable *table = view->table();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, T::ArmColumn)->text(), QStringLiteral("No E-Mail (control)"));
    QVERIFY(table->item(0, T::ArmColumn)->font().bold());
    QCOMPARE(cell(table, QStringLiteral("No E-Mail (control)"), T::NColumn),
             QStringLiteral("21,306"));
    QCOMPARE(cell(table, QStringLiteral("Womens E-Mail"), T::NColumn), QStringLiteral("21,387"));
    QCOMPARE(cell(table, QStringLiteral("Mens E-Mail"), T::NColumn), QStringLiteral("21,307"));
    QCOMPARE(cell(table, QStringLiteral("No E-Mail (control)"), T::LiftColumn),
             QStringLiteral("baseline"));

    // Mens E-Mail on visit: +72.1 % [63.8, 80.4], +7.66 pp [7.00, 8.32], rate 18.28 %.
    const QString mens = QStringLiteral("Mens E-Mail");
    QCOMPARE(cell(table, mens, T::MeanColumn), QStringLiteral("18.28 %"));
    QCOMPARE(cell(table, mens, T::DiffColumn), QStringLiteral("+7.66 pp"));
    QCOMPARE(cell(table, mens, T::DiffCiColumn), QStringLiteral("[7.00, 8.32] pp"));
    QCOMPARE(cell(table, mens, T::LiftColumn), QStringLiteral("+72.1 %"));
    QCOMPARE(cell(table, mens, T::LiftCiColumn), QStringLiteral("[63.8 %, 80.4 %]"));
    QCOMPARE(cell(table, mens, T::HolmColumn), QStringLiteral("< 0.001"));
    QCOMPARE(cell(table, mens, T::ChanceColumn), QStringLiteral("> 99.9 %"));
    QCOMPARE(cell(table, mens, T::IncrementalColumn), QStringLiteral("+1,632"));
    QCOMPARE(cell(table, QStringLiteral("Womens E-Mail"), T::LiftColumn),
             QStringLiteral("+42.6 %"));
    QCOMPARE(cell(table, QStringLiteral("Womens E-Mail"), T::LiftCiColumn),
             QStringLiteral("[35.4 %, 49.8 %]"));

    // Spend is not a rate: money-like decimals, not percentages.
    view->findChild<QComboBox *>(QStringLiteral("metricSelector"))->setCurrentIndex(2);
    QCOMPARE(view->currentMetric(), QStringLiteral("spend"));
    QCOMPARE(cell(table, mens, T::MeanColumn), QStringLiteral("1.423"));
    QCOMPARE(cell(table, mens, T::DiffColumn), QStringLiteral("+0.770"));
    QCOMPARE(cell(table, mens, T::DiffCiColumn), QStringLiteral("[0.485, 1.055]"));
    QCOMPARE(cell(table, mens, T::LiftColumn), QStringLiteral("+117.9 %"));
    QCOMPARE(cell(table, QStringLiteral("Womens E-Mail"), T::HolmColumn), QStringLiteral("0.001"));
    QCOMPARE(cell(table, mens, T::IncrementalColumn), QStringLiteral("+16,403"));
    // Conversion: Womens' Holm p 3.1e-4.
    view->setCurrentMetric(QStringLiteral("conversion"));
    QCOMPARE(cell(table, QStringLiteral("Womens E-Mail"), T::LiftColumn),
             QStringLiteral("+54.3 %"));
    QCOMPARE(cell(table, QStringLiteral("Womens E-Mail"), T::LiftCiColumn),
             QStringLiteral("[19.3 %, 89.3 %]"));

    // No sample-ratio mismatch (p = 0.904): the quiet line, not the warning.
    QVERIFY(!view->srmBanner()->isWarning());
    QVERIFY(view->srmBanner()->text().contains(QStringLiteral("balanced")));
    QVERIFY(view->srmBanner()->text().contains(QStringLiteral("0.9")));

    // The chart: one dot per non-control arm, both significant on visit.
    view->setCurrentMetric(QStringLiteral("visit"));
    QCOMPARE(view->chart()->pointCount(), 2);
    QCOMPARE(view->chart()->significantCount(), 2);
    QCOMPARE(view->chart()->armLabels(),
             QStringList({QStringLiteral("Womens E-Mail"), QStringLiteral("Mens E-Mail")}));
}

void TestExperimentsPage::cupedRecomputes()
{
    ExperimentsPage page;
    QVERIFY(open(page, m_db));
    QVERIFY(select(page, QStringLiteral("hillstrom")));
    ExperimentReportView *view = page.reportView();
    QCheckBox *cuped = view->cupedCheckBox();
    QVERIFY(cuped->isVisible());
    QVERIFY(!cuped->isChecked());
    const auto *info = view->findChild<QLabel *>(QStringLiteral("cupedInfo"));
    QVERIFY(info->text().isEmpty());

    QSignalSpy shown(&page, &ExperimentsPage::reportShown);
    cuped->click();
    QVERIFY(page.isBusy()); // recomputed on a worker
    QVERIFY(shown.wait(20000));
    QVERIFY(view->report().cuped);
    QVERIFY(cuped->isChecked());
    // docs/experiments.md: CUPED on history reduces visit's variance by 0.42 %.
    QVERIFY2(info->text().contains(QStringLiteral("0.42 %")), qPrintable(info->text()));
    QVERIFY(info->text().contains(QStringLiteral("history")));

    // On "unbalanced" the covariate explains most of revenue: the interval narrows a lot.
    QVERIFY(select(page, QStringLiteral("unbalanced")));
    QVERIFY(view->report().cuped); // the choice carries over to the next experiment
    view->setCurrentMetric(QStringLiteral("revenue"));
    ExperimentReportTable *table = view->table();
    const QString withCuped = cell(table, QStringLiteral("B"), T::DiffCiColumn);
    const QString liftWithCuped = cell(table, QStringLiteral("B"), T::LiftCiColumn);
    QVERIFY(info->text().contains(QStringLiteral("revenue")));
    cuped->click();
    QVERIFY(shown.wait(20000));
    QVERIFY(!view->report().cuped);
    QVERIFY(info->text().isEmpty());
    QCOMPARE(view->currentMetric(), QStringLiteral("revenue"));
    const QString without = cell(table, QStringLiteral("B"), T::DiffCiColumn);
    QVERIFY2(without != withCuped, qPrintable(without));
    QVERIFY(cell(table, QStringLiteral("B"), T::LiftCiColumn) != liftWithCuped);
    // Both intervals contain the planted +0.5 (B's revenue is 2·prior + noise + 0.5), the
    // CUPED one is much narrower.
    auto width = [](const QString &interval) {
        const QStringList parts = QString(interval)
                                      .remove(QLatin1Char('['))
                                      .remove(QLatin1Char(']'))
                                      .split(QStringLiteral(", "));
        return parts.size() == 2 ? parts[1].toDouble() - parts[0].toDouble() : -1.0;
    };
    QVERIFY2(width(withCuped) > 0 && width(withCuped) < width(without) / 5,
             qPrintable(withCuped + QStringLiteral(" vs ") + without));
}

void TestExperimentsPage::unbalancedShowsSrmBanner()
{
    ExperimentsPage page;
    QVERIFY(open(page, m_db));
    QVERIFY(select(page, QStringLiteral("unbalanced")));
    ExperimentReportView *view = page.reportView();
    SrmBanner *banner = view->srmBanner();
    QVERIFY(banner->isVisible());
    QVERIFY(banner->isWarning());
    // 600 / 400 against 50 / 50: χ² = 40, p = 2.5e-10.
    QVERIFY2(banner->text().contains(QStringLiteral("Sample ratio mismatch")),
             qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("A: 60.0 % observed, 50.0 % planned")));
    QVERIFY(banner->text().contains(QStringLiteral("B: 40.0 % observed, 50.0 % planned")));
    QVERIFY2(banner->text().contains(QStringLiteral("p = 2.5E-10")), qPrintable(banner->text()));

    // The 0/1 metric is shown as rates: A converts 20 %, B 25 %.
    view->setCurrentMetric(QStringLiteral("converted"));
    ExperimentReportTable *table = view->table();
    QCOMPARE(cell(table, QStringLiteral("A (control)"), T::NColumn), QStringLiteral("600"));
    QCOMPARE(cell(table, QStringLiteral("A (control)"), T::MeanColumn), QStringLiteral("20.00 %"));
    QCOMPARE(cell(table, QStringLiteral("B"), T::NColumn), QStringLiteral("400"));
    QCOMPARE(cell(table, QStringLiteral("B"), T::MeanColumn), QStringLiteral("25.00 %"));
    QCOMPARE(cell(table, QStringLiteral("B"), T::DiffColumn), QStringLiteral("+5.00 pp"));
    QCOMPARE(cell(table, QStringLiteral("B"), T::LiftColumn), QStringLiteral("+25.0 %"));
    QCOMPARE(view->chart()->pointCount(), 1);
    // +5 pp on 600 vs 400 units is not significant (z ≈ 1.8): a hollow dot.
    QCOMPARE(view->chart()->significantCount(), 0);
    QVERIFY(!table->item(rowOf(table, QStringLiteral("B")), T::LiftColumn)->font().bold());
}

void TestExperimentsPage::keyboardAndCopy()
{
    ExperimentsPage page;
    QVERIFY(open(page, m_db));
    QVERIFY(select(page, QStringLiteral("hillstrom")));
    ExperimentList *list = page.list();
    QCOMPARE(list->focusPolicy(), Qt::StrongFocus);
    list->setFocus();
    QVERIFY(QTest::qWaitFor([&] { return list->hasFocus(); }));
    QSignalSpy shown(&page, &ExperimentsPage::reportShown);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentExperiment(), QStringLiteral("unbalanced"));
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.last().at(0).toString(), QStringLiteral("unbalanced"));
    QCOMPARE(page.reportView()->report().experiment, QStringLiteral("unbalanced"));
    QTest::keyClick(list, Qt::Key_Up);
    QVERIFY(shown.wait(20000));
    QCOMPARE(page.reportView()->report().experiment, QStringLiteral("hillstrom"));

    // Ctrl+C on the table: the selected cells as tab-separated text.
    ExperimentReportTable *table = page.reportView()->table();
    page.reportView()->setCurrentMetric(QStringLiteral("visit"));
    const int mens = rowOf(table, QStringLiteral("Mens E-Mail"));
    QVERIFY(mens >= 0);
    table->setFocus();
    table->clearSelection();
    table->setRangeSelected(QTableWidgetSelectionRange(mens, T::ArmColumn, mens, T::NColumn), true);
    table->setRangeSelected(QTableWidgetSelectionRange(mens, T::LiftColumn, mens, T::LiftCiColumn),
                            true);
    QApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("Mens E-Mail\t21,307\t\t\t\t+72.1 %\t[63.8 %, 80.4 %]"));
    table->setRangeSelected(QTableWidgetSelectionRange(0, T::ArmColumn, 2, T::ArmColumn), true);
    table->setRangeSelected(
        QTableWidgetSelectionRange(mens, T::NColumn, mens, T::IncrementalColumn), false);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text().split(QLatin1Char('\n')).size(), 3);
    QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("No E-Mail (control)\n")));
}

void TestExperimentsPage::splitterIsRemembered()
{
    QList<int> sizes;
    {
        ExperimentsPage page;
        QVERIFY(open(page, m_db));
        auto *splitter = page.findChild<QSplitter *>(QStringLiteral("experimentsSplitter"));
        QVERIFY(splitter);
        QVERIFY(splitter->sizes().first() < 400); // the default gives the list ~300 px
        splitter->setSizes({520, 860});
        sizes = splitter->sizes();
        QVERIFY(qAbs(sizes.first() - 520) < 10);
    }
    ExperimentsPage page;
    QVERIFY(open(page, m_db));
    auto *splitter = page.findChild<QSplitter *>(QStringLiteral("experimentsSplitter"));
    QCOMPARE(splitter->sizes(), sizes);
    QVERIFY(splitter->sizes().first() > 500);
}

void TestExperimentsPage::emptyDatabaseShowsHowToImport()
{
    ExperimentsPage page;
    QSignalSpy loaded(&page, &ExperimentsPage::experimentsLoaded);
    QVERIFY(open(page, m_empty));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().at(0).toInt(), 0);
    QVERIFY(page.isEmptyStateShown());
    auto *empty = page.findChild<QWidget *>(QStringLiteral("experimentsEmptyState"));
    QVERIFY(empty && empty->isVisible());
    QVERIFY(!page.reportView()->isVisible());
    QStringList texts;
    const QList<QLabel *> labels = empty->findChildren<QLabel *>();
    for (const QLabel *l : labels)
        texts << l->text();
    const QString all = texts.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("No experiments in this database")), qPrintable(all));
    QVERIFY(all.contains(QStringLiteral("mailwright-cli import experiment")));
    QVERIFY(all.contains(QStringLiteral("New Sample Database")));

    // Switching to a database with experiments leaves the empty state.
    page.setDatabase(m_db);
    QVERIFY(loaded.wait(20000));
    QVERIFY(!page.isEmptyStateShown());
    QCOMPARE(page.list()->topLevelItemCount(), 2);
}

void TestExperimentsPage::sampleDatabaseMarksTheHoldout()
{
    // File > New Sample Database's generator, through the CLI.
    const QString db = m_dir->path(QStringLiteral("sample.db"));
    QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--db"), db,
                           QStringLiteral("--sample"), QStringLiteral("1500"),
                           QStringLiteral("--seed"), QStringLiteral("3")})
                 .exitCode,
             0);
    auto armSize = [&](const QString &arm) {
        Database dbh = test::openFresh(db);
        return dbh
            .scalar("SELECT count(*) FROM assignments s JOIN experiment_arms a ON a.id = "
                    "s.arm_id WHERE a.name = ?1",
                    {arm})
            ->toLongLong();
    };
    ExperimentsPage page;
    QVERIFY(open(page, db));
    QCOMPARE(page.list()->topLevelItemCount(), 1);
    QCOMPARE(page.list()->topLevelItem(0)->text(0), QStringLiteral("subject-line-test"));
    QVERIFY(select(page, QStringLiteral("subject-line-test")));
    ExperimentReportView *view = page.reportView();
    ExperimentReportTable *table = view->table();
    QCOMPARE(view->currentMetric(), QStringLiteral("open"));
    QCOMPARE(table->rowCount(), 3);
    // The arms' names say their role already; bold marks the control, italics the holdout.
    QCOMPARE(table->item(0, T::ArmColumn)->text(), QStringLiteral("control"));
    QVERIFY(table->item(0, T::ArmColumn)->font().bold());
    const int holdout = rowOf(table, QStringLiteral("holdout"));
    QVERIFY(holdout > 0);
    QVERIFY(table->item(holdout, T::ArmColumn)->font().italic());
    QVERIFY(table->item(holdout, T::ArmColumn)->toolTip().contains(QStringLiteral("Holdout")));
    QLocale locale;
    for (const QString &arm : {QStringLiteral("control"), QStringLiteral("personalised subject"),
                               QStringLiteral("holdout")}) {
        const QString expected = locale.toString(armSize(arm));
        QCOMPARE(cell(table, table->item(rowOf(table, arm), T::ArmColumn)->text(), T::NColumn),
                 expected);
    }
    // The holdout got no e-mail, so it opened none: -100 % against the control.
    QCOMPARE(cell(table, QStringLiteral("holdout"), T::MeanColumn), QStringLiteral("0.000 %"));
    QCOMPARE(cell(table, QStringLiteral("holdout"), T::LiftColumn), QStringLiteral("-100.0 %"));
    QVERIFY(!view->srmBanner()->isWarning());
    QCOMPARE(view->chart()->pointCount(), 2);
    QVERIFY(view->chart()->armLabels().contains(QStringLiteral("holdout")));
    // Nobody in the control converted: no relative lift exists, and the chart says so.
    view->setCurrentMetric(QStringLiteral("conversion"));
    QCOMPARE(cell(table, QStringLiteral("control"), T::MeanColumn), QStringLiteral("0.000 %"));
    QCOMPARE(cell(table, QStringLiteral("personalised subject"), T::LiftColumn),
             QStringLiteral("–"));
    QCOMPARE(view->chart()->pointCount(), 0);
    QVERIFY(view->chart()->chart()->title().startsWith(QStringLiteral("No relative lift")));
}

void TestExperimentsPage::germanLocaleAndTranslation()
{
    QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    auto restore = qScopeGuard([] {
        Translations::uninstall();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    });
    ExperimentsPage page;
    QVERIFY(open(page, m_db));
    QVERIFY(select(page, QStringLiteral("hillstrom")));
    ExperimentReportTable *table = page.reportView()->table();
    QCOMPARE(table->horizontalHeaderItem(T::ArmColumn)->text(), QStringLiteral("Variante"));
    QCOMPARE(page.list()->topLevelItem(0)->text(1), QStringLiteral("abgeschlossen"));
    QCOMPARE(page.list()->topLevelItem(0)->text(2), QStringLiteral("64.000"));
    const QString mens = QStringLiteral("Mens E-Mail");
    QCOMPARE(cell(table, QStringLiteral("No E-Mail (Kontrolle)"), T::NColumn),
             QStringLiteral("21.306"));
    QCOMPARE(cell(table, mens, T::LiftColumn), QStringLiteral("+72,1 %"));
    QCOMPARE(cell(table, mens, T::LiftCiColumn), QStringLiteral("[63,8 %; 80,4 %]"));
    QCOMPARE(cell(table, mens, T::DiffCiColumn), QStringLiteral("[7,00; 8,32] PP"));
    QVERIFY(page.reportView()->srmBanner()->text().contains(QStringLiteral("ausgewogen")));
}

void TestExperimentsPage::mainWindowPassesTheDatabase()
{
    MainWindow window;
    auto *page = qobject_cast<ExperimentsPage *>(window.page(MainWindow::Page::Experiments));
    QVERIFY(page);
    QSignalSpy loaded(page, &ExperimentsPage::experimentsLoaded);
    QSignalSpy shown(page, &ExperimentsPage::reportShown);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openDatabase(m_db));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.first().at(0).toInt(), 2);
    QVERIFY(shown.wait(20000)); // the first experiment's report, without a click
    QCOMPARE(shown.first().at(0).toString(), QStringLiteral("hillstrom"));
    window.showPage(MainWindow::Page::Experiments);
    QVERIFY(page->reportView()->isVisible());
}

QTEST_MAIN(TestExperimentsPage)
#include "tst_experimentspage.moc"
