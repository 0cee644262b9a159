#include "campaigneditor.h"

#include "blockinspector.h"
#include "blocklabels.h"
#include "blocklistmodel.h"
#include "blockpalette.h"
#include "campaigndraft.h"
#include "campaigndraftstore.h"
#include "comparedialog.h"
#include "liquidfieldcatalog.h"
#include "previewscheduler.h"
#include "previewview.h"
#include "renderexplanationpanel.h"
#include "segmentoverviewdialog.h"
#include "subscriberpicker.h"
#include "versionhistorydialog.h"

#include "storage/database.h"

#include <QAction>
#include <QDateTime>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mw::ui {

namespace {
// Autosave after a pause in editing: one single-row UPDATE, so it can run on the GUI
// thread without being felt.
constexpr int kAutosaveDelayMs = 1500;
} // namespace

CampaignEditor::CampaignEditor(PreviewRendererFactory factory, QWidget *parent)
    : QWidget(parent), m_factory(std::move(factory)), m_toolBar(new QToolBar(this)),
      m_blocks(new QListView(this)), m_palette(new BlockPalette(this)),
      m_preview(new PreviewView(this)), m_picker(new SubscriberPicker(this)),
      m_explanation(new RenderExplanationPanel(this)),
      m_scheduler(new PreviewScheduler(m_factory, this)), m_status(new QLabel(this)),
      m_liquidStatus(new QLabel(this)), m_autosave(new QTimer(this)),
      m_inspectorHost(new QWidget(this)), m_undoGroup(new QUndoGroup(this))
{
    // Toolbar: undo/redo, block actions, versions, compare, segment overview.
    QAction *undo = m_undoGroup->createUndoAction(this, tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoGroup->createRedoAction(this, tr("Redo"));
    redo->setShortcut(QKeySequence::Redo);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(undo);
    m_toolBar->addAction(redo);
    m_toolBar->addSeparator();
    auto *addMenu = new QMenu(this);
    for (const QJsonObject &b : BlockPalette::blockTypes()) {
        addMenu->addAction(BlockLabels::typeName(b.value(QLatin1String("type")).toString()), this,
                           [this, b] { addBlock(b); });
    }
    auto *addButton = new QToolButton(this);
    addButton->setText(tr("Add block"));
    addButton->setMenu(addMenu);
    addButton->setPopupMode(QToolButton::InstantPopup);
    m_toolBar->addWidget(addButton);
    // Keyboard: Ctrl+D and Ctrl+S anywhere in the editor; Delete and Ctrl+Up/Down only in
    // the block list, where they cannot take a key from a text field. Each button's
    // tooltip names its key.
    auto blockAction = [this](const QString &text, const QString &tip, const QKeySequence &key,
                              Qt::ShortcutContext context, const QString &name, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setShortcutContext(context);
        a->setToolTip(tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        m_toolBar->addAction(a);
        // The widget whose focus the shortcut context is measured from.
        (context == Qt::WidgetShortcut ? static_cast<QWidget *>(m_blocks) : this)->addAction(a);
        return a;
    };
    blockAction(tr("Duplicate"), tr("Duplicate the selected block"),
                QKeySequence(Qt::CTRL | Qt::Key_D), Qt::WidgetWithChildrenShortcut,
                QStringLiteral("actionDuplicate"), [this] { duplicateSelected(); });
    blockAction(tr("Delete"), tr("Delete the selected block"), QKeySequence(Qt::Key_Delete),
                Qt::WidgetShortcut, QStringLiteral("actionDelete"), [this] { deleteSelected(); });
    blockAction(tr("Move up"), tr("Move the selected block up"),
                QKeySequence(Qt::CTRL | Qt::Key_Up), Qt::WidgetShortcut,
                QStringLiteral("actionMoveUp"), [this] { moveSelected(-1); });
    blockAction(tr("Move down"), tr("Move the selected block down"),
                QKeySequence(Qt::CTRL | Qt::Key_Down), Qt::WidgetShortcut,
                QStringLiteral("actionMoveDown"), [this] { moveSelected(+1); });
    m_toolBar->addSeparator();
    blockAction(tr("Save version…"), tr("Save the campaign as a new version"), QKeySequence::Save,
                Qt::WidgetWithChildrenShortcut, QStringLiteral("actionSaveVersion"), [this] {
                    bool ok = false;
                    const QString note = QInputDialog::getText(this, tr("Save version"),
                                                               tr("Note for this version:"),
                                                               QLineEdit::Normal, QString(), &ok);
                    if (ok)
                        saveVersion(note);
                });
    m_toolBar->addAction(tr("History…"), this, &CampaignEditor::showHistory);
    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("Compare…"), this, &CampaignEditor::openCompare);
    m_toolBar->addAction(tr("Segment overview…"), this, &CampaignEditor::openSegmentOverview);

    // Left: the envelope button, the blocks, the palette.
    auto *envelope = new QPushButton(tr("✉  Subject && sender"), this);
    envelope->setObjectName(QStringLiteral("envelopeButton"));
    envelope->setStyleSheet(QStringLiteral("text-align: left; padding: 6px;"));
    connect(envelope, &QPushButton::clicked, this, &CampaignEditor::showEnvelope);
    m_blocks->setDragDropMode(QAbstractItemView::DragDrop);
    m_blocks->setDefaultDropAction(Qt::MoveAction);
    m_blocks->setDragEnabled(true);
    m_blocks->setAcceptDrops(true);
    m_blocks->setDropIndicatorShown(true);
    m_blocks->setSelectionMode(QAbstractItemView::SingleSelection);
    m_blocks->setAlternatingRowColors(true);
    m_blocks->setSpacing(2);
    m_blocks->setWordWrap(true);
    connect(m_palette, &BlockPalette::blockActivated, this,
            [this](const QJsonObject &b) { addBlock(b); });
    auto *blocksLabel = new QLabel(tr("Blocks"), this);
    auto *paletteLabel = new QLabel(tr("Add from palette or library"), this);
    for (QLabel *l : {blocksLabel, paletteLabel}) {
        QFont f = l->font();
        f.setBold(true);
        l->setFont(f);
    }
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    leftLayout->addWidget(envelope);
    leftLayout->addWidget(blocksLabel);
    leftLayout->addWidget(m_blocks, 3);
    leftLayout->addWidget(paletteLabel);
    leftLayout->addWidget(m_palette, 2);

    // Middle: the inspector (recreated per document) and the Liquid status line.
    auto *inspectorLayout = new QVBoxLayout(m_inspectorHost);
    inspectorLayout->setContentsMargins(0, 0, 0, 0);
    m_liquidStatus->setObjectName(QStringLiteral("liquidStatus"));
    m_liquidStatus->setWordWrap(true);
    m_liquidStatus->setTextFormat(Qt::PlainText);
    m_liquidStatus->setStyleSheet(QStringLiteral("color: #b00020; padding: 2px 6px;"));
    auto *middle = new QWidget(this);
    middle->setObjectName(QStringLiteral("inspectorPane"));
    // The splitter may not squeeze the inspector's fields to a few letters in a small
    // window; the preview, which scrolls, gives way instead.
    middle->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 46);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(m_inspectorHost, 1);
    middleLayout->addWidget(m_liquidStatus);

    // Right: subscriber picker, preview, explanation.
    auto *right = new QSplitter(Qt::Vertical, this);
    auto *previewBox = new QWidget(right);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 6, 6, 0);
    previewLayout->addWidget(m_picker);
    previewLayout->addWidget(m_preview, 1);
    right->addWidget(previewBox);
    right->addWidget(m_explanation);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setSizes({720, 220});

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(middle);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 5);
    split->setSizes({260, 380, 660});
    split->setChildrenCollapsible(false);

    m_status->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    m_autosave->setSingleShot(true);
    m_autosave->setInterval(kAutosaveDelayMs);
    connect(m_autosave, &QTimer::timeout, this, &CampaignEditor::flushAutosave);

    connect(m_picker, &SubscriberPicker::currentChanged, this, &CampaignEditor::requestRender);
    connect(m_picker, &SubscriberPicker::failed, this,
            [this](const QString &m) { setStatus(m, true); });
    connect(m_scheduler, &PreviewScheduler::rendered, this,
            [this](const PreviewRender &render, quint64 id) {
                m_shownRequest = id;
                m_preview->setRender(render);
                m_explanation->setRender(render);
                emit rendered(render, id);
            });
    connect(m_preview, &PreviewView::htmlLoaded, this,
            [this] { emit previewUpdated(m_shownRequest); });

    setDocument({});
}

CampaignEditor::~CampaignEditor()
{
    flushAutosave();
}

bool CampaignEditor::setDatabase(const QString &path)
{
    flushAutosave();
    auto db = Database::open(path);
    if (!db) {
        setStatus(db.error().toString(), true);
        return false;
    }
    m_db = std::make_unique<Database>(std::move(*db));
    m_path = path;
    m_campaignId = 0;
    m_campaignName.clear();
    m_inspector->setCompletions(LiquidFieldCatalog::fields(*m_db), LiquidFieldCatalog::filters());
    m_scheduler->setDatabasePath(path);
    m_palette->setDatabase(path);
    m_picker->setDatabase(path);
    return true;
}

bool CampaignEditor::openCampaign(qint64 campaignId)
{
    flushAutosave();
    if (!m_db)
        return false;
    CampaignDraftStore store(*m_db);
    auto json = store.document(campaignId);
    auto name = store.name(campaignId);
    if (!json || !name) {
        setStatus((json ? name.error() : json.error()).toString(), true);
        return false;
    }
    m_campaignId = campaignId;
    m_campaignName = *name;
    setDocument(*json, campaignId, *name);
    m_savedRevision = m_doc->revision();
    setStatus(tr("Opened."));
    return true;
}

void CampaignEditor::setDocument(const QJsonObject &json, qint64 campaignId, const QString &name)
{
    QStringList fields;
    QStringList filters = LiquidFieldCatalog::filters();
    if (m_db)
        fields = LiquidFieldCatalog::fields(*m_db);
    if (m_doc) {
        m_undoGroup->removeStack(m_doc->undoStack());
        m_doc->deleteLater();
    }
    // Set before the first render of the new document below.
    m_campaignId = campaignId;
    m_campaignName = name;
    m_selectedId.clear();
    m_doc = new CampaignDraft(json, this);
    m_undoGroup->addStack(m_doc->undoStack());
    m_undoGroup->setActiveStack(m_doc->undoStack());
    m_savedRevision = m_doc->revision();

    auto *oldModel = m_model;
    m_model = new BlockListModel(m_doc, this);
    m_blocks->setModel(m_model);
    delete oldModel;
    connect(m_blocks->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                m_selectedId = current.data(BlockListModel::BlockIdRole).toString();
                if (m_inspector->blockIndex() != current.row() || m_inspector->isShowingEnvelope())
                    m_inspector->showBlock(current.row());
            });

    delete m_inspector;
    m_inspector = new BlockInspector(m_doc, m_inspectorHost);
    m_inspector->setCompletions(fields, filters);
    m_inspector->setLibraryLookup(
        [this](const QString &name) { return m_palette->libraryContent(name); });
    m_inspectorHost->layout()->addWidget(m_inspector);
    connect(m_inspector, &BlockInspector::errorStatus, this, [this](const QString &text) {
        m_liquidStatus->setText(text);
        m_liquidStatus->setVisible(!text.isEmpty());
    });
    m_liquidStatus->hide();
    connectDocument();
    if (m_doc->blockCount() > 0)
        selectBlock(0);
    else
        showEnvelope();
    requestRender();
}

void CampaignEditor::connectDocument()
{
    connect(m_doc, &CampaignDraft::changed, this, [this](const CampaignDraft::Change &c) {
        if (c.kind != CampaignDraft::ChangeKind::Value) {
            // Keep the same block selected by id across moves, inserts and undo.
            int row = -1;
            for (int i = 0; i < m_doc->blockCount(); ++i) {
                if (m_doc->block(i).value(QLatin1String("id")).toString() == m_selectedId)
                    row = i;
            }
            if (c.kind == CampaignDraft::ChangeKind::BlockInserted)
                row = c.to;
            if (row < 0 && m_doc->blockCount() > 0)
                row = qBound(0, c.from, m_doc->blockCount() - 1);
            // Always rebuild the inspector: the paths its fields are bound to moved.
            if (m_inspector->isShowingEnvelope() &&
                c.kind != CampaignDraft::ChangeKind::BlockInserted) {
                m_inspector->showEnvelope();
            } else {
                selectBlock(row);
                m_inspector->showBlock(row);
            }
        }
        onDocumentChanged();
    });
}

void CampaignEditor::onDocumentChanged()
{
    requestRender();
    if (m_campaignId > 0) {
        m_autosave->start();
        setStatus(tr("Edited — autosave pending"));
    }
}

void CampaignEditor::requestRender()
{
    if (m_picker->current().id <= 0)
        return;
    m_scheduler->request(previewCampaign(), m_picker->current().id);
}

PreviewCampaign CampaignEditor::previewCampaign() const
{
    return {m_campaignId, m_campaignName, m_doc->json()};
}

void CampaignEditor::requestPreview()
{
    requestRender();
}

quint64 CampaignEditor::latestRenderRequest() const
{
    return m_scheduler->latestRequest();
}

qint64 CampaignEditor::subscriberId() const
{
    return m_picker->current().id;
}

void CampaignEditor::addBlock(const QJsonObject &block, int at)
{
    const int selected = selectedBlock();
    const int index = at >= 0 ? at : (selected >= 0 ? selected + 1 : m_doc->blockCount());
    m_doc->pushInsertBlock(index, block);
}

void CampaignEditor::duplicateSelected()
{
    m_doc->pushDuplicateBlock(selectedBlock());
}

void CampaignEditor::deleteSelected()
{
    m_doc->pushRemoveBlock(selectedBlock());
}

void CampaignEditor::moveSelected(int delta)
{
    const int row = selectedBlock();
    if (row >= 0)
        m_doc->pushMoveBlock(row, row + delta);
}

void CampaignEditor::selectBlock(int index)
{
    if (index < 0 || index >= m_model->rowCount()) {
        m_blocks->clearSelection();
        m_inspector->showBlock(-1);
        return;
    }
    const QModelIndex i = m_model->index(index);
    m_selectedId = i.data(BlockListModel::BlockIdRole).toString();
    m_blocks->setCurrentIndex(i); // shows it in the inspector unless already shown
    if (m_inspector->blockIndex() != index || m_inspector->isShowingEnvelope())
        m_inspector->showBlock(index);
}

int CampaignEditor::selectedBlock() const
{
    if (m_inspector->isShowingEnvelope())
        return -1;
    return m_inspector->blockIndex();
}

void CampaignEditor::showEnvelope()
{
    m_blocks->clearSelection();
    m_blocks->setCurrentIndex({});
    m_selectedId.clear();
    m_inspector->showEnvelope();
}

bool CampaignEditor::flushAutosave()
{
    m_autosave->stop();
    if (!m_db || m_campaignId <= 0 || !m_doc || m_doc->revision() == m_savedRevision)
        return true;
    CampaignDraftStore store(*m_db);
    if (Status s = store.saveDocument(m_campaignId, m_doc->json()); !s) {
        setStatus(tr("Autosave failed: %1").arg(s.error().toString()), true);
        return false;
    }
    m_savedRevision = m_doc->revision();
    setStatus(tr("Saved at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    emit campaignSaved(m_campaignId);
    return true;
}

bool CampaignEditor::saveVersion(const QString &note)
{
    if (!m_db || m_campaignId <= 0)
        return false;
    CampaignDraftStore store(*m_db);
    auto v = store.saveVersion(m_campaignId, m_doc->json(), note);
    if (!v) {
        setStatus(tr("Could not save the version: %1").arg(v.error().toString()), true);
        return false;
    }
    m_savedRevision = m_doc->revision();
    m_doc->undoStack()->setClean();
    setStatus(tr("Saved as version %1.").arg(*v));
    return true;
}

bool CampaignEditor::restoreVersion(int version)
{
    if (!m_db || m_campaignId <= 0)
        return false;
    CampaignDraftStore store(*m_db);
    auto json = store.versionDocument(m_campaignId, version);
    if (!json) {
        setStatus(json.error().toString(), true);
        return false;
    }
    m_doc->pushReplace(*json, tr("Restore Version %1").arg(version));
    setStatus(tr("Restored version %1 (undo to go back).").arg(version));
    return true;
}

void CampaignEditor::showHistory()
{
    if (!m_db || m_campaignId <= 0) {
        setStatus(tr("This campaign is not stored in a database."), true);
        return;
    }
    VersionHistoryDialog dialog(*m_db, m_campaignId, this);
    if (dialog.exec() == QDialog::Accepted && dialog.selectedVersion() > 0)
        restoreVersion(dialog.selectedVersion());
}

void CampaignEditor::openCompare()
{
    auto *dialog = new CompareDialog(m_factory, m_path, previewCampaign(), subscriberId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void CampaignEditor::openSegmentOverview()
{
    auto *dialog = new SegmentOverviewDialog(m_path, previewCampaign(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void CampaignEditor::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020; padding: 2px 6px;")
                                  : QStringLiteral("color: #4b5563; padding: 2px 6px;"));
}

QUndoStack *CampaignEditor::currentUndoStack() const
{
    return m_undoGroup->activeStack();
}

} // namespace mw::ui
