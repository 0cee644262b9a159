// FilePreallocator: space is reserved ahead of the writes without changing what a reader
// sees (file size and bytes), and what was reserved past the end is given back.
#include "common/filepreallocator.h"

#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

using mw::FilePreallocator;

namespace {
struct stat statOf(int fd)
{
    struct stat st {};
    ::fstat(fd, &st);
    return st;
}
std::int64_t allocatedBytes(int fd)
{
    return static_cast<std::int64_t>(statOf(fd).st_blocks) * 512;
}
bool writeAll(int fd, const std::string &s)
{
    return ::write(fd, s.data(), s.size()) == static_cast<ssize_t>(s.size());
}
} // namespace

class TestFilePreallocator : public QObject {
    Q_OBJECT
private slots:
    void reservesAheadAndGivesBackTheRest()
    {
        QTemporaryDir dir;
        const QByteArray path = dir.filePath(QStringLiteral("out.bin")).toLocal8Bit();
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        QVERIFY(fd >= 0);
        std::string expected;
        {
            FilePreallocator pre(fd);
            QVERIFY(pre.active());
            const std::string chunk(300000, 'a');
            pre.aboutToWrite(chunk.size());
            if (!pre.active())
                QSKIP("this file system has no fallocate (the preallocator then does nothing)");
            QVERIFY(writeAll(fd, chunk));
            expected += chunk;
            // The size is what was written; the space reserved is the whole first step.
            QCOMPARE(statOf(fd).st_size, static_cast<off_t>(chunk.size()));
            QVERIFY2(allocatedBytes(fd) >= FilePreallocator::kStep,
                     qPrintable(QString::number(allocatedBytes(fd))));
            for (char c : {'b', 'c', 'd'}) {
                const std::string more(123457, c);
                pre.aboutToWrite(more.size());
                QVERIFY(writeAll(fd, more));
                expected += more;
            }
            pre.finish();
            // Released: what stays allocated is the data (rounded up to blocks).
            QCOMPARE(statOf(fd).st_size, static_cast<off_t>(expected.size()));
            QVERIFY2(allocatedBytes(fd) < static_cast<std::int64_t>(expected.size()) + (1 << 20),
                     qPrintable(QString::number(allocatedBytes(fd))));
        }
        ::close(fd);
        QFile f(QString::fromLocal8Bit(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray::fromStdString(expected));
    }

    void aWriteBiggerThanAStepIsCoveredWhole()
    {
        QTemporaryDir dir;
        const QByteArray path = dir.filePath(QStringLiteral("big.bin")).toLocal8Bit();
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        QVERIFY(fd >= 0);
        FilePreallocator pre(fd);
        const std::size_t big = static_cast<std::size_t>(FilePreallocator::kStep) + 4096;
        pre.aboutToWrite(big);
        if (!pre.active())
            QSKIP("this file system has no fallocate");
        QVERIFY(allocatedBytes(fd) >= static_cast<std::int64_t>(big));
        QCOMPARE(statOf(fd).st_size, off_t(0));
        pre.finish();
        QVERIFY(allocatedBytes(fd) < (1 << 20)); // nothing was written: all given back
        ::close(fd);
    }

    void appendingKeepsWhatWasThere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.txt"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("existing line\n");
        }
        const int fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_APPEND);
        QVERIFY(fd >= 0);
        {
            FilePreallocator pre(fd);
            pre.aboutToWrite(6);
            QVERIFY(writeAll(fd, "added\n"));
        } // the destructor finishes
        ::close(fd);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("existing line\nadded\n"));
        QVERIFY(QFileInfo(path).size() == 20);
    }

    void doesNothingForAPipe()
    {
        int p[2];
        QVERIFY(::pipe(p) == 0);
        FilePreallocator pre(p[1]);
        QVERIFY(!pre.active());
        pre.aboutToWrite(1 << 20); // no fallocate on a pipe, no error
        QVERIFY(writeAll(p[1], "x"));
        char c = 0;
        QCOMPARE(::read(p[0], &c, 1), ssize_t(1));
        QCOMPARE(c, 'x');
        pre.finish();
        ::close(p[0]);
        ::close(p[1]);
    }
};

QTEST_GUILESS_MAIN(TestFilePreallocator)
#include "tst_filepreallocator.moc"
