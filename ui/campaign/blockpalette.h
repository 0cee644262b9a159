#pragma once

#include <QJsonObject>
#include <QList>
#include <QTreeWidget>

namespace mw::ui {

/// The blocks a campaign can add: the built-in block types and the saved block library
/// (table `blocks`). Drag an entry onto the block list, or double-click it.
class BlockPalette : public QTreeWidget {
    Q_OBJECT
public:
    explicit BlockPalette(QWidget *parent = nullptr);

    /// Loads the saved block library on a worker thread.
    void setDatabase(const QString &path);

    /// Starter blocks per type, with the fields each type renders.
    static QList<QJsonObject> blockTypes();
    QList<QJsonObject> libraryBlocks() const;
    /// The content of a library block (for "Detach from library").
    QJsonObject libraryContent(const QString &name) const;

signals:
    void blockActivated(const QJsonObject &block);
    void libraryLoaded(int count);

protected:
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;

private:
    QTreeWidgetItem *m_types;
    QTreeWidgetItem *m_library;
};

} // namespace mw::ui
