#include "outputfile.h"

#include <QFileInfo>

namespace mw {

OutputFile::OutputFile(const QString &path) : m_path(path)
{
    const QFileInfo info(path); // follows symbolic links (/dev/stdout → a pipe or terminal)
    if (info.exists() && !info.isFile() && !info.isDir())
        m_direct = std::make_unique<QFile>(path);
    else
        m_save = std::make_unique<QSaveFile>(path);
}

bool OutputFile::open()
{
    if (m_save)
        return m_save->open(QIODevice::WriteOnly);
    return m_direct->open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

bool OutputFile::commit()
{
    if (m_save)
        return m_save->commit();
    const bool ok = m_direct->error() == QFileDevice::NoError && m_direct->flush();
    m_direct->close();
    return ok && m_direct->error() == QFileDevice::NoError;
}

void OutputFile::cancel()
{
    if (m_save)
        m_save->cancelWriting();
    else
        m_direct->close();
}

QString OutputFile::errorString() const
{
    return m_save ? m_save->errorString() : m_direct->errorString();
}

} // namespace mw
