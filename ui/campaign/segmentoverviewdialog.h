#pragma once

#include "previewrender.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonObject>

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
    int members = 0;
    int rendered = 0;
    int failed = 0;
    int distinctRenders = 0;
    QHash<QString, int> subjects;              // subject line → members
    QHash<QPair<QString, QString>, int> reach; // (block, variant) → members
    QList<QString> blockOrder;
};

/// Segment overview: renders a segment's members off the GUI thread, with progress and
/// cancel, and shows distinct renders and the reach of each block/variant.
class SegmentOverviewDialog : public QDialog {
    Q_OBJECT
public:
    SegmentOverviewDialog(PreviewRendererFactory factory, const QString &databasePath,
                          const QJsonObject &document, QWidget *parent = nullptr);
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

    PreviewRendererFactory m_factory;
    QString m_path;
    QJsonObject m_document;
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
