#pragma once

#include "storage/database.h"

#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace mw::ui {

/// A thread that owns one read-only connection and runs jobs on it one after another.
///
/// Views post jobs (a function of the connection) and get the result back on their own
/// thread. cancelPending() starts a new epoch: jobs posted earlier are skipped, a query
/// already running is interrupted (sqlite3 progress handler) and results not yet delivered
/// are dropped, so a view that changes its query never waits for stale work.
///
/// The receiver of results must own the worker (or outlive it): the destructor stops the
/// thread, after which no result can arrive.
class DbWorker : public QObject {
    Q_OBJECT
public:
    explicit DbWorker(QObject *parent = nullptr);
    ~DbWorker() override;

    /// Opens path read-only for this worker's thread. Call before posting jobs.
    Status open(const QString &path);
    /// Cancels pending work and closes the connection; waits for a running job to stop.
    void close();
    bool isOpen() const { return m_open; }

    /// Drops every job posted so far and interrupts the one running.
    void cancelPending();

    /// Runs job(Database &) on the worker thread, then done(result) on receiver's thread,
    /// unless cancelPending() was called in between.
    template <typename Job, typename Done> void post(QObject *receiver, Job job, Done done)
    {
        const quint64 epoch = m_epoch->load();
        auto epochs = m_epoch;
        enqueue([this, epoch, epochs, receiver, job = std::move(job),
                 done = std::move(done)]() mutable {
            if (epoch != epochs->load())
                return;
            m_running.store(epoch);
            auto result = job(m_db);
            m_running.store(0);
            if (epoch != epochs->load())
                return;
            QMetaObject::invokeMethod(
                receiver,
                [epoch, epochs, done = std::move(done), result = std::move(result)]() mutable {
                    if (epoch == epochs->load())
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

private:
    void enqueue(std::function<void()> fn);
    static int progressHandler(void *self);

    QThread m_thread;
    QObject *m_executor = nullptr; // lives in m_thread; runs the jobs
    Database m_db;                 // used only on m_thread once opened
    bool m_open = false;
    std::shared_ptr<std::atomic<quint64>> m_epoch = std::make_shared<std::atomic<quint64>>(1);
    std::atomic<quint64> m_running{0}; // epoch of the job running now, 0 when idle
};

} // namespace mw::ui
