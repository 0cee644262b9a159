#include "segmenteditcommand.h"

#include "segmentdocument.h"

namespace mw::ui {

namespace {
constexpr int kSegmentEditId = 0x5E6; // one id for all segment edits; keys tell them apart
}

SegmentEditCommand::SegmentEditCommand(SegmentDocument *document, QJsonObject before,
                                       QJsonObject after, const QString &text, bool quiet,
                                       QString mergeKey)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)),
      m_after(std::move(after)), m_quiet(quiet), m_mergeKey(std::move(mergeKey))
{
}

void SegmentEditCommand::undo()
{
    m_document->restore(m_before, true);
}

void SegmentEditCommand::redo()
{
    m_document->restore(m_after, !m_quiet);
    m_quiet = false;
}

int SegmentEditCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : kSegmentEditId;
}

bool SegmentEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SegmentEditCommand *>(other);
    if (o->m_mergeKey != m_mergeKey)
        return false;
    m_after = o->m_after;
    setObsolete(m_after == m_before);
    return true;
}

} // namespace mw::ui
