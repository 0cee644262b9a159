#pragma once

#include "common/error.h"
#include "io/importtypes.h"
#include "storage/database.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <utility>
#include <vector>

namespace mw {

/// What to import: CONTRACT.md's `import experiment` options.
struct ExperimentImportOptions {
    QString name;
    QString csvPath;
    QString armColumn;
    QString control; // the control arm's value in armColumn
    QStringList metrics;
    QString idColumn;  // empty: the unit id is the record's line number in the file
    QString covariate; // empty: none
    /// The planned split, arm name and positive weight; empty means equal weights.
    std::vector<std::pair<QString, double>> weights;
};

/// What an experiment import did (or, with committed == false, why it did nothing).
struct ExperimentImportReport {
    QString experiment;
    int64_t rows = 0;            // data records read
    int64_t rejected = 0;        // bad records
    std::vector<BadRow> badRows; // the first ImportReport::kMaxBadRowsKept, in file order
    bool committed = false;
    std::vector<std::pair<QString, int64_t>> arms;    // in stored order, control first
    std::vector<std::pair<QString, int64_t>> missing; // per metric: units without a value

    QByteArray toJson() const;
};

/// Imports one experiment from a CSV file (one row per unit: its arm, its outcome per
/// metric, optionally an id and a pre-period covariate) into experiments, experiment_arms,
/// assignments and experiment_outcomes, in one transaction.
///
/// Bad rows (wrong field count, empty arm, a metric or covariate that is not a number,
/// an empty or repeated unit id, invalid UTF-8) are all collected and nothing is written
/// (report.committed == false). Problems with the file as a whole come back as an Error:
/// unreadable file or header, a named column missing (BadInput), a control arm that does not
/// occur, fewer than two arms, weights for unknown arms or not for every arm (BadInput), an
/// experiment of that name already in the database (Refused: imports never replace
/// results). An empty metric cell means the unit has no value for that metric (it is left
/// out of that metric's figures).
class ExperimentImporter {
public:
    static Result<ExperimentImportReport> run(Database &db, const ExperimentImportOptions &options);
};

} // namespace mw
