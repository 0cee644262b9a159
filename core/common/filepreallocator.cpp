#include "filepreallocator.h"

#include <algorithm>

#ifdef __linux__
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace mw {

FilePreallocator::FilePreallocator(int fd) : m_fd(fd)
{
#ifdef __linux__
    struct stat st {};
    m_active = fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
#endif
}

FilePreallocator::~FilePreallocator()
{
    finish();
}

void FilePreallocator::aboutToWrite(std::size_t bytes)
{
#ifdef __linux__
    if (!m_active)
        return;
    const off_t pos = ::lseek(m_fd, 0, SEEK_CUR);
    if (pos < 0) {
        m_active = false;
        return;
    }
    const std::int64_t end = static_cast<std::int64_t>(pos) + static_cast<std::int64_t>(bytes);
    if (end <= m_reservedEnd)
        return;
    const std::int64_t length = std::max<std::int64_t>(kStep, static_cast<std::int64_t>(bytes));
    if (::fallocate(m_fd, FALLOC_FL_KEEP_SIZE, pos, static_cast<off_t>(length)) != 0) {
        m_active = false; // not supported here, or no space: the writes will tell
        return;
    }
    m_reservedEnd = static_cast<std::int64_t>(pos) + length;
#else
    (void)bytes;
#endif
}

void FilePreallocator::finish()
{
#ifdef __linux__
    if (m_reservedEnd == 0)
        return;
    // Truncating a file to its own size frees the blocks reserved past its end.
    struct stat st {};
    if (::fstat(m_fd, &st) == 0 && st.st_size < m_reservedEnd)
        (void)::ftruncate(m_fd, st.st_size);
    m_reservedEnd = 0;
#endif
    m_active = false;
}

} // namespace mw
