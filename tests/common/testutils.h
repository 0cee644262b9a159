#pragma once

#include "storage/database.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace mw::test {

/// A temporary directory that lives for the test; paths inside it.
class TempDir {
public:
    TempDir();
    QString path(const QString &name) const;
    QString writeFile(const QString &name, const QByteArray &content) const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

/// Opens (creating) a migrated database at path; QFAILs through the returned error.
Database openFresh(const QString &path);

/// Result of running the CLI binary (MW_CLI).
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
CliRun runCli(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 120000);

/// Path of the source tree (MW_SOURCE_DIR) and of the shared/ folder beside it.
QString sourceDir();
QString sharedDir();

/// Debian's /usr/bin/python3 (the one with SciPy and statsmodels).
QString systemPython();

QByteArray fileBytes(const QString &path);

} // namespace mw::test
