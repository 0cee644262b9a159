#include "previewscheduler.h"

#include <QMutexLocker>

namespace mw::ui {

PreviewScheduler::PreviewScheduler(PreviewRendererFactory factory, QObject *parent)
    : QObject(parent), m_factory(std::move(factory))
{
    qRegisterMetaType<mw::ui::PreviewRender>();
    m_thread.setObjectName(QStringLiteral("preview-render"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

PreviewScheduler::~PreviewScheduler()
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending.reset();
    }
    // The renderer holds the worker's database connection: release it on that thread.
    QMetaObject::invokeMethod(
        m_context, [this] { m_renderer.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void PreviewScheduler::setDatabasePath(const QString &path)
{
    m_path = path;
}

quint64 PreviewScheduler::request(const PreviewCampaign &campaign, qint64 subscriberId)
{
    const quint64 id = ++m_nextId;
    {
        QMutexLocker lock(&m_mutex);
        m_pending = Pending{m_path, campaign, subscriberId, id};
    }
    QMetaObject::invokeMethod(
        m_context, [this] { process(); }, Qt::QueuedConnection);
    return id;
}

void PreviewScheduler::process()
{
    std::optional<Pending> job;
    {
        QMutexLocker lock(&m_mutex);
        job.swap(m_pending);
    }
    if (!job)
        return; // an earlier wake-up already took the latest request
    if (m_renderer && m_rendererPath != job->path)
        m_renderer.reset();
    if (!m_renderer && m_factory && !job->path.isEmpty()) {
        m_renderer = m_factory(job->path);
        m_rendererPath = job->path;
    }
    PreviewRender result;
    result.subscriberId = job->subscriberId;
    if (m_renderer)
        result = m_renderer->render(job->campaign, job->subscriberId);
    else
        result.error = tr("No renderer is available.");
    const quint64 id = job->id;
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result), id] {
            if (id <= m_delivered)
                return;
            m_delivered = id;
            emit rendered(result, id);
        },
        Qt::QueuedConnection);
}

} // namespace mw::ui
