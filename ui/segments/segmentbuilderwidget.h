#pragma once

#include "segmentcatalog.h"
#include "segmentdocument.h"

#include <QScrollArea>

namespace mw::ui {

class ConditionGroupWidget;
class ConditionRowWidget;

/// The condition tree editor: rebuilt from the document on structural changes, left alone
/// while the user types (the editor already shows the value).
class SegmentBuilderWidget : public QScrollArea {
    Q_OBJECT
public:
    explicit SegmentBuilderWidget(SegmentDocument *document, QWidget *parent = nullptr);

    void setCatalog(const SegmentCatalog &catalog);
    const SegmentCatalog &catalog() const { return m_catalog; }
    /// Shows a validation error at its JSON path ("conditions[1].conditions[0].value").
    void showError(const QString &jsonPath, const QString &message);
    void clearErrors();

    ConditionGroupWidget *group(const SegmentDocument::Path &path) const;
    ConditionRowWidget *row(const SegmentDocument::Path &path) const;

    static SegmentDocument::Path pathOf(const QString &jsonPath, QString *rest = nullptr);

private:
    void rebuild();

    SegmentDocument *m_document;
    SegmentCatalog m_catalog;
};

} // namespace mw::ui
