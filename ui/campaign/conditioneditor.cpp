#include "conditioneditor.h"

#include "common/typedtext.h"

#include "rules/condition.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace mw::ui {

namespace {

// The rules engine's operators (core/rules/condition.h), in the order offered.
const char *const kOperators[] = {"=",        "!=",          "<",      "<=",
                                  ">",        ">=",          "in",     "not_in",
                                  "contains", "starts_with", "is_set", "is_not_set"};

bool isListOp(const QString &op)
{
    return op == QLatin1String("in") || op == QLatin1String("not_in");
}

bool takesNoValue(const QString &op)
{
    return op == QLatin1String("is_set") || op == QLatin1String("is_not_set");
}

/// Which page shows a condition: a lone field test or segment test gets its form; a
/// group or anything the forms cannot show exactly is JSON.
ConditionEditor::Mode modeOf(const QJsonValue &v)
{
    using Mode = ConditionEditor::Mode;
    if (v.isUndefined() || v.isNull())
        return Mode::None;
    if (!v.isObject())
        return Mode::Json;
    const QJsonObject o = v.toObject();
    if (o.isEmpty())
        return Mode::None;
    if (o.size() == 1 && o.value(QLatin1String("always")) == QJsonValue(true))
        return Mode::Always;
    const QStringList keys = o.keys();
    auto only = [&](std::initializer_list<const char *> allowed) {
        for (const QString &k : keys) {
            bool ok = false;
            for (const char *a : allowed)
                ok = ok || k == QLatin1String(a);
            if (!ok)
                return false;
        }
        return true;
    };
    if (o.value(QLatin1String("field")).isString() && only({"field", "op", "value"})) {
        const QString op = o.value(QLatin1String("op")).toString(QStringLiteral("="));
        const QJsonValue value = o.value(QLatin1String("value"));
        const bool shapeOk = takesNoValue(op) ? true
                             : isListOp(op)
                                 ? value.isArray()
                                 : (value.isString() || value.isDouble() || value.isBool());
        if (shapeOk)
            return Mode::Field;
    }
    if (o.value(QLatin1String("segment")).isString() && only({"segment", "negate"}))
        return Mode::Segment;
    return Mode::Json;
}

} // namespace

ConditionEditor::ConditionEditor(const QString &noneLabel, QWidget *parent)
    : QWidget(parent), m_mode(new QComboBox(this)), m_field(new QComboBox(this)),
      m_op(new QComboBox(this)), m_value(new QLineEdit(this)), m_segment(new QLineEdit(this)),
      m_negate(new QCheckBox(tr("not"), this)), m_json(new QPlainTextEdit(this)),
      m_summary(new QLabel(this))
{
    m_mode->addItem(noneLabel, static_cast<int>(Mode::None));
    m_mode->addItem(tr("Always"), static_cast<int>(Mode::Always));
    m_mode->addItem(tr("Field test"), static_cast<int>(Mode::Field));
    m_mode->addItem(tr("Segment member"), static_cast<int>(Mode::Segment));
    m_mode->addItem(tr("JSON (groups, any/all)"), static_cast<int>(Mode::Json));

    // One form per mode that has one; only the current one is shown (and takes room).
    auto *fieldPage = new QWidget(this);
    auto *fieldRow = new QHBoxLayout(fieldPage);
    fieldRow->setContentsMargins(0, 0, 0, 0);
    m_field->setEditable(true);
    m_field->setInsertPolicy(QComboBox::NoInsert);
    m_field->setMinimumContentsLength(11);
    m_field->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_field->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_field->completer()->setFilterMode(Qt::MatchContains);
    for (const char *op : kOperators)
        m_op->addItem(QString::fromLatin1(op));
    m_value->setPlaceholderText(tr("value"));
    m_value->setToolTip(tr("Numbers and true/false are compared as such; put text in quotes "
                           "to keep it text (\"10\"). For in / not_in: items separated by "
                           "commas."));
    // In a narrow inspector the value would otherwise shrink to a few pixels first.
    m_value->setMinimumWidth(m_value->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 8);
    fieldRow->addWidget(m_field, 3);
    fieldRow->addWidget(m_op, 1);
    fieldRow->addWidget(m_value, 3);
    auto *segmentPage = new QWidget(this);
    auto *segmentRow = new QHBoxLayout(segmentPage);
    segmentRow->setContentsMargins(0, 0, 0, 0);
    m_segment->setPlaceholderText(tr("segment name"));
    segmentRow->addWidget(m_negate);
    segmentRow->addWidget(new QLabel(tr("in segment"), segmentPage));
    segmentRow->addWidget(m_segment, 1);
    m_json->setMinimumHeight(44);
    m_json->setMaximumHeight(90);
    m_pages = {{Mode::Field, fieldPage}, {Mode::Segment, segmentPage}, {Mode::Json, m_json}};

    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_mode);
    for (const auto &[mode, page] : m_pages)
        layout->addWidget(page);
    layout->addWidget(m_summary);
    showPage();

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updating)
            return;
        Q_UNUSED(index)
        const QJsonValue before = conditionOf(m_shownMode);
        showPage();
        if (mode() == Mode::Json) {
            // Start from what was shown, so switching to JSON loses nothing.
            m_updating = true;
            m_json->setPlainText(
                before.isObject()
                    ? QString::fromUtf8(
                          QJsonDocument(before.toObject()).toJson(QJsonDocument::Indented))
                          .trimmed()
                    : QString());
            m_updating = false;
        }
        updateValueVisibility();
        onEdited(false);
    });
    connect(m_field, &QComboBox::currentTextChanged, this, [this] { onEdited(true); });
    connect(m_op, &QComboBox::currentIndexChanged, this, [this] {
        updateValueVisibility();
        onEdited(false);
    });
    connect(m_value, &QLineEdit::textEdited, this, [this] { onEdited(true); });
    connect(m_segment, &QLineEdit::textEdited, this, [this] { onEdited(true); });
    connect(m_negate, &QCheckBox::toggled, this, [this] { onEdited(false); });
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] { onEdited(true); });
    setCondition(QJsonValue(QJsonValue::Undefined));
}

void ConditionEditor::setFields(const QStringList &fields)
{
    m_updating = true;
    const QString text = m_field->currentText();
    m_field->clear();
    for (const QString &f : fields) {
        if (!f.startsWith(QLatin1String("campaign.")))
            m_field->addItem(f);
    }
    m_field->setCurrentText(text);
    m_updating = false;
}

ConditionEditor::Mode ConditionEditor::mode() const
{
    return static_cast<Mode>(m_mode->currentData().toInt());
}

void ConditionEditor::setMode(Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(mode)));
}

QJsonValue ConditionEditor::parseValue(const QString &text, bool list)
{
    return list ? QJsonValue(typedtext::parseScalarList(text)) : typedtext::parseScalar(text);
}

QString ConditionEditor::valueText(const QJsonValue &value)
{
    return value.isArray() ? typedtext::scalarListText(value.toArray())
                           : typedtext::scalarText(value);
}

void ConditionEditor::setCondition(const QJsonValue &condition)
{
    if (condition == this->condition())
        return; // already shown (our own edit coming back): keep the cursor where it is
    m_updating = true;
    const Mode m = modeOf(condition);
    setMode(m);
    showPage();
    const QJsonObject o = condition.toObject();
    if (m == Mode::Field) {
        m_field->setCurrentText(o.value(QLatin1String("field")).toString());
        m_op->setCurrentText(o.value(QLatin1String("op")).toString(QStringLiteral("=")));
        m_value->setText(takesNoValue(m_op->currentText())
                             ? QString()
                             : valueText(o.value(QLatin1String("value"))));
        // Shown from the start ("metrics.lifecycle_stage", not "trics.lifecycle_stage").
        m_field->lineEdit()->setCursorPosition(0);
        m_value->setCursorPosition(0);
    } else if (m == Mode::Segment) {
        m_segment->setText(o.value(QLatin1String("segment")).toString());
        m_negate->setChecked(o.value(QLatin1String("negate")).toBool(false));
    } else if (m == Mode::Json) {
        m_json->setPlainText(
            condition.isObject()
                ? QString::fromUtf8(
                      QJsonDocument(condition.toObject()).toJson(QJsonDocument::Indented))
                      .trimmed()
                : QString::fromUtf8(
                      QJsonDocument(QJsonArray{condition}).toJson(QJsonDocument::Compact))
                      .mid(1)
                      .chopped(1));
    }
    updateValueVisibility();
    m_updating = false;
    updateSummary();
}

void ConditionEditor::showPage()
{
    m_shownMode = mode();
    for (const auto &[mode, page] : m_pages)
        page->setVisible(mode == m_shownMode);
    m_summary->setVisible(m_shownMode != Mode::None && m_shownMode != Mode::Always);
}

QJsonValue ConditionEditor::condition() const
{
    return conditionOf(mode());
}

QJsonValue ConditionEditor::conditionOf(Mode mode) const
{
    switch (mode) {
    case Mode::None:
        return QJsonValue(QJsonValue::Undefined);
    case Mode::Always:
        return QJsonObject{{QStringLiteral("always"), true}};
    case Mode::Field: {
        QJsonObject o{{QStringLiteral("field"), m_field->currentText().trimmed()},
                      {QStringLiteral("op"), m_op->currentText()}};
        if (!takesNoValue(m_op->currentText()))
            o.insert(QStringLiteral("value"),
                     parseValue(m_value->text(), isListOp(m_op->currentText())));
        return o;
    }
    case Mode::Segment: {
        QJsonObject o{{QStringLiteral("segment"), m_segment->text().trimmed()}};
        if (m_negate->isChecked())
            o.insert(QStringLiteral("negate"), true);
        return o;
    }
    case Mode::Json: {
        const QString text = m_json->toPlainText().trimmed();
        if (text.isEmpty() || text == QLatin1String("null"))
            return QJsonValue(QJsonValue::Undefined);
        const QJsonDocument d = QJsonDocument::fromJson(text.toUtf8());
        if (d.isObject())
            return d.object();
        return QJsonValue(QJsonValue::Null); // not an object: not stored (see onEdited)
    }
    }
    return QJsonValue(QJsonValue::Undefined);
}

void ConditionEditor::onEdited(bool typing)
{
    if (m_updating)
        return;
    updateSummary();
    const QJsonValue c = condition();
    if (c.isNull())
        return; // JSON that does not parse (yet) is not stored
    emit edited(c, typing);
}

void ConditionEditor::updateValueVisibility()
{
    m_value->setVisible(!takesNoValue(m_op->currentText()));
}

void ConditionEditor::updateSummary()
{
    const QJsonValue c = condition();
    QString text;
    bool error = false;
    if (c.isNull()) {
        text = tr("Not a JSON object yet.");
        error = true;
    } else {
        auto parsed = Condition::parse(c, QStringLiteral("condition"));
        if (!parsed) {
            text = parsed.error().message;
            error = true;
        } else if (mode() != Mode::None) {
            text = tr("Reads: %1").arg(parsed->describe());
        }
    }
    m_summary->setText(text);
    m_summary->setStyleSheet(error ? QStringLiteral("color: #b00020;")
                                   : QStringLiteral("color: #6b7280;"));
}

} // namespace mw::ui
