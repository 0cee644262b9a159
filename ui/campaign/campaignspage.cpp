#include "campaignspage.h"

#include "asyncdatabase.h"
#include "blockpalette.h"
#include "campaigndraftstore.h"
#include "campaigneditor.h"
#include "corepreviewrenderer.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace mw::ui {

CampaignsPage::CampaignsPage(QWidget *parent, PreviewRendererFactory factory)
    : QWidget(parent), m_campaigns(new QComboBox(this)),
      m_new(new QPushButton(tr("New campaign…"), this)),
      m_editor(new CampaignEditor(factory ? factory : coreRendererFactory(), this))
{
    m_campaigns->setMinimumContentsLength(28);
    m_campaigns->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_campaigns, &QComboBox::activated, this, [this](int index) {
        m_editor->openCampaign(m_campaigns->itemData(index).toLongLong());
    });
    connect(m_new, &QPushButton::clicked, this, &CampaignsPage::createCampaign);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(6, 6, 6, 0);
    top->addWidget(new QLabel(tr("Campaign:"), this));
    top->addWidget(m_campaigns);
    top->addWidget(m_new);
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
}

PreviewRendererFactory CampaignsPage::coreRendererFactory()
{
    return [](const QString &path) -> std::unique_ptr<PreviewRenderer> {
        return std::make_unique<CorePreviewRenderer>(path);
    };
}

void CampaignsPage::setDatabase(const QString &path)
{
    m_path = path;
    m_editor->setDatabase(path);
    reloadList({});
}

void CampaignsPage::reloadList(const QString &select)
{
    runWithDatabase<QList<CampaignSummary>>(
        this, m_path, [](Database &db) { return CampaignDraftStore(db).list(); },
        [this, select](const Result<QList<CampaignSummary>> &r) {
            m_campaigns->clear();
            if (!r)
                return;
            for (const CampaignSummary &c : *r) {
                m_campaigns->addItem(c.status == QLatin1String("draft")
                                         ? c.name
                                         : tr("%1 (%2)").arg(c.name, c.status),
                                     c.id);
                m_campaigns->setItemData(m_campaigns->count() - 1, c.name, Qt::UserRole + 1);
            }
            emit campaignsLoaded(static_cast<int>(r->size()));
            if (!r->isEmpty() && !openCampaign(select))
                openCampaign(r->first().name);
        });
}

bool CampaignsPage::openCampaign(const QString &name)
{
    const int index = m_campaigns->findData(name, Qt::UserRole + 1);
    if (index < 0)
        return false;
    m_campaigns->setCurrentIndex(index);
    return m_editor->openCampaign(m_campaigns->itemData(index).toLongLong());
}

void CampaignsPage::createCampaign()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New campaign"), tr("Name:"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    QJsonArray blocks;
    const QList<QJsonObject> types = BlockPalette::blockTypes();
    for (const QJsonObject &b : types) {
        const QString type = b.value(QLatin1String("type")).toString();
        if (type == QLatin1String("header") || type == QLatin1String("hero") ||
            type == QLatin1String("footer")) {
            QJsonObject withId = b;
            withId.insert(QStringLiteral("id"), type);
            blocks.append(withId);
        }
    }
    const QJsonObject doc{{QStringLiteral("subject"), tr("Hello {{ subscriber.first_name }}")},
                          {QStringLiteral("preheader"), QString()},
                          {QStringLiteral("from_name"), tr("Your store")},
                          {QStringLiteral("blocks"), blocks}};
    auto db = Database::open(m_path);
    if (!db) {
        QMessageBox::warning(this, tr("New campaign"), db.error().toString());
        return;
    }
    auto id = CampaignDraftStore(*db).create(name, doc);
    if (!id) {
        QMessageBox::warning(this, tr("New campaign"), id.error().toString());
        return;
    }
    reloadList(name);
}

} // namespace mw::ui
