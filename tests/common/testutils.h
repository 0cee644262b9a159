#pragma once

#include <functional>

#include "storage/database.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class QProcess;

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

/// Another program (the sqlite3 shell) holding a database's write lock with sql run inside
/// an open BEGIN IMMEDIATE transaction, until release() or destruction (rolled back).
class WriteLockHolder {
public:
    explicit WriteLockHolder(const QString &path, const QByteArray &sql = {});
    ~WriteLockHolder();
    WriteLockHolder(const WriteLockHolder &) = delete;
    WriteLockHolder &operator=(const WriteLockHolder &) = delete;
    /// Whether the lock is held (the shell started and ran the transaction's statements).
    bool held() const { return m_held; }
    /// Rolls back and ends the shell; true when it exited.
    bool release();

private:
    std::unique_ptr<QProcess> m_shell;
    bool m_held = false;
};

/// Processes events until pred() holds (true) or timeoutMs passes (false).
bool waitFor(const std::function<bool()> &pred, int timeoutMs = 30000);
/// Processes events for ms milliseconds (lets layouts and paints settle before a grab).
void settle(int ms);

} // namespace mw::test
