#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QUndoCommand>

namespace mw::ui {

class CampaignDraft;

/// Merge ids for QUndoCommand::id(): one per kind of mergeable edit (STYLE.md example 4).
enum class UndoCommandId { ChangeValue = 1 };

/// Sets one value in the document. Consecutive changes to the same path merge into one
/// undo step (typing), and a change that ends where it started disappears.
class ChangeValueCommand : public QUndoCommand {
public:
    /// mergeable: consecutive mergeable changes of the same path are one step (typing).
    ChangeValueCommand(CampaignDraft *doc, QStringList path, QJsonValue newValue,
                       bool mergeable = true, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override { return static_cast<int>(UndoCommandId::ChangeValue); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    CampaignDraft *m_doc;
    QStringList m_path;
    QJsonValue m_old;
    QJsonValue m_new;
    bool m_mergeable;
};

/// Inserts a block at an index.
class InsertBlockCommand : public QUndoCommand {
public:
    InsertBlockCommand(CampaignDraft *doc, int index, QJsonObject block,
                       QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    CampaignDraft *m_doc;
    int m_index;
    QJsonObject m_block;
};

/// Removes the block at an index.
class RemoveBlockCommand : public QUndoCommand {
public:
    RemoveBlockCommand(CampaignDraft *doc, int index, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    CampaignDraft *m_doc;
    int m_index;
    QJsonObject m_block;
};

/// Moves a block from one index to another (the index it ends up at).
class MoveBlockCommand : public QUndoCommand {
public:
    MoveBlockCommand(CampaignDraft *doc, int from, int to, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    CampaignDraft *m_doc;
    int m_from;
    int m_to;
};

/// Replaces the whole document (restoring a version from the history).
class ReplaceDocumentCommand : public QUndoCommand {
public:
    ReplaceDocumentCommand(CampaignDraft *doc, QJsonObject json, const QString &text,
                           QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    CampaignDraft *m_doc;
    QJsonObject m_old;
    QJsonObject m_new;
};

} // namespace mw::ui
