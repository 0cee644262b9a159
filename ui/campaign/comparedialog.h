#pragma once

#include "previewrender.h"

#include <QDialog>
#include <QJsonObject>

class QTreeWidget;

namespace mw::ui {

class PreviewScheduler;
class PreviewView;
class SubscriberPicker;

/// Two subscribers' emails side by side, with the blocks and variants that differ marked.
class CompareDialog : public QDialog {
    Q_OBJECT
public:
    CompareDialog(PreviewRendererFactory factory, const QString &databasePath,
                  const PreviewCampaign &campaign, qint64 firstSubscriber,
                  QWidget *parent = nullptr);

    SubscriberPicker *picker(int side) const { return m_pickers[side]; }
    PreviewView *view(int side) const { return m_views[side]; }
    QTreeWidget *differences() const { return m_diff; }
    /// Number of rows marked as different in the last comparison.
    int differenceCount() const { return m_differences; }

signals:
    void compared(int differences);

private:
    void updateDifferences();

    PreviewCampaign m_campaign;
    SubscriberPicker *m_pickers[2];
    PreviewView *m_views[2];
    PreviewScheduler *m_schedulers[2];
    PreviewRender m_renders[2];
    bool m_have[2] = {false, false};
    QTreeWidget *m_diff;
    int m_differences = 0;
};

} // namespace mw::ui
