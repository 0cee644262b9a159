#pragma once

#include <QAbstractListModel>

namespace mw::ui {

class CampaignDraft;

/// The campaign's blocks as a list for the editor's left pane. Reordering by drag and
/// drop, and dropping new blocks from the palette, push undo commands on the document
/// (STYLE.md example 5): the model never edits the JSON itself.
class BlockListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { BlockIdRole = Qt::UserRole + 1, BlockTypeRole };
    static const QString RowMimeType;   // a row of this list being dragged
    static const QString BlockMimeType; // a block's JSON (from the palette or library)

    explicit BlockListModel(CampaignDraft *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    /// A one-line summary of a block: its first non-empty text field, tags stripped.
    static QString summary(const QJsonObject &block);

private:
    CampaignDraft *m_doc;
};

} // namespace mw::ui
