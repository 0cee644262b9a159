#include "welcomepage.h"

#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace mw::ui {

WelcomePage::WelcomePage(QWidget *parent)
    : CenteredCard(
          640,
          QStringLiteral("QPushButton#newButton, QPushButton#openButton { border: 1px solid "
                         "#9aa9ba; border-radius: 4px; padding: 8px 16px; background: "
                         "palette(button); }"
                         "QPushButton#newButton:hover, QPushButton#openButton:hover {"
                         " background: #e4ebf2; }"
                         "QPushButton#sampleButton { background: #3d6fa8; color: white; border:"
                         " none; border-radius: 4px; padding: 8px 18px; font-weight: bold; }"
                         "QPushButton#sampleButton:disabled { background: #9aa9ba; }"),
          parent),
      m_sample(new QPushButton(tr("Create Sample Database…"))), m_recent(new QListWidget)
{
    setObjectName(QStringLiteral("welcomePage"));
    addHeading({}, tr("Welcome to Mailwright"),
               tr("Mailwright works on a local database of subscribers, products "
                  "and events. Start with a realistic sample to explore, create "
                  "an empty database to import your own data, or open an "
                  "existing one."),
               1.8);

    m_sample->setObjectName(QStringLiteral("sampleButton"));
    m_sample->setDefault(true);
    auto *create = new QPushButton(tr("New Empty Database…"));
    create->setObjectName(QStringLiteral("newButton"));
    auto *open = new QPushButton(tr("Open Database…"));
    open->setObjectName(QStringLiteral("openButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_sample);
    buttons->addWidget(create);
    buttons->addWidget(open);
    buttons->addStretch(1);

    auto *recentTitle = new QLabel(tr("Recent databases"));
    QFont rf = recentTitle->font();
    rf.setBold(true);
    recentTitle->setFont(rf);
    m_recent->setObjectName(QStringLiteral("recentList"));
    m_recent->setFixedHeight(m_recent->fontMetrics().height() * 7);
    m_recent->setFrameShape(QFrame::NoFrame);

    QVBoxLayout *layout = cardLayout();
    layout->setContentsMargins(40, 32, 40, 32);
    layout->setSpacing(14);
    layout->addSpacing(6);
    layout->addLayout(buttons);
    layout->addSpacing(10);
    layout->addWidget(recentTitle);
    layout->addWidget(m_recent);

    connect(m_sample, &QPushButton::clicked, this, &WelcomePage::sampleRequested);
    connect(create, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const QString path = item->data(Qt::UserRole).toString(); !path.isEmpty())
            emit recentRequested(path);
    });
    setRecentFiles({});
}

void WelcomePage::setRecentFiles(const QStringList &paths)
{
    m_recent->clear();
    for (const QString &path : paths) {
        auto *item = new QListWidgetItem(
            tr("%1 — %2").arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(path)),
            m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    if (paths.isEmpty()) {
        auto *none = new QListWidgetItem(tr("No recent databases."), m_recent);
        none->setFlags(Qt::NoItemFlags);
    }
}

void WelcomePage::setSampleAvailable(bool available, const QString &whyNot)
{
    m_sample->setEnabled(available);
    m_sample->setToolTip(available ? QString() : whyNot);
}

} // namespace mw::ui
