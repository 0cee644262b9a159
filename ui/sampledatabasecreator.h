#pragma once

#include "common/error.h"

#include <QMutex>
#include <QString>

#include <atomic>

namespace mw::ui {

/// Creates a sample database file with the core sample generator. run() is meant for a
/// worker thread: it opens its own connection, reports progress through Progress (which
/// the GUI polls) and stops when cancel becomes true.
class SampleDatabaseCreator {
public:
    struct Request {
        QString path;
        int subscribers = 20000;
        quint64 seed = 42;
    };

    /// Written by the worker, read by the GUI thread.
    struct Progress {
        std::atomic<int> permille{0};
        QMutex mutex;
        QString stage; // guarded by mutex

        QString currentStage()
        {
            QMutexLocker lock(&mutex);
            return stage;
        }
    };

    /// False when this build has no sample generator (the action is then disabled).
    static bool isAvailable();

    /// Creates request.path (which must not exist) and fills it. On failure or cancel the
    /// file is removed again, so nothing half-written is left behind.
    static Status run(const Request &request, Progress &progress, const std::atomic<bool> &cancel);

private:
    static Status generate(const Request &request, Progress &progress,
                           const std::atomic<bool> &cancel);
};

} // namespace mw::ui
