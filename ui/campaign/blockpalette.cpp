#include "blockpalette.h"

#include "blocklabels.h"

#include "asyncdatabase.h"
#include "blocklistmodel.h"

#include "content/blockfields.h"
#include "content/blocklibrary.h"
#include "content/blocktype.h"

#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>

namespace mw::ui {

namespace {

constexpr int BlockRole = Qt::UserRole + 1;
constexpr int LibraryContentRole = Qt::UserRole + 2;

QJsonObject content(std::initializer_list<std::pair<const char *, const char *>> fields)
{
    QJsonObject f;
    for (const auto &[k, v] : fields)
        f.insert(QLatin1String(k), QString::fromUtf8(v));
    return f;
}

} // namespace

BlockPalette::BlockPalette(QWidget *parent) : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    m_types = new QTreeWidgetItem(this, {tr("Block types")});
    m_library = new QTreeWidgetItem(this, {tr("Saved blocks")});
    for (QTreeWidgetItem *top : {m_types, m_library}) {
        top->setFlags(Qt::ItemIsEnabled);
        QFont f = top->font(0);
        f.setBold(true);
        top->setFont(0, f);
    }
    for (const QJsonObject &b : blockTypes()) {
        auto *item = new QTreeWidgetItem(
            m_types, {BlockLabels::typeName(b.value(QLatin1String("type")).toString())});
        item->setData(0, BlockRole, b);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        item->setToolTip(0, tr("Double-click or drag onto the block list to add"));
    }
    expandAll();
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QJsonObject b = item->data(0, BlockRole).toJsonObject();
        if (!b.isEmpty())
            emit blockActivated(b);
    });
}

QList<QJsonObject> BlockPalette::blockTypes()
{
    // Starter text so a new block renders (and validates) at once; every other field
    // comes from the block type's defaults.
    static const QHash<QString, QJsonObject> starters = {
        {QStringLiteral("header"),
         content({{"logo_url", "https://example.com/logo.png"}, {"logo_alt", "Logo"}})},
        {QStringLiteral("hero"),
         content({{"headline", "Hello {{ subscriber.first_name | default: \"there\" }}"},
                  {"subheadline", "Something new for you this week."},
                  {"cta_label", "Shop now"},
                  {"cta_url", "https://example.com/"}})},
        {QStringLiteral("text"), content({{"text", "Write your message here."}})},
        {QStringLiteral("image"),
         content({{"image_url", "https://example.com/image.png"}, {"alt", "Image"}})},
        {QStringLiteral("button"),
         content({{"label", "Shop now"}, {"url", "https://example.com/"}})},
        {QStringLiteral("products"), content({{"title", "Picked for you"}})},
        {QStringLiteral("offer"),
         content({{"title", "10 % off your next order"}, {"code", "WELCOME10"}})},
        {QStringLiteral("testimonial"),
         content({{"quote", "Great service!"}, {"author", "A happy customer"}})},
        {QStringLiteral("articles"), content({{"title", "From the blog"}})},
        {QStringLiteral("footer"),
         content({{"company", "Example Ltd"}, {"postal_address", "1 Main Street, Springfield"}})},
    };
    QList<QJsonObject> out;
    for (BlockType type : allBlockTypes()) {
        const QString name = blockTypeName(type);
        QJsonObject c = withDefaults(type, starters.value(name));
        if (type == BlockType::Articles) {
            c.insert(QStringLiteral("items"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("title"), QStringLiteral("Our first article")},
                         {QStringLiteral("url"), QStringLiteral("https://example.com/blog")}}});
        }
        out.append(QJsonObject{{QStringLiteral("type"), name}, {QStringLiteral("content"), c}});
    }
    return out;
}

void BlockPalette::setDatabase(const QString &path)
{
    qDeleteAll(m_library->takeChildren());
    runWithDatabase<QList<QJsonObject>>(
        this, path,
        [](Database &db) -> Result<QList<QJsonObject>> {
            auto blocks = BlockLibrary(db).list();
            if (!blocks)
                return blocks.error();
            // A campaign refers to a library block by name; its content stays in the
            // library (CampaignStore resolves it) until the marketer detaches it.
            QList<QJsonObject> out;
            for (const LibraryBlock &b : *blocks) {
                out.append(QJsonObject{{QStringLiteral("type"), blockTypeName(b.block.type)},
                                       {QStringLiteral("library"), b.name},
                                       {QStringLiteral("status"), b.status},
                                       {QStringLiteral("library_content"), b.block.content}});
            }
            return out;
        },
        [this](const Result<QList<QJsonObject>> &r) {
            if (!r)
                return;
            for (const QJsonObject &b : *r) {
                auto *item = new QTreeWidgetItem(
                    m_library, {tr("%1 (%2)").arg(b.value(QLatin1String("library")).toString(),
                                                  BlockLabels::typeName(
                                                      b.value(QLatin1String("type")).toString()))});
                QJsonObject ref = b;
                ref.remove(QStringLiteral("status"));
                ref.remove(QStringLiteral("library_content"));
                item->setData(0, BlockRole, ref);
                item->setData(0, LibraryContentRole, b.value(QLatin1String("library_content")));
                item->setToolTip(0, tr("Library block, status %1")
                                        .arg(b.value(QLatin1String("status")).toString()));
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
            }
            m_library->setExpanded(true);
            emit libraryLoaded(static_cast<int>(r->size()));
        });
}

QList<QJsonObject> BlockPalette::libraryBlocks() const
{
    QList<QJsonObject> out;
    for (int i = 0; i < m_library->childCount(); ++i)
        out.append(m_library->child(i)->data(0, BlockRole).toJsonObject());
    return out;
}

QJsonObject BlockPalette::libraryContent(const QString &name) const
{
    for (int i = 0; i < m_library->childCount(); ++i) {
        const QTreeWidgetItem *item = m_library->child(i);
        if (item->data(0, BlockRole).toJsonObject().value(QLatin1String("library")).toString() ==
            name)
            return item->data(0, LibraryContentRole).toJsonObject();
    }
    return {};
}

QStringList BlockPalette::mimeTypes() const
{
    return {BlockListModel::BlockMimeType};
}

QMimeData *BlockPalette::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    const QJsonObject b = items.first()->data(0, BlockRole).toJsonObject();
    if (b.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(BlockListModel::BlockMimeType, QJsonDocument(b).toJson(QJsonDocument::Compact));
    return data;
}

} // namespace mw::ui
