#include "conditiongroupwidget.h"

#include "conditionrowwidget.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace mw::ui {

namespace {
bool isGroup(const QJsonObject &c)
{
    return !c.contains(QLatin1String("field")) && !c.contains(QLatin1String("event")) &&
           !c.contains(QLatin1String("segment"));
}
} // namespace

ConditionGroupWidget::ConditionGroupWidget(SegmentDocument *document,
                                           const SegmentDocument::Path &path,
                                           const SegmentCatalog &catalog, int siblings,
                                           QWidget *parent)
    : QFrame(parent), m_document(document), m_path(path)
{
    setObjectName(QStringLiteral("conditionGroup"));
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    const int depth = static_cast<int>(path.size());
    static const char *const tints[] = {"#f7f9fc", "#eef3fa", "#e5edf7", "#dce6f4"};
    setStyleSheet(QStringLiteral("#conditionGroup { background: %1; border: 1px solid #b8c7dc; "
                                 "border-radius: 4px; }")
                      .arg(QLatin1String(tints[std::min(depth, 3)])));
    const QJsonObject node = document->node(path);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 6, 8, 8);
    outer->setSpacing(4);
    auto *header = new QHBoxLayout;
    outer->addLayout(header);
    m_match = new QComboBox(this);
    m_match->setObjectName(QStringLiteral("matchCombo"));
    m_match->addItem(tr("Match ALL of these"), QStringLiteral("all"));
    m_match->addItem(tr("Match ANY of these"), QStringLiteral("any"));
    m_match->setCurrentIndex(
        node.value(QLatin1String("match")).toString() == QLatin1String("any") ? 1 : 0);
    header->addWidget(m_match);
    connect(m_match, &QComboBox::activated, this, [this] {
        QJsonObject n = m_document->node(m_path);
        n[QStringLiteral("match")] = m_match->currentData().toString();
        m_document->replaceNode(m_path, n, tr("Switch all/any"));
    });

    m_addCondition = new QPushButton(tr("+ Condition"), this);
    m_addCondition->setObjectName(QStringLiteral("addConditionButton"));
    header->addWidget(m_addCondition);
    connect(m_addCondition, &QPushButton::clicked, this, [this, &catalog] {
        const int n = static_cast<int>(
            m_document->node(m_path).value(QLatin1String("conditions")).toArray().size());
        m_document->insertNode(
            m_path, n,
            ConditionRowWidget::defaultCondition(QStringLiteral("field:country"), catalog),
            tr("Add condition"));
    });
    m_addGroup = new QPushButton(tr("+ Group"), this);
    m_addGroup->setObjectName(QStringLiteral("addGroupButton"));
    header->addWidget(m_addGroup);
    connect(m_addGroup, &QPushButton::clicked, this, [this] {
        const int n = static_cast<int>(
            m_document->node(m_path).value(QLatin1String("conditions")).toArray().size());
        m_document->insertNode(m_path, n,
                               QJsonObject{{QStringLiteral("match"), QStringLiteral("any")},
                                           {QStringLiteral("conditions"), QJsonArray()}},
                               tr("Add group"));
    });
    header->addStretch(1);
    if (!path.isEmpty()) {
        auto button = [&](const QString &text, const QString &tip, const QString &name) {
            auto *b = new QToolButton(this);
            b->setText(text);
            b->setToolTip(tip);
            b->setObjectName(name);
            b->setAutoRaise(true);
            header->addWidget(b);
            return b;
        };
        QToolButton *up =
            button(QStringLiteral("\u2191"), tr("Move group up"), QStringLiteral("moveUp"));
        up->setEnabled(path.last() > 0);
        connect(up, &QToolButton::clicked, this, [this] { m_document->moveNode(m_path, -1); });
        QToolButton *down =
            button(QStringLiteral("\u2193"), tr("Move group down"), QStringLiteral("moveDown"));
        down->setEnabled(path.last() < siblings - 1);
        connect(down, &QToolButton::clicked, this, [this] { m_document->moveNode(m_path, 1); });
        QToolButton *remove =
            button(QStringLiteral("\u2715"), tr("Remove group"), QStringLiteral("remove"));
        connect(remove, &QToolButton::clicked, this, [this] { m_document->removeNode(m_path); });
    }

    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();
    outer->addWidget(m_error);

    const QJsonArray conds = node.value(QLatin1String("conditions")).toArray();
    if (conds.isEmpty()) {
        auto *hint =
            new QLabel(path.isEmpty() ? tr("No conditions: every subscribed subscriber matches. "
                                           "Add a condition to narrow the audience.")
                                      : tr("Empty group: it restricts nothing."),
                       this);
        hint->setStyleSheet(QStringLiteral("color: #666; font-style: italic;"));
        outer->addWidget(hint);
    }
    for (int i = 0; i < conds.size(); ++i) {
        SegmentDocument::Path child = path;
        child << i;
        const QJsonObject c = conds[i].toObject();
        if (isGroup(c))
            outer->addWidget(new ConditionGroupWidget(document, child, catalog,
                                                      static_cast<int>(conds.size()), this));
        else
            outer->addWidget(new ConditionRowWidget(document, child, catalog,
                                                    static_cast<int>(conds.size()), this));
    }
    if (path.isEmpty()) { // the root takes the scroll area's height; keep rows at the top
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        outer->addStretch(1);
    }
}

void ConditionGroupWidget::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace mw::ui
