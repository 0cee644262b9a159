#include "campaignundocommands.h"

#include "campaigndraft.h"

#include <QCoreApplication>

namespace mw::ui {

// All undo texts share one translation context, "Undo Commands" (STYLE.md example 6).

ChangeValueCommand::ChangeValueCommand(CampaignDraft *doc, QStringList path, QJsonValue newValue,
                                       bool mergeable, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_path(std::move(path)), m_old(doc->value(m_path)),
      m_new(std::move(newValue)), m_mergeable(mergeable)
{
    setText(QCoreApplication::translate("Undo Commands", "Change %1")
                .arg(m_path.isEmpty() ? QString() : m_path.last()));
}

void ChangeValueCommand::undo()
{
    m_doc->applyValue(m_path, m_old);
}

void ChangeValueCommand::redo()
{
    m_doc->applyValue(m_path, m_new);
}

bool ChangeValueCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeValueCommand *>(other);
    if (o->m_doc != m_doc || o->m_path != m_path || !m_mergeable || !o->m_mergeable)
        return false;
    m_new = o->m_new;
    setObsolete(m_new == m_old); // typing back to where we started: no undo step
    return true;
}

InsertBlockCommand::InsertBlockCommand(CampaignDraft *doc, int index, QJsonObject block,
                                       QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_index(index), m_block(std::move(block))
{
    setText(QCoreApplication::translate("Undo Commands", "Add Block"));
}

void InsertBlockCommand::undo()
{
    m_doc->applyRemoveBlock(m_index);
}

void InsertBlockCommand::redo()
{
    m_doc->applyInsertBlock(m_index, m_block);
}

RemoveBlockCommand::RemoveBlockCommand(CampaignDraft *doc, int index, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_index(index), m_block(doc->block(index))
{
    setText(QCoreApplication::translate("Undo Commands", "Delete Block"));
}

void RemoveBlockCommand::undo()
{
    m_doc->applyInsertBlock(m_index, m_block);
}

void RemoveBlockCommand::redo()
{
    m_doc->applyRemoveBlock(m_index);
}

MoveBlockCommand::MoveBlockCommand(CampaignDraft *doc, int from, int to, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_from(from), m_to(to)
{
    setText(QCoreApplication::translate("Undo Commands", "Move Block"));
}

void MoveBlockCommand::undo()
{
    m_doc->applyMoveBlock(m_to, m_from);
}

void MoveBlockCommand::redo()
{
    m_doc->applyMoveBlock(m_from, m_to);
}

ReplaceDocumentCommand::ReplaceDocumentCommand(CampaignDraft *doc, QJsonObject json,
                                               const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_doc(doc), m_old(doc->json()), m_new(std::move(json))
{
}

void ReplaceDocumentCommand::undo()
{
    m_doc->applyReplace(m_old);
}

void ReplaceDocumentCommand::redo()
{
    m_doc->applyReplace(m_new);
}

} // namespace mw::ui
