#include "segmentdocument.h"

#include "segmenteditcommand.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUndoStack>

#include <functional>

namespace mw::ui {

namespace {

using Path = SegmentDocument::Path;

QJsonObject updateAt(const QJsonObject &root, const Path &path,
                     const std::function<QJsonObject(QJsonObject)> &f)
{
    if (path.isEmpty())
        return f(root);
    QJsonArray conds = root.value(QLatin1String("conditions")).toArray();
    const int i = path.first();
    if (i < 0 || i >= conds.size())
        return root;
    conds[i] = updateAt(conds[i].toObject(), path.mid(1), f);
    QJsonObject out = root;
    out[QStringLiteral("conditions")] = conds;
    return out;
}

// Undo texts share one translation context (STYLE.md, example 6).
QString undoText(const char *text)
{
    return QCoreApplication::translate("SegmentEdits", text);
}

} // namespace

SegmentDocument::SegmentDocument(QObject *parent) : QObject(parent), m_undo(new QUndoStack(this))
{
    reset(QString(),
          QJsonObject{{QStringLiteral("match"), QStringLiteral("all")},
                      {QStringLiteral("conditions"), QJsonArray()}},
          QJsonObject());
}

QJsonObject SegmentDocument::definition() const
{
    return m_state.value(QLatin1String("definition")).toObject();
}

QString SegmentDocument::name() const
{
    return m_state.value(QLatin1String("name")).toString();
}

QString SegmentDocument::documentation(const QString &key) const
{
    return m_state.value(QLatin1String("documentation")).toObject().value(key).toString();
}

QJsonObject SegmentDocument::node(const Path &path) const
{
    QJsonObject n = definition();
    for (int i : path)
        n = n.value(QLatin1String("conditions")).toArray().at(i).toObject();
    return n;
}

void SegmentDocument::reset(const QString &name, const QJsonObject &definition,
                            const QJsonObject &documentation)
{
    m_undo->clear();
    m_state = QJsonObject{{QStringLiteral("name"), name},
                          {QStringLiteral("definition"), definition},
                          {QStringLiteral("documentation"), documentation}};
    m_undo->setClean();
    emit changed(true);
}

void SegmentDocument::push(const QJsonObject &after, const QString &text, bool quiet,
                           const QString &mergeKey)
{
    if (after == m_state)
        return;
    m_undo->push(new SegmentEditCommand(this, m_state, after, text, quiet, mergeKey));
}

void SegmentDocument::restore(const QJsonObject &state, bool structural)
{
    m_state = state;
    emit changed(structural);
}

void SegmentDocument::replaceNode(const Path &path, const QJsonObject &node, const QString &text,
                                  bool quiet, const QString &mergeKey)
{
    QJsonObject s = m_state;
    s[QStringLiteral("definition")] =
        updateAt(definition(), path, [&](const QJsonObject &) { return node; });
    QString key;
    if (quiet && !mergeKey.isEmpty()) {
        QStringList parts;
        for (int i : path)
            parts << QString::number(i);
        key = parts.join(QLatin1Char('/')) + QLatin1Char(':') + mergeKey;
    }
    push(s, text, quiet, key);
}

void SegmentDocument::insertNode(const Path &groupPath, int index, const QJsonObject &node,
                                 const QString &text)
{
    QJsonObject s = m_state;
    s[QStringLiteral("definition")] = updateAt(definition(), groupPath, [&](QJsonObject g) {
        QJsonArray conds = g.value(QLatin1String("conditions")).toArray();
        conds.insert(std::clamp<qsizetype>(index, 0, conds.size()), node);
        g[QStringLiteral("conditions")] = conds;
        if (!g.contains(QLatin1String("match")))
            g[QStringLiteral("match")] = QStringLiteral("all");
        return g;
    });
    push(s, text, false, {});
}

void SegmentDocument::removeNode(const Path &path)
{
    if (path.isEmpty())
        return;
    QJsonObject s = m_state;
    const int index = path.last();
    s[QStringLiteral("definition")] =
        updateAt(definition(), path.mid(0, path.size() - 1), [&](QJsonObject g) {
            QJsonArray conds = g.value(QLatin1String("conditions")).toArray();
            if (index >= 0 && index < conds.size())
                conds.removeAt(index);
            g[QStringLiteral("conditions")] = conds;
            return g;
        });
    push(s, undoText("Remove condition"), false, {});
}

void SegmentDocument::moveNode(const Path &path, int delta)
{
    if (path.isEmpty())
        return;
    QJsonObject s = m_state;
    const int index = path.last();
    s[QStringLiteral("definition")] =
        updateAt(definition(), path.mid(0, path.size() - 1), [&](QJsonObject g) {
            QJsonArray conds = g.value(QLatin1String("conditions")).toArray();
            const int to = index + delta;
            if (index >= 0 && index < conds.size() && to >= 0 && to < conds.size()) {
                const QJsonValue v = conds.at(index);
                conds.removeAt(index);
                conds.insert(to, v);
            }
            g[QStringLiteral("conditions")] = conds;
            return g;
        });
    push(s, delta < 0 ? undoText("Move condition up") : undoText("Move condition down"), false, {});
}

void SegmentDocument::setName(const QString &name)
{
    QJsonObject s = m_state;
    s[QStringLiteral("name")] = name;
    push(s, undoText("Rename segment"), true, QStringLiteral("name"));
}

void SegmentDocument::setDocumentation(const QString &key, const QString &value)
{
    QJsonObject s = m_state;
    QJsonObject d = s.value(QLatin1String("documentation")).toObject();
    d[key] = value;
    s[QStringLiteral("documentation")] = d;
    push(s, undoText("Edit documentation"), true, QStringLiteral("doc:") + key);
}

} // namespace mw::ui
