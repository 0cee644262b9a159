#pragma once

#include <QFile>
#include <QSaveFile>
#include <QString>

#include <memory>

namespace mw {

/// A file the program writes as its output (`--out`, a rejects file).
///
/// A regular file, or a path that does not exist yet, is written through QSaveFile: the
/// new content replaces the old one only on commit(), so a failed or cancelled run leaves
/// what was there. Anything else that already exists — /dev/null, /dev/full, a FIFO, a
/// terminal — is written in place: QSaveFile would otherwise put a regular file where the
/// device was (it renames a temporary file over it, which root may do to /dev/null).
class OutputFile {
public:
    explicit OutputFile(const QString &path);

    bool open();
    /// The device to write to (valid after open()).
    QFileDevice &device() { return m_save ? static_cast<QFileDevice &>(*m_save) : *m_direct; }
    /// Finishes the file: for a regular file, the atomic replace; false on a write error.
    bool commit();
    /// Gives up: a regular file is left as it was.
    void cancel();
    QString errorString() const;
    const QString &path() const { return m_path; }
    /// Whether the output goes straight to an existing special file.
    bool inPlace() const { return m_direct != nullptr; }

private:
    QString m_path;
    std::unique_ptr<QSaveFile> m_save;
    std::unique_ptr<QFile> m_direct;
};

} // namespace mw
