#include "dbworker.h"

#include <sqlite3.h>

namespace mw::ui {

DbWorker::DbWorker(QObject *parent) : QObject(parent), m_executor(new QObject)
{
    m_thread.setObjectName(QStringLiteral("mw-db-worker"));
    m_executor->moveToThread(&m_thread);
    m_thread.start();
}

DbWorker::~DbWorker()
{
    close();
    m_thread.quit();
    m_thread.wait();
    delete m_executor; // its thread has finished; nothing else can touch it
}

Status DbWorker::open(const QString &path)
{
    close();
    Database::OpenOptions o;
    o.readOnly = true;
    auto db = Database::open(path, o);
    if (!db)
        return db.error();
    // Opened here, used only on the worker thread from now on (handed over before any job
    // runs; SQLite allows that for a connection that is never used concurrently).
    m_db = std::move(db.value());
    sqlite3_progress_handler(m_db.handle(), 2000, &DbWorker::progressHandler, this);
    m_open = true;
    return {};
}

void DbWorker::close()
{
    if (!m_open)
        return;
    cancelPending();
    // Runs after the (now skipped) queue, so the connection closes on its own thread.
    QMetaObject::invokeMethod(
        m_executor, [this] { m_db.close(); }, Qt::BlockingQueuedConnection);
    m_open = false;
}

void DbWorker::cancelPending()
{
    m_epoch->fetch_add(1);
}

void DbWorker::enqueue(std::function<void()> fn)
{
    QMetaObject::invokeMethod(m_executor, std::move(fn), Qt::QueuedConnection);
}

int DbWorker::progressHandler(void *self)
{
    // Non-zero interrupts the running statement: its job belongs to a cancelled epoch.
    auto *w = static_cast<DbWorker *>(self);
    const quint64 running = w->m_running.load();
    return running != 0 && running != w->m_epoch->load() ? 1 : 0;
}

} // namespace mw::ui
