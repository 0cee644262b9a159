#include "conditionrowwidget.h"

#include "common/typedtext.h"
#include "multiselectedit.h"
#include "segments/segmentfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace mw::ui {

namespace {

QString fieldKey(const QJsonObject &node)
{
    if (node.contains(QLatin1String("field")))
        return QStringLiteral("field:") + node.value(QLatin1String("field")).toString();
    if (node.contains(QLatin1String("event")))
        return QStringLiteral("event:") + node.value(QLatin1String("event")).toString();
    return QStringLiteral("segment");
}

FieldType typeOf(const QString &field)
{
    const SegmentField *f = SegmentFields::find(field);
    return f ? f->type : FieldType::Text;
}

QString dateText(const QJsonValue &v)
{
    if (v.isDouble())
        return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(v.toDouble()), Qt::UTC)
            .date()
            .toString(Qt::ISODate);
    return v.toString();
}

QJsonValue defaultValue(const QString &field, FieldType type, const QString &op,
                        const SegmentCatalog &catalog)
{
    if (op == QLatin1String("is_set") || op == QLatin1String("is_not_set"))
        return QJsonValue(QJsonValue::Undefined);
    const QStringList values = catalog.distinct.value(field);
    const QString first = values.value(0);
    const bool list = op == QLatin1String("in") || op == QLatin1String("not_in");
    switch (type) {
    case FieldType::Number:
        if (op == QLatin1String("between"))
            return QJsonArray{0, 100};
        return list ? QJsonValue(QJsonArray{0}) : QJsonValue(0);
    case FieldType::Date: {
        if (op == QLatin1String("within_last_days"))
            return 30;
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        if (op == QLatin1String("between"))
            return QJsonArray{QDate::currentDate().addDays(-30).toString(Qt::ISODate), today};
        return today;
    }
    case FieldType::Boolean:
        return true;
    default:
        if (op == QLatin1String("between"))
            return QJsonArray{first, values.value(values.size() - 1)};
        if (list)
            return first.isEmpty() ? QJsonValue(QJsonArray()) : QJsonValue(QJsonArray{first});
        if (op == QLatin1String("contains") || op == QLatin1String("starts_with"))
            return QString();
        return first;
    }
}

/// A value as the editor shows it: typed (numbers, booleans, "quoted" text) for
/// attributes of any type, plain text otherwise.
QString shownValue(const QJsonValue &v, bool any)
{
    return any || !v.isString() ? typedtext::scalarText(v) : v.toString();
}
QJsonValue readValue(const QString &text, bool any)
{
    return any ? typedtext::parseScalar(text) : QJsonValue(text);
}

// Metrics that are whole numbers (counts, scores 1-5, days, hours) are edited as such:
// "order_count = 0", not "= 0.00".
bool isWholeNumber(const QString &field)
{
    static const QStringList whole = {
        QStringLiteral("metrics.order_count"), QStringLiteral("metrics.recency_days"),
        QStringLiteral("metrics.r_score"),     QStringLiteral("metrics.f_score"),
        QStringLiteral("metrics.m_score"),     QStringLiteral("metrics.best_send_hour")};
    return whole.contains(field);
}

QDoubleSpinBox *numberBox(QWidget *parent, double value, bool whole = false)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(-1e12, 1e12);
    box->setDecimals(whole ? 0 : 2);
    box->setValue(value);
    box->setKeyboardTracking(true);
    box->setMinimumWidth(90);
    return box;
}

QDateEdit *dateBox(QWidget *parent, const QJsonValue &value)
{
    auto *box = new QDateEdit(parent);
    box->setCalendarPopup(true);
    box->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    QDate d = QDate::fromString(dateText(value), Qt::ISODate);
    box->setDate(d.isValid() ? d : QDate::currentDate());
    return box;
}

QComboBox *textBox(QWidget *parent, const QStringList &choices, const QString &value)
{
    auto *box = new QComboBox(parent);
    box->setEditable(true);
    box->addItems(choices);
    box->setEditText(value);
    box->lineEdit()->setCursorPosition(0);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->setMinimumWidth(140);
    return box;
}

} // namespace

ConditionRowWidget::ConditionRowWidget(SegmentDocument *document, const SegmentDocument::Path &path,
                                       const SegmentCatalog &catalog, int siblings, QWidget *parent)
    : QFrame(parent), m_document(document), m_path(path), m_catalog(catalog),
      m_node(document->node(path))
{
    setObjectName(QStringLiteral("conditionRow"));
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 4, 6, 4);
    outer->setSpacing(2);
    auto *line = new QHBoxLayout;
    outer->addLayout(line);

    auto button = [&](const QString &text, const QString &tip, const QString &name) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setObjectName(name);
        b->setAutoRaise(true);
        line->addWidget(b);
        return b;
    };
    const int index = path.isEmpty() ? 0 : path.last();
    QToolButton *up = button(QStringLiteral("\u2191"), tr("Move up"), QStringLiteral("moveUp"));
    up->setEnabled(index > 0);
    connect(up, &QToolButton::clicked, this, [this] { m_document->moveNode(m_path, -1); });
    QToolButton *down =
        button(QStringLiteral("\u2193"), tr("Move down"), QStringLiteral("moveDown"));
    down->setEnabled(index < siblings - 1);
    connect(down, &QToolButton::clicked, this, [this] { m_document->moveNode(m_path, 1); });
    QToolButton *remove =
        button(QStringLiteral("\u2715"), tr("Remove condition"), QStringLiteral("remove"));
    connect(remove, &QToolButton::clicked, this, [this] { m_document->removeNode(m_path); });

    // Grouped field picker: bold, unselectable headings for each group.
    m_fieldCombo = new QComboBox(this);
    m_fieldCombo->setObjectName(QStringLiteral("fieldCombo"));
    auto *model = new QStandardItemModel(m_fieldCombo);
    auto heading = [&](const QString &text) {
        auto *item = new QStandardItem(text);
        item->setFlags(Qt::NoItemFlags);
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
        model->appendRow(item);
    };
    auto entry = [&](const QString &label, const QString &key) {
        auto *item = new QStandardItem(QStringLiteral("   ") + label);
        item->setData(key, Qt::UserRole);
        model->appendRow(item);
    };
    heading(tr("Profile"));
    for (const SegmentField &f : SegmentFields::all())
        if (f.group == FieldGroup::Profile)
            entry(f.name, QStringLiteral("field:") + f.name);
    heading(tr("Metrics"));
    for (const SegmentField &f : SegmentFields::all())
        if (f.group == FieldGroup::Metrics)
            entry(f.name.mid(8), QStringLiteral("field:") + f.name);
    heading(tr("Attributes"));
    QStringList keys = catalog.attributeKeys;
    const QString current = fieldKey(m_node);
    if (current.startsWith(QLatin1String("field:attributes.")) && !keys.contains(current.mid(17)))
        keys << current.mid(17);
    for (const QString &k : keys)
        if (SegmentFields::isValidAttributeKey(k))
            entry(k, QStringLiteral("field:attributes.") + k);
    heading(tr("Events"));
    for (const QString &e : SegmentFields::eventTypeNames())
        entry(e, QStringLiteral("event:") + e);
    heading(tr("Segments"));
    entry(tr("saved segment"), QStringLiteral("segment"));
    m_fieldCombo->setModel(model);
    m_fieldCombo->setCurrentIndex(m_fieldCombo->findData(current));
    m_fieldCombo->setMinimumWidth(170);
    line->addWidget(m_fieldCombo);
    connect(m_fieldCombo, &QComboBox::activated, this, &ConditionRowWidget::fieldPicked);

    m_editors = new QHBoxLayout;
    m_editors->setSpacing(4);
    line->addLayout(m_editors, 1);

    if (m_node.contains(QLatin1String("field")))
        buildFieldEditors(m_node);
    else if (m_node.contains(QLatin1String("event")))
        buildEventEditors(m_node);
    else
        buildSegmentEditors(m_node);
    // Left-align short editors; an editor that stretches (a text or list value) gets all
    // the room instead of sharing it with an empty stretch.
    bool stretching = false;
    for (int i = 0; i < m_editors->count(); ++i)
        stretching = stretching || m_editors->stretch(i) > 0;
    if (!stretching)
        m_editors->addStretch(1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("conditionError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();
    outer->addWidget(m_error);
}

QJsonObject ConditionRowWidget::defaultCondition(const QString &key, const SegmentCatalog &catalog)
{
    if (key.startsWith(QLatin1String("event:")))
        return QJsonObject{{QStringLiteral("event"), key.mid(6)},
                           {QStringLiteral("count"), QStringLiteral(">= 1")},
                           {QStringLiteral("within_days"), 30}};
    if (key == QLatin1String("segment"))
        return QJsonObject{{QStringLiteral("segment"), catalog.segments.value(0)}};
    const QString field = key.mid(6);
    const FieldType type = typeOf(field);
    const QString op = SegmentFields::operatorsFor(type).value(0);
    QJsonObject c{{QStringLiteral("field"), field}, {QStringLiteral("op"), op}};
    const QJsonValue v = defaultValue(field, type, op, catalog);
    if (!v.isUndefined())
        c[QStringLiteral("value")] = v;
    return c;
}

void ConditionRowWidget::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    setStyleSheet(message.isEmpty()
                      ? QString()
                      : QStringLiteral("#conditionRow { border: 1px solid #b00020; }"));
}

void ConditionRowWidget::pushNode(const QJsonObject &node, const QString &text, bool quiet,
                                  const QString &mergeKey)
{
    m_node = node;
    m_document->replaceNode(m_path, node, text, quiet, mergeKey);
}

void ConditionRowWidget::pushValue(const QJsonValue &value, bool quiet)
{
    QJsonObject n = m_node;
    if (value.isUndefined())
        n.remove(QStringLiteral("value"));
    else
        n[QStringLiteral("value")] = value;
    pushNode(n, tr("Edit value"), quiet, QStringLiteral("value"));
}

void ConditionRowWidget::fieldPicked()
{
    const QString key = m_fieldCombo->currentData().toString();
    if (key.isEmpty() || key == fieldKey(m_node))
        return;
    pushNode(defaultCondition(key, m_catalog), tr("Change field"), false);
}

void ConditionRowWidget::buildFieldEditors(const QJsonObject &node)
{
    const QString field = node.value(QLatin1String("field")).toString();
    const FieldType type = typeOf(field);
    const QString op = node.value(QLatin1String("op")).toString();
    const QJsonValue value = node.value(QLatin1String("value"));
    const QStringList choices = m_catalog.distinct.value(field);

    m_opCombo = new QComboBox(this);
    m_opCombo->setObjectName(QStringLiteral("operatorCombo"));
    QStringList ops = SegmentFields::operatorsFor(type);
    if (!ops.contains(op))
        ops.prepend(op); // keep an invalid operator visible so its error can be shown
    for (const QString &o : ops)
        m_opCombo->addItem(QString(o).replace(QLatin1Char('_'), QLatin1Char(' ')), o);
    m_opCombo->setCurrentIndex(m_opCombo->findData(op));
    m_editors->addWidget(m_opCombo);
    connect(m_opCombo, &QComboBox::activated, this, [this, field, type] {
        const QString newOp = m_opCombo->currentData().toString();
        QJsonObject n = m_node;
        n[QStringLiteral("op")] = newOp;
        const QJsonValue v = defaultValue(field, type, newOp, m_catalog);
        // Keep the value when it still fits (same shape and type), else a fitting default.
        const QJsonValue old = m_node.value(QLatin1String("value"));
        const bool keep =
            !v.isUndefined() && !old.isUndefined() && old.isArray() == v.isArray() &&
            (old.isArray() ? (newOp != QLatin1String("between") || old.toArray().size() == 2)
                           : old.type() == v.type());
        if (v.isUndefined())
            n.remove(QStringLiteral("value"));
        else if (!keep)
            n[QStringLiteral("value")] = v;
        pushNode(n, tr("Change operator"), false);
    });

    if (op == QLatin1String("is_set") || op == QLatin1String("is_not_set"))
        return;
    const bool list = op == QLatin1String("in") || op == QLatin1String("not_in");
    const bool between = op == QLatin1String("between");

    if (type == FieldType::Date) {
        if (op == QLatin1String("within_last_days")) {
            auto *days = new QSpinBox(this);
            days->setObjectName(QStringLiteral("daysSpin"));
            days->setRange(0, 100000);
            days->setSuffix(tr(" days"));
            days->setValue(value.toInt());
            m_editors->addWidget(days);
            m_valueEditors << days;
            connect(days, &QSpinBox::valueChanged, this, [this](int d) { pushValue(d, true); });
            return;
        }
        if (between) {
            auto *from = dateBox(this, value.toArray().at(0));
            auto *to = dateBox(this, value.toArray().at(1));
            m_editors->addWidget(from);
            m_editors->addWidget(new QLabel(tr("and"), this));
            m_editors->addWidget(to);
            m_valueEditors << from << to;
            auto push = [this, from, to] {
                pushValue(QJsonArray{from->date().toString(Qt::ISODate),
                                     to->date().toString(Qt::ISODate)},
                          true);
            };
            connect(from, &QDateEdit::dateChanged, this, push);
            connect(to, &QDateEdit::dateChanged, this, push);
            return;
        }
        auto *date = dateBox(this, value);
        date->setObjectName(QStringLiteral("dateEdit"));
        m_editors->addWidget(date);
        m_valueEditors << date;
        connect(date, &QDateEdit::dateChanged, this,
                [this](QDate d) { pushValue(d.toString(Qt::ISODate), true); });
        return;
    }

    if (type == FieldType::Number) {
        if (list) {
            auto *edit = new QLineEdit(this);
            edit->setObjectName(QStringLiteral("numberList"));
            QStringList parts;
            for (const QJsonValue &v : value.toArray())
                parts << QString::number(v.toDouble(), 'g', 15);
            edit->setText(parts.join(QStringLiteral(", ")));
            m_editors->addWidget(edit, 1);
            m_valueEditors << edit;
            connect(edit, &QLineEdit::textEdited, this, [this](const QString &text) {
                QJsonArray a;
                for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    bool ok = false;
                    const double d = part.trimmed().toDouble(&ok);
                    if (!ok) {
                        setError(tr("\"%1\" is not a number").arg(part.trimmed()));
                        return;
                    }
                    a.append(d);
                }
                setError(QString());
                pushValue(a, true);
            });
            return;
        }
        if (between) {
            auto *lo = numberBox(this, value.toArray().at(0).toDouble(), isWholeNumber(field));
            auto *hi = numberBox(this, value.toArray().at(1).toDouble(), isWholeNumber(field));
            m_editors->addWidget(lo);
            m_editors->addWidget(new QLabel(tr("and"), this));
            m_editors->addWidget(hi);
            m_valueEditors << lo << hi;
            auto push = [this, lo, hi] { pushValue(QJsonArray{lo->value(), hi->value()}, true); };
            connect(lo, &QDoubleSpinBox::valueChanged, this, push);
            connect(hi, &QDoubleSpinBox::valueChanged, this, push);
            return;
        }
        auto *box = numberBox(this, value.toDouble(), isWholeNumber(field));
        box->setObjectName(QStringLiteral("numberSpin"));
        m_editors->addWidget(box);
        m_valueEditors << box;
        connect(box, &QDoubleSpinBox::valueChanged, this, [this](double d) { pushValue(d, true); });
        return;
    }

    if (type == FieldType::Boolean) {
        auto *box = new QComboBox(this);
        box->addItem(tr("true"), true);
        box->addItem(tr("false"), false);
        box->setCurrentIndex(value.toBool(true) ? 0 : 1);
        m_editors->addWidget(box);
        m_valueEditors << box;
        connect(box, &QComboBox::activated, this,
                [this, box] { pushValue(box->currentData().toBool(), false); });
        return;
    }

    // Text and attributes.
    const bool any = type == FieldType::Any;
    if (list) {
        auto *multi = new MultiSelectEdit(this);
        multi->setObjectName(QStringLiteral("multiSelect"));
        multi->setChoices(choices);
        QStringList values;
        for (const QJsonValue &v : value.toArray())
            values << (any || !v.isString() ? typedtext::scalarText(v)
                                            : typedtext::itemText(v.toString()));
        multi->setValues(values);
        m_editors->addWidget(multi, 1);
        m_valueEditors << multi;
        connect(multi, &MultiSelectEdit::valuesEdited, this, [this, any](const QStringList &vals) {
            QJsonArray a;
            for (const QString &v : vals)
                a.append(any ? typedtext::parseScalar(v) : QJsonValue(typedtext::unquote(v)));
            pushValue(a, true);
        });
        return;
    }
    if (between) {
        auto *lo = textBox(this, choices, shownValue(value.toArray().at(0), any));
        auto *hi = textBox(this, choices, shownValue(value.toArray().at(1), any));
        m_editors->addWidget(lo);
        m_editors->addWidget(new QLabel(tr("and"), this));
        m_editors->addWidget(hi);
        m_valueEditors << lo << hi;
        auto push = [this, lo, hi, any] {
            pushValue(
                QJsonArray{readValue(lo->currentText(), any), readValue(hi->currentText(), any)},
                true);
        };
        connect(lo, &QComboBox::editTextChanged, this, push);
        connect(hi, &QComboBox::editTextChanged, this, push);
        return;
    }
    const bool free = op == QLatin1String("contains") || op == QLatin1String("starts_with");
    auto *box = textBox(this, free ? QStringList() : choices, shownValue(value, any && !free));
    box->setObjectName(QStringLiteral("textValue"));
    m_editors->addWidget(box, 1);
    m_valueEditors << box;
    connect(box, &QComboBox::editTextChanged, this, [this, any, free](const QString &text) {
        pushValue(readValue(text, any && !free), true);
    });
}

void ConditionRowWidget::buildEventEditors(const QJsonObject &node)
{
    // "did not" is count = 0; the other choices compare the count with a number.
    QString countOp = QStringLiteral(">=");
    int countN = 1;
    const QJsonValue countValue = node.value(QLatin1String("count"));
    if (countValue.isDouble()) {
        countN = countValue.toInt();
    } else if (countValue.isString()) {
        static const QRegularExpression re(
            QStringLiteral("^\\s*(>=|<=|!=|==|=|<|>)\\s*(\\d+)\\s*$"));
        const auto m = re.match(countValue.toString());
        if (m.hasMatch()) {
            countOp = m.captured(1) == QLatin1String("==") ? QStringLiteral("=") : m.captured(1);
            countN = m.captured(2).toInt();
        }
    }
    auto *opBox = new QComboBox(this);
    opBox->setObjectName(QStringLiteral("countOperator"));
    opBox->addItem(tr("at least"), QStringLiteral(">="));
    opBox->addItem(tr("more than"), QStringLiteral(">"));
    opBox->addItem(tr("exactly"), QStringLiteral("="));
    opBox->addItem(tr("at most"), QStringLiteral("<="));
    opBox->addItem(tr("fewer than"), QStringLiteral("<"));
    opBox->addItem(tr("not exactly"), QStringLiteral("!="));
    opBox->addItem(tr("did not"), QStringLiteral("none"));
    const bool didNot = (countOp == QLatin1String("=") && countN == 0) ||
                        (countOp == QLatin1String("<") && countN == 1);
    opBox->setCurrentIndex(opBox->findData(didNot ? QStringLiteral("none") : countOp));
    m_opCombo = opBox;
    m_editors->addWidget(opBox);

    auto *count = new QSpinBox(this);
    count->setObjectName(QStringLiteral("countSpin"));
    count->setRange(0, 100000);
    count->setValue(countN);
    count->setSuffix(tr(" times"));
    count->setVisible(!didNot);
    m_editors->addWidget(count);

    auto *window = new QComboBox(this);
    window->setObjectName(QStringLiteral("windowCombo"));
    window->addItem(tr("in the last"), QStringLiteral("days"));
    window->addItem(tr("between"), QStringLiteral("between"));
    window->addItem(tr("ever"), QStringLiteral("ever"));
    const QString windowKind = node.contains(QLatin1String("within_days")) ? QStringLiteral("days")
                               : node.contains(QLatin1String("between")) ? QStringLiteral("between")
                                                                         : QStringLiteral("ever");
    window->setCurrentIndex(window->findData(windowKind));
    m_editors->addWidget(window);

    auto *days = new QSpinBox(this);
    days->setObjectName(QStringLiteral("daysSpin"));
    days->setRange(0, 100000);
    days->setSuffix(tr(" days"));
    days->setValue(node.value(QLatin1String("within_days")).toInt(30));
    days->setVisible(windowKind == QLatin1String("days"));
    m_editors->addWidget(days);
    const QJsonArray range = node.value(QLatin1String("between")).toArray();
    auto *from = dateBox(
        this, range.isEmpty() ? QJsonValue(QDate::currentDate().addDays(-30).toString(Qt::ISODate))
                              : range.at(0));
    auto *to =
        dateBox(this, range.isEmpty() ? QJsonValue(QDate::currentDate().toString(Qt::ISODate))
                                      : range.at(1));
    from->setVisible(windowKind == QLatin1String("between"));
    to->setVisible(windowKind == QLatin1String("between"));
    m_editors->addWidget(from);
    m_editors->addWidget(to);
    m_valueEditors << count << days << from << to;

    // Optional filters, offered where the event type carries them.
    const QString type = node.value(QLatin1String("event")).toString();
    const QJsonObject where = node.value(QLatin1String("where")).toObject();
    QComboBox *campaign = nullptr;
    QComboBox *category = nullptr;
    QComboBox *amountOp = nullptr;
    QDoubleSpinBox *amount = nullptr;
    if (type == QLatin1String("sent") || type == QLatin1String("open") ||
        type == QLatin1String("click")) {
        campaign = new QComboBox(this);
        campaign->setObjectName(QStringLiteral("campaignFilter"));
        campaign->addItem(tr("any campaign"), QString());
        for (const QString &c : m_catalog.campaigns)
            campaign->addItem(c, c);
        const QString current = where.value(QLatin1String("campaign")).toString();
        if (!current.isEmpty() && campaign->findData(current) < 0)
            campaign->addItem(current, current);
        campaign->setCurrentIndex(std::max(0, campaign->findData(current)));
        m_editors->addWidget(campaign);
    }
    if (type == QLatin1String("product_view") || type == QLatin1String("cart_add") ||
        type == QLatin1String("purchase")) {
        category = new QComboBox(this);
        category->setObjectName(QStringLiteral("categoryFilter"));
        category->addItem(tr("any category"), QString());
        for (const QString &c : m_catalog.categories)
            category->addItem(c, c);
        const QString current = where.value(QLatin1String("category")).toString();
        if (!current.isEmpty() && category->findData(current) < 0)
            category->addItem(current, current);
        category->setCurrentIndex(std::max(0, category->findData(current)));
        m_editors->addWidget(category);
    }
    if (type == QLatin1String("purchase")) {
        amountOp = new QComboBox(this);
        amountOp->setObjectName(QStringLiteral("amountOperator"));
        amountOp->addItem(tr("any amount"), QString());
        for (const char *o : {">=", ">", "<=", "<", "="})
            amountOp->addItem(tr("amount %1").arg(QLatin1String(o)), QLatin1String(o));
        double amountValue = 0;
        QString amountCmp;
        static const QRegularExpression re(QStringLiteral("^\\s*(>=|<=|=|<|>)\\s*([0-9.]+)\\s*$"));
        const auto m = re.match(where.value(QLatin1String("amount")).toString());
        if (m.hasMatch()) {
            amountCmp = m.captured(1);
            amountValue = m.captured(2).toDouble();
        }
        amountOp->setCurrentIndex(std::max(0, amountOp->findData(amountCmp)));
        amount = numberBox(this, amountValue);
        amount->setObjectName(QStringLiteral("amountSpin"));
        amount->setVisible(!amountCmp.isEmpty());
        m_editors->addWidget(amountOp);
        m_editors->addWidget(amount);
    }

    // Reads every editor back into one condition.
    auto collect = [=, this]() {
        QJsonObject n{{QStringLiteral("event"), type}};
        const QString op = opBox->currentData().toString();
        n[QStringLiteral("count")] = op == QLatin1String("none")
                                         ? QStringLiteral("= 0")
                                         : op + QLatin1Char(' ') + QString::number(count->value());
        const QString w = window->currentData().toString();
        if (w == QLatin1String("days"))
            n[QStringLiteral("within_days")] = days->value();
        else if (w == QLatin1String("between"))
            n[QStringLiteral("between")] =
                QJsonArray{from->date().toString(Qt::ISODate), to->date().toString(Qt::ISODate)};
        QJsonObject filters;
        if (campaign && !campaign->currentData().toString().isEmpty())
            filters[QStringLiteral("campaign")] = campaign->currentData().toString();
        if (category && !category->currentData().toString().isEmpty())
            filters[QStringLiteral("category")] = category->currentData().toString();
        if (amountOp && !amountOp->currentData().toString().isEmpty())
            filters[QStringLiteral("amount")] = amountOp->currentData().toString() +
                                                QLatin1Char(' ') +
                                                QString::number(amount->value(), 'g', 15);
        if (!filters.isEmpty())
            n[QStringLiteral("where")] = filters;
        if (m_node.contains(QLatin1String("label")))
            n[QStringLiteral("label")] = m_node.value(QLatin1String("label"));
        return n;
    };
    auto quietPush = [=, this] {
        pushNode(collect(), tr("Edit event condition"), true, QStringLiteral("event"));
    };
    auto visiblePush = [=, this] {
        count->setVisible(opBox->currentData().toString() != QLatin1String("none"));
        const QString w = window->currentData().toString();
        days->setVisible(w == QLatin1String("days"));
        from->setVisible(w == QLatin1String("between"));
        to->setVisible(w == QLatin1String("between"));
        if (amountOp)
            amount->setVisible(!amountOp->currentData().toString().isEmpty());
        pushNode(collect(), tr("Edit event condition"), true);
    };
    connect(opBox, &QComboBox::activated, this, visiblePush);
    connect(window, &QComboBox::activated, this, visiblePush);
    connect(count, &QSpinBox::valueChanged, this, quietPush);
    connect(days, &QSpinBox::valueChanged, this, quietPush);
    connect(from, &QDateEdit::dateChanged, this, quietPush);
    connect(to, &QDateEdit::dateChanged, this, quietPush);
    if (campaign)
        connect(campaign, &QComboBox::activated, this, visiblePush);
    if (category)
        connect(category, &QComboBox::activated, this, visiblePush);
    if (amountOp) {
        connect(amountOp, &QComboBox::activated, this, visiblePush);
        connect(amount, &QDoubleSpinBox::valueChanged, this, quietPush);
    }
}

void ConditionRowWidget::buildSegmentEditors(const QJsonObject &node)
{
    auto *mode = new QComboBox(this);
    mode->setObjectName(QStringLiteral("segmentMode"));
    mode->addItem(tr("is in"), false);
    mode->addItem(tr("is not in"), true);
    mode->setCurrentIndex(node.value(QLatin1String("negate")).toBool() ? 1 : 0);
    m_opCombo = mode;
    m_editors->addWidget(mode);
    auto *segment = new QComboBox(this);
    segment->setObjectName(QStringLiteral("segmentCombo"));
    const QString current = node.value(QLatin1String("segment")).toString();
    segment->addItems(m_catalog.segments);
    if (!current.isEmpty() && !m_catalog.segments.contains(current))
        segment->addItem(current);
    segment->setCurrentText(current);
    segment->setMinimumWidth(150);
    m_editors->addWidget(segment);
    m_valueEditors << segment;
    auto push = [this, mode, segment] {
        QJsonObject n{{QStringLiteral("segment"), segment->currentText()}};
        if (mode->currentData().toBool())
            n[QStringLiteral("negate")] = true;
        pushNode(n, tr("Edit segment reference"), false);
    };
    connect(mode, &QComboBox::activated, this, push);
    connect(segment, &QComboBox::activated, this, push);
}

} // namespace mw::ui
