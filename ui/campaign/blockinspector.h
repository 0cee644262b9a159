#pragma once

#include <QHash>
#include <QJsonObject>

#include <QJsonValue>
#include <QStringList>
#include <QWidget>
#include <functional>

class QFormLayout;
class QLabel;
class QListWidget;
class QScrollArea;

namespace mw::ui {

class CampaignDraft;
class LiquidTextEdit;

/// The editor's middle pane: the fields of the selected block (or of the envelope:
/// from name, subject, preheader) and its variants with condition and priority. Every
/// widget is bound to a document path and pushes undo commands; undo/redo flows back
/// into the widgets without creating new commands.
class BlockInspector : public QWidget {
    Q_OBJECT
public:
    explicit BlockInspector(CampaignDraft *document, QWidget *parent = nullptr);

    void setCompletions(const QStringList &fields, const QStringList &filters);
    /// Where "Detach from library" gets a library block's content from.
    void setLibraryLookup(std::function<QJsonObject(const QString &)> lookup)
    {
        m_libraryLookup = std::move(lookup);
    }
    void showBlock(int index); // -1: nothing selected
    void showEnvelope();
    bool isShowingEnvelope() const { return m_envelope; }
    int blockIndex() const { return m_block; }

    /// The widget bound to a document path (tests and focus handling).
    QWidget *editorFor(const QStringList &path) const;
    LiquidTextEdit *liquidEditorFor(const QStringList &path) const;
    int currentVariant() const { return m_variant; }
    void selectVariant(int index);
    /// Which envelope text's variants the envelope view edits: "subject", "preheader" or
    /// "from_name".
    QString variantField() const { return m_textField; }
    void setVariantField(const QString &field);

    /// Paths of the text fields of the envelope and their labels.
    static QStringList envelopeFields();

signals:
    /// A Liquid field's syntax error: "Subject: line L, column C: message", or empty.
    void errorStatus(const QString &text);

private:
    void rebuild();
    void addFieldsSection(QFormLayout *form, const QStringList &base, const QStringList &keys);
    void addVariantsSection(QFormLayout *form, const QStringList &variantsPath,
                            const QStringList &fieldKeys, const QString &fieldsKey);
    void addNumberField(QFormLayout *form, const QString &label, const QStringList &path);
    void addJsonField(QFormLayout *form, const QString &label, const QStringList &path);
    void addConditionField(QFormLayout *form, const QString &label, const QString &noneLabel,
                           const QStringList &path);
    static QString jsonText(const QJsonValue &v);
    /// Where an envelope text's default lives: {field} while it is a plain string, then
    /// {field, "default"} once it has variants.
    QStringList textPath(const QString &field) const;
    static QString textLabel(const QString &field);
    LiquidTextEdit *addLiquidField(QFormLayout *form, const QString &label, const QStringList &path,
                                   bool singleLine);
    void bind(const QStringList &path, QWidget *widget);
    void refreshValue(const QStringList &path);
    void updateErrorStatus();
    QStringList variantsPath() const;

    CampaignDraft *m_doc;
    QScrollArea *m_scroll;
    QWidget *m_content = nullptr;
    QLabel *m_title;
    QListWidget *m_variantList = nullptr;
    QHash<QString, QWidget *> m_bound; // path joined by '/' → widget
    QStringList m_fields;
    QStringList m_filters;
    int m_block = -1;
    int m_variant = -1;
    bool m_envelope = false;
    QString m_textField = QStringLiteral("subject");
    bool m_rebuilding = false;
    std::function<QJsonObject(const QString &)> m_libraryLookup;
};

} // namespace mw::ui
