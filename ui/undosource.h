#pragma once

class QUndoStack;

namespace mw::ui {

/// A widget that edits something undoable (the segment builder, the campaign editor). The
/// main window's Edit ▸ Undo / Redo act on the stack of the visible UndoSource on the
/// current page, so the menu and the page's own buttons and keys do the same thing.
class UndoSource {
public:
    virtual ~UndoSource() = default;
    /// The stack Undo/Redo act on now, or nullptr when nothing is open.
    virtual QUndoStack *currentUndoStack() const = 0;

protected:
    UndoSource() = default;
    UndoSource(const UndoSource &) = default;
    UndoSource &operator=(const UndoSource &) = default;
};

} // namespace mw::ui
