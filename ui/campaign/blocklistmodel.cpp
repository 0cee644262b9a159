#include "blocklistmodel.h"

#include "blocklabels.h"

#include "campaigndraft.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QRegularExpression>

namespace mw::ui {

const QString BlockListModel::RowMimeType = QStringLiteral("application/x-mailwright-block-row");
const QString BlockListModel::BlockMimeType = QStringLiteral("application/x-mailwright-block");

BlockListModel::BlockListModel(CampaignDraft *document, QObject *parent)
    : QAbstractListModel(parent), m_doc(document)
{
    connect(m_doc, &CampaignDraft::changed, this, [this](const CampaignDraft::Change &c) {
        using K = CampaignDraft::ChangeKind;
        switch (c.kind) {
        case K::BlockInserted:
            // The document already holds the row; tell the views afterwards.
            beginInsertRows({}, c.to, c.to);
            endInsertRows();
            break;
        case K::BlockRemoved:
            beginRemoveRows({}, c.from, c.from);
            endRemoveRows();
            break;
        case K::BlockMoved:
            beginMoveRows({}, c.from, c.from, {}, c.to > c.from ? c.to + 1 : c.to);
            endMoveRows();
            break;
        case K::Value:
            if (c.path.size() >= 2 && c.path.first() == QLatin1String("blocks")) {
                const QModelIndex i = index(c.path.at(1).toInt());
                emit dataChanged(i, i);
            }
            break;
        case K::Reset:
            beginResetModel();
            endResetModel();
            break;
        }
    });
}

int BlockListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_doc->blockCount();
}

QString BlockListModel::summary(const QJsonObject &block)
{
    static const QRegularExpression markup(QStringLiteral("<[^>]*>|\\{%.*?%\\}"));
    const QJsonObject fields = block.value(QLatin1String("content")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!it.value().isString())
            continue;
        QString s = it.value().toString();
        s.remove(markup);
        s = s.simplified();
        if (!s.isEmpty() && !it.key().endsWith(QLatin1String("url")))
            return s.size() > 60 ? s.left(57) + QStringLiteral("…") : s;
    }
    return {};
}

QVariant BlockListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_doc->blockCount())
        return {};
    const QJsonObject b = m_doc->block(index.row());
    const QString type = b.value(QLatin1String("type")).toString();
    const int variants = static_cast<int>(b.value(QLatin1String("variants")).toArray().size());
    switch (role) {
    case Qt::DisplayRole: {
        QString line = BlockLabels::typeName(type);
        if (variants > 0)
            line += tr("  (%n variant(s))", nullptr, variants);
        const QString s = summary(b);
        return s.isEmpty() ? line : line + QLatin1Char('\n') + s;
    }
    case Qt::ToolTipRole:
        return tr("%1 block \"%2\"")
            .arg(BlockLabels::typeName(type), b.value(QLatin1String("id")).toString());
    case BlockIdRole:
        return b.value(QLatin1String("id")).toString();
    case BlockTypeRole:
        return type;
    default:
        return {};
    }
}

Qt::ItemFlags BlockListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // drops land between rows
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

Qt::DropActions BlockListModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions BlockListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList BlockListModel::mimeTypes() const
{
    return {RowMimeType, BlockMimeType};
}

QMimeData *BlockListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(RowMimeType, QByteArray::number(indexes.first().row()));
    return data;
}

bool BlockListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                     int column, const QModelIndex &parent) const
{
    Q_UNUSED(action)
    Q_UNUSED(row)
    Q_UNUSED(column)
    Q_UNUSED(parent)
    return data && (data->hasFormat(RowMimeType) || data->hasFormat(BlockMimeType));
}

bool BlockListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                  const QModelIndex &parent)
{
    Q_UNUSED(column)
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    if (row < 0)
        row = parent.isValid() ? parent.row() : rowCount();
    if (data->hasFormat(RowMimeType)) {
        bool ok = false;
        const int from = data->data(RowMimeType).toInt(&ok);
        if (!ok)
            return false;
        return moveRows({}, from, 1, {}, row);
    }
    const QJsonObject block = QJsonDocument::fromJson(data->data(BlockMimeType)).object();
    if (block.isEmpty())
        return false;
    m_doc->pushInsertBlock(row, block);
    return true;
}

bool BlockListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                              const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1)
        return false;
    // destinationChild is "insert before this row" in the old order.
    const int to = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    if (to == sourceRow)
        return false;
    m_doc->pushMoveBlock(sourceRow, qBound(0, to, rowCount() - 1));
    return true;
}

} // namespace mw::ui
