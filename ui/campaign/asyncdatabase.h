#pragma once

#include "common/error.h"
#include "storage/database.h"

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace mw::ui {

/// Runs work(Database &) on the thread pool with that thread's own read-only connection
/// to path, then done(Result<T>) on context's thread. If context is destroyed first, done
/// is never called (the watcher dies with it).
template <typename T, typename Work, typename Done>
void runWithDatabase(QObject *context, const QString &path, Work work, Done done)
{
    using Box = std::shared_ptr<Result<T>>;
    auto *watcher = new QFutureWatcher<Box>(context);
    QObject::connect(watcher, &QFutureWatcher<Box>::finished, context,
                     [watcher, done = std::move(done)] {
                         const Box box = watcher->result();
                         watcher->deleteLater();
                         done(*box);
                     });
    watcher->setFuture(QtConcurrent::run([path, work = std::move(work)]() -> Box {
        Database::OpenOptions options;
        options.readOnly = true;
        auto db = Database::open(path, options);
        if (!db)
            return std::make_shared<Result<T>>(db.error());
        return std::make_shared<Result<T>>(work(*db));
    }));
}

} // namespace mw::ui
