#include "testutils.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QtTest>

namespace mw::test {

TempDir::TempDir() : m_dir(std::make_unique<QTemporaryDir>()) {}

QString TempDir::path(const QString &name) const
{
    return m_dir->filePath(name);
}

QString TempDir::writeFile(const QString &name, const QByteArray &content) const
{
    const QString p = path(name);
    QFile f(p);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write test file");
    f.write(content);
    return p;
}

Database openFresh(const QString &path)
{
    Database::OpenOptions o;
    o.create = true;
    auto db = Database::open(path, o);
    if (!db) {
        qWarning("%s", qPrintable(db.error().toString()));
        return Database();
    }
    return std::move(db.value());
}

CliRun runCli(const QStringList &args, const QByteArray &stdinData, int timeoutMs)
{
    CliRun r;
    QProcess p;
    p.start(qEnvironmentVariable("MW_CLI"), args);
    if (!p.waitForStarted())
        return r;
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString sourceDir()
{
    return qEnvironmentVariable("MW_SOURCE_DIR");
}

QString sharedDir()
{
    return QDir(sourceDir()).absoluteFilePath(QStringLiteral("../shared"));
}

QString systemPython()
{
    return QStringLiteral("/usr/bin/python3");
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

WriteLockHolder::WriteLockHolder(const QString &path, const QByteArray &sql)
    : m_shell(std::make_unique<QProcess>())
{
    m_shell->start(QStringLiteral("sqlite3"), {path});
    if (!m_shell->waitForStarted())
        return;
    m_shell->write("BEGIN IMMEDIATE; " + sql + "\nSELECT 'ready';\n");
    QByteArray out;
    while (!out.contains("ready") && m_shell->waitForReadyRead(10000))
        out += m_shell->readAllStandardOutput();
    m_held = out.contains("ready");
}

WriteLockHolder::~WriteLockHolder()
{
    release();
}

bool WriteLockHolder::release()
{
    if (!m_shell || m_shell->state() == QProcess::NotRunning)
        return true;
    m_shell->write("ROLLBACK;\n.quit\n");
    m_shell->closeWriteChannel();
    m_held = false;
    return m_shell->waitForFinished(10000);
}

bool waitFor(const std::function<bool()> &pred, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

} // namespace mw::test
