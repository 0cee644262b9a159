// segments_contains DATABASE SEGMENT [N]
// Times SegmentService::contains() (one subscriber at a time, as a preview render asks)
// for N subscribers spread over the id range, and memberIds() for the whole segment.
#include "segments/segmentservice.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: segments_contains DATABASE SEGMENT [N]\n");
        return 1;
    }
    auto db = mw::Database::open(QString::fromLocal8Bit(argv[1]));
    if (!db)
        return 2;
    const QString segment = QString::fromLocal8Bit(argv[2]);
    const int n = argc > 3 ? std::atoi(argv[3]) : 1000;
    const int64_t now = db->referenceTime();
    const int64_t maxId = db->scalar("SELECT max(id) FROM subscribers")->toLongLong();
    mw::SegmentService service(*db);
    QElapsedTimer t;
    t.start();
    int in = 0;
    for (int i = 0; i < n; ++i) {
        auto r = service.contains(segment, 1 + (static_cast<int64_t>(i) * 7919) % maxId, now);
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().toString()));
            return 2;
        }
        in += *r ? 1 : 0;
    }
    const double perCall = static_cast<double>(t.nsecsElapsed()) / 1e3 / n;
    t.restart();
    auto ids = service.memberIds(segment, now);
    std::printf(
        "segment %s: contains() %.1f us per subscriber (%d of %d in); memberIds() %zu ids in "
        "%.0f ms\n",
        qPrintable(segment), perCall, in, n, ids ? ids->size() : size_t(0),
        static_cast<double>(t.nsecsElapsed()) / 1e6);
    return 0;
}
