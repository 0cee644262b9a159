// The campaign editor end to end: blocks, Liquid fields, preview, subscribers, undo,
// syntax errors, autosave and versions, remote-load blocking.
#include "campaign/blockinspector.h"
#include "campaign/blocklistmodel.h"
#include "campaign/campaigndraft.h"
#include "campaign/campaigneditor.h"
#include "campaign/campaignspage.h"
#include "campaign/comparedialog.h"
#include "campaign/conditioneditor.h"
#include "campaign/inboxrow.h"
#include "campaign/liquidtextedit.h"
#include "campaign/previewview.h"
#include "campaign/remoteloadblocker.h"
#include "campaign/renderexplanationpanel.h"
#include "campaign/segmentoverviewdialog.h"
#include "campaign/subscriberpicker.h"
#include "campaignfixture.h"
#include "elidedlabel.h"
#include "testutils.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTreeWidget>
#include <QUndoStack>
#include <QWebEnginePage>
#include <QWebEngineView>
#include <QtTest>

using namespace mw;
using namespace mw::ui;

namespace {

QString q(const char *s)
{
    return QString::fromUtf8(s);
}
QString q(const QString &s)
{
    return s;
}
/// A list of strings from literals and QStrings: L("blocks", "0").
template <typename... A> QStringList L(const A &...a)
{
    return QStringList{q(a)...};
}

QStringList blockIds(const CampaignDraft *doc)
{
    QStringList ids;
    for (int i = 0; i < doc->blockCount(); ++i)
        ids.append(doc->block(i).value(QLatin1String("id")).toString());
    return ids;
}

/// The HTML the web engine actually holds (not what we handed it).
QString webHtml(QWebEngineView *view)
{
    struct Reply {
        QString html;
        bool done = false;
    };
    auto reply = std::make_shared<Reply>(); // the callback may outlive a timed-out wait
    view->page()->toHtml([reply](const QString &html) {
        reply->html = html;
        reply->done = true;
    });
    QElapsedTimer timer;
    timer.start();
    while (!reply->done && timer.elapsed() < 10000)
        QTest::qWait(10);
    return reply->html;
}

} // namespace

class TestCampaignEditor : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void addsAndReordersBlocks();
    void editingLiquidFieldUpdatesPreview();
    void switchingSubscriberChangesSubject();
    void previewKnowsTheCampaign();
    void undoAndRedoAnEdit();
    void syntaxErrorReportedAtItsLine();
    void autosavesAndRestoresVersions();
    void blocksRemoteLoadsUntilAllowed();
    void explainsWhyThisEmail();
    void editsVariantConditionInAForm();
    void preheaderVariantThroughTheInspector();
    void conditionValuesAreTyped();
    void switchesDesktopAndMobileWidth();
    void comparesTwoSubscribers();
    void segmentOverviewCountsRendersAndReach();
    void blocksAndFieldsAreLabelledInWords();
    void keyboardEditsTheBlockList();
    void narrowWindowKeepsInspectorAndPickerUsable();

private:
    /// Waits until the preview shows a render for the current document and subscriber.
    void waitForPreview();

    std::unique_ptr<test::TempDir> m_dir;
    std::unique_ptr<CampaignsPage> m_page;
    CampaignEditor *m_editor = nullptr;
    qint64 m_campaign = 0;
};

void TestCampaignEditor::init()
{
    m_dir = std::make_unique<test::TempDir>();
    const QString path = m_dir->path(QStringLiteral("editor.db"));
    m_campaign = test::CampaignFixture::create(path);
    QVERIFY(m_campaign > 0);
    m_page = std::make_unique<CampaignsPage>(); // renders with the core renderer
    m_page->resize(1500, 950);
    m_page->show();
    m_editor = m_page->editor();
    QSignalSpy loaded(m_page.get(), &CampaignsPage::campaignsLoaded);
    m_page->setDatabase(path);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(m_editor->campaignId(), m_campaign);
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->subscriberId(), qint64(1), 10000);
    waitForPreview();
}

void TestCampaignEditor::cleanup()
{
    m_page.reset();
    m_dir.reset();
}

void TestCampaignEditor::waitForPreview()
{
    // Settled: the newest render is shown, for this subscriber, and its HTML has loaded.
    QSignalSpy updated(m_editor, &CampaignEditor::previewUpdated);
    QTRY_VERIFY_WITH_TIMEOUT(m_editor->preview()->currentRender().subscriberId ==
                                     m_editor->subscriberId() &&
                                 !m_editor->preview()->html().isEmpty(),
                             15000);
    if (!m_editor->preview()->isUpdating() && updated.isEmpty())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 15000);
}

void TestCampaignEditor::addsAndReordersBlocks()
{
    CampaignDraft *doc = m_editor->document();
    QCOMPARE(blockIds(doc), L("hero", "intro", "footer"));

    // Add a button block after the selected hero, from the palette's types.
    m_editor->selectBlock(0);
    QJsonObject button;
    button.insert(QStringLiteral("type"), QStringLiteral("button"));
    button.insert(QStringLiteral("content"),
                  QJsonObject{{QStringLiteral("label"), QStringLiteral("Get the deal")},
                              {QStringLiteral("url"), QStringLiteral("https://acme.example/d")}});
    m_editor->addBlock(button);
    QCOMPARE(doc->blockCount(), 4);
    const QString buttonId = doc->block(1).value(QLatin1String("id")).toString();
    QVERIFY(!buttonId.isEmpty());
    QCOMPARE(m_editor->blockModel()->rowCount(), 4);
    QCOMPARE(m_editor->selectedBlock(), 1); // the new block is selected

    // Drag-and-drop path: the list view hands the model the dragged row's mime data.
    BlockListModel *model = m_editor->blockModel();
    std::unique_ptr<QMimeData> drag(model->mimeData({model->index(0)}));
    QVERIFY(model->dropMimeData(drag.get(), Qt::MoveAction, 3, 0, {})); // hero before footer
    QCOMPARE(blockIds(doc), L(buttonId, "intro", "hero", "footer"));
    QCOMPARE(model->index(2).data(BlockListModel::BlockIdRole).toString(), QStringLiteral("hero"));

    // The toolbar equivalents: move up, duplicate, delete.
    m_editor->selectBlock(2);
    m_editor->moveSelected(-1);
    QCOMPARE(blockIds(doc), L(buttonId, "hero", "intro", "footer"));
    QCOMPARE(m_editor->selectedBlock(), 1); // selection follows the block
    m_editor->duplicateSelected();
    QCOMPARE(doc->blockCount(), 5);
    QCOMPARE(doc->block(2).value(QLatin1String("content")),
             doc->block(1).value(QLatin1String("content")));
    QVERIFY(doc->block(2).value(QLatin1String("id")) != doc->block(1).value(QLatin1String("id")));
    m_editor->deleteSelected();
    QCOMPARE(doc->blockCount(), 4);

    // Dropping a palette entry inserts a block where it lands.
    QMimeData paletteDrop;
    paletteDrop.setData(BlockListModel::BlockMimeType, R"({"type":"divider","content":{}})");
    QVERIFY(model->dropMimeData(&paletteDrop, Qt::CopyAction, 0, 0, {}));
    QCOMPARE(doc->block(0).value(QLatin1String("type")).toString(), QStringLiteral("divider"));

    // Each of those was one undo step; undoing all of them restores the original order.
    while (doc->undoStack()->canUndo())
        doc->undoStack()->undo();
    QCOMPARE(blockIds(doc), L("hero", "intro", "footer"));

    // The preview follows the block order: hero's headline comes before the footer.
    waitForPreview();
    const QString html = m_editor->preview()->html();
    QVERIFY(html.indexOf(QLatin1String("Hello Anna")) >= 0);
    QVERIFY(html.indexOf(QLatin1String("Hello Anna")) <
            html.indexOf(QLatin1String("Acme Outdoor Ltd")));
}

void TestCampaignEditor::editingLiquidFieldUpdatesPreview()
{
    m_editor->selectBlock(0);
    const QStringList path = L("blocks", "0", "content", "headline");
    LiquidTextEdit *edit = m_editor->inspector()->liquidEditorFor(path);
    QVERIFY(edit);
    QCOMPARE(edit->toPlainText(), QStringLiteral("Hello {{ subscriber.first_name }}"));
    QTRY_VERIFY_WITH_TIMEOUT(
        webHtml(m_editor->preview()->webView()).contains(QLatin1String("Hello Anna")), 10000);

    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, QStringLiteral(" from {{ subscriber.city }}"));
    QCOMPARE(m_editor->document()->value(path).toString(),
             QStringLiteral("Hello {{ subscriber.first_name }} from {{ subscriber.city }}"));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_editor->preview()->html().contains(QLatin1String("Hello Anna from Oslo")), 10000);
    waitForPreview();
    // The browser engine has the new HTML, not just our copy of it.
    QTRY_VERIFY_WITH_TIMEOUT(
        webHtml(m_editor->preview()->webView()).contains(QLatin1String("Hello Anna from Oslo")),
        10000);
}

void TestCampaignEditor::switchingSubscriberChangesSubject()
{
    InboxRow *inbox = m_editor->preview()->inboxRow();
    // The preview renders off the GUI thread: wait for it rather than race it.
    QTRY_COMPARE_WITH_TIMEOUT(inbox->subject(), QStringLiteral("Hi Anna, spring is here"), 10000);
    QCOMPARE(inbox->fromName(), QStringLiteral("Acme Outdoor"));
    QCOMPARE(inbox->preheader(), QStringLiteral("Fresh picks for Oslo"));

    m_editor->picker()->next();
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->subscriberId(), qint64(2), 10000);
    waitForPreview();
    QCOMPARE(inbox->subject(), QStringLiteral("Hi Ben, spring is here"));
    QCOMPARE(inbox->preheader(), QStringLiteral("Fresh picks for Leeds"));

    // Search by name picks a subscriber too (on a worker thread).
    QSignalSpy searched(m_editor->picker(), &SubscriberPicker::searchFinished);
    m_editor->picker()->search(QStringLiteral("dubois"));
    QVERIFY(searched.wait(10000));
    QCOMPARE(m_editor->picker()->searchResults().size(), 1);
    m_editor->picker()->setCurrent(m_editor->picker()->searchResults().first().id);
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->subscriberId(), qint64(3), 10000);
    waitForPreview();
    QCOMPARE(inbox->subject(), QStringLiteral("Hi Chloe, spring is here"));
    QCOMPARE(inbox->preheader(), QStringLiteral("Fresh picks for you")); // no city: default
}

void TestCampaignEditor::previewKnowsTheCampaign()
{
    // {{ campaign.name }} / {{ campaign.id }} render as in a send of this campaign.
    QCOMPARE(m_editor->campaignName(), QStringLiteral("Spring sale"));
    m_editor->document()->pushValue(L("subject"),
                                    QStringLiteral("{{ campaign.name }} #{{ campaign.id }}"));
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->preview()->inboxRow()->subject(),
                              QStringLiteral("Spring sale #%1").arg(m_campaign), 10000);
    // The compare and segment dialogs render the same campaign.
    QCOMPARE(m_editor->previewCampaign().name, QStringLiteral("Spring sale"));
    QCOMPARE(m_editor->previewCampaign().id, m_campaign);
}

void TestCampaignEditor::undoAndRedoAnEdit()
{
    m_editor->showEnvelope();
    const QStringList path = L("subject");
    LiquidTextEdit *subject = m_editor->inspector()->liquidEditorFor(path);
    QVERIFY(subject);
    QUndoStack *stack = m_editor->document()->undoStack();
    const int before = stack->count();

    subject->setFocus();
    subject->moveCursor(QTextCursor::End);
    QTest::keyClicks(subject, QStringLiteral(" - 20% off"));
    const QString edited =
        QStringLiteral("Hi {{ subscriber.first_name }}, spring is here - 20% off");
    QCOMPARE(m_editor->document()->value(path).toString(), edited);
    QCOMPARE(stack->count(), before + 1); // typing merged into one step
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->preview()->inboxRow()->subject(),
                              QStringLiteral("Hi Anna, spring is here - 20% off"), 10000);

    stack->undo();
    QCOMPARE(m_editor->document()->value(path).toString(),
             QStringLiteral("Hi {{ subscriber.first_name }}, spring is here"));
    QCOMPARE(subject->toPlainText(),
             QStringLiteral("Hi {{ subscriber.first_name }}, spring is here"));
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->preview()->inboxRow()->subject(),
                              QStringLiteral("Hi Anna, spring is here"), 10000);

    stack->redo();
    QCOMPARE(m_editor->document()->value(path).toString(), edited);
    QCOMPARE(subject->toPlainText(), edited);
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->preview()->inboxRow()->subject(),
                              QStringLiteral("Hi Anna, spring is here - 20% off"), 10000);
}

void TestCampaignEditor::syntaxErrorReportedAtItsLine()
{
    m_editor->selectBlock(1); // the text block: a multi-line field
    const QStringList path = L("blocks", "1", "content", "text");
    LiquidTextEdit *text = m_editor->inspector()->liquidEditorFor(path);
    QVERIFY(text);
    QVERIFY(!text->isSingleLine());
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("Dear customer,"));
    QTest::keyClick(text, Qt::Key_Return);
    QTest::keyClicks(text, QStringLiteral("our spring collection is in."));
    QTest::keyClick(text, Qt::Key_Return);
    QTest::keyClicks(text, QStringLiteral("See you {{ subscriber.first_name"));
    // Reported after the debounce, without any explicit call.
    QTRY_VERIFY_WITH_TIMEOUT(text->syntaxError().has_value(), 5000);
    QCOMPARE(text->syntaxError()->line, 3);
    QCOMPARE(text->syntaxError()->column, 9);
    auto *status = m_editor->findChild<QLabel *>(QStringLiteral("liquidStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().startsWith(QLatin1String("Text: line 3, column 9: ")),
             qPrintable(status->text()));
    QVERIFY(!text->extraSelections().isEmpty()); // underlined
    QCOMPARE(text->extraSelections().first().cursor.block().blockNumber(), 2);

    // Fixing it clears the error.
    QTest::keyClicks(text, QStringLiteral(" }}"));
    QTRY_VERIFY_WITH_TIMEOUT(!text->syntaxError().has_value(), 5000);
    QTRY_VERIFY(status->text().isEmpty());
    QVERIFY(text->extraSelections().isEmpty());
}

void TestCampaignEditor::autosavesAndRestoresVersions()
{
    QVERIFY(m_editor->saveVersion(QStringLiteral("first")));
    m_editor->selectBlock(1);
    LiquidTextEdit *text =
        m_editor->inspector()->liquidEditorFor(L("blocks", "1", "content", "text"));
    QVERIFY(text);
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("Changed copy."));
    QVERIFY(m_editor->flushAutosave());

    auto db = Database::open(m_editor->databasePath());
    QVERIFY(db.ok());
    const QString stored =
        db->scalar("SELECT document FROM campaigns WHERE id = ?1", {m_campaign})->toString();
    QVERIFY(stored.contains(QLatin1String("Changed copy.")));
    QCOMPARE(
        db->scalar("SELECT count(*) FROM campaign_versions WHERE campaign_id = ?1", {m_campaign})
            ->toInt(),
        1);

    QVERIFY(m_editor->restoreVersion(1));
    QCOMPARE(m_editor->document()->value(L("blocks", "1", "content", "text")).toString(),
             QStringLiteral("Our spring collection is in."));
    m_editor->document()->undoStack()->undo(); // restoring is undoable
    QCOMPARE(m_editor->document()->value(L("blocks", "1", "content", "text")).toString(),
             QStringLiteral("Changed copy."));
}

void TestCampaignEditor::blocksRemoteLoadsUntilAllowed()
{
    // A remote image in the email must not be fetched until "Load images" is on.
    m_editor->selectBlock(0);
    m_editor->document()->pushValue(L("blocks", "0", "content", "image_url"),
                                    QStringLiteral("http://127.0.0.1:9/tracker.png"));
    m_editor->document()->pushValue(L("blocks", "0", "content", "image_alt"),
                                    QStringLiteral("Spring"));
    QTRY_VERIFY_WITH_TIMEOUT(m_editor->preview()->html().contains(QLatin1String("tracker.png")),
                             10000);
    RemoteLoadBlocker *blocker = m_editor->preview()->blocker();
    QTRY_VERIFY_WITH_TIMEOUT(blocker->blockedCount() > 0, 10000);
    QVERIFY(!m_editor->preview()->loadImages());
    m_editor->preview()->setLoadImages(true);
    QVERIFY(blocker->allowRemote());
    QVERIFY(m_editor->preview()->loadImagesAction()->isChecked());
}

void TestCampaignEditor::switchesDesktopAndMobileWidth()
{
    PreviewView *preview = m_editor->preview();
    QWebEngineView *web = preview->webView();
    QCOMPARE(preview->widthMode(), PreviewView::Width::Desktop);
    const int scrollBar = web->width() - 600;
    QVERIFY(scrollBar >= 0 && scrollBar < 30);
    preview->mobileAction()->trigger();
    QCOMPARE(preview->widthMode(), PreviewView::Width::Mobile);
    QTRY_COMPARE(web->width(), 375 + scrollBar);
    preview->desktopAction()->trigger();
    QTRY_COMPARE(web->width(), 600 + scrollBar);
}

void TestCampaignEditor::explainsWhyThisEmail()
{
    // Anna lives in Oslo: the intro's "oslo" variant wins, and the trace says why.
    QVERIFY(m_editor->preview()->html().contains(QLatin1String("Hei from Oslo!")));
    QTreeWidget *trace = m_editor->explanation()->traceView();
    bool found = false;
    for (int i = 0; i < trace->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = trace->topLevelItem(i);
        if (item->text(0) == QLatin1String("intro") &&
            item->text(1).contains(QLatin1String("oslo")) &&
            item->text(2).contains(QLatin1String("Oslo")))
            found = true;
    }
    QVERIFY(found);
    // Chloe has no city: the default text, and her preheader falls back.
    m_editor->picker()->setCurrent(3);
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->subscriberId(), qint64(3), 10000);
    waitForPreview();
    QVERIFY(m_editor->preview()->html().contains(QLatin1String("Our spring collection is in.")));
    QVERIFY(!m_editor->preview()->html().contains(QLatin1String("Hei from Oslo!")));
    // ... and the trace follows her: the intro's variant is looked at and not taken.
    bool sawChloe = false;
    for (int i = 0; i < trace->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = trace->topLevelItem(i);
        QVERIFY(!item->text(2).contains(QLatin1String("Oslo")));
        if (item->text(0) == QLatin1String("intro") && item->text(3) == QLatin1String("default"))
            sawChloe = true;
    }
    QVERIFY(sawChloe);
}

void TestCampaignEditor::editsVariantConditionInAForm()
{
    m_editor->selectBlock(1); // intro, whose "oslo" variant tests subscriber.city
    m_editor->inspector()->selectVariant(0);
    const QStringList path = L("blocks", "1", "variants", "0", "when");
    auto *cond = qobject_cast<ConditionEditor *>(m_editor->inspector()->editorFor(path));
    QVERIFY(cond);
    QCOMPARE(cond->mode(), ConditionEditor::Mode::Field);
    QCOMPARE(cond->fieldBox()->currentText(), QStringLiteral("subscriber.city"));
    QCOMPARE(cond->operatorBox()->currentText(), QStringLiteral("="));
    QCOMPARE(cond->valueEdit()->text(), QStringLiteral("Oslo"));
    QVERIFY2(cond->summary()->text().contains(QLatin1String("Oslo")),
             qPrintable(cond->summary()->text()));
    QVERIFY(m_editor->preview()->html().contains(QLatin1String("Hei from Oslo!")));

    // Typing another city: one undo step, stored as JSON, Anna loses the variant.
    QUndoStack *stack = m_editor->document()->undoStack();
    const int before = stack->count();
    cond->valueEdit()->setFocus();
    cond->valueEdit()->selectAll();
    QTest::keyClicks(cond->valueEdit(), QStringLiteral("Leeds"));
    const QJsonObject leeds{{QStringLiteral("field"), QStringLiteral("subscriber.city")},
                            {QStringLiteral("op"), QStringLiteral("=")},
                            {QStringLiteral("value"), QStringLiteral("Leeds")}};
    QCOMPARE(m_editor->document()->value(path), QJsonValue(leeds));
    QCOMPARE(stack->count(), before + 1);
    QCOMPARE(cond->valueEdit()->text(), QStringLiteral("Leeds")); // not reset while typing
    QTRY_VERIFY_WITH_TIMEOUT(
        m_editor->preview()->html().contains(QLatin1String("Our spring collection is in.")), 10000);

    // Undo flows back into the form.
    stack->undo();
    QCOMPARE(cond->valueEdit()->text(), QStringLiteral("Oslo"));
    QTRY_VERIFY_WITH_TIMEOUT(m_editor->preview()->html().contains(QLatin1String("Hei from Oslo!")),
                             10000);

    // A list operator makes an array of the comma-separated items.
    cond->operatorBox()->setCurrentText(QStringLiteral("in"));
    cond->valueEdit()->setFocus();
    cond->valueEdit()->selectAll();
    QTest::keyClicks(cond->valueEdit(), QStringLiteral("Leeds, Bergen"));
    QCOMPARE(m_editor->document()->value(path).toObject().value(QLatin1String("value")),
             QJsonValue(QJsonArray{QStringLiteral("Leeds"), QStringLiteral("Bergen")}));

    // Segment membership: Anna (NO) is in "nordic-and-uk".
    cond->setMode(ConditionEditor::Mode::Segment);
    cond->segmentEdit()->setFocus();
    QTest::keyClicks(cond->segmentEdit(), QStringLiteral("nordic-and-uk"));
    QCOMPARE(m_editor->document()->value(path),
             QJsonValue(QJsonObject{{QStringLiteral("segment"), QStringLiteral("nordic-and-uk")}}));
    QTRY_VERIFY_WITH_TIMEOUT(m_editor->preview()->html().contains(QLatin1String("Hei from Oslo!")),
                             10000);
    cond->negateBox()->setChecked(true);
    QCOMPARE(m_editor->document()->value(path).toObject().value(QLatin1String("negate")),
             QJsonValue(true));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_editor->preview()->html().contains(QLatin1String("Our spring collection is in.")), 10000);

    // A group has no form: it is shown and edited as JSON; the mode follows undo.
    const QJsonObject group{
        {QStringLiteral("match"), QStringLiteral("any")},
        {QStringLiteral("conditions"),
         QJsonArray{QJsonObject{{QStringLiteral("segment"), QStringLiteral("nordic-and-uk")}},
                    QJsonObject{{QStringLiteral("field"), QStringLiteral("subscriber.city")},
                                {QStringLiteral("op"), QStringLiteral("is_set")}}}}};
    m_editor->document()->pushValue(path, group, false);
    QCOMPARE(cond->mode(), ConditionEditor::Mode::Json);
    QCOMPARE(QJsonDocument::fromJson(cond->jsonEdit()->toPlainText().toUtf8()).object(), group);
    stack->undo();
    QCOMPARE(cond->mode(), ConditionEditor::Mode::Segment);
    QVERIFY(cond->negateBox()->isChecked());

    // "No condition" removes the key; the block's hide_when uses the same editor.
    cond->setMode(ConditionEditor::Mode::None);
    QVERIFY(!m_editor->document()
                 ->block(1)
                 .value(QLatin1String("variants"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .contains(QLatin1String("when")));
    auto *hide = qobject_cast<ConditionEditor *>(
        m_editor->inspector()->editorFor(L("blocks", "1", "hide_when")));
    QVERIFY(hide);
    QCOMPARE(hide->mode(), ConditionEditor::Mode::None);
    QCOMPARE(hide->modeBox()->currentText(), QStringLiteral("Never hidden"));
}

void TestCampaignEditor::preheaderVariantThroughTheInspector()
{
    CampaignDraft *doc = m_editor->document();
    InboxRow *inbox = m_editor->preview()->inboxRow();
    QTRY_COMPARE_WITH_TIMEOUT(inbox->preheader(), QStringLiteral("Fresh picks for Oslo"), 10000);
    QUndoStack *stack = doc->undoStack();
    const int before = stack->index();

    // Choose whose variants to edit: the preheader.
    m_editor->showEnvelope();
    BlockInspector *inspector = m_editor->inspector();
    auto *which = inspector->findChild<QComboBox *>(QStringLiteral("variantField"));
    QVERIFY(which);
    QCOMPARE(which->currentData().toString(), QStringLiteral("subject"));
    which->setCurrentIndex(which->findData(QStringLiteral("preheader")));
    QTRY_COMPARE(inspector->variantField(), QStringLiteral("preheader"));
    auto *list = inspector->findChild<QListWidget *>(QStringLiteral("variantList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 0);

    // Add a variant: the preheader becomes {default, variants} in one undo step.
    QPushButton *add = nullptr;
    for (QPushButton *b : inspector->findChildren<QPushButton *>())
        if (b->text() == QLatin1String("Add variant"))
            add = b;
    QVERIFY(add);
    add->click();
    QCOMPARE(stack->index(), before + 1);
    QVERIFY(doc->value(L("preheader")).isObject());
    QCOMPARE(doc->value(L("preheader", "default")).toString(),
             QStringLiteral("Fresh picks for {{ subscriber.city | default: 'you' }}"));
    QCOMPARE(doc->value(L("subject")).isString(), true); // the subject is untouched
    // The default moved to {preheader, default}; the form shows it and the new variant.
    QTRY_VERIFY(inspector->liquidEditorFor(L("preheader", "default")));
    QCOMPARE(inspector->liquidEditorFor(L("preheader", "default"))->toPlainText(),
             doc->value(L("preheader", "default")).toString());
    list = inspector->findChild<QListWidget *>(QStringLiteral("variantList"));
    QCOMPARE(list->count(), 1);
    LiquidTextEdit *text = inspector->liquidEditorFor(L("preheader", "variants", "0", "text"));
    QVERIFY(text);
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("Leeds insiders first"));
    QCOMPARE(doc->value(L("preheader", "variants", "0", "text")).toString(),
             QStringLiteral("Leeds insiders first"));

    // Its condition in the same form as block variants: city = Leeds.
    auto *cond = qobject_cast<ConditionEditor *>(
        inspector->editorFor(L("preheader", "variants", "0", "when")));
    QVERIFY(cond);
    cond->setMode(ConditionEditor::Mode::Field);
    cond->fieldBox()->setCurrentText(QStringLiteral("subscriber.city"));
    cond->operatorBox()->setCurrentText(QStringLiteral("="));
    cond->valueEdit()->setFocus();
    QTest::keyClicks(cond->valueEdit(), QStringLiteral("Leeds"));
    const QJsonObject leeds{{QStringLiteral("field"), QStringLiteral("subscriber.city")},
                            {QStringLiteral("op"), QStringLiteral("=")},
                            {QStringLiteral("value"), QStringLiteral("Leeds")}};
    QCOMPARE(doc->value(L("preheader", "variants", "0", "when")), QJsonValue(leeds));

    // Anna (Oslo) keeps the default; Ben (Leeds) gets the variant, in the inbox row and in
    // the email's hidden preheader.
    waitForPreview();
    QTRY_COMPARE_WITH_TIMEOUT(inbox->preheader(), QStringLiteral("Fresh picks for Oslo"), 10000);
    m_editor->picker()->next();
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->subscriberId(), qint64(2), 10000);
    waitForPreview();
    QTRY_COMPARE_WITH_TIMEOUT(inbox->preheader(), QStringLiteral("Leeds insiders first"), 10000);
    QVERIFY(m_editor->preview()->html().contains(QLatin1String("Leeds insiders first")));

    // The from name is rendered as Liquid for the inbox row too.
    doc->pushValue(L("from_name"), QStringLiteral("{{ subscriber.first_name }} at Acme"));
    QTRY_COMPARE_WITH_TIMEOUT(inbox->fromName(), QStringLiteral("Ben at Acme"), 10000);

    // Undo back to where we started: the variant is gone, Ben sees the default again.
    while (stack->index() > before)
        stack->undo();
    QVERIFY(doc->value(L("preheader")).isString());
    QCOMPARE(doc->value(L("from_name")).toString(), QStringLiteral("Acme Outdoor"));
    QTRY_COMPARE_WITH_TIMEOUT(inbox->preheader(), QStringLiteral("Fresh picks for Leeds"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(inbox->fromName(), QStringLiteral("Acme Outdoor"), 10000);
    list = inspector->findChild<QListWidget *>(QStringLiteral("variantList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 0);
    QVERIFY(inspector->liquidEditorFor(L("preheader")));
    QCOMPARE(inspector->variantField(), QStringLiteral("preheader"));

    // Redo brings the variant back for Ben.
    stack->redo();
    QVERIFY(doc->value(L("preheader")).isObject());
}

void TestCampaignEditor::conditionValuesAreTyped()
{
    using CE = ConditionEditor;
    QCOMPARE(CE::parseValue(QStringLiteral("10"), false), QJsonValue(10.0));
    QCOMPARE(CE::parseValue(QStringLiteral("0.75"), false), QJsonValue(0.75));
    QCOMPARE(CE::parseValue(QStringLiteral("true"), false), QJsonValue(true));
    QCOMPARE(CE::parseValue(QStringLiteral("\"10\""), false), QJsonValue(QStringLiteral("10")));
    QCOMPARE(CE::parseValue(QStringLiteral(" vip "), false), QJsonValue(QStringLiteral("vip")));
    QCOMPARE(CE::parseValue(QStringLiteral("a, 2,,\"3\""), true),
             QJsonValue(QJsonArray{QStringLiteral("a"), 2.0, QStringLiteral("3")}));
    // Shown so that reading it back gives the same JSON.
    for (const QJsonValue &v :
         {QJsonValue(10.0), QJsonValue(QStringLiteral("10")), QJsonValue(false),
          QJsonValue(QStringLiteral("true")), QJsonValue(QStringLiteral("Oslo"))})
        QCOMPARE(CE::parseValue(CE::valueText(v), false), v);
    // A list item with a comma is quoted, and the comma does not split it.
    const QJsonArray cities{QStringLiteral("Washington, D.C."), QStringLiteral("10"), 3.0};
    QCOMPARE(CE::valueText(cities), QStringLiteral("\"Washington, D.C.\", \"10\", 3"));
    QCOMPARE(CE::parseValue(CE::valueText(cities), true), QJsonValue(cities));
}

void TestCampaignEditor::comparesTwoSubscribers()
{
    CompareDialog dialog(CampaignsPage::coreRendererFactory(), m_editor->databasePath(),
                         m_editor->previewCampaign(), 1);
    QSignalSpy compared(&dialog, &CompareDialog::compared);
    QTRY_VERIFY_WITH_TIMEOUT(!compared.isEmpty(), 15000);
    QCOMPARE(dialog.view(0)->currentRender().subscriberId, qint64(1));
    QCOMPARE(dialog.view(1)->currentRender().subscriberId, qint64(2)); // the next one
    // Marked: subject (names differ), preheader (cities differ), intro (oslo vs default);
    // not marked: from name, hero and footer (same variant for both).
    QStringList marked;
    QTreeWidget *diff = dialog.differences();
    for (int i = 0; i < diff->topLevelItemCount(); ++i) {
        if (diff->topLevelItem(i)->text(0).startsWith(QStringLiteral("≠")))
            marked.append(diff->topLevelItem(i)->text(0));
    }
    QCOMPARE(marked, L("≠ Subject", "≠ Preheader", "≠ Block intro"));
    QCOMPARE(dialog.differenceCount(), 3);
}

void TestCampaignEditor::segmentOverviewCountsRendersAndReach()
{
    SegmentOverviewDialog dialog(m_editor->databasePath(), m_editor->previewCampaign());
    QSignalSpy finished(&dialog, &SegmentOverviewDialog::finished);
    dialog.run(QStringLiteral("nordic-and-uk"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    const SegmentInsight &insight = dialog.insight();
    QCOMPARE(insight.members, 2);
    QCOMPARE(insight.rendered, 2);
    QVERIFY(insight.error.isEmpty());
    QCOMPARE(insight.distinctRenders, 2);
    using Reach = QPair<QString, QString>;
    QCOMPARE(insight.reach.value(Reach(QStringLiteral("intro"), QStringLiteral("variant oslo"))),
             1);
    QCOMPARE(insight.reach.value(Reach(QStringLiteral("intro"), QStringLiteral("default"))), 1);
    QCOMPARE(insight.reach.value(Reach(QStringLiteral("hero"), QStringLiteral("default"))), 2);
    QVERIFY(insight.preheaders.isEmpty()); // no preheader variants: no preheader section
    QVERIFY(dialog.reachView()->findItems(QStringLiteral("Preheader"), Qt::MatchExactly).isEmpty());

    // With a preheader variant for Leeds, its reach shows as the subject's does.
    CampaignDraft *doc = m_editor->document();
    const QJsonValue plain = doc->value(L("preheader"));
    const QJsonObject leeds{{QStringLiteral("field"), QStringLiteral("subscriber.city")},
                            {QStringLiteral("op"), QStringLiteral("=")},
                            {QStringLiteral("value"), QStringLiteral("Leeds")}};
    doc->pushValue(L("preheader"),
                   QJsonObject{{QStringLiteral("default"), plain},
                               {QStringLiteral("variants"),
                                QJsonArray{QJsonObject{
                                    {QStringLiteral("id"), QStringLiteral("leeds")},
                                    {QStringLiteral("when"), leeds},
                                    {QStringLiteral("text"), QStringLiteral("Hi Leeds")}}}}},
                   false);
    SegmentOverviewDialog withVariant(m_editor->databasePath(), m_editor->previewCampaign());
    QSignalSpy done(&withVariant, &SegmentOverviewDialog::finished);
    withVariant.run(QStringLiteral("nordic-and-uk"));
    QVERIFY(done.wait(20000));
    const SegmentInsight &second = withVariant.insight();
    QCOMPARE(second.preheaders.value(QStringLiteral("variant leeds")), 1);
    QCOMPARE(second.preheaders.value(QStringLiteral("default")), 1);
    QVERIFY(second.fromNames.isEmpty());
    QCOMPARE(
        withVariant.reachView()->findItems(QStringLiteral("Preheader"), Qt::MatchExactly).size(),
        1);
    doc->undoStack()->undo();
    QCOMPARE(doc->value(L("preheader")), plain);
}

// Duplicate (Ctrl+D), move (Ctrl+Up/Down) and delete (Del) from the keyboard while the
// block list has the focus, each one undo step; Del in a text field stays a character key.
void TestCampaignEditor::keyboardEditsTheBlockList()
{
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    CampaignDraft *doc = m_editor->document();
    QCOMPARE(blockIds(doc), L("hero", "intro", "footer"));
    QListView *list = m_editor->blockView();
    m_editor->selectBlock(0);
    list->setFocus();
    QTRY_VERIFY(list->hasFocus());

    QTest::keyClick(list, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(doc->blockCount(), 4);
    QCOMPARE(doc->block(1).value(QLatin1String("content")),
             doc->block(0).value(QLatin1String("content")));
    const QString copy = doc->block(1).value(QLatin1String("id")).toString();
    QCOMPARE(m_editor->selectedBlock(), 1);

    QTest::keyClick(list, Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(blockIds(doc), L("hero", "intro", copy, "footer"));
    QCOMPARE(m_editor->selectedBlock(), 2);
    QTest::keyClick(list, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(blockIds(doc), L("hero", copy, "intro", "footer"));

    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(blockIds(doc), L("hero", "intro", "footer"));
    doc->undoStack()->undo();
    QCOMPARE(blockIds(doc), L("hero", copy, "intro", "footer"));

    // In a text field of the inspector, Delete deletes a character, not the block.
    m_editor->selectBlock(0);
    LiquidTextEdit *headline = m_editor->inspector()->liquidEditorFor(
        CampaignDraft::blockPath(0, L("content", "headline")));
    QVERIFY(headline);
    headline->setFocus();
    QTRY_VERIFY(headline->hasFocus());
    headline->moveCursor(QTextCursor::Start);
    const QString before = headline->toPlainText();
    QTest::keyClick(headline, Qt::Key_Delete);
    QCOMPARE(headline->toPlainText(), before.mid(1));
    QCOMPARE(doc->blockCount(), 4);

    // Ctrl+D works from inside the editor too; each toolbar button names its key.
    QTest::keyClick(headline, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(doc->blockCount(), 5);
    auto *duplicate = m_editor->findChild<QAction *>(QStringLiteral("actionDuplicate"));
    QVERIFY(duplicate);
    QVERIFY2(duplicate->toolTip().contains(
                 QKeySequence(Qt::CTRL | Qt::Key_D).toString(QKeySequence::NativeText)),
             qPrintable(duplicate->toolTip()));
    QCOMPARE(m_editor->findChild<QAction *>(QStringLiteral("actionSaveVersion"))->shortcut(),
             QKeySequence(QKeySequence::Save));
}

// At the size the page has in a 1024x700 window: the inspector keeps room for its fields,
// the picker shows who is previewed (elided, in full in the tooltip) and a usable search
// field.
void TestCampaignEditor::narrowWindowKeepsInspectorAndPickerUsable()
{
    m_page->resize(854, 640);
    QTRY_COMPARE(m_page->width(), 854);
    auto *inspector = m_editor->findChild<QWidget *>(QStringLiteral("inspectorPane"));
    QVERIFY(inspector);
    // Layouts settle after the resize's events are processed (slow under load): QTRY.
    QTRY_VERIFY2(inspector->width() >=
                     inspector->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40,
                 qPrintable(QString::number(inspector->width())));

    auto *picker = m_editor->findChild<SubscriberPicker *>();
    QVERIFY(picker);
    ElidedLabel *who = picker->currentLabel();
    QTRY_VERIFY(!who->fullText().isEmpty());
    QVERIFY(who->fullText().contains(picker->current().email));
    who->setFullText(who->fullText() + QStringLiteral(" with a much longer name than fits here"));
    QVERIFY(who->isElided());
    QVERIFY(who->text().endsWith(QChar(0x2026)));
    QVERIFY(who->fontMetrics().horizontalAdvance(who->text()) <= who->contentsRect().width());
    QVERIFY(who->toolTip().contains(who->fullText()));
    QVERIFY(who->toolTip().contains(QStringLiteral("#%1").arg(picker->current().id)));
    QLineEdit *search = picker->searchEdit();
    QTRY_VERIFY(search->width() >
                search->fontMetrics().horizontalAdvance(search->placeholderText()));

    // A variant's condition keeps room for its value beside the field and operator.
    m_editor->selectBlock(1);
    m_editor->inspector()->selectVariant(0);
    auto *cond = qobject_cast<ConditionEditor *>(
        m_editor->inspector()->editorFor(L("blocks", "1", "variants", "0", "when")));
    QVERIFY(cond);
    QTRY_VERIFY(cond->valueEdit()->isVisible());
    QCOMPARE(cond->fieldBox()->lineEdit()->cursorPosition(), 0); // shown from its start
    const int x = cond->valueEdit()->fontMetrics().horizontalAdvance(QLatin1Char('x'));
    QTRY_VERIFY2(cond->valueEdit()->width() >= x * 8,
                 qPrintable(QString::number(cond->valueEdit()->width())));
    // ... and the inspector's form fits its pane: no sideways scrolling to reach a field.
    auto *scroll = m_editor->inspector()->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QTRY_COMPARE(scroll->horizontalScrollBar()->maximum(), 0);
}

// Fields are labelled in words (Button link), not as JSON keys (Cta url); block types too.
void TestCampaignEditor::blocksAndFieldsAreLabelledInWords()
{
    m_editor->selectBlock(0); // the hero
    QStringList labels;
    for (QLabel *l : m_editor->inspector()->findChildren<QLabel *>())
        labels << l->text();
    QVERIFY2(labels.contains(QStringLiteral("Button link")), qPrintable(labels.join(u'|')));
    QVERIFY(labels.contains(QStringLiteral("Button text")));
    QVERIFY(!labels.contains(QStringLiteral("Cta url")));
    QVERIFY(labels.contains(QStringLiteral("Hero block · hero")));
    QCOMPARE(m_editor->blockModel()->index(0).data().toString().section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("Hero"));
}

QTEST_MAIN(TestCampaignEditor)
#include "tst_campaigneditor.moc"
