#pragma once

#include "previewrender.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace mw::ui {

/// What a segment receives: how many distinct emails, and how many members see each
/// block/variant.
struct SegmentInsight {
    QString error; // why the analysis could not run
    int members = 0;
    int rendered = 0;
    int distinctRenders = 0;
    int withWarnings = 0;
    QHash<QString, int> subjects;              // "default" / "variant vip" → members
    QHash<QString, int> preheaders;            // the same, when the preheader has variants
    QHash<QString, int> fromNames;             // the same, when the from name has variants
    QHash<QPair<QString, QString>, int> reach; // (block, "default"/"variant x"/...) → members
    QList<QString> blockOrder;
    QStringList neverFired;
    QList<QPair<QString, int>> missingFields;
};

/// Segment overview: renders a segment's members with the core's batch renderer off the
/// GUI thread, with progress and cancel, and shows its insight: distinct renders, the
/// reach of each block/variant, rules that never fired, missing fields.
class SegmentOverviewDialog : public QDialog {
    Q_OBJECT
public:
    SegmentOverviewDialog(const QString &databasePath, const PreviewCampaign &campaign,
                          QWidget *parent = nullptr);
    ~SegmentOverviewDialog() override;

    void run(const QString &segment);
    void cancel();
    bool isRunning() const;
    const SegmentInsight &insight() const { return m_insight; }
    QTreeWidget *reachView() const { return m_reach; }

signals:
    void finished(bool completed);

private:
    void showInsight(const SegmentInsight &insight, bool completed);

    QString m_path;
    PreviewCampaign m_campaign;
    QComboBox *m_segments;
    QSpinBox *m_limit;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QTreeWidget *m_reach;
    QFutureWatcher<SegmentInsight> m_watcher;
    SegmentInsight m_insight;
};

} // namespace mw::ui
