#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;

namespace mw {

/// Writes an export into a directory all or nothing: files go into a hidden temporary
/// directory beside the target and the finished directory is renamed into place, so an
/// error or a full disk never leaves a half-written export (the temporary directory is
/// removed). The target must not exist, be empty, or be a previous export of ours: it
/// holds kMarker, and every entry in it is a file the marker lists (nothing of the user's
/// is ever deleted). File names are checked: [A-Za-z0-9._-] only, no leading dot.
class ExportDirectory {
public:
    static constexpr const char *kMarker = "mailwright-export.json";

    ExportDirectory();
    ~ExportDirectory();
    ExportDirectory(const ExportDirectory &) = delete;
    ExportDirectory &operator=(const ExportDirectory &) = delete;

    /// Checks the target and creates the temporary directory. Refused (exit 3) for a
    /// non-empty directory that is not a previous export; BadInput for a path that is a
    /// file; Io when the parent cannot be written.
    Status begin(const QString &target);
    Status write(const QString &fileName, const QByteArray &bytes);
    /// Writes the marker (info plus the file list) and moves the export into place.
    Status commit(QJsonObject info);

    const QStringList &files() const { return m_files; }

private:
    QString m_target;
    std::unique_ptr<QTemporaryDir> m_temp;
    QStringList m_files;
};

} // namespace mw
