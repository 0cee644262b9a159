#pragma once

#include "common/error.h"

#include <QString>

#include <cstddef>
#include <string_view>

namespace mw {

/// Appends a large stream of bytes to a new file through an aligned buffer, written with
/// direct I/O (O_DIRECT) where the file system allows it. A batch render writes gigabytes
/// that nobody reads back soon: through the page cache that cost a second of kernel copying
/// per gigabyte and, at the end, an fdatasync that waited for all of it to reach the disk;
/// direct I/O streams it to the disk while rendering goes on. Falls back to ordinary writes
/// (same bytes) when direct I/O is refused (tmpfs, unaligned start, odd block sizes).
/// Does not own the descriptor; one thread.
class DirectFileWriter {
public:
    /// fd must be open for writing, positioned where the output starts. path names the
    /// file in error messages.
    DirectFileWriter(int fd, QString path, size_t bufferBytes = size_t{4} << 20);
    ~DirectFileWriter();
    DirectFileWriter(const DirectFileWriter &) = delete;
    DirectFileWriter &operator=(const DirectFileWriter &) = delete;

    Status append(std::string_view bytes);
    /// Writes what is buffered and leaves the descriptor in ordinary (buffered) mode.
    Status finish();

    /// Whether the writes so far went around the page cache.
    bool direct() const { return m_direct; }

private:
    Status writeAll(const char *data, size_t n);
    void leaveDirect();

    int m_fd;
    QString m_path;
    char *m_buffer = nullptr;
    size_t m_capacity;
    size_t m_used = 0;
    bool m_direct = false;
};

} // namespace mw
