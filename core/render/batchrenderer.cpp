#include "batchrenderer.h"

#include "render/subscriberloader.h"
#include "storage/database.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace mw {

BatchRenderer::BatchRenderer(QString databasePath, std::shared_ptr<const Renderer> renderer,
                             std::shared_ptr<MembershipProvider> membership)
    : m_path(std::move(databasePath)), m_renderer(std::move(renderer)),
      m_membership(std::move(membership))
{
}

Result<BatchSummary> BatchRenderer::run(const std::vector<int64_t> &ids,
                                        const std::function<Status(std::string_view)> &sink,
                                        const BatchOptions &options)
{
    const size_t chunks = (ids.size() + kChunkSize - 1) / kChunkSize;
    // No more threads than chunks, and a sane ceiling (each thread opens a connection).
    const int threads = std::clamp(
        std::min<int>(options.threads, static_cast<int>(std::max<size_t>(chunks, 1))), 1, 64);
    // Chunks in flight at most: enough to ride out a slow disk write (a chunk is ~1 MB).
    const size_t window = static_cast<size_t>(threads) * 16;

    struct Chunk {
        bool ready = false;
        int64_t count = 0;
        std::string out;
        std::optional<Error> error;
    };
    std::vector<Chunk> results(chunks);
    std::vector<std::string> spare; // written chunks' buffers, reused (guarded by mutex)
    std::mutex mutex;
    std::condition_variable cv;
    size_t nextChunk = 0; // guarded by mutex
    size_t written = 0;   // guarded by mutex
    bool stop = false;    // guarded by mutex
    std::vector<InsightCollector> collectors;
    for (int t = 0; t < threads; ++t)
        collectors.emplace_back(m_renderer->campaign());

    const auto cancelled = [&] { return options.cancel && options.cancel->load(); };

    const auto worker = [&](int t) {
        Database::OpenOptions o;
        o.readOnly = true;
        auto db = Database::open(m_path, o);
        RenderSession session;
        session.setBatchOutput(options.includeHtml);
        RenderResult r; // reused: keeps its buffers between subscribers
        std::optional<SubscriberLoader> loader;
        if (db)
            loader.emplace(*db);
        for (;;) {
            size_t c;
            Chunk chunk;
            {
                std::unique_lock lock(mutex);
                cv.wait(lock, [&] {
                    return stop || nextChunk >= chunks || nextChunk < written + window;
                });
                if (stop || nextChunk >= chunks)
                    return;
                c = nextChunk++;
                if (!spare.empty()) {
                    chunk.out = std::move(spare.back());
                    spare.pop_back();
                }
            }
            if (!db) {
                chunk.error = db.error();
            } else {
                const size_t begin = c * kChunkSize;
                const size_t end = std::min(ids.size(), begin + kChunkSize);
                const std::vector<int64_t> slice(ids.begin() + static_cast<std::ptrdiff_t>(begin),
                                                 ids.begin() + static_cast<std::ptrdiff_t>(end));
                chunk.out.clear();
                chunk.out.reserve(slice.size() * (options.includeHtml ? 24000 : 6000));
                const Status st = loader->forEach(slice, [&](SubscriberRecord &record) {
                    if (cancelled())
                        return false;
                    m_renderer->render(record, m_membership.get(), &session, options.traceDetail,
                                       r);
                    r.appendJson(chunk.out, options.includeHtml, true,
                                 options.traceDetail != TraceDetail::Full);
                    chunk.out += '\n';
                    ++chunk.count;
                    if (options.collectInsight)
                        collectors[static_cast<size_t>(t)].add(r, r.htmlSha256());
                    return true;
                });
                if (!st)
                    chunk.error = st.error();
                else if (cancelled())
                    chunk.error = Error(Error::Code::Cancelled, QStringLiteral("cancelled"));
            }
            {
                std::lock_guard lock(mutex);
                results[c] = std::move(chunk);
                results[c].ready = true;
            }
            cv.notify_all();
        }
    };

    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker, t);

    BatchSummary summary;
    summary.threads = threads;
    std::optional<Error> failure;
    for (size_t c = 0; c < chunks; ++c) {
        Chunk chunk;
        {
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return results[c].ready; });
            chunk = std::move(results[c]);
            results[c] = Chunk();
        }
        if (chunk.error) {
            failure = chunk.error;
        } else if (Status s = sink(chunk.out); !s) {
            failure = s.error();
        }
        if (failure) {
            std::lock_guard lock(mutex);
            stop = true;
        }
        summary.bytesWritten += static_cast<int64_t>(chunk.out.size());
        summary.rendered += chunk.count;
        {
            std::lock_guard lock(mutex);
            ++written;
            spare.push_back(std::move(chunk.out));
        }
        cv.notify_all();
        if (failure)
            break;
        if (options.progress)
            options.progress(static_cast<int64_t>(std::min(ids.size(), (c + 1) * kChunkSize)),
                             static_cast<int64_t>(ids.size()));
    }
    for (std::thread &t : pool)
        t.join();
    if (failure)
        return *failure;
    for (size_t t = 1; t < collectors.size(); ++t)
        collectors[0].merge(std::move(collectors[t]));
    summary.insight = collectors[0].finish();
    return summary;
}

} // namespace mw
