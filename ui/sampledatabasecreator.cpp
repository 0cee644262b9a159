#include "sampledatabasecreator.h"

#include "sample/sampledatabase.h"
#include "storage/database.h"

#include <QFile>

namespace mw::ui {

bool SampleDatabaseCreator::isAvailable()
{
    return true;
}

Status SampleDatabaseCreator::run(const Request &request, Progress &progress,
                                  const std::atomic<bool> &cancel)
{
    Status s = generate(request, progress, cancel);
    if (!s) {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(request.path + QLatin1String(suffix));
    }
    return s;
}

// The one place that calls the core sample generator.
Status SampleDatabaseCreator::generate(const Request &request, Progress &progress,
                                       const std::atomic<bool> &cancel)
{
    Database::OpenOptions o;
    o.create = true;
    auto db = Database::open(request.path, o);
    if (!db)
        return db.error();
    SampleGenerator::Options options;
    options.subscribers = request.subscribers;
    options.seed = request.seed;
    options.progress = [&](double fraction, const QString &stage) {
        progress.permille = qBound(0, int(fraction * 1000), 1000);
        {
            QMutexLocker lock(&progress.mutex);
            progress.stage = stage;
        }
        return !cancel.load();
    };
    Status s = SampleDatabase::populate(*db, options);
    db->close(); // before run() may remove the file
    if (!s && cancel.load())
        return Error(Error::Code::Cancelled, QStringLiteral("cancelled"));
    return s;
}

} // namespace mw::ui
