#pragma once

#include <cstddef>
#include <cstdint>

namespace mw {

/// Reserves disk space ahead of a long run of sequential writes to a regular file.
///
/// Without it the file system allocates blocks page by page as the writes arrive (on ext4
/// that is a delayed-allocation reservation and an extent-cache update per 4 KiB page, a
/// large share of the system time of writing a batch of emails). aboutToWrite() reserves
/// the next 64 MiB at once with fallocate(FALLOC_FL_KEEP_SIZE): the file's size does not
/// change, so a reader sees exactly the bytes written so far. finish() (and the
/// destructor) gives back what was reserved beyond the end of the file.
///
/// It is only a hint: for anything but a regular file (a pipe, a terminal, /dev/null), on a
/// file system without fallocate, or when a reservation fails (a nearly full disk) it does
/// nothing, and the writes report their own errors as before.
class FilePreallocator {
public:
    /// fd: the descriptor the writes go to (not owned; must outlive this object).
    explicit FilePreallocator(int fd);
    ~FilePreallocator();
    FilePreallocator(const FilePreallocator &) = delete;
    FilePreallocator &operator=(const FilePreallocator &) = delete;

    /// Call before writing `bytes` more at the descriptor's current position.
    void aboutToWrite(std::size_t bytes);
    /// Releases space reserved beyond the end of the file. Idempotent.
    void finish();
    /// Whether reservations are being made (a regular file that supports them).
    bool active() const { return m_active; }

    static constexpr std::int64_t kStep = std::int64_t(64) << 20;

private:
    int m_fd = -1;
    bool m_active = false;
    std::int64_t m_reservedEnd = 0; // the file is reserved up to here
};

} // namespace mw
