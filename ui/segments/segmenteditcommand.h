#pragma once

#include <QJsonObject>
#include <QUndoCommand>

namespace mw::ui {

class SegmentDocument;

/// One undoable edit of a SegmentDocument, stored as the state before and after.
/// Consecutive edits with the same merge key (typing in one field) merge into one step;
/// an edit that ends where it started disappears from the stack.
class SegmentEditCommand : public QUndoCommand {
public:
    SegmentEditCommand(SegmentDocument *document, QJsonObject before, QJsonObject after,
                       const QString &text, bool quiet, QString mergeKey);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    SegmentDocument *m_document;
    QJsonObject m_before;
    QJsonObject m_after;
    bool m_quiet;       // only for the first redo (the editor already shows the value)
    QString m_mergeKey; // empty: never merges
};

} // namespace mw::ui
