#include "sampledatabasecreator.h"

#include "storage/database.h"

#include <QFile>

namespace mw::ui {

bool SampleDatabaseCreator::isAvailable()
{
    return false;
}

Status SampleDatabaseCreator::run(const Request &request, std::atomic<int> &progressPermille,
                                  const std::atomic<bool> &cancel)
{
    Status s = generate(request, progressPermille, cancel);
    if (!s) {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(request.path + QLatin1String(suffix));
    }
    return s;
}

// The one place that calls the core sample generator.
Status SampleDatabaseCreator::generate(const Request &request, std::atomic<int> &progressPermille,
                                       const std::atomic<bool> &cancel)
{
    Q_UNUSED(request)
    Q_UNUSED(cancel)
    progressPermille = 0;
    return Error(
        Error::Code::Internal,
        QStringLiteral("this build has no sample generator (core/analysis/samplegenerator.h)"));
}

} // namespace mw::ui
