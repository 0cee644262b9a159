// Single-subscriber re-render after an edit, as the editor's preview does it: change a
// block's text, recompile the campaign (every template parsed once) and render one
// subscriber. Prints the median and 95th percentile over the iterations.
//   bench_render_edit FILE SUBSCRIBER_ID [ITERATIONS]
#include "content/campaignstore.h"
#include "content/samplecampaign.h"
#include "render/campaignloader.h"
#include "render/segmentmembership.h"
#include "render/subscriberloader.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace mw;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 1;
    auto db = Database::open(QString::fromLocal8Bit(argv[1]));
    if (!db)
        return 2;
    const int64_t id = std::atoll(argv[2]);
    const int iterations = argc > 3 ? std::atoi(argv[3]) : 100;
    const int64_t now = db->referenceTime();
    CampaignStore store(*db);
    auto record = store.find(SampleCampaign::name());
    auto doc = store.document(*record);
    auto recs = RecommendationProvider::load(*db);
    if (!record || !doc || !recs)
        return 2;
    ServiceMembership membership(*db, now);
    SubscriberLoader loader(*db);
    std::vector<double> full, renderOnly;
    size_t bytes = 0;
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer t;
        t.start();
        // The edit: the marketer types into the intro text.
        CampaignDocument edited = *doc;
        edited.blocks[2].content.insert(
            QStringLiteral("text"),
            QStringLiteral("Hi {{ subscriber.first_name | default: 'there' }},\n\nEdit number %1.")
                .arg(i));
        auto compiled = CompiledCampaign::compile(record->id, record->name, edited);
        if (!compiled)
            return 3;
        Renderer renderer(*compiled, *recs, now);
        const qint64 before = t.nsecsElapsed();
        auto subscriber = loader.byId(id);
        if (!subscriber)
            return 4;
        const RenderResult r = renderer.render(*subscriber, &membership);
        bytes = r.html.size();
        full.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        renderOnly.push_back(static_cast<double>(t.nsecsElapsed() - before) / 1e6);
    }
    std::sort(full.begin(), full.end());
    std::sort(renderOnly.begin(), renderOnly.end());
    const auto pct = [](const std::vector<double> &v, double p) {
        return v[static_cast<size_t>(p * (v.size() - 1))];
    };
    std::printf("re-render after edit (compile + load subscriber + render, %zu-byte email): "
                "median %.2f ms, p95 %.2f ms; of which load + render: median %.2f ms\n",
                bytes, pct(full, 0.5), pct(full, 0.95), pct(renderOnly, 0.5));
    return 0;
}
