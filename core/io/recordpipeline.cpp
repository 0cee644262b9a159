#include "recordpipeline.h"

namespace mw {

RecordPipeline::RecordPipeline(CsvReader &reader, Validate validate, int batchSize, int batches)
    : m_reader(reader), m_validate(std::move(validate)), m_batches(static_cast<size_t>(batches))
{
    for (size_t i = 0; i < m_batches.size(); ++i) {
        m_batches[i].records.resize(static_cast<size_t>(batchSize));
        m_free.push_back(i);
    }
    m_thread = std::thread([this] { work(); });
}

RecordPipeline::~RecordPipeline()
{
    stop();
}

void RecordPipeline::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void RecordPipeline::work()
{
    for (;;) {
        size_t b;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stop || !m_free.empty(); });
            if (m_stop)
                return;
            b = m_free.front();
            m_free.pop_front();
        }
        Batch &batch = m_batches[b];
        batch.count = 0;
        batch.last = false;
        while (batch.count < batch.records.size()) {
            CsvRecord &rec = batch.records[batch.count];
            if (!m_reader.next(rec)) {
                batch.last = true;
                break;
            }
            if (rec.error.isEmpty() && m_validate)
                m_validate(rec);
            ++batch.count;
        }
        m_bytesRead.store(m_reader.bytesRead(), std::memory_order_relaxed);
        {
            std::lock_guard lock(m_mutex);
            m_full.push_back(b);
        }
        m_changed.notify_all();
        if (batch.last)
            return;
    }
}

CsvRecord *RecordPipeline::next()
{
    if (m_done)
        return nullptr;
    if (m_current != SIZE_MAX && m_index < m_batches[m_current].count)
        return &m_batches[m_current].records[m_index++];
    if (m_current != SIZE_MAX) {
        const bool last = m_batches[m_current].last;
        {
            std::lock_guard lock(m_mutex);
            m_free.push_back(m_current);
        }
        m_changed.notify_all();
        m_current = SIZE_MAX;
        if (last) {
            m_done = true;
            return nullptr;
        }
    }
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_full.empty(); });
        m_current = m_full.front();
        m_full.pop_front();
    }
    m_index = 0;
    return next();
}

std::span<CsvRecord> RecordPipeline::nextBatch()
{
    CsvRecord *first = next(); // moves to a batch with records left, if any
    if (!first)
        return {};
    Batch &batch = m_batches[m_current];
    const size_t begin = m_index - 1;
    m_index = batch.count;
    return std::span<CsvRecord>(batch.records.data() + begin, batch.count - begin);
}

} // namespace mw
