#include "exportdirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>

namespace mw {

namespace {

Error ioError(const QString &path, const QString &what)
{
    return Error(Error::Code::Io, QStringLiteral("%1: %2").arg(path, what));
}

/// The files a previous export lists in its marker, or nullopt when dir is not one.
std::optional<QStringList> previousExport(const QDir &dir)
{
    QFile marker(dir.filePath(QLatin1String(ExportDirectory::kMarker)));
    if (!marker.open(QIODevice::ReadOnly) || marker.size() > (64 << 20))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(marker.readAll()).object();
    if (o.value(QStringLiteral("mailwright_export")).toInt() != 1)
        return std::nullopt;
    QStringList files;
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray())
        files << v.toString();
    files << QLatin1String(ExportDirectory::kMarker);
    return files;
}

} // namespace

ExportDirectory::ExportDirectory() = default;
ExportDirectory::~ExportDirectory() = default; // an uncommitted temp dir is removed here

Status ExportDirectory::begin(const QString &target)
{
    const QFileInfo info(target);
    m_target = info.absoluteFilePath();
    if (info.exists() && !info.isDir())
        return Error(Error::Code::BadInput,
                     QStringLiteral("%1: exists and is not a directory").arg(target));
    if (info.isDir()) {
        const QDir dir(m_target);
        const QStringList entries =
            dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        if (!entries.isEmpty()) {
            const auto previous = previousExport(dir);
            bool ours = previous.has_value();
            for (const QString &e : entries)
                ours = ours && previous->contains(e) && QFileInfo(dir.filePath(e)).isFile();
            if (!ours)
                return Error(Error::Code::Refused,
                             QStringLiteral("%1: directory is not empty and not a previous "
                                            "export (no %2 listing every file); choose an "
                                            "empty or new directory")
                                 .arg(target, QLatin1String(kMarker)));
        }
    }
    const QString parent = info.absolutePath();
    if (!QFileInfo(parent).isDir())
        return ioError(target, QStringLiteral("parent directory does not exist"));
    m_temp = std::make_unique<QTemporaryDir>(parent + QStringLiteral("/.") + info.fileName() +
                                             QStringLiteral(".mw-export-XXXXXX"));
    if (!m_temp->isValid())
        return ioError(
            target,
            QStringLiteral("cannot create a directory beside it: %1").arg(m_temp->errorString()));
    // QTemporaryDir is private to the user; an export is an ordinary directory.
    QFile::setPermissions(m_temp->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                              QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                              QFileDevice::ExeOther);
    return {};
}

Status ExportDirectory::write(const QString &fileName, const QByteArray &bytes)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]*$"));
    if (!safe.match(fileName).hasMatch() || fileName == QLatin1String(kMarker))
        return Error(Error::Code::Internal, QStringLiteral("unsafe export file name"));
    if (!m_temp)
        return Error(Error::Code::Internal, QStringLiteral("export directory not begun"));
    QFile f(m_temp->filePath(fileName));
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) || f.write(bytes) != bytes.size() ||
        !f.flush())
        return ioError(m_target + QLatin1Char('/') + fileName,
                       QStringLiteral("cannot write: %1").arg(f.errorString()));
    f.close();
    if (f.error() != QFileDevice::NoError)
        return ioError(m_target + QLatin1Char('/') + fileName,
                       QStringLiteral("cannot write: %1").arg(f.errorString()));
    m_files << fileName;
    return {};
}

Status ExportDirectory::commit(QJsonObject info)
{
    if (!m_temp)
        return Error(Error::Code::Internal, QStringLiteral("export directory not begun"));
    info.insert(QStringLiteral("mailwright_export"), 1);
    info.insert(QStringLiteral("files"), QJsonArray::fromStringList(m_files));
    QSaveFile marker(m_temp->filePath(QLatin1String(kMarker)));
    if (!marker.open(QIODevice::WriteOnly) ||
        marker.write(QJsonDocument(info).toJson(QJsonDocument::Indented)) < 0 || !marker.commit())
        return ioError(
            m_target,
            QStringLiteral("cannot write the export marker: %1").arg(marker.errorString()));
    // An existing target (empty, or a previous export checked in begin()) is moved aside
    // first and removed only once the new export is in place.
    QString aside;
    if (QFileInfo(m_target).isDir()) {
        aside = m_temp->path() + QStringLiteral(".old");
        if (!QDir().rename(m_target, aside))
            return ioError(m_target, QStringLiteral("cannot replace the previous export"));
    }
    if (!QDir().rename(m_temp->path(), m_target)) {
        if (!aside.isEmpty())
            QDir().rename(aside, m_target);
        return ioError(m_target, QStringLiteral("cannot move the export into place"));
    }
    m_temp->setAutoRemove(false);
    if (!aside.isEmpty())
        QDir(aside).removeRecursively();
    return {};
}

} // namespace mw
