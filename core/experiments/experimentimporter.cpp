#include "experimentimporter.h"

#include "io/csvreader.h"
#include "io/fieldparsers.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

namespace mw {
namespace {

// The column a command-line option names (case-insensitive, like every header look-up).
Result<int> findColumn(const QStringList &header, const QString &name, const QString &option)
{
    for (qsizetype i = 0; i < header.size(); ++i)
        if (header[i].compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    return Error(Error::Code::BadInput, QStringLiteral("%1: no column \"%2\" in the header "
                                                       "(columns: %3)")
                                            .arg(option, name, header.join(QStringLiteral(", "))));
}

QString quotedValue(std::string_view v)
{
    constexpr size_t kShown = 40;
    QString s = QString::fromUtf8(v.data(), static_cast<qsizetype>(std::min(v.size(), kShown)));
    if (v.size() > kShown)
        s += QStringLiteral("...");
    return QLatin1Char('"') + s + QLatin1Char('"');
}

struct Unit {
    std::string id;
    int arm = 0;
    double covariate = 0;
    std::vector<double> values; // per metric; NaN: missing
};

Result<bool> experimentExists(Database &db, const QString &name)
{
    auto found = db.scalar("SELECT count(*) FROM experiments WHERE name = ?1", {name});
    if (!found)
        return found.error();
    return found->toLongLong() > 0;
}

} // namespace

QByteArray ExperimentImportReport::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("experiment"), experiment);
    o.insert(QStringLiteral("rows"), static_cast<qint64>(rows));
    QJsonObject armSizes;
    for (const auto &[name, n] : arms)
        armSizes.insert(name, static_cast<qint64>(n));
    o.insert(QStringLiteral("arms"), armSizes);
    QJsonObject missingValues;
    for (const auto &[name, n] : missing)
        missingValues.insert(name, static_cast<qint64>(n));
    o.insert(QStringLiteral("missing"), missingValues);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<ExperimentImportReport> ExperimentImporter::run(Database &db,
                                                       const ExperimentImportOptions &options)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    ExperimentImportReport report;
    report.experiment = options.name;
    if (options.name.trimmed().isEmpty())
        return Error(Error::Code::BadInput, QStringLiteral("the experiment needs a name"));
    if (options.metrics.isEmpty())
        return Error(Error::Code::BadInput, QStringLiteral("name at least one metric"));
    // Refused before the file is read: an import never replaces an experiment's results.
    auto exists = experimentExists(db, options.name);
    if (!exists)
        return exists.error();
    if (*exists)
        return Error(Error::Code::Refused,
                     QStringLiteral("experiment \"%1\" already exists; imports never replace "
                                    "an experiment's results (choose another --name)")
                         .arg(options.name));

    CsvReader reader;
    if (Status s = reader.open(options.csvPath); !s)
        return s.error();
    CsvRecord rec;
    auto headerResult = reader.readHeader(rec);
    if (!headerResult)
        return headerResult.error();
    const QStringList header = *headerResult;
    const int columns = static_cast<int>(header.size());

    auto armColumn = findColumn(header, options.armColumn, QStringLiteral("--arm-column"));
    if (!armColumn)
        return armColumn.error();
    int idColumn = -1, covariateColumn = -1;
    if (!options.idColumn.isEmpty()) {
        auto c = findColumn(header, options.idColumn, QStringLiteral("--id-column"));
        if (!c)
            return c.error();
        idColumn = *c;
    }
    if (!options.covariate.isEmpty()) {
        auto c = findColumn(header, options.covariate, QStringLiteral("--covariate"));
        if (!c)
            return c.error();
        covariateColumn = *c;
    }
    std::vector<int> metricColumns;
    QStringList metricNames;
    for (const QString &m : options.metrics) {
        auto c = findColumn(header, m, QStringLiteral("--metrics"));
        if (!c)
            return c.error();
        if (std::find(metricColumns.begin(), metricColumns.end(), *c) != metricColumns.end())
            return Error(Error::Code::BadInput,
                         QStringLiteral("--metrics: \"%1\" is named twice").arg(m));
        if (*c == *armColumn || *c == idColumn)
            return Error(Error::Code::BadInput,
                         QStringLiteral("--metrics: \"%1\" is the arm or id column").arg(m));
        metricColumns.push_back(*c);
        metricNames << header[*c];
    }

    // Every record is read and checked before anything is written.
    std::vector<Unit> units;
    QStringList armNames; // in order of first appearance
    QHash<QString, int> armIndex;
    std::unordered_map<std::string, int64_t> seenIds; // id -> line
    std::vector<int64_t> missing(metricColumns.size(), 0);
    auto bad = [&](int64_t line, const QString &reason) {
        ++report.rejected;
        if (report.badRows.size() < ImportReport::kMaxBadRowsKept)
            report.badRows.push_back({line, reason});
    };
    auto columnName = [&](int c) {
        return QStringLiteral("column %1 \"%2\"").arg(c + 1).arg(header[c]);
    };
    while (reader.next(rec)) {
        ++report.rows;
        if (!rec.error.isEmpty()) {
            bad(rec.line, rec.error);
            continue;
        }
        if (rec.size() != columns) {
            bad(rec.line, QStringLiteral("wrong number of fields: expected %1, found %2")
                              .arg(columns)
                              .arg(rec.size()));
            continue;
        }
        Unit u;
        QStringList reasons;
        const std::string_view arm = fields::trimmed(rec.field(*armColumn));
        if (arm.empty())
            reasons << QStringLiteral("%1: the arm is empty").arg(columnName(*armColumn));
        if (idColumn >= 0) {
            u.id = std::string(fields::trimmed(rec.field(idColumn)));
            if (u.id.empty())
                reasons << QStringLiteral("%1: the unit id is empty").arg(columnName(idColumn));
        } else {
            u.id = std::to_string(rec.line);
        }
        if (!u.id.empty()) {
            const auto [it, fresh] = seenIds.emplace(u.id, rec.line);
            if (!fresh)
                reasons << QStringLiteral("%1: unit id %2 repeats line %3")
                               .arg(columnName(idColumn), quotedValue(u.id))
                               .arg(it->second);
        }
        if (covariateColumn >= 0) {
            const std::string_view v = fields::trimmed(rec.field(covariateColumn));
            if (!fields::parseNumber(v, u.covariate))
                reasons << QStringLiteral("%1: %2 is not a number")
                               .arg(columnName(covariateColumn), quotedValue(v));
        } else {
            u.covariate = nan;
        }
        u.values.resize(metricColumns.size(), nan);
        for (size_t m = 0; m < metricColumns.size(); ++m) {
            const std::string_view v = fields::trimmed(rec.field(metricColumns[m]));
            if (v.empty()) {
                ++missing[m];
                continue;
            }
            if (!fields::parseNumber(v, u.values[m]))
                reasons << QStringLiteral("%1: %2 is not a number")
                               .arg(columnName(metricColumns[m]), quotedValue(v));
        }
        if (!reasons.isEmpty()) {
            bad(rec.line, reasons.join(QStringLiteral("; ")));
            continue;
        }
        const QString armName = QString::fromUtf8(arm.data(), static_cast<qsizetype>(arm.size()));
        auto found = armIndex.find(armName);
        if (found == armIndex.end()) {
            found = armIndex.insert(armName, static_cast<int>(armNames.size()));
            armNames << armName;
        }
        u.arm = *found;
        units.push_back(std::move(u));
    }
    if (const Error *e = reader.readError())
        return *e;
    if (report.rejected > 0)
        return report; // nothing written

    if (report.rows == 0)
        return Error(Error::Code::BadInput, QStringLiteral("the file has no data rows"));
    const QString control = options.control.trimmed();
    if (!armIndex.contains(control))
        return Error(
            Error::Code::BadInput,
            QStringLiteral("--control: arm \"%1\" does not occur in column \"%2\" "
                           "(arms: %3)")
                .arg(options.control, header[*armColumn], armNames.join(QStringLiteral(", "))));
    if (armNames.size() < 2)
        return Error(Error::Code::BadInput,
                     QStringLiteral("column \"%1\" has only one arm (\"%2\"); an experiment "
                                    "needs a control and at least one other arm")
                         .arg(header[*armColumn], control));
    std::vector<double> weights(static_cast<size_t>(armNames.size()), 1.0);
    if (!options.weights.empty()) {
        std::vector<bool> given(weights.size(), false);
        for (const auto &[name, w] : options.weights) {
            const auto a = armIndex.find(name.trimmed());
            if (a == armIndex.end())
                return Error(
                    Error::Code::BadInput,
                    QStringLiteral("--weights: arm \"%1\" does not occur in column "
                                   "\"%2\" (arms: %3)")
                        .arg(name, header[*armColumn], armNames.join(QStringLiteral(", "))));
            weights[static_cast<size_t>(*a)] = w;
            given[static_cast<size_t>(*a)] = true;
        }
        for (size_t a = 0; a < given.size(); ++a)
            if (!given[a])
                return Error(Error::Code::BadInput,
                             QStringLiteral("--weights: no weight for arm \"%1\" (give every "
                                            "arm one, or none for an equal split)")
                                 .arg(armNames[static_cast<qsizetype>(a)]));
    }

    // Stored order: the control first, then the other arms as they first occur.
    const int controlIndex = armIndex.value(control);
    std::vector<int> order{controlIndex};
    for (int a = 0; a < static_cast<int>(armNames.size()); ++a)
        if (a != controlIndex)
            order.push_back(a);
    std::vector<int64_t> sizes(weights.size(), 0);
    for (const Unit &u : units)
        ++sizes[static_cast<size_t>(u.arm)];

    Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    // Checked again inside the transaction: another program may have imported meanwhile.
    exists = experimentExists(db, options.name);
    if (!exists)
        return exists.error();
    if (*exists)
        return Error(Error::Code::Refused,
                     QStringLiteral("experiment \"%1\" already exists").arg(options.name));
    QJsonArray metricsJson;
    for (const QString &m : metricNames)
        metricsJson.append(m);
    auto ex = db.prepare("INSERT INTO experiments(name, salt, metrics, covariate, status, "
                         "created_at) VALUES(?1, ?2, ?3, ?4, 'completed', ?5)");
    if (!ex)
        return ex.error();
    ex->bind(1, options.name)
        .bind(2, QStringLiteral("import:") + options.name)
        .bind(3, QString::fromUtf8(QJsonDocument(metricsJson).toJson(QJsonDocument::Compact)));
    if (covariateColumn >= 0)
        ex->bind(4, header[covariateColumn]);
    else
        ex->bindNull(4);
    ex->bind(5, static_cast<int64_t>(QDateTime::currentSecsSinceEpoch()));
    if (Status s = ex->run(); !s)
        return s.error();
    const int64_t experimentId = db.lastInsertRowId();

    auto armInsert = db.prepare("INSERT INTO experiment_arms(experiment_id, name, weight, "
                                "is_control, is_holdout) VALUES(?1, ?2, ?3, ?4, 0)");
    if (!armInsert)
        return armInsert.error();
    std::vector<int64_t> armIds(weights.size(), 0);
    for (const int a : order) {
        const auto i = static_cast<size_t>(a);
        armInsert->bind(1, experimentId)
            .bind(2, armNames[a])
            .bind(3, weights[i])
            .bind(4, a == controlIndex ? 1 : 0);
        if (Status s = armInsert->run(); !s)
            return s.error();
        armIds[i] = db.lastInsertRowId();
        report.arms.emplace_back(armNames[a], sizes[i]);
    }

    auto assign = db.prepare("INSERT INTO assignments(experiment_id, unit_id, arm_id, covariate) "
                             "VALUES(?1, ?2, ?3, ?4)");
    auto outcome = db.prepare("INSERT INTO experiment_outcomes(experiment_id, unit_id, metric, "
                              "value) VALUES(?1, ?2, ?3, ?4)");
    if (!assign)
        return assign.error();
    if (!outcome)
        return outcome.error();
    const std::vector<QByteArray> metricUtf8 = [&] {
        std::vector<QByteArray> v;
        for (const QString &m : metricNames)
            v.push_back(m.toUtf8());
        return v;
    }();
    for (const Unit &u : units) {
        assign->bind(1, experimentId)
            .bind(2, std::string_view(u.id))
            .bind(3, armIds[static_cast<size_t>(u.arm)]);
        if (covariateColumn >= 0)
            assign->bind(4, u.covariate);
        else
            assign->bindNull(4);
        if (Status s = assign->run(); !s)
            return s.error();
        for (size_t m = 0; m < u.values.size(); ++m) {
            if (std::isnan(u.values[m]))
                continue;
            outcome->bind(1, experimentId)
                .bind(2, std::string_view(u.id))
                .bind(3, std::string_view(metricUtf8[m].constData(),
                                          static_cast<size_t>(metricUtf8[m].size())))
                .bind(4, u.values[m]);
            if (Status s = outcome->run(); !s)
                return s.error();
        }
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    for (size_t m = 0; m < metricColumns.size(); ++m)
        report.missing.emplace_back(metricNames[static_cast<qsizetype>(m)], missing[m]);
    report.committed = true;
    return report;
}

} // namespace mw
