#pragma once

#include "subscriberdirectory.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QCompleter;
class QLineEdit;
class QStandardItemModel;
class QTimer;
class QToolButton;

namespace mw::ui {

class ElidedLabel;

/// Chooses the subscriber the preview shows: search by email or name, previous/next,
/// a random sample, or members of a saved segment. Look-ups run on worker threads.
class SubscriberPicker : public QWidget {
    Q_OBJECT
public:
    explicit SubscriberPicker(QWidget *parent = nullptr);

    /// Loads the segment names and selects a first subscriber: the one with initialId
    /// (step 0) or its neighbour (step ±1), or the lowest id when initialId is 0.
    void setDatabase(const QString &path, qint64 initialId = 0, int step = 0);

    const SubscriberRef &current() const { return m_current; }
    void setCurrent(qint64 id);
    void next();
    void previous();
    void pickRandom();
    /// Restricts previous/next/random to a segment's members (empty name: everyone).
    void pickFromSegment(const QString &segment);
    void search(const QString &text);
    const QList<SubscriberRef> &searchResults() const { return m_results; }
    ElidedLabel *currentLabel() const { return m_label; }
    QLineEdit *searchEdit() const { return m_search; }

signals:
    void currentChanged(qint64 subscriberId);
    void searchFinished(int count);
    void segmentLoaded(const QString &segment, int members);
    void failed(const QString &message);

private:
    void setCurrentRef(const SubscriberRef &ref);
    void step(int direction);
    void report(const Error &error);

    QString m_path;
    SubscriberRef m_current;
    QList<SubscriberRef> m_results;
    QList<qint64> m_members; // active segment's sample, empty = all subscribers
    int m_memberPos = -1;
    quint64 m_searchSeq = 0;
    quint32 m_randomState = 0x2545F491u;
    QLineEdit *m_search;
    QCompleter *m_completer;
    QStandardItemModel *m_resultModel;
    QTimer *m_searchTimer;
    ElidedLabel *m_label;
    QComboBox *m_segments;
};

} // namespace mw::ui
