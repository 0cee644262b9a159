#include "directfilewriter.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace mw {

namespace {
// Direct I/O wants the buffer address, the length and the file offset aligned to the
// device's logical block size; 4 KiB covers every common device.
constexpr size_t kAlign = 4096;
} // namespace

DirectFileWriter::DirectFileWriter(int fd, QString path, size_t bufferBytes)
    : m_fd(fd), m_path(std::move(path)),
      m_capacity(std::max(kAlign, (bufferBytes + kAlign - 1) / kAlign * kAlign))
{
    m_buffer = static_cast<char *>(std::aligned_alloc(kAlign, m_capacity));
    const off_t at = ::lseek(m_fd, 0, SEEK_CUR);
    if (m_buffer && at >= 0 && at % static_cast<off_t>(kAlign) == 0) {
        const int flags = ::fcntl(m_fd, F_GETFL);
        m_direct = flags >= 0 && ::fcntl(m_fd, F_SETFL, flags | O_DIRECT) == 0;
    }
}

DirectFileWriter::~DirectFileWriter()
{
    leaveDirect();
    std::free(m_buffer);
}

void DirectFileWriter::leaveDirect()
{
    if (!m_direct)
        return;
    m_direct = false;
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(m_fd, F_SETFL, flags & ~O_DIRECT);
}

Status DirectFileWriter::writeAll(const char *data, size_t n)
{
    while (n > 0) {
        const ssize_t w = ::write(m_fd, data, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EINVAL && m_direct) {
                leaveDirect(); // the file system refuses this direct write: buffered it is
                continue;
            }
            return Error(
                Error::Code::Io,
                QStringLiteral("%1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
        }
        // A short direct write leaves the offset unaligned; later writes then fall back.
        data += w;
        n -= static_cast<size_t>(w);
    }
    return {};
}

Status DirectFileWriter::append(std::string_view bytes)
{
    if (!m_buffer)
        return writeAll(bytes.data(), bytes.size());
    while (!bytes.empty()) {
        const size_t n = std::min(m_capacity - m_used, bytes.size());
        std::memcpy(m_buffer + m_used, bytes.data(), n);
        m_used += n;
        bytes.remove_prefix(n);
        if (m_used == m_capacity) {
            m_used = 0;
            if (Status s = writeAll(m_buffer, m_capacity); !s)
                return s;
        }
    }
    return {};
}

Status DirectFileWriter::finish()
{
    const size_t used = m_used;
    m_used = 0;
    if (m_direct) {
        const size_t aligned = used / kAlign * kAlign;
        if (Status s = writeAll(m_buffer, aligned); !s)
            return s;
        leaveDirect(); // the tail is not a whole block
        return writeAll(m_buffer + aligned, used - aligned);
    }
    return writeAll(m_buffer, used);
}

} // namespace mw
