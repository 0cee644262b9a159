#pragma once

#include "segmentcatalog.h"
#include "segmentdocument.h"

#include <QFrame>
#include <QJsonObject>
#include <QJsonValue>

#include <functional>

class QComboBox;
class QHBoxLayout;
class QLabel;

namespace mw::ui {

/// One condition of the builder: a grouped field picker (profile, metrics, attributes,
/// events, segments), the operators that fit the field's type and a fitting value editor.
/// Every change is pushed to the document as an undoable edit.
class ConditionRowWidget : public QFrame {
    Q_OBJECT
public:
    ConditionRowWidget(SegmentDocument *document, const SegmentDocument::Path &path,
                       const SegmentCatalog &catalog, int siblings, QWidget *parent = nullptr);

    const SegmentDocument::Path &path() const { return m_path; }
    void setError(const QString &message);
    QComboBox *fieldCombo() const { return m_fieldCombo; }
    QComboBox *operatorCombo() const { return m_opCombo; }
    /// The editors of the current value, in order (for tests and focus handling).
    QList<QWidget *> valueEditors() const { return m_valueEditors; }

    /// The condition the builder inserts for a picker key ("field:country", "event:open",
    /// "segment").
    static QJsonObject defaultCondition(const QString &key, const SegmentCatalog &catalog);

private:
    void buildFieldEditors(const QJsonObject &node);
    void buildEventEditors(const QJsonObject &node);
    void buildSegmentEditors(const QJsonObject &node);
    void fieldPicked();
    void pushValue(const QJsonValue &value, bool quiet);
    void pushNode(const QJsonObject &node, const QString &text, bool quiet,
                  const QString &mergeKey = {});

    SegmentDocument *m_document;
    SegmentDocument::Path m_path;
    const SegmentCatalog &m_catalog;
    QJsonObject m_node;
    QComboBox *m_fieldCombo = nullptr;
    QComboBox *m_opCombo = nullptr;
    QHBoxLayout *m_editors = nullptr;
    QLabel *m_error = nullptr;
    QList<QWidget *> m_valueEditors;
};

} // namespace mw::ui
