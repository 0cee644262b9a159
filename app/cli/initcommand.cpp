// mailwright-cli init --db FILE [--sample N] [--seed S]
#include "clicommand.h"

#include "sample/sampledatabase.h"

#include <QElapsedTimer>
#include <QFile>

namespace mw::cli {
namespace {

int runInit(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Creates (or migrates) a Mailwright database. With --sample N it fills a new database "
        "with N realistic subscribers, a product catalogue, 180 days of events, derived "
        "metrics, example segments and an example experiment; the same seed gives the same "
        "content."));
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("sample"),
                      QStringLiteral("Generate N sample subscribers (the database must be new "
                                     "or empty)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("seed"),
                      QStringLiteral("Seed of the sample generator (default 42)."),
                      QStringLiteral("S")});
    if (int rc = parseArgs(parser, args, QStringLiteral("init")); rc >= 0)
        return rc;
    if (int rc = requireOptions(parser, {QStringLiteral("db")}); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument \"%1\" (see --help)")
                              .arg(parser.positionalArguments().first()));

    SampleGenerator::Options options;
    const bool sample = parser.isSet(QStringLiteral("sample"));
    if (sample) {
        bool ok = false;
        const qlonglong n = parser.value(QStringLiteral("sample")).toLongLong(&ok);
        if (!ok || n < 0 || n > 50'000'000)
            return usageError(QStringLiteral("--sample: expected a number of subscribers "
                                             "between 0 and 50000000, got \"%1\"")
                                  .arg(parser.value(QStringLiteral("sample"))));
        options.subscribers = static_cast<int>(n);
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        if (!sample)
            return usageError(QStringLiteral("--seed needs --sample"));
        bool ok = false;
        const qulonglong seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return usageError(QStringLiteral("--seed: expected a non-negative integer, got \"%1\"")
                                  .arg(parser.value(QStringLiteral("seed"))));
        options.seed = seed;
    }

    const QString path = parser.value(QStringLiteral("db"));
    const bool existed = QFile::exists(path);
    auto db = openDatabase(path, true);
    if (!db)
        return fail(db.error());
    if (!sample)
        return 0;

    const bool tty = stderrIsTerminal();
    QElapsedTimer timer;
    timer.start();
    int lastPercent = -1;
    QString lastStage;
    if (tty) {
        options.progress = [&](double fraction, const QString &stage) {
            const int percent = static_cast<int>(fraction * 100);
            if (percent != lastPercent || stage != lastStage) {
                lastPercent = percent;
                lastStage = stage;
                writeErr(QStringLiteral("\r\033[K%1% %2 (%3 s)")
                             .arg(percent, 3)
                             .arg(stage)
                             .arg(timer.elapsed() / 1000)
                             .toUtf8());
            }
            return true;
        };
    }
    const Status s = SampleDatabase::populate(*db, options);
    if (tty)
        writeErr("\r\033[K");
    if (!s) {
        db->close();
        if (!existed) { // do not leave an empty database behind for a failed init
            QFile::remove(path);
            QFile::remove(path + QStringLiteral("-wal"));
            QFile::remove(path + QStringLiteral("-shm"));
        }
        return fail(s.error());
    }
    if (tty)
        printErrLine(QStringLiteral("generated %1 subscribers in %2 s")
                         .arg(options.subscribers)
                         .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    return 0;
}

const RegisterCommand reg({"init", "create or migrate a database, optionally with sample data",
                           &runInit});

} // namespace
} // namespace mw::cli
