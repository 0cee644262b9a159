// Times the sample generator stage by stage (wall clock and process CPU time, since the
// machine is shared), then a separate metrics refresh over the generated database.
//   bench_generate DB SUBSCRIBERS [SEED]
#include "analysis/metricscalculator.h"
#include "sample/sampledatabase.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <ctime>

using namespace mw;

namespace {
double cpuSeconds()
{
    return double(std::clock()) / CLOCKS_PER_SEC;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: bench_generate DB SUBSCRIBERS [SEED]\n");
        return 1;
    }
    const QString path = args.at(1);
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QString::fromLatin1(suffix));
    Database::OpenOptions oo;
    oo.create = true;
    auto db = Database::open(path, oo);
    if (!db) {
        std::fprintf(stderr, "error: %s\n", qPrintable(db.error().toString()));
        return 2;
    }
    SampleGenerator::Options o;
    o.subscribers = args.at(2).toInt();
    o.seed = args.size() > 3 ? args.at(3).toULongLong() : 42;
    QElapsedTimer wall;
    wall.start();
    QString stage;
    double stageWall = 0, stageCpu = cpuSeconds();
    const double cpu0 = stageCpu;
    o.progress = [&](double, const QString &s) {
        if (s != stage) {
            const double w = wall.elapsed() / 1000.0, c = cpuSeconds();
            if (!stage.isEmpty())
                std::printf("  stage %-26s wall %7.1f s  cpu %7.1f s\n", qPrintable(stage),
                            w - stageWall, c - stageCpu);
            stage = s;
            stageWall = w;
            stageCpu = c;
        }
        return true;
    };
    const Status s = SampleDatabase::populate(*db, o);
    if (!s) {
        std::fprintf(stderr, "error: %s\n", qPrintable(s.error().toString()));
        return 2;
    }
    db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const double genWall = wall.elapsed() / 1000.0, genCpu = cpuSeconds() - cpu0;
    const qint64 events = db->scalar("SELECT count(*) FROM events")->toLongLong();
    std::printf("generate: subscribers=%d events=%lld wall=%.1f s cpu=%.1f s file=%.0f MB\n",
                o.subscribers, events, genWall, genCpu, double(QFileInfo(path).size()) / 1e6);

    wall.restart();
    const double c0 = cpuSeconds();
    const Status r = MetricsCalculator::refresh(*db);
    if (!r) {
        std::fprintf(stderr, "error: %s\n", qPrintable(r.error().toString()));
        return 2;
    }
    std::printf("metrics refresh: subscribers=%d wall=%.1f s cpu=%.1f s\n", o.subscribers,
                wall.elapsed() / 1000.0, cpuSeconds() - c0);
    return 0;
}
