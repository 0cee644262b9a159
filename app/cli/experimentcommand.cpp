// mailwright-cli experiment list|report
#include "clicommand.h"

#include "experiments/experimentreport.h"
#include "experiments/experimentreportwriter.h"
#include "experiments/experimentstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mw::cli {
namespace {

QCommandLineOption dbOption()
{
    return {QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")};
}

QCommandLineOption formatOption(const QString &formats)
{
    return {QStringLiteral("format"), QStringLiteral("Output format: %1.").arg(formats),
            QStringLiteral("FORMAT")};
}

int runList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists experiments: one name per line, or with --format json an array of objects with\n"
        "name, status, control, arms, metrics, covariate and units."));
    parser.addOption(dbOption());
    parser.addOption(formatOption(QStringLiteral("text (default) or json")));
    if (int rc = parseArgs(parser, args, QStringLiteral("experiment list")); rc >= 0)
        return rc;
    if (int rc = requireOptions(parser, {QStringLiteral("db")}); rc >= 0)
        return rc;
    const QString format = parser.value(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("text") && format != QLatin1String("json"))
        return usageError(QStringLiteral("--format: expected text or json"));
    auto db = openDatabaseForReading(parser.value(QStringLiteral("db")));
    if (!db)
        return fail(db.error());
    auto list = ExperimentStore::list(*db);
    if (!list)
        return fail(list.error());
    if (format != QLatin1String("json")) {
        for (const ExperimentStore::Summary &s : *list)
            printLine(s.name);
        return 0;
    }
    QJsonArray a;
    for (const ExperimentStore::Summary &s : *list)
        a.append(QJsonObject{{QStringLiteral("name"), s.name},
                             {QStringLiteral("status"), s.status},
                             {QStringLiteral("control"), s.control},
                             {QStringLiteral("arms"), QJsonArray::fromStringList(s.arms)},
                             {QStringLiteral("metrics"), QJsonArray::fromStringList(s.metrics)},
                             {QStringLiteral("covariate"),
                              s.covariate.isEmpty() ? QJsonValue() : QJsonValue(s.covariate)},
                             {QStringLiteral("units"), static_cast<qint64>(s.units)}});
    writeOut(QJsonDocument(a).toJson(QJsonDocument::Indented));
    return 0;
}

int runReport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reports an experiment: per arm and metric the mean, variance and sum, and against\n"
        "the control the difference and relative lift with 95% intervals, p-value (and\n"
        "Holm-adjusted), chance to beat control and incremental total; a sample-ratio check.\n"
        "--cuped adds the CUPED-adjusted figures when the experiment has a covariate.\n"
        "Formats: json (default) or csv (one row per arm and metric; docs/experiments.md)."));
    parser.addOption(dbOption());
    parser.addOption(
        {QStringLiteral("name"), QStringLiteral("The experiment."), QStringLiteral("NAME")});
    parser.addOption(formatOption(QStringLiteral("json (default) or csv")));
    parser.addOption({QStringLiteral("cuped"),
                      QStringLiteral("Add CUPED on the experiment's pre-period covariate.")});
    if (int rc = parseArgs(parser, args, QStringLiteral("experiment report")); rc >= 0)
        return rc;
    if (int rc = requireOptions(parser, {QStringLiteral("db"), QStringLiteral("name")}); rc >= 0)
        return rc;
    const QString format = parser.value(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("csv"))
        return usageError(QStringLiteral("--format: expected json or csv"));
    auto db = openDatabaseForReading(parser.value(QStringLiteral("db")));
    if (!db)
        return fail(db.error());
    auto data = ExperimentStore::load(*db, parser.value(QStringLiteral("name")));
    if (!data)
        return fail(data.error());
    const bool cuped = parser.isSet(QStringLiteral("cuped"));
    if (cuped && data->covariate.isEmpty())
        printErrLine(QStringLiteral("warning: experiment \"%1\" has no covariate; no CUPED")
                         .arg(data->name));
    const ExperimentReport report = ExperimentReport::compute(*data, cuped);
    writeOut(format == QLatin1String("csv") ? ExperimentReportWriter::csv(report)
                                            : ExperimentReportWriter::json(report));
    if (const QString why = stdoutFailure(); !why.isEmpty())
        return fail(
            Error(Error::Code::Io, QStringLiteral("could not write the report: %1").arg(why)));
    return 0;
}

int runExperiment(const QStringList &args)
{
    static const QString usage =
        QStringLiteral("Usage: mailwright-cli experiment SUBCOMMAND [options]\n\n"
                       "Subcommands:\n"
                       "  list     list experiments\n"
                       "  report   statistics of an experiment's arms against its control\n\n"
                       "Import one with 'mailwright-cli import experiment'.\n"
                       "Run 'mailwright-cli experiment SUBCOMMAND --help' for its options.\n");
    return runSubcommand("experiment", usage, args, {{"list", &runList}, {"report", &runReport}});
}

const RegisterCommand reg({"experiment", "list experiments and report their statistics",
                           &runExperiment});

} // namespace
} // namespace mw::cli
