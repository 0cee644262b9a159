// The segment builder driven through its widgets: a two-level segment, live count,
// undo/redo, inline errors, save and reload.
#include "segmentfixture.h"
#include "segments/conditiongroupwidget.h"
#include "segments/conditionrowwidget.h"
#include "segments/multiselectedit.h"
#include "segments/segmentbuilderwidget.h"
#include "segments/segmentdocument.h"
#include "segments/segmentspage.h"
#include "testutils.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QUndoStack>
#include <QtTest>

using namespace mw;
using namespace mw::ui;
using test::SegmentFixture;

namespace {

void pick(QComboBox *combo, const QString &data)
{
    const int i = combo->findData(data);
    QVERIFY2(i >= 0, qPrintable(data));
    combo->setCurrentIndex(i);
    emit combo->activated(i);
}

/// A fixture database (seed, size) at dir/name, shown in page at width x 820 once the
/// window is exposed. Returns the database path, empty on failure.
QString showFixture(SegmentsPage &page, const test::TempDir &dir, const QString &name,
                    SegmentFixture &fixture, uint64_t seed, int size, int width)
{
    const QString path = dir.path(name);
    {
        Database db = test::openFresh(path);
        fixture.populate(db, seed, size);
    }
    page.resize(width, 820);
    page.setDatabase(path);
    page.show();
    return QTest::qWaitForWindowExposed(&page) ? path : QString();
}

} // namespace

class TestSegmentsPage : public QObject {
    Q_OBJECT
private slots:
    void buildCountSaveReload();
    void renameAndDeleteFromTheList();
    void listValuesWithCommasAreQuoted();
    void loadedSegmentFitsItsPanes();
};

void TestSegmentsPage::buildCountSaveReload()
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("gui.db"));
    SegmentFixture fixture;
    {
        Database db = test::openFresh(path);
        fixture.populate(db, 99, 300);
        QVERIFY(db.setMeta(QStringLiteral("reference_time"), QString::number(SegmentFixture::kNow))
                    .ok());
    }
    auto expectedCount = [&](const QJsonObject &def) {
        return qint64(fixture.evaluate(def, SegmentFixture::kNow).size());
    };

    SegmentsPage page;
    page.resize(1500, 820);
    page.setDatabase(path);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_COMPARE(page.savedTable()->rowCount(), 3);
    QTRY_VERIFY(page.builder()->catalog().distinct.contains(QStringLiteral("country")));
    QTRY_COMPARE(page.displayedCount(), expectedCount(QJsonObject{}));
    SegmentBuilderWidget *b = page.builder();

    // Level 1: country in US, CA.
    QTest::mouseClick(b->group({})->addConditionButton(), Qt::LeftButton);
    QTRY_VERIFY(b->row({0}));
    pick(b->row({0})->operatorCombo(), QStringLiteral("in"));
    QTRY_VERIFY(b->row({0}) &&
                qobject_cast<MultiSelectEdit *>(b->row({0})->valueEditors().value(0)));
    auto *multi = qobject_cast<MultiSelectEdit *>(b->row({0})->valueEditors().value(0));
    multi->lineEdit()->clear();
    QTest::keyClicks(multi->lineEdit(), QStringLiteral("US, CA"));

    // Level 2: any of (open in the last 60 days, engagement score >= 50).
    QTest::mouseClick(b->group({})->addGroupButton(), Qt::LeftButton);
    QTRY_VERIFY(b->group({1}));
    QCOMPARE(b->group({1})->matchCombo()->currentData().toString(), QStringLiteral("any"));
    QTest::mouseClick(b->group({1})->addConditionButton(), Qt::LeftButton);
    QTRY_VERIFY(b->row({1, 0}));
    pick(b->row({1, 0})->fieldCombo(), QStringLiteral("event:open"));
    QTRY_VERIFY(b->row({1, 0}) &&
                b->row({1, 0})->findChild<QSpinBox *>(QStringLiteral("daysSpin")));
    b->row({1, 0})->findChild<QSpinBox *>(QStringLiteral("daysSpin"))->setValue(60);
    QTest::mouseClick(b->group({1})->addConditionButton(), Qt::LeftButton);
    QTRY_VERIFY(b->row({1, 1}));
    pick(b->row({1, 1})->fieldCombo(), QStringLiteral("field:metrics.engagement_score"));
    QTRY_VERIFY(b->row({1, 1}) &&
                b->row({1, 1})->findChild<QDoubleSpinBox *>(QStringLiteral("numberSpin")));
    pick(b->row({1, 1})->operatorCombo(), QStringLiteral(">="));
    QTRY_VERIFY(b->row({1, 1}) &&
                b->row({1, 1})->operatorCombo()->currentData().toString() == QLatin1String(">="));
    b->row({1, 1})->findChild<QDoubleSpinBox *>(QStringLiteral("numberSpin"))->setValue(50);

    const QJsonObject expected = QJsonDocument::fromJson(R"({"match":"all","conditions":[
        {"field":"country","op":"in","value":["US","CA"]},
        {"match":"any","conditions":[
            {"event":"open","count":">= 1","within_days":60},
            {"field":"metrics.engagement_score","op":">=","value":50}]}]})")
                                     .object();
    QCOMPARE(page.document()->definition(), expected);
    const qint64 twoLevel = expectedCount(expected);
    QVERIFY(twoLevel > 0 && twoLevel < expectedCount(QJsonObject{}));
    QTRY_COMPARE(page.displayedCount(), twoLevel);
    // The funnel: start, after country, after the group.
    QCOMPARE(page.funnelTable()->rowCount(), 3);

    // Undo the score edit: the count follows; redo brings it back.
    page.document()->undoStack()->undo();
    QJsonObject undone = expected;
    {
        QJsonArray top = undone[QStringLiteral("conditions")].toArray();
        QJsonObject group = top[1].toObject();
        QJsonArray inner = group[QStringLiteral("conditions")].toArray();
        QJsonObject score = inner[1].toObject();
        score[QStringLiteral("value")] = 0;
        inner[1] = score;
        group[QStringLiteral("conditions")] = inner;
        top[1] = group;
        undone[QStringLiteral("conditions")] = top;
    }
    QCOMPARE(page.document()->definition(), undone);
    QTRY_COMPARE(page.displayedCount(), expectedCount(undone));
    page.document()->undoStack()->redo();
    QTRY_COMPARE(page.displayedCount(), twoLevel);
    QTRY_VERIFY(b->row({1, 1}));
    QCOMPARE(b->row({1, 1})->findChild<QDoubleSpinBox *>(QStringLiteral("numberSpin"))->value(),
             50.0);

    // Sample members open the subscriber browser.
    QTRY_VERIFY(page.sampleTable()->rowCount() > 0);
    QSignalSpy activated(&page, &SegmentsPage::subscriberActivated);
    emit page.sampleTable()->cellActivated(0, 1);
    QCOMPARE(activated.size(), 1);
    const qint64 firstId = activated.at(0).at(0).toLongLong();
    QCOMPARE(firstId, qint64(fixture.evaluate(expected, SegmentFixture::kNow).front()));

    if (qEnvironmentVariableIsSet("MW_SEGMENTS_SCREENSHOT"))
        page.grab().save(qEnvironmentVariable("MW_SEGMENTS_SCREENSHOT"));

    // Name, documentation, save.
    QTest::keyClicks(page.nameEdit(), QStringLiteral("na_engaged"));
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("doc_purpose")),
                     QStringLiteral("Spring launch"));
    QSignalSpy saved(&page, &SegmentsPage::saveFinished);
    // Ctrl+S from a field of the page saves, as the Save button does.
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.nameEdit()->setFocus();
    QTest::keyClick(page.nameEdit(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(saved.size(), 1);
    QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    QTRY_COMPARE(page.savedTable()->rowCount(), 4);
    {
        Database db = std::move(*Database::open(path));
        auto st = db.prepare(
            "SELECT definition, purpose, last_count FROM segments WHERE name = 'na_engaged'");
        QVERIFY(st->step());
        QCOMPARE(QJsonDocument::fromJson(st->text(0).toUtf8()).object(), expected);
        QCOMPARE(st->text(1), QStringLiteral("Spring launch"));
        QCOMPARE(st->int64(2), twoLevel);
    }

    // Start over, then reload the saved segment from the list.
    page.newSegment();
    QTRY_VERIFY(!b->row({0}));
    QTRY_COMPARE(page.displayedCount(), expectedCount(QJsonObject{}));
    int row = -1;
    for (int i = 0; i < page.savedTable()->rowCount(); ++i)
        if (page.savedTable()->item(i, 0)->text() == QLatin1String("na_engaged"))
            row = i;
    QVERIFY(row >= 0);
    QTRY_COMPARE(page.savedTable()->item(row, 1)->text(), QLocale().toString(twoLevel)); // exact
    emit page.savedTable()->cellActivated(row, 0);
    QCOMPARE(page.document()->definition(), expected);
    QCOMPARE(page.nameEdit()->text(), QStringLiteral("na_engaged"));
    QCOMPARE(page.findChild<QLineEdit *>(QStringLiteral("doc_purpose"))->text(),
             QStringLiteral("Spring launch"));
    QTRY_VERIFY(b->row({1, 1}));
    QCOMPARE(b->row({1, 0})->fieldCombo()->currentData().toString(), QStringLiteral("event:open"));
    QTRY_COMPARE(page.displayedCount(), twoLevel);

    // An invalid value is shown inline on its row, and no count is claimed.
    multi = qobject_cast<MultiSelectEdit *>(b->row({0})->valueEditors().value(0));
    QVERIFY(multi);
    multi->lineEdit()->selectAll();
    QTest::keyClick(multi->lineEdit(), Qt::Key_Delete);
    auto *error = b->row({0})->findChild<QLabel *>(QStringLiteral("conditionError"));
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("value: expected a non-empty list"));
    QCOMPARE(page.displayedCount(), qint64(-1));
}

void TestSegmentsPage::renameAndDeleteFromTheList()
{
    test::TempDir dir;
    SegmentFixture fixture;
    SegmentsPage page;
    const QString path = showFixture(page, dir, QStringLiteral("gui.db"), fixture, 99, 300, 1500);
    QVERIFY(!path.isEmpty());
    QTRY_COMPARE(page.savedTable()->rowCount(), 3);
    auto names = [&] {
        QStringList out;
        for (int i = 0; i < page.savedTable()->rowCount(); ++i)
            out << page.savedTable()->item(i, 0)->text();
        return out;
    };
    // The list offers both with their keys (F2, Delete) in its context menu.
    QStringList shortcuts;
    for (QAction *a : page.savedTable()->actions())
        shortcuts << a->shortcut().toString(QKeySequence::PortableText);
    QCOMPARE(shortcuts, (QStringList{QStringLiteral("F2"), QStringLiteral("Del")}));
    QCOMPARE(page.savedTable()->contextMenuPolicy(), Qt::ActionsContextMenu);

    QVERIFY(page.loadSegment(QStringLiteral("na_openers_not_pro")));
    QSignalSpy changed(&page, &SegmentsPage::savedSegmentChanged);
    page.renameSegment(QStringLiteral("na_openers_not_pro"), QStringLiteral("na_engaged"));
    QTRY_COMPARE(changed.size(), 1);
    QVERIFY2(changed.at(0).at(0).toBool(), qPrintable(changed.at(0).at(1).toString()));
    QTRY_COMPARE(names(),
                 (QStringList{QStringLiteral("na_engaged"), QStringLiteral("north_america"),
                              QStringLiteral("openers")}));
    QCOMPARE(page.nameEdit()->text(), QStringLiteral("na_engaged")); // the open segment follows

    // "openers" is part of na_engaged: deleting it is refused and says why.
    page.deleteSegment(QStringLiteral("openers"));
    QTRY_COMPARE(changed.size(), 2);
    QVERIFY(!changed.at(1).at(0).toBool());
    QCOMPARE(changed.at(1).at(1).toString(),
             QStringLiteral("cannot delete segment \"openers\": it is used by segment "
                            "\"na_engaged\""));
    QCOMPARE(names().size(), 3);

    page.deleteSegment(QStringLiteral("na_engaged"));
    QTRY_COMPARE(changed.size(), 3);
    QVERIFY(changed.at(2).at(0).toBool());
    QTRY_COMPARE(names(),
                 (QStringList{QStringLiteral("north_america"), QStringLiteral("openers")}));
}

void TestSegmentsPage::listValuesWithCommasAreQuoted()
{
    test::TempDir dir;
    SegmentFixture fixture;
    SegmentsPage page;
    const QString path = showFixture(page, dir, QStringLiteral("commas.db"), fixture, 7, 20, 1500);
    QVERIFY(!path.isEmpty());
    SegmentBuilderWidget *b = page.builder();
    QTest::mouseClick(b->group({})->addConditionButton(), Qt::LeftButton);
    QTRY_VERIFY(b->row({0}));
    pick(b->row({0})->fieldCombo(), QStringLiteral("field:city"));
    pick(b->row({0})->operatorCombo(), QStringLiteral("in"));
    QTRY_VERIFY(b->row({0}) &&
                qobject_cast<MultiSelectEdit *>(b->row({0})->valueEditors().value(0)));
    auto *multi = qobject_cast<MultiSelectEdit *>(b->row({0})->valueEditors().value(0));
    multi->lineEdit()->clear();
    // A city with a comma is typed in quotes; the comma does not split it.
    QTest::keyClicks(multi->lineEdit(), QStringLiteral("\"Washington, D.C.\", Berlin"));
    const QJsonArray typed{QStringLiteral("Washington, D.C."), QStringLiteral("Berlin")};
    QCOMPARE(page.document()
                 ->definition()[QStringLiteral("conditions")][0]
                 .toObject()[QStringLiteral("value")]
                 .toArray(),
             typed);

    // A definition with such a value is shown quoted, and reads back unchanged.
    const QJsonObject def = QJsonDocument::fromJson(R"({"match":"all","conditions":[
        {"field":"city","op":"in","value":["Paris, TX","Oslo"]}]})")
                                .object();
    page.document()->reset(QStringLiteral("Commas"), def, QJsonObject{});
    auto shown = [&]() -> QString {
        auto *m = b->row({0})
                      ? qobject_cast<MultiSelectEdit *>(b->row({0})->valueEditors().value(0))
                      : nullptr;
        return m ? m->lineEdit()->text() : QString();
    };
    QTRY_COMPARE(shown(), QStringLiteral("\"Paris, TX\", Oslo"));
    multi = qobject_cast<MultiSelectEdit *>(b->row({0})->valueEditors().value(0));
    QCOMPARE(multi->lineEdit()->cursorPosition(), 0); // shown from its first value
    QTest::keyClick(multi->lineEdit(), Qt::Key_End);
    QTest::keyClicks(multi->lineEdit(), QStringLiteral(", Rome"));
    QCOMPARE(
        page.document()
            ->definition()[QStringLiteral("conditions")][0]
            .toObject()[QStringLiteral("value")]
            .toArray(),
        (QJsonArray{QStringLiteral("Paris, TX"), QStringLiteral("Oslo"), QStringLiteral("Rome")}));
}

// What a marketer sees after clicking a saved segment, at the size the page has in the
// default 1400x900 window: every column of the saved list and of the sample without a
// horizontal scroll bar, the list value given the row's free width and shown from its
// start, and long documentation shown from its first word.
void TestSegmentsPage::loadedSegmentFitsItsPanes()
{
    test::TempDir dir;
    SegmentFixture fixture;
    SegmentsPage page;
    const QString path = showFixture(page, dir, QStringLiteral("fit.db"), fixture, 5, 200, 1230);
    QVERIFY(!path.isEmpty());
    QSignalSpy counted(&page, &SegmentsPage::savedSegmentsReloaded);
    QTRY_COMPARE(counted.size(), 1); // exact counts shown: the widest the columns get

    QTableWidget *saved = page.savedTable();
    QVERIFY(saved->rowCount() > 0);
    QCOMPARE(saved->horizontalScrollBar()->maximum(), 0);
    for (int r = 0; r < saved->rowCount(); ++r) {
        for (int c = 1; c <= 2; ++c) {
            const QString text = saved->item(r, c)->text();
            QVERIFY2(saved->columnWidth(c) > saved->fontMetrics().horizontalAdvance(text),
                     qPrintable(text));
        }
        // Wide enough for the fixture's names, so nothing is elided at this size.
        const QString name = saved->item(r, 0)->text();
        QVERIFY2(saved->columnWidth(0) > saved->fontMetrics().horizontalAdvance(name),
                 qPrintable(name));
    }
    QVERIFY(saved->item(0, 2)->toolTip().contains(QLatin1Char(':'))); // the time of day

    const QString purpose = QStringLiteral(
        "Win back subscribers who opened at least once in spring but never bought anything "
        "from the new collection, before the summer sale starts");
    const QJsonObject def = QJsonDocument::fromJson(R"({"match":"all","conditions":[
        {"field":"country","op":"in","value":["US","CA","GB","DE","FR","JP","BR"]}]})")
                                .object();
    page.document()->reset(QStringLiteral("spring-openers-without-a-purchase"), def,
                           QJsonObject{{QStringLiteral("purpose"), purpose}});
    SegmentBuilderWidget *b = page.builder();
    QTRY_VERIFY(b->row({0}) &&
                qobject_cast<MultiSelectEdit *>(b->row({0})->valueEditors().value(0)));
    ConditionRowWidget *row = b->row({0});
    auto *multi = qobject_cast<MultiSelectEdit *>(row->valueEditors().value(0));
    QLineEdit *values = multi->lineEdit();
    QCOMPARE(values->text(), QStringLiteral("US, CA, GB, DE, FR, JP, BR"));
    QCOMPARE(values->cursorPosition(), 0);
    QCOMPARE(values->toolTip(), values->text());
    // The list editor reaches the end of its row (no empty stretch shares the room) and
    // shows the whole list.
    auto slack = [&] {
        const QRect inRow(multi->mapTo(row, QPoint(0, 0)), multi->size());
        return row->contentsRect().right() - inRow.right();
    };
    QTRY_VERIFY2(slack() < 16,
                 qPrintable(QStringLiteral("%1 px left of %2").arg(slack()).arg(row->width())));
    QTRY_VERIFY(values->width() > values->fontMetrics().horizontalAdvance(values->text()));
    // Also when the window is wide and the row has room to spare.
    page.resize(1900, 820);
    QTRY_COMPARE(page.width(), 1900);
    QTRY_VERIFY2(row->contentsRect().right() - multi->mapTo(row, QPoint(multi->width(), 0)).x() <
                     16,
                 qPrintable(QStringLiteral("%1 of %2 px").arg(multi->width()).arg(row->width())));
    page.resize(1230, 820);
    QTRY_COMPARE(page.width(), 1230);

    auto *purposeEdit = page.findChild<QLineEdit *>(QStringLiteral("doc_purpose"));
    QCOMPARE(purposeEdit->text(), purpose);
    QTRY_VERIFY(purposeEdit->fontMetrics().horizontalAdvance(purpose) > purposeEdit->width());
    QCOMPARE(purposeEdit->cursorPosition(), 0);
    QCOMPARE(page.nameEdit()->cursorPosition(), 0);

    // Whole-number metrics are edited without decimals; money keeps its cents.
    page.document()->reset(QStringLiteral("counts"),
                           QJsonDocument::fromJson(R"({"match":"all","conditions":[
        {"field":"metrics.order_count","op":"=","value":0},
        {"field":"metrics.revenue","op":">=","value":9.5}]})")
                               .object(),
                           QJsonObject{});
    QTRY_VERIFY(b->row({1}) &&
                b->row({1})->findChild<QDoubleSpinBox *>(QStringLiteral("numberSpin")));
    auto *orders = b->row({0})->findChild<QDoubleSpinBox *>(QStringLiteral("numberSpin"));
    QCOMPARE(orders->decimals(), 0);
    QCOMPARE(orders->text(), QLocale().toString(0));
    QCOMPARE(b->row({1})->findChild<QDoubleSpinBox *>(QStringLiteral("numberSpin"))->decimals(), 2);

    QTRY_VERIFY(page.sampleTable()->rowCount() > 0);
    QTableWidget *sample = page.sampleTable();
    QCOMPARE(sample->horizontalScrollBar()->maximum(), 0);
    const QString id = sample->item(0, 0)->text();
    QVERIFY(sample->columnWidth(0) > sample->fontMetrics().horizontalAdvance(id));
    QVERIFY(sample->columnWidth(1) > sample->columnWidth(0)); // the e-mail gets the room
    QCOMPARE(sample->item(0, 1)->toolTip(), sample->item(0, 1)->text());
}

QTEST_MAIN(TestSegmentsPage)
#include "tst_segmentspage.moc"
