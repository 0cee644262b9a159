// mailwright-cli import subscribers|events|products --db FILE --csv FILE [--on-error abort|skip]
#include "clicommand.h"
#include "importexperiment.h"

#include "analysis/metricscalculator.h"
#include "io/csvimporter.h"

#include <QElapsedTimer>

#include <cstdio>

#include <sqlite3.h>

namespace mw::cli {
namespace {

int runImport(const QStringList &args)
{
    if (isExperimentImport(args))
        return runImportExperiment(args);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports an RFC 4180 CSV file (UTF-8, header row) into a database, in one transaction.\n"
        "KIND is subscribers, events or products (and experiment: see 'import experiment\n"
        "--help'). On success prints a one-line JSON summary.\n"
        "--on-error abort (default): any bad row means nothing is imported; bad rows are listed\n"
        "as 'line N: reason' on stderr and the exit code is 2.\n"
        "--on-error skip: good rows are imported, bad rows go to CSV.rejects.csv with a reason."));
    parser.addPositionalArgument(QStringLiteral("KIND"),
                                 QStringLiteral("subscribers, events or products"));
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("csv"), QStringLiteral("CSV file to import."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("on-error"),
                      QStringLiteral("What to do with bad rows: abort (default) or skip."),
                      QStringLiteral("MODE"), QStringLiteral("abort")});
    parser.addOption(
        {QStringLiteral("no-metrics"),
         QStringLiteral("Do not refresh the derived metrics after importing subscribers "
                        "or events (they stay stale until the next refresh).")});
    parser.addOption({QStringLiteral("rejects"),
                      QStringLiteral("Where skip mode writes bad rows (default: CSV.rejects.csv)."),
                      QStringLiteral("FILE")});
    if (int rc = parseArgs(parser, args, QStringLiteral("import"), true); rc >= 0)
        return rc;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QStringLiteral("name what to import: subscribers, events or products "
                                         "(see --help)"));
    const auto kind = CsvImporter::kindFromName(positional.first());
    if (!kind)
        return usageError(QStringLiteral("unknown import kind \"%1\" (expected subscribers, events "
                                         "or products)")
                              .arg(positional.first()));
    if (int rc = requireOptions(parser, {QStringLiteral("db"), QStringLiteral("csv")}); rc >= 0)
        return rc;

    ImportOptions options;
    const QString mode = parser.value(QStringLiteral("on-error"));
    if (mode == QLatin1String("skip"))
        options.onError = ImportOptions::OnError::Skip;
    else if (mode != QLatin1String("abort"))
        return usageError(QStringLiteral("--on-error must be abort or skip, not \"%1\"").arg(mode));
    options.rejectsPath = parser.value(QStringLiteral("rejects"));
    const QString dbPath = parser.value(QStringLiteral("db"));
    const QString csvPath = parser.value(QStringLiteral("csv"));
    if (options.onError == ImportOptions::OnError::Skip)
        if (int rc = refuseOverwritingInput(
                QStringLiteral("rejects"),
                options.rejectsPath.isEmpty() ? csvPath + QStringLiteral(".rejects.csv")
                                              : options.rejectsPath,
                {{csvPath, QStringLiteral("the file being imported")},
                 {dbPath, QStringLiteral("the database")},
                 {dbPath + QStringLiteral("-wal"), QStringLiteral("the database's WAL file")},
                 {dbPath + QStringLiteral("-shm"),
                  QStringLiteral("the database's shared memory")}});
            rc >= 0)
            return rc;

    // SQLite's allocation statistics take a global mutex on every malloc; this one-shot
    // process never reads them. (A no-op if SQLite was already initialised.)
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    auto db = openDatabase(dbPath);
    if (!db)
        return fail(db.error());

    const bool showProgress = stderrIsTerminal();
    QElapsedTimer sinceUpdate;
    sinceUpdate.start();
    if (showProgress) {
        options.progress = [&](const ImportProgress &p) {
            if (sinceUpdate.elapsed() >= 200) {
                sinceUpdate.restart();
                const int percent = p.totalBytes > 0 ? int(p.bytesRead * 100 / p.totalBytes) : 0;
                writeErr(
                    p.buildingIndexes
                        ? QStringLiteral("\r\033[Kbuilding indexes (%1 rows)").arg(p.rows).toUtf8()
                        : QStringLiteral("\rimporting %1: %2% (%3 rows)")
                              .arg(importKindName(*kind))
                              .arg(percent)
                              .arg(p.rows)
                              .toUtf8());
            }
            return true;
        };
    }

    // Derived metrics follow the imported rows, in the same transaction.
    if (*kind != ImportKind::Products && !parser.isSet(QStringLiteral("no-metrics"))) {
        options.beforeCommit = [&](Database &d) {
            MetricsCalculator::Options mo;
            if (showProgress) {
                mo.progress = [&](int64_t done, int64_t total) {
                    if (sinceUpdate.elapsed() >= 200) {
                        sinceUpdate.restart();
                        writeErr(QStringLiteral("\rrefreshing metrics: %1 of %2")
                                     .arg(done)
                                     .arg(total)
                                     .toUtf8());
                    }
                    return true;
                };
            }
            return MetricsCalculator::refresh(d, mo);
        };
    }
    auto result = CsvImporter::run(*db, *kind, csvPath, options);
    if (showProgress)
        writeErr("\r\033[K");
    if (!result)
        return fail(result.error());
    const ImportReport &report = *result;
    if (!report.committed)
        return failBadRows(report.badRows, report.rejected, report.rows,
                           QStringLiteral("(use --on-error skip to import the good rows)"));
    writeOut(report.toJson() + '\n');
    if (report.rejected > 0)
        printErrLine(QStringLiteral("warning: %1 bad rows were skipped and written to %2")
                         .arg(report.rejected)
                         .arg(report.rejectsPath));
    return 0;
}

const RegisterCommand reg({"import", "import subscribers, events or products from CSV",
                           &runImport});

} // namespace
} // namespace mw::cli
