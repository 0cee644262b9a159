#pragma once

#include "io/csvreader.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace mw {

/// Reads (and validates) CSV records on a worker thread and hands them to the importing
/// thread in file order, in batches, so parsing overlaps with SQLite's work.
class RecordPipeline {
public:
    /// Runs on the worker thread for each record; marks a bad record by setting its error.
    using Validate = std::function<void(CsvRecord &)>;

    RecordPipeline(CsvReader &reader, Validate validate, int batchSize = 1024, int batches = 8);
    ~RecordPipeline(); // stops the worker and waits for it
    RecordPipeline(const RecordPipeline &) = delete;
    RecordPipeline &operator=(const RecordPipeline &) = delete;

    /// The next record, or nullptr at the end. Valid until the next call.
    CsvRecord *next();
    /// The rest of the current batch of records (at least one), or an empty span at the
    /// end. Valid until the next call of either function.
    std::span<CsvRecord> nextBatch();
    /// Bytes the worker has read so far.
    int64_t bytesRead() const { return m_bytesRead.load(std::memory_order_relaxed); }
    /// Stops the worker early (cancel) and waits for it.
    void stop();

private:
    struct Batch {
        std::vector<CsvRecord> records;
        size_t count = 0;
        bool last = false;
    };
    void work();

    CsvReader &m_reader;
    Validate m_validate;
    std::vector<Batch> m_batches;
    std::deque<size_t> m_free, m_full;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_stop = false;
    std::atomic<int64_t> m_bytesRead{0};
    size_t m_current = SIZE_MAX; // batch being consumed
    size_t m_index = 0;
    bool m_done = false;
    std::thread m_thread;
};

} // namespace mw
