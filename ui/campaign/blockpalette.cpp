#include "blockpalette.h"

#include "asyncdatabase.h"
#include "blocklistmodel.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>

namespace mw::ui {

namespace {

constexpr int BlockRole = Qt::UserRole + 1;

QJsonObject block(const QString &type,
                  std::initializer_list<std::pair<const char *, const char *>> fields)
{
    QJsonObject f;
    for (const auto &[k, v] : fields)
        f.insert(QLatin1String(k), QString::fromUtf8(v));
    return QJsonObject{{QStringLiteral("type"), type},
                       {QStringLiteral("content"), f},
                       {QStringLiteral("variants"), QJsonArray()}};
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
        auto *item = new QTreeWidgetItem(m_types, {b.value(QLatin1String("type")).toString()});
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
    return {
        block(
            QStringLiteral("header"),
            {{"logo_url", "https://example.com/logo.png"}, {"logo_alt", "Logo"}, {"tagline", ""}}),
        block(QStringLiteral("hero"),
              {{"headline", "Hello {{ subscriber.first_name | default: \"there\" }}"},
               {"subheadline", "Something new for you this week."},
               {"image_url", ""},
               {"image_alt", ""},
               {"cta_label", "Shop now"},
               {"cta_url", "https://example.com/"}}),
        block(QStringLiteral("text"), {{"text", "Write your message here."}}),
        block(QStringLiteral("button"), {{"label", "Shop now"}, {"url", "https://example.com/"}}),
        block(QStringLiteral("image"),
              {{"image_url", "https://example.com/image.png"}, {"alt", "Image"}, {"link_url", ""}}),
        block(QStringLiteral("products"), {{"title", "Picked for you"}}),
        block(QStringLiteral("offer"),
              {{"title", "10 % off your next order"}, {"code", "WELCOME10"}, {"description", ""}}),
        block(QStringLiteral("testimonial"), {{"quote", "Great service!"}, {"author", ""}}),
        block(QStringLiteral("divider"), {}),
        block(QStringLiteral("spacer"), {}),
        block(QStringLiteral("footer"),
              {{"company", "Example Ltd"}, {"postal_address", "1 Main Street, Springfield"}}),
    };
}

void BlockPalette::setDatabase(const QString &path)
{
    qDeleteAll(m_library->takeChildren());
    runWithDatabase<QList<QJsonObject>>(
        this, path,
        [](Database &db) -> Result<QList<QJsonObject>> {
            auto st = db.prepare("SELECT name, type, document FROM blocks ORDER BY name");
            if (!st)
                return st.error();
            QList<QJsonObject> out;
            while (st->step()) {
                QJsonObject b = QJsonDocument::fromJson(st->text(2).toUtf8()).object();
                b.insert(QStringLiteral("library"), st->text(0));
                if (!b.contains(QLatin1String("type")))
                    b.insert(QStringLiteral("type"), st->text(1));
                out.append(b);
            }
            return out;
        },
        [this](const Result<QList<QJsonObject>> &r) {
            if (!r)
                return;
            for (const QJsonObject &b : *r) {
                auto *item = new QTreeWidgetItem(
                    m_library, {tr("%1 (%2)").arg(b.value(QLatin1String("library")).toString(),
                                                  b.value(QLatin1String("type")).toString())});
                item->setData(0, BlockRole, b);
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
