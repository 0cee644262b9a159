#pragma once

#include "common/error.h"
#include "render/renderer.h"
#include "render/renderinsight.h"
#include "rules/membershipprovider.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace mw {

struct BatchOptions {
    int threads = 1;
    bool includeHtml = false;
    bool collectInsight = true;
    /// Batch lines carry the decisive trace entry per block unless asked for all of them.
    TraceDetail traceDetail = TraceDetail::Outcomes;
    std::atomic<bool> *cancel = nullptr;
    /// Called on the calling thread after each written chunk.
    std::function<void(int64_t done, int64_t total)> progress;
};

struct BatchSummary {
    int64_t rendered = 0;
    int64_t bytesWritten = 0;
    int threads = 0; // threads that rendered (at most one per chunk, at most 64)
    RenderInsight insight;
};

/// Renders many subscribers on N threads and writes one JSON object per line, in
/// subscriber-id order whatever the thread count (byte-identical output). Each thread
/// opens its own read-only connection and keeps its own memo; chunks are written in
/// order as they complete, with a bounded number in flight.
class BatchRenderer {
public:
    /// membership must be safe to share between threads (e.g. PreloadedMembership).
    BatchRenderer(QString databasePath, std::shared_ptr<const Renderer> renderer,
                  std::shared_ptr<MembershipProvider> membership);

    /// ids ascending. sink receives the output in order; an error from it stops the run.
    Result<BatchSummary> run(const std::vector<int64_t> &ids,
                             const std::function<Status(std::string_view)> &sink,
                             const BatchOptions &options);

    static constexpr size_t kChunkSize = 256;

private:
    QString m_path;
    std::shared_ptr<const Renderer> m_renderer;
    std::shared_ptr<MembershipProvider> m_membership;
};

} // namespace mw
