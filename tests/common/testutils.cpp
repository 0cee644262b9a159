#include "testutils.h"

#include <QDir>
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

} // namespace mw::test
