// mailwright-cli import experiment --db FILE --name NAME --csv FILE --arm-column COL
//     --control ARM --metrics M1,M2,... [--id-column COL] [--covariate COL] [--weights A=W,...]
#include "clicommand.h"
#include "importexperiment.h"

#include "experiments/experimentimporter.h"
#include "io/fieldparsers.h"

#include <QSet>

namespace mw::cli {
namespace {

const QStringList &valueOptions()
{
    static const QStringList names{
        QStringLiteral("db"),        QStringLiteral("csv"),     QStringLiteral("on-error"),
        QStringLiteral("rejects"),   QStringLiteral("name"),    QStringLiteral("arm-column"),
        QStringLiteral("control"),   QStringLiteral("metrics"), QStringLiteral("id-column"),
        QStringLiteral("covariate"), QStringLiteral("weights")};
    return names;
}

} // namespace

bool isExperimentImport(const QStringList &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a.startsWith(QLatin1Char('-'))) {
            // "--db FILE": skip the value too (but not for "--db=FILE").
            const QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
            if (!name.contains(QLatin1Char('=')) && valueOptions().contains(name))
                ++i;
            continue;
        }
        return a == QLatin1String("experiment");
    }
    return false;
}

int runImportExperiment(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports an experiment's results from an RFC 4180 CSV file (UTF-8, header row): one\n"
        "row per unit (subscriber) with its arm and its outcome per metric (0/1 or a number;\n"
        "an empty cell: no value for that unit). All in one transaction: any bad row means\n"
        "nothing is imported; bad rows are listed as 'line N: reason' on stderr (exit 2).\n"
        "An experiment of that name already in the database is refused (exit 3).\n"
        "Without --id-column a unit's id is its line number in the file.\n"
        "On success prints a one-line JSON summary (arm sizes, missing values per metric)."));
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("Name of the new experiment."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("csv"), QStringLiteral("CSV file to import."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("arm-column"), QStringLiteral("Column holding the arm."),
                      QStringLiteral("COL")});
    parser.addOption({QStringLiteral("control"),
                      QStringLiteral("The control arm's value in the arm column."),
                      QStringLiteral("ARM")});
    parser.addOption({QStringLiteral("metrics"), QStringLiteral("Comma-separated outcome columns."),
                      QStringLiteral("M1,M2,...")});
    parser.addOption({QStringLiteral("id-column"),
                      QStringLiteral("Column holding a unique unit id (default: line number)."),
                      QStringLiteral("COL")});
    parser.addOption({QStringLiteral("covariate"),
                      QStringLiteral("Pre-period covariate column for CUPED (numeric)."),
                      QStringLiteral("COL")});
    parser.addOption({QStringLiteral("weights"),
                      QStringLiteral("Planned split, e.g. control=1,treatment=2 (default: equal)."),
                      QStringLiteral("ARM=W,...")});
    parser.addPositionalArgument(QStringLiteral("experiment"), QStringLiteral("The kind."));
    if (int rc = parseArgs(parser, args, QStringLiteral("import experiment"), true); rc >= 0)
        return rc;
    if (parser.positionalArguments() != QStringList{QStringLiteral("experiment")})
        return usageError(QStringLiteral("unexpected arguments: %1")
                              .arg(parser.positionalArguments().join(QLatin1Char(' '))));
    if (int rc = requireOptions(parser, {QStringLiteral("db"), QStringLiteral("name"),
                                         QStringLiteral("csv"), QStringLiteral("arm-column"),
                                         QStringLiteral("control"), QStringLiteral("metrics")});
        rc >= 0)
        return rc;

    ExperimentImportOptions options;
    options.name = parser.value(QStringLiteral("name"));
    options.csvPath = parser.value(QStringLiteral("csv"));
    options.armColumn = parser.value(QStringLiteral("arm-column"));
    options.control = parser.value(QStringLiteral("control"));
    options.idColumn = parser.value(QStringLiteral("id-column"));
    options.covariate = parser.value(QStringLiteral("covariate"));
    if (options.name.trimmed().isEmpty())
        return usageError(QStringLiteral("--name must not be empty"));
    for (const QString &m : parser.value(QStringLiteral("metrics")).split(QLatin1Char(','))) {
        if (m.trimmed().isEmpty())
            return usageError(QStringLiteral("--metrics: an empty metric name in \"%1\"")
                                  .arg(parser.value(QStringLiteral("metrics"))));
        options.metrics << m.trimmed();
    }
    if (parser.isSet(QStringLiteral("weights"))) {
        QSet<QString> seen;
        for (const QString &item :
             parser.value(QStringLiteral("weights")).split(QLatin1Char(','))) {
            // Split at the last "=": arm names may hold one, weights never do.
            const qsizetype eq = item.lastIndexOf(QLatin1Char('='));
            const QString arm = item.left(eq).trimmed();
            double w = 0;
            if (eq <= 0 || arm.isEmpty() ||
                !fields::parseNumber(item.mid(eq + 1).trimmed().toStdString(), w))
                return usageError(
                    QStringLiteral("--weights: expected ARM=WEIGHT, not \"%1\"").arg(item));
            if (!(w > 0))
                return usageError(
                    QStringLiteral("--weights: the weight of \"%1\" must be positive, not %2")
                        .arg(arm, item.mid(eq + 1).trimmed()));
            if (seen.contains(arm))
                return usageError(QStringLiteral("--weights: arm \"%1\" is named twice").arg(arm));
            seen.insert(arm);
            options.weights.emplace_back(arm, w);
        }
    }

    auto db = openDatabase(parser.value(QStringLiteral("db")));
    if (!db)
        return fail(db.error());
    auto result = ExperimentImporter::run(*db, options);
    if (!result)
        return fail(result.error());
    const ExperimentImportReport &report = *result;
    if (!report.committed)
        return failBadRows(report.badRows, report.rejected, report.rows);
    writeOut(report.toJson() + '\n');
    return 0;
}

} // namespace mw::cli
