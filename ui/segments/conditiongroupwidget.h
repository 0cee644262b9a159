#pragma once

#include "segmentcatalog.h"
#include "segmentdocument.h"

#include <QFrame>

class QComboBox;
class QLabel;
class QPushButton;

namespace mw::ui {

/// A nested all/any group: its match switch, buttons to add conditions and sub-groups,
/// reorder and remove, and its children (rows and groups) below.
class ConditionGroupWidget : public QFrame {
    Q_OBJECT
public:
    ConditionGroupWidget(SegmentDocument *document, const SegmentDocument::Path &path,
                         const SegmentCatalog &catalog, int siblings, QWidget *parent = nullptr);

    const SegmentDocument::Path &path() const { return m_path; }
    void setError(const QString &message);
    QComboBox *matchCombo() const { return m_match; }
    QPushButton *addConditionButton() const { return m_addCondition; }
    QPushButton *addGroupButton() const { return m_addGroup; }

private:
    SegmentDocument *m_document;
    SegmentDocument::Path m_path;
    QComboBox *m_match = nullptr;
    QPushButton *m_addCondition = nullptr;
    QPushButton *m_addGroup = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace mw::ui
