#include "experimentfixture.h"

#include "testutils.h"

#include <QDir>
#include <QFile>
#include <QtTest>

namespace mw::test {

namespace {

bool cli(const QStringList &args)
{
    const CliRun r = runCli(args);
    if (r.exitCode != 0)
        qWarning("%s: %s", qPrintable(args.join(QLatin1Char(' '))), r.err.constData());
    return r.exitCode == 0;
}

/// 1,000 units: "A" (control) for the first 600, "B" for the rest. revenue = 2·prior +
/// small noise (+0.5 in B); converted is 0/1 (every 5th unit in A, every 4th in B).
QByteArray unbalancedCsv()
{
    QByteArray csv = "id,arm,revenue,converted,prior\n";
    for (int i = 0; i < 1000; ++i) {
        const bool b = i >= 600;
        const double prior = double((i * 37) % 100) / 10.0;
        const double revenue = 2 * prior + double((i * 53) % 7 - 3) * 0.1 + (b ? 0.5 : 0.0);
        const int converted = b ? (i % 4 == 0) : (i % 5 == 0);
        csv += QByteArray::number(i + 1) + (b ? ",B," : ",A,") +
               QByteArray::number(revenue, 'f', 2) + ',' + QByteArray::number(converted) + ',' +
               QByteArray::number(prior, 'f', 1) + '\n';
    }
    return csv;
}

} // namespace

QString makeExperimentDatabase(const QString &dir, bool withExperiments)
{
    const QString db = QDir(dir).filePath(withExperiments ? QStringLiteral("experiments.db")
                                                          : QStringLiteral("empty.db"));
    if (!cli({QStringLiteral("init"), QStringLiteral("--db"), db}))
        return {};
    if (!withExperiments)
        return db;
    const QString hillstrom = sharedDir() + QStringLiteral("/data/hillstrom.csv");
    if (!cli({QStringLiteral("import"), QStringLiteral("experiment"), QStringLiteral("--db"), db,
              QStringLiteral("--name"), QStringLiteral("hillstrom"), QStringLiteral("--csv"),
              hillstrom, QStringLiteral("--arm-column"), QStringLiteral("segment"),
              QStringLiteral("--control"), QStringLiteral("No E-Mail"), QStringLiteral("--metrics"),
              QStringLiteral("visit,conversion,spend"), QStringLiteral("--covariate"),
              QStringLiteral("history")}))
        return {};
    const QString csvPath = QDir(dir).filePath(QStringLiteral("unbalanced.csv"));
    QFile csv(csvPath);
    if (!csv.open(QIODevice::WriteOnly) || csv.write(unbalancedCsv()) < 0)
        return {};
    csv.close();
    if (!cli({QStringLiteral("import"), QStringLiteral("experiment"), QStringLiteral("--db"), db,
              QStringLiteral("--name"), QStringLiteral("unbalanced"), QStringLiteral("--csv"),
              csvPath, QStringLiteral("--id-column"), QStringLiteral("id"),
              QStringLiteral("--arm-column"), QStringLiteral("arm"), QStringLiteral("--control"),
              QStringLiteral("A"), QStringLiteral("--metrics"), QStringLiteral("revenue,converted"),
              QStringLiteral("--covariate"), QStringLiteral("prior")}))
        return {};
    return db;
}

} // namespace mw::test
