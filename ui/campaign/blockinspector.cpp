#include "blockinspector.h"

#include "blocklabels.h"
#include "campaigndraft.h"
#include "conditioneditor.h"
#include "liquidtextedit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mw::ui {

namespace {

QString keyOf(const QStringList &path)
{
    return path.join(QLatin1Char('/'));
}

// Headline-ish fields first, long text next, links and images last: the order a
// marketer reads a block in.
int fieldRank(const QString &key)
{
    static const QStringList order = {
        QStringLiteral("from_name"), QStringLiteral("subject"),   QStringLiteral("preheader"),
        QStringLiteral("title"),     QStringLiteral("headline"),  QStringLiteral("heading"),
        QStringLiteral("subtitle"),  QStringLiteral("body"),      QStringLiteral("text"),
        QStringLiteral("html"),      QStringLiteral("label"),     QStringLiteral("url"),
        QStringLiteral("image_url"), QStringLiteral("image_alt"), QStringLiteral("alt")};
    const qsizetype i = order.indexOf(key);
    return i < 0 ? 100 : static_cast<int>(i);
}

bool isLongField(const QString &key)
{
    return key.contains(QLatin1String("body")) || key.contains(QLatin1String("html")) ||
           key == QLatin1String("text") || key.contains(QLatin1String("content")) ||
           key.contains(QLatin1String("address"));
}

} // namespace

BlockInspector::BlockInspector(CampaignDraft *document, QWidget *parent)
    : QWidget(parent), m_doc(document), m_scroll(new QScrollArea(this)), m_title(new QLabel(this))
{
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_title->setTextFormat(Qt::PlainText);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_scroll, 1);

    connect(m_doc, &CampaignDraft::changed, this, [this](const CampaignDraft::Change &c) {
        if (c.kind == CampaignDraft::ChangeKind::Value)
            refreshValue(c.path);
        // Structural changes: the editor re-selects and calls showBlock().
    });
    rebuild();
}

void BlockInspector::setCompletions(const QStringList &fields, const QStringList &filters)
{
    m_fields = fields;
    m_filters = filters;
    for (QWidget *w : std::as_const(m_bound)) {
        if (auto *e = qobject_cast<LiquidTextEdit *>(w))
            e->setCompletions(fields, filters);
        else if (auto *c = qobject_cast<ConditionEditor *>(w))
            c->setFields(fields);
    }
}

QStringList BlockInspector::envelopeFields()
{
    return {QStringLiteral("from_name"), QStringLiteral("from_email"), QStringLiteral("subject"),
            QStringLiteral("preheader")};
}

void BlockInspector::showBlock(int index)
{
    if (index != m_block || m_envelope)
        m_variant = -1;
    m_envelope = false;
    m_block = index >= 0 && index < m_doc->blockCount() ? index : -1;
    rebuild();
}

void BlockInspector::showEnvelope()
{
    if (!m_envelope)
        m_variant = -1;
    m_envelope = true;
    m_block = -1;
    rebuild();
}

void BlockInspector::selectVariant(int index)
{
    m_variant = index;
    rebuild();
}

QWidget *BlockInspector::editorFor(const QStringList &path) const
{
    return m_bound.value(keyOf(path));
}

LiquidTextEdit *BlockInspector::liquidEditorFor(const QStringList &path) const
{
    return qobject_cast<LiquidTextEdit *>(editorFor(path));
}

void BlockInspector::setVariantField(const QString &field)
{
    if (field == m_textField)
        return;
    m_textField = field;
    m_variant = -1;
    if (m_envelope)
        rebuild();
}

QStringList BlockInspector::textPath(const QString &field) const
{
    // Subject, preheader and from name are plain strings until they get variants, then
    // {default, variants}.
    if (m_doc->value({field}).isObject())
        return {field, QStringLiteral("default")};
    return {field};
}

QString BlockInspector::textLabel(const QString &field)
{
    if (field == QLatin1String("preheader"))
        return tr("Preheader");
    if (field == QLatin1String("from_name"))
        return tr("From name");
    return tr("Subject");
}

QStringList BlockInspector::variantsPath() const
{
    if (m_envelope)
        return {m_textField, QStringLiteral("variants")};
    if (m_block >= 0)
        return CampaignDraft::blockPath(m_block, {QStringLiteral("variants")});
    return {};
}

void BlockInspector::rebuild()
{
    m_rebuilding = true;
    m_bound.clear();
    m_variantList = nullptr;
    // Keep the focused field focused across a rebuild (e.g. undo of a variant edit).
    QStringList focusedPath;
    for (QWidget *w = focusWidget(); w; w = w->parentWidget()) {
        if (w->property("mwPath").isValid()) {
            focusedPath = w->property("mwPath").toStringList();
            break;
        }
    }
    auto *content = new QWidget;
    auto *outer = new QVBoxLayout(content);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1); // rows keep their natural height; spare room goes below
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);

    if (m_envelope) {
        m_title->setText(tr("Subject & sender"));
        addLiquidField(form, textLabel(QStringLiteral("from_name")),
                       textPath(QStringLiteral("from_name")), true);
        addLiquidField(form, tr("From email"), {QStringLiteral("from_email")}, true);
        addLiquidField(form, textLabel(QStringLiteral("subject")),
                       textPath(QStringLiteral("subject")), true);
        addLiquidField(form, textLabel(QStringLiteral("preheader")),
                       textPath(QStringLiteral("preheader")), true);
        auto *which = new QComboBox;
        which->setObjectName(QStringLiteral("variantField"));
        for (const QString &field :
             {QStringLiteral("subject"), QStringLiteral("preheader"), QStringLiteral("from_name")})
            which->addItem(textLabel(field), field);
        which->setCurrentIndex(which->findData(m_textField));
        which->setToolTip(tr("Whose rule-based variants the list below shows"));
        connect(which, &QComboBox::currentIndexChanged, this, [this, which](int index) {
            const QString field = which->itemData(index).toString();
            if (!m_rebuilding)
                QMetaObject::invokeMethod(
                    this, [this, field] { setVariantField(field); }, Qt::QueuedConnection);
        });
        form->addRow(tr("Variants of"), which);
        addVariantsSection(form, variantsPath(), {QStringLiteral("text")}, QString());
    } else if (m_block >= 0) {
        const QJsonObject block = m_doc->block(m_block);
        const QString type = block.value(QLatin1String("type")).toString();
        m_title->setText(
            tr("%1 block · %2")
                .arg(BlockLabels::typeName(type), block.value(QLatin1String("id")).toString()));
        const QString library = block.value(QLatin1String("library")).toString();
        if (!library.isEmpty() && block.value(QLatin1String("content")).toObject().isEmpty()) {
            auto *note = new QLabel(tr("This block is the library block \"%1\": its content is "
                                       "edited in the block library. Detach it to edit a copy "
                                       "in this campaign.")
                                        .arg(library));
            note->setWordWrap(true);
            form->addRow(note);
            auto *detach = new QPushButton(tr("Detach from library"));
            const QJsonObject libraryContent =
                m_libraryLookup ? m_libraryLookup(library) : QJsonObject();
            detach->setEnabled(!libraryContent.isEmpty());
            const int index = m_block;
            connect(detach, &QPushButton::clicked, this, [this, index, libraryContent] {
                QJsonObject b = m_doc->block(index);
                b.remove(QStringLiteral("library"));
                b.insert(QStringLiteral("content"), libraryContent);
                m_doc->pushValue(CampaignDraft::blockPath(index), b);
            });
            form->addRow(detach);
        }
        QStringList keys = block.value(QLatin1String("content")).toObject().keys();
        std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            return fieldRank(a) < fieldRank(b);
        });
        addFieldsSection(form, CampaignDraft::blockPath(m_block, {QStringLiteral("content")}),
                         keys);
        addConditionField(form, tr("Hide when"), tr("Never hidden"),
                          CampaignDraft::blockPath(m_block, {QStringLiteral("hide_when")}));
        addVariantsSection(form, variantsPath(), keys, QStringLiteral("content"));
    } else {
        m_title->setText(tr("Nothing selected"));
        auto *hint = new QLabel(tr("Select a block on the left to edit its content and "
                                   "variants, or \"Subject & sender\" for the envelope."),
                                content);
        hint->setWordWrap(true);
        form->addRow(hint);
    }
    QWidget *old = m_scroll->takeWidget();
    m_scroll->setWidget(content);
    m_content = content;
    if (old)
        old->deleteLater();
    if (QWidget *w = editorFor(focusedPath))
        w->setFocus();
    m_rebuilding = false;
    updateErrorStatus();
}

void BlockInspector::addFieldsSection(QFormLayout *form, const QStringList &base,
                                      const QStringList &keys)
{
    for (const QString &key : keys) {
        const QStringList path = base + QStringList{key};
        const QJsonValue v = m_doc->value(path);
        if (v.isDouble())
            addNumberField(form, BlockLabels::fieldLabel(key), path);
        else if (v.isArray() || v.isObject())
            addJsonField(form, BlockLabels::fieldLabel(key), path);
        else
            addLiquidField(form, BlockLabels::fieldLabel(key), path, !isLongField(key));
    }
}

LiquidTextEdit *BlockInspector::addLiquidField(QFormLayout *form, const QString &label,
                                               const QStringList &path, bool singleLine)
{
    auto *edit = new LiquidTextEdit;
    edit->setSingleLine(singleLine);
    edit->setCompletions(m_fields, m_filters);
    edit->setTextQuietly(m_doc->value(path).toString());
    edit->moveCursor(QTextCursor::Start); // show the beginning of long one-line fields
    edit->setProperty("mwLabel", label);
    connect(edit, &LiquidTextEdit::edited, this, [this, path](const QString &text) {
        // An emptied variant override is removed, so the variant inherits again.
        if (text.isEmpty() && path.contains(QLatin1String("variants")) &&
            path.contains(QLatin1String("content")))
            m_doc->pushValue(path, QJsonValue(QJsonValue::Undefined));
        else
            m_doc->pushValue(path, text);
    });
    connect(edit, &LiquidTextEdit::errorChanged, this, &BlockInspector::updateErrorStatus);
    bind(path, edit);
    form->addRow(label, edit);
    return edit;
}

void BlockInspector::addVariantsSection(QFormLayout *form, const QStringList &variantsPath,
                                        const QStringList &fieldKeys, const QString &fieldsKey)
{
    const QJsonArray variants = m_doc->value(variantsPath).toArray();
    auto *header = new QLabel(tr("Variants"));
    QFont f = header->font();
    f.setBold(true);
    header->setFont(f);
    form->addRow(header);
    auto *hint = new QLabel(tr("The variant with the highest priority whose condition matches "
                               "replaces the fields it sets; otherwise the default above is "
                               "used."));
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #6b7280;"));
    form->addRow(hint);

    m_variantList = new QListWidget;
    m_variantList->setObjectName(QStringLiteral("variantList"));
    m_variantList->setMaximumHeight(110);
    for (const QJsonValue &v : variants) {
        const QJsonObject o = v.toObject();
        m_variantList->addItem(
            tr("%1  · priority %2")
                .arg(o.value(QLatin1String("id")).toString(),
                     QString::number(o.value(QLatin1String("priority")).toInt())));
    }
    if (m_variant >= variants.size())
        m_variant = static_cast<int>(variants.size()) - 1;
    m_variantList->setCurrentRow(m_variant);
    connect(m_variantList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_rebuilding && row != m_variant)
            QMetaObject::invokeMethod(
                this, [this, row] { selectVariant(row); }, Qt::QueuedConnection);
    });
    auto *add = new QPushButton(tr("Add variant"));
    auto *remove = new QPushButton(tr("Remove"));
    remove->setEnabled(m_variant >= 0);
    connect(add, &QPushButton::clicked, this, [this, variantsPath, fieldsKey] {
        QJsonArray list = m_doc->value(variantsPath).toArray();
        QJsonObject v;
        v.insert(QStringLiteral("id"), QStringLiteral("variant%1").arg(list.size() + 1));
        v.insert(QStringLiteral("priority"), 10);
        v.insert(QStringLiteral("when"), QJsonObject{{QStringLiteral("always"), true}});
        if (fieldsKey.isEmpty())
            v.insert(QStringLiteral("text"), m_doc->value(textPath(m_textField)).toString());
        else
            v.insert(fieldsKey, QJsonObject());
        list.append(v);
        m_variant = static_cast<int>(list.size()) - 1;
        if (m_envelope && !m_doc->value({m_textField}).isObject()) {
            // First variant: the text becomes {default, variants}, one undo step.
            const QJsonObject text{
                {QStringLiteral("default"), m_doc->value({m_textField}).toString()},
                {QStringLiteral("variants"), list}};
            m_doc->pushValue({m_textField}, text);
        } else {
            m_doc->pushValue(variantsPath, list);
        }
    });
    connect(remove, &QPushButton::clicked, this, [this, variantsPath] {
        QJsonArray list = m_doc->value(variantsPath).toArray();
        if (m_variant < 0 || m_variant >= list.size())
            return;
        list.removeAt(m_variant);
        m_variant = qMin(m_variant, static_cast<int>(list.size()) - 1);
        m_doc->pushValue(variantsPath, list);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    form->addRow(m_variantList);
    form->addRow(buttons);

    if (m_variant < 0)
        return;
    const QStringList vpath = variantsPath + QStringList{QString::number(m_variant)};
    const QJsonObject variant = variants.at(m_variant).toObject();

    auto *name = new QLineEdit(variant.value(QLatin1String("id")).toString());
    const QStringList namePath = vpath + QStringList{QStringLiteral("id")};
    connect(name, &QLineEdit::textEdited, this,
            [this, namePath](const QString &t) { m_doc->pushValue(namePath, t); });
    bind(namePath, name);
    form->addRow(tr("Variant id"), name);

    auto *priority = new QSpinBox;
    priority->setRange(-1000, 1000);
    priority->setValue(variant.value(QLatin1String("priority")).toInt());
    priority->setToolTip(tr("Higher priorities are tried first"));
    const QStringList priorityPath = vpath + QStringList{QStringLiteral("priority")};
    connect(priority, &QSpinBox::valueChanged, this,
            [this, priorityPath](int v) { m_doc->pushValue(priorityPath, v); });
    bind(priorityPath, priority);
    form->addRow(tr("Priority"), priority);

    addConditionField(form, tr("When"), tr("No condition (always)"),
                      vpath + QStringList{QStringLiteral("when")});

    for (const QString &key : fieldKeys) {
        const QStringList path =
            fieldsKey.isEmpty() ? vpath + QStringList{key} : vpath + QStringList{fieldsKey, key};
        const QJsonValue base =
            fieldsKey.isEmpty()
                ? QJsonValue(QString())
                : m_doc->value(CampaignDraft::blockPath(m_block, {QStringLiteral("content"), key}));
        if (base.isDouble() || base.isArray() || base.isObject())
            continue; // variants override text; layout numbers stay with the block
        LiquidTextEdit *e = addLiquidField(
            form, fieldsKey.isEmpty() ? textLabel(m_textField) : BlockLabels::fieldLabel(key), path,
            !isLongField(key));
        if (!fieldsKey.isEmpty())
            e->setPlaceholderText(tr("(same as default)"));
    }
}

void BlockInspector::addNumberField(QFormLayout *form, const QString &label,
                                    const QStringList &path)
{
    auto *spin = new QSpinBox;
    spin->setRange(-100000, 100000);
    spin->setValue(m_doc->value(path).toInt());
    connect(spin, &QSpinBox::valueChanged, this,
            [this, path](int v) { m_doc->pushValue(path, v); });
    bind(path, spin);
    form->addRow(label, spin);
}

void BlockInspector::addConditionField(QFormLayout *form, const QString &label,
                                       const QString &noneLabel, const QStringList &path)
{
    auto *edit = new ConditionEditor(noneLabel);
    edit->setFields(m_fields);
    edit->setCondition(m_doc->value(path));
    connect(edit, &ConditionEditor::edited, this,
            [this, path](const QJsonValue &condition, bool typing) {
                if (!m_rebuilding)
                    m_doc->pushValue(path, condition, typing);
            });
    bind(path, edit);
    form->addRow(label, edit);
}

void BlockInspector::addJsonField(QFormLayout *form, const QString &label, const QStringList &path)
{
    // Conditions (the rules engine's JSON: field tests, segment membership, groups) and
    // structured fields are edited as JSON and only stored when they parse.
    const QJsonValue v = m_doc->value(path);
    auto *edit = new QPlainTextEdit(jsonText(v));
    edit->setPlaceholderText(tr("null (always)"));
    edit->setMinimumHeight(44);
    edit->setMaximumHeight(90);
    auto *status = new QLabel;
    status->setStyleSheet(QStringLiteral("color: #b00020;"));
    status->setWordWrap(true);
    connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, status, path] {
        if (m_rebuilding)
            return;
        const QString text = edit->toPlainText().trimmed();
        if (text.isEmpty() || text == QLatin1String("null")) {
            status->clear();
            m_doc->pushValue(path, QJsonValue(QJsonValue::Undefined));
            return;
        }
        QJsonParseError error;
        const QJsonDocument d = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            status->setText(
                tr("Not valid JSON (offset %1): %2").arg(error.offset).arg(error.errorString()));
            return;
        }
        status->clear();
        m_doc->pushValue(path, d.isObject() ? QJsonValue(d.object()) : QJsonValue(d.array()));
    });
    bind(path, edit);
    form->addRow(label, edit);
    form->addRow(status);
}

QString BlockInspector::jsonText(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented))
            .trimmed();
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented))
            .trimmed();
    return {};
}

void BlockInspector::bind(const QStringList &path, QWidget *widget)
{
    widget->setProperty("mwPath", path);
    m_bound.insert(keyOf(path), widget);
}

void BlockInspector::refreshValue(const QStringList &path)
{
    QWidget *w = editorFor(path);
    if (!w) {
        // Something we show changed shape (variants added/removed, a block restored).
        const QStringList scope =
            m_envelope ? QStringList{}
                       : (m_block >= 0 ? CampaignDraft::blockPath(m_block) : QStringList{});
        const bool inScope = m_envelope ? envelopeFields().contains(path.value(0))
                                        : (m_block >= 0 && path.mid(0, 2) == scope);
        if (inScope)
            rebuild();
        return;
    }
    const QJsonValue v = m_doc->value(path);
    if (qobject_cast<LiquidTextEdit *>(w) && (v.isObject() || v.isArray())) {
        // A text got variants (string -> {default, variants}): its fields moved.
        rebuild();
        return;
    }
    if (auto *e = qobject_cast<LiquidTextEdit *>(w)) {
        e->setTextQuietly(v.toString());
    } else if (auto *c = qobject_cast<ConditionEditor *>(w)) {
        c->setCondition(v);
    } else if (auto *l = qobject_cast<QLineEdit *>(w)) {
        if (l->text() != v.toString())
            l->setText(v.toString());
    } else if (auto *s = qobject_cast<QSpinBox *>(w)) {
        const QSignalBlocker block(s);
        s->setValue(v.toInt());
    } else if (auto *p = qobject_cast<QPlainTextEdit *>(w)) {
        const QJsonDocument now = QJsonDocument::fromJson(p->toPlainText().toUtf8());
        const QJsonValue shown = now.isObject()  ? QJsonValue(now.object())
                                 : now.isArray() ? QJsonValue(now.array())
                                                 : QJsonValue(QJsonValue::Undefined);
        if (shown != v) {
            m_rebuilding = true;
            p->setPlainText(jsonText(v));
            m_rebuilding = false;
        }
    }
    // Keep the variant list's labels in step with name and priority.
    if (m_variantList && path.size() >= 2 &&
        (path.last() == QLatin1String("id") || path.last() == QLatin1String("priority")) &&
        path.mid(0, path.size() - 2) == variantsPath()) {
        const int row = path.at(path.size() - 2).toInt();
        const QJsonObject o = m_doc->value(path.mid(0, path.size() - 1)).toObject();
        if (QListWidgetItem *item = m_variantList->item(row))
            item->setText(tr("%1  · priority %2")
                              .arg(o.value(QLatin1String("id")).toString(),
                                   QString::number(o.value(QLatin1String("priority")).toInt())));
    }
}

void BlockInspector::updateErrorStatus()
{
    if (m_rebuilding)
        return;
    for (QWidget *w : std::as_const(m_bound)) {
        auto *e = qobject_cast<LiquidTextEdit *>(w);
        if (e && e->syntaxError()) {
            emit errorStatus(
                QStringLiteral("%1: %2").arg(e->property("mwLabel").toString(), e->errorText()));
            return;
        }
    }
    emit errorStatus(QString());
}

} // namespace mw::ui
