#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QStringList>

class QUndoStack;

namespace mw::ui {

/// A campaign's JSON document being edited, with one undo stack (STYLE.md example 3).
/// (Not mw::CampaignDocument, core's validated and typed form of the same JSON: a draft
/// may be invalid while the marketer types.)
///
/// Paths address values inside the document: {"blocks", "2", "fields", "headline"}; array
/// elements are addressed by their decimal index. Views never change the JSON directly:
/// the push*() helpers create undo commands, and the commands call the apply*() methods,
/// which emit changed() with a typed description of what moved.
class CampaignDraft : public QObject {
    Q_OBJECT
public:
    enum class ChangeKind { Value, BlockInserted, BlockRemoved, BlockMoved, Reset };
    struct Change {
        ChangeKind kind = ChangeKind::Reset;
        QStringList path; // Value: the changed value
        int from = -1;    // BlockRemoved/BlockMoved: old index; BlockInserted: -1
        int to = -1;      // BlockInserted/BlockMoved: new index
    };

    explicit CampaignDraft(const QJsonObject &json = {}, QObject *parent = nullptr);

    const QJsonObject &json() const { return m_json; }
    QUndoStack *undoStack() const { return m_undoStack; }
    /// Monotonic counter of applied changes (undo/redo included), for change detection.
    quint64 revision() const { return m_revision; }

    QJsonValue value(const QStringList &path) const;
    int blockCount() const;
    QJsonObject block(int index) const;
    static QStringList blockPath(int index, const QStringList &rest = {});

    // Edits that go through the undo stack.
    /// Typing merges: consecutive changes of one path are one undo step unless a change
    /// is a step of its own (mergeable = false: a choice made, not text typed).
    void pushValue(const QStringList &path, const QJsonValue &value, bool mergeable = true);
    void pushInsertBlock(int index, QJsonObject block);
    void pushRemoveBlock(int index);
    void pushMoveBlock(int from, int to);
    void pushDuplicateBlock(int index);
    void pushReplace(const QJsonObject &json, const QString &text);

    // Called by undo commands only.
    void applyValue(const QStringList &path, const QJsonValue &value);
    void applyInsertBlock(int index, const QJsonObject &block);
    QJsonObject applyRemoveBlock(int index);
    void applyMoveBlock(int from, int to);
    void applyReplace(const QJsonObject &json);

    /// A block id not yet used in this document ("b7").
    QString newBlockId() const;

signals:
    void changed(const mw::ui::CampaignDraft::Change &change);

private:
    void emitChange(Change change);

    QJsonObject m_json;
    QUndoStack *m_undoStack = nullptr;
    quint64 m_revision = 0;
};

} // namespace mw::ui
