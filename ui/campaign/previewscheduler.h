#pragma once

#include "previewrender.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <optional>

namespace mw::ui {

/// Runs preview renders on a worker thread; the latest request wins. Requests made while
/// a render runs replace each other, so typing never queues up stale work and the GUI
/// thread never waits.
class PreviewScheduler : public QObject {
    Q_OBJECT
public:
    explicit PreviewScheduler(PreviewRendererFactory factory, QObject *parent = nullptr);
    ~PreviewScheduler() override;

    /// The database renders read from; the worker's renderer is recreated when it changes.
    void setDatabasePath(const QString &path);

    /// Queues a render; returns its request id (increasing).
    quint64 request(const PreviewCampaign &campaign, qint64 subscriberId);
    quint64 latestRequest() const { return m_nextId; }

signals:
    /// A render finished; results older than one already delivered are dropped.
    void rendered(const mw::ui::PreviewRender &render, quint64 requestId);

private:
    struct Pending {
        QString path;
        PreviewCampaign campaign;
        qint64 subscriberId = 0;
        quint64 id = 0;
    };
    void process(); // on the worker thread

    PreviewRendererFactory m_factory;
    QThread m_thread;
    QObject *m_context = nullptr;                // lives on m_thread; queued work runs there
    std::unique_ptr<PreviewRenderer> m_renderer; // used on m_thread only
    QString m_rendererPath;                      // m_thread only
    QString m_path;                              // GUI thread
    QMutex m_mutex;
    std::optional<Pending> m_pending;
    quint64 m_nextId = 0;
    quint64 m_delivered = 0;
};

} // namespace mw::ui
