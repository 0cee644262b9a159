#pragma once

#include "previewrender.h"
#include "undosource.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QListView;
class QTimer;
class QToolBar;
class QUndoGroup;

namespace mw {
class Database;
}

namespace mw::ui {

class BlockInspector;
class BlockListModel;
class BlockPalette;
class CampaignDraft;
class PreviewScheduler;
class PreviewView;
class RenderExplanationPanel;
class SubscriberPicker;

/// The campaign editor: blocks (left), the selected block's inspector (middle), and the
/// live preview for one subscriber with "Why this email?" (right). Every edit is an undo
/// command on the campaign document; the preview re-renders off the GUI thread after
/// each edit or subscriber change (latest wins); the document is autosaved.
class CampaignEditor : public QWidget, public UndoSource {
    Q_OBJECT
public:
    explicit CampaignEditor(PreviewRendererFactory factory, QWidget *parent = nullptr);
    /// The open campaign's undo stack (nullptr before one is open).
    QUndoStack *currentUndoStack() const override;
    ~CampaignEditor() override;

    /// Opens a connection for autosave and points the picker, palette and completion
    /// at the database. Returns false (and shows why in the status line) on failure.
    bool setDatabase(const QString &path);
    /// Loads a campaign's working document (autosaving the current one first).
    bool openCampaign(qint64 campaignId);
    /// Edits a document that is not stored (tests, new campaigns before saving).
    void setDocument(const QJsonObject &json) { setDocument(json, 0, {}); }

    CampaignDraft *document() const { return m_doc; }
    qint64 campaignId() const { return m_campaignId; }
    const QString &campaignName() const { return m_campaignName; }
    /// The campaign as a preview renders it: its id, name and working document.
    PreviewCampaign previewCampaign() const;
    qint64 subscriberId() const;
    /// Renders the current document for the current subscriber (also done on every edit).
    void requestPreview();
    /// Id of the newest render requested (compare with previewUpdated()).
    quint64 latestRenderRequest() const;

    // Editing actions (the toolbar's, callable from tests).
    void addBlock(const QJsonObject &block, int at = -1);
    void duplicateSelected();
    void deleteSelected();
    void moveSelected(int delta);
    void selectBlock(int index);
    int selectedBlock() const;
    void showEnvelope();
    /// Writes the working document now if it changed (autosave does this after a pause).
    bool flushAutosave();
    /// Freezes the working document as a new version in campaign_versions.
    bool saveVersion(const QString &note);
    /// Restores a saved version as one undoable edit.
    bool restoreVersion(int version);

    BlockListModel *blockModel() const { return m_model; }
    QListView *blockView() const { return m_blocks; }
    BlockInspector *inspector() const { return m_inspector; }
    BlockPalette *palette() const { return m_palette; }
    PreviewView *preview() const { return m_preview; }
    SubscriberPicker *picker() const { return m_picker; }
    RenderExplanationPanel *explanation() const { return m_explanation; }
    QLabel *statusLine() const { return m_status; }
    QToolBar *toolBar() const { return m_toolBar; }
    const QString &databasePath() const { return m_path; }

signals:
    /// A render for the current document and subscriber arrived (before the HTML loads).
    void rendered(const mw::ui::PreviewRender &render, quint64 requestId);
    /// The preview's web view finished loading the HTML of that render.
    void previewUpdated(quint64 requestId);
    void campaignSaved(qint64 campaignId);

private:
    void setDocument(const QJsonObject &json, qint64 campaignId, const QString &name);
    void connectDocument();
    void requestRender();
    void onDocumentChanged();
    void setStatus(const QString &text, bool error = false);
    void showHistory();
    void openCompare();
    void openSegmentOverview();

    PreviewRendererFactory m_factory;
    std::unique_ptr<Database> m_db;
    QString m_path;
    qint64 m_campaignId = 0;
    QString m_campaignName;
    quint64 m_savedRevision = 0;
    CampaignDraft *m_doc = nullptr;
    BlockListModel *m_model = nullptr;
    QToolBar *m_toolBar;
    QListView *m_blocks;
    BlockPalette *m_palette;
    BlockInspector *m_inspector = nullptr;
    PreviewView *m_preview;
    SubscriberPicker *m_picker;
    RenderExplanationPanel *m_explanation;
    PreviewScheduler *m_scheduler;
    QLabel *m_status;
    QLabel *m_liquidStatus;
    QTimer *m_autosave;
    QWidget *m_inspectorHost;
    QString m_selectedId;
    quint64 m_shownRequest = 0;
    QUndoGroup *m_undoGroup;
};

} // namespace mw::ui
