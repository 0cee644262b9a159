#include "campaigndraft.h"

#include "campaignundocommands.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QUndoStack>

namespace mw::ui {

namespace {

QJsonValue valueAt(const QJsonValue &root, const QStringList &path, qsizetype depth)
{
    if (depth == path.size())
        return root;
    const QString &key = path.at(depth);
    if (root.isArray()) {
        bool ok = false;
        const int i = key.toInt(&ok);
        const QJsonArray a = root.toArray();
        if (!ok || i < 0 || i >= a.size())
            return QJsonValue(QJsonValue::Undefined);
        return valueAt(a.at(i), path, depth + 1);
    }
    if (root.isObject())
        return valueAt(root.toObject().value(key), path, depth + 1);
    return QJsonValue(QJsonValue::Undefined);
}

// Returns root with the value at path replaced; missing objects on the way are created.
QJsonValue withValue(const QJsonValue &root, const QStringList &path, qsizetype depth,
                     const QJsonValue &value)
{
    if (depth == path.size())
        return value;
    const QString &key = path.at(depth);
    if (root.isArray()) {
        QJsonArray a = root.toArray();
        bool ok = false;
        const int i = key.toInt(&ok);
        if (!ok || i < 0 || i > a.size())
            return root;
        if (i == a.size())
            a.append(withValue(QJsonValue(), path, depth + 1, value));
        else
            a[i] = withValue(a.at(i), path, depth + 1, value);
        return a;
    }
    QJsonObject o = root.toObject();
    if (value.isUndefined() && depth + 1 == path.size())
        o.remove(key);
    else
        o.insert(key, withValue(o.value(key), path, depth + 1, value));
    return o;
}

} // namespace

CampaignDraft::CampaignDraft(const QJsonObject &json, QObject *parent)
    : QObject(parent), m_json(json), m_undoStack(new QUndoStack(this))
{
}

QJsonValue CampaignDraft::value(const QStringList &path) const
{
    return valueAt(m_json, path, 0);
}

int CampaignDraft::blockCount() const
{
    return static_cast<int>(m_json.value(QLatin1String("blocks")).toArray().size());
}

QJsonObject CampaignDraft::block(int index) const
{
    return m_json.value(QLatin1String("blocks")).toArray().at(index).toObject();
}

QStringList CampaignDraft::blockPath(int index, const QStringList &rest)
{
    return QStringList{QStringLiteral("blocks"), QString::number(index)} + rest;
}

void CampaignDraft::pushValue(const QStringList &path, const QJsonValue &value, bool mergeable)
{
    if (this->value(path) == value)
        return;
    m_undoStack->push(new ChangeValueCommand(this, path, value, mergeable));
}

void CampaignDraft::pushInsertBlock(int index, QJsonObject block)
{
    const QString id = block.value(QLatin1String("id")).toString();
    bool clash = id.isEmpty();
    for (int i = 0; !clash && i < blockCount(); ++i)
        clash = this->block(i).value(QLatin1String("id")).toString() == id;
    if (clash)
        block.insert(QStringLiteral("id"), newBlockId());
    m_undoStack->push(new InsertBlockCommand(this, qBound(0, index, blockCount()), block));
}

void CampaignDraft::pushRemoveBlock(int index)
{
    if (index >= 0 && index < blockCount())
        m_undoStack->push(new RemoveBlockCommand(this, index));
}

void CampaignDraft::pushMoveBlock(int from, int to)
{
    if (from < 0 || from >= blockCount() || to < 0 || to >= blockCount() || from == to)
        return;
    m_undoStack->push(new MoveBlockCommand(this, from, to));
}

void CampaignDraft::pushDuplicateBlock(int index)
{
    if (index < 0 || index >= blockCount())
        return;
    QJsonObject copy = block(index);
    copy.insert(QStringLiteral("id"), newBlockId());
    auto *cmd = new InsertBlockCommand(this, index + 1, copy);
    cmd->setText(QCoreApplication::translate("Undo Commands", "Duplicate Block"));
    m_undoStack->push(cmd);
}

void CampaignDraft::pushReplace(const QJsonObject &json, const QString &text)
{
    if (json != m_json)
        m_undoStack->push(new ReplaceDocumentCommand(this, json, text));
}

void CampaignDraft::applyValue(const QStringList &path, const QJsonValue &value)
{
    m_json = withValue(m_json, path, 0, value).toObject();
    emitChange({ChangeKind::Value, path, -1, -1});
}

void CampaignDraft::applyInsertBlock(int index, const QJsonObject &block)
{
    QJsonArray blocks = m_json.value(QLatin1String("blocks")).toArray();
    blocks.insert(index, block);
    m_json.insert(QStringLiteral("blocks"), blocks);
    emitChange({ChangeKind::BlockInserted, {}, -1, index});
}

QJsonObject CampaignDraft::applyRemoveBlock(int index)
{
    QJsonArray blocks = m_json.value(QLatin1String("blocks")).toArray();
    const QJsonObject removed = blocks.at(index).toObject();
    blocks.removeAt(index);
    m_json.insert(QStringLiteral("blocks"), blocks);
    emitChange({ChangeKind::BlockRemoved, {}, index, -1});
    return removed;
}

void CampaignDraft::applyMoveBlock(int from, int to)
{
    QJsonArray blocks = m_json.value(QLatin1String("blocks")).toArray();
    const QJsonValue moved = blocks.at(from);
    blocks.removeAt(from);
    blocks.insert(to, moved);
    m_json.insert(QStringLiteral("blocks"), blocks);
    emitChange({ChangeKind::BlockMoved, {}, from, to});
}

void CampaignDraft::applyReplace(const QJsonObject &json)
{
    m_json = json;
    emitChange({ChangeKind::Reset, {}, -1, -1});
}

QString CampaignDraft::newBlockId() const
{
    QSet<QString> used;
    for (int i = 0; i < blockCount(); ++i)
        used.insert(block(i).value(QLatin1String("id")).toString());
    for (int n = blockCount() + 1;; ++n) {
        const QString id = QStringLiteral("b%1").arg(n);
        if (!used.contains(id))
            return id;
    }
}

void CampaignDraft::emitChange(Change change)
{
    ++m_revision;
    emit changed(change);
}

} // namespace mw::ui
