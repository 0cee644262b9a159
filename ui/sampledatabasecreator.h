#pragma once

#include "common/error.h"

#include <QString>

#include <atomic>

namespace mw::ui {

/// Creates a sample database file with the core sample generator. run() is meant for a
/// worker thread: it opens its own connection, reports progress (0..1000) through an
/// atomic the GUI polls, and stops when cancel becomes true.
class SampleDatabaseCreator {
public:
    struct Request {
        QString path;
        int subscribers = 20000;
        quint64 seed = 42;
    };

    /// False when this build has no sample generator (the action is then disabled).
    static bool isAvailable();

    /// Creates request.path (which must not exist) and fills it. On failure or cancel the
    /// file is removed again, so nothing half-written is left behind.
    static Status run(const Request &request, std::atomic<int> &progressPermille,
                      const std::atomic<bool> &cancel);

private:
    static Status generate(const Request &request, std::atomic<int> &progressPermille,
                           const std::atomic<bool> &cancel);
};

} // namespace mw::ui
