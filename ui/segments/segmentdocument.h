#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

class QUndoStack;

namespace mw::ui {

/// The segment being edited: its definition, name and documentation, with one undo stack.
///
/// Every edit goes through a QUndoCommand (SegmentEditCommand). Conditions are addressed by
/// their path of indices into nested "conditions" arrays ([] is the root group).
class SegmentDocument : public QObject {
    Q_OBJECT
public:
    using Path = QList<int>;

    explicit SegmentDocument(QObject *parent = nullptr);

    QJsonObject definition() const;
    QString name() const;
    QString documentation(const QString &key) const; // purpose, inclusion_notes, ...
    QJsonObject node(const Path &path) const;
    QUndoStack *undoStack() const { return m_undo; }

    /// Replaces everything (loading a saved segment or starting a new one); clears undo.
    void reset(const QString &name, const QJsonObject &definition,
               const QJsonObject &documentation);

    /// quiet: the edit came from a value editor that already shows it, so views need not be
    /// rebuilt (typing keeps focus); consecutive quiet edits of one mergeKey merge.
    void replaceNode(const Path &path, const QJsonObject &node, const QString &text,
                     bool quiet = false, const QString &mergeKey = {});
    void insertNode(const Path &groupPath, int index, const QJsonObject &node, const QString &text);
    void removeNode(const Path &path);
    void moveNode(const Path &path, int delta);
    void setName(const QString &name);
    void setDocumentation(const QString &key, const QString &value);

    /// Applied by SegmentEditCommand.
    void restore(const QJsonObject &state, bool structural);
    QJsonObject state() const { return m_state; }

signals:
    /// structural: the conditions' shape or kinds changed, views should rebuild.
    void changed(bool structural);

private:
    void push(const QJsonObject &after, const QString &text, bool quiet, const QString &mergeKey);

    QJsonObject m_state; // {"name", "definition", "documentation"}
    QUndoStack *m_undo;
};

} // namespace mw::ui
