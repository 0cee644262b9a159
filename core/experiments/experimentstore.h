#pragma once

#include "common/error.h"
#include "experiments/experimentdata.h"
#include "storage/database.h"

#include <QString>

#include <vector>

namespace mw {

/// Reads experiments from the database (experiments, experiment_arms, assignments,
/// experiment_outcomes).
class ExperimentStore {
public:
    struct Summary {
        QString name;
        QString status;
        QString control;
        int64_t units = 0;
        QStringList arms;
        QStringList metrics;
        QString covariate;
    };

    /// Every experiment, by name.
    static Result<std::vector<Summary>> list(Database &db);
    /// One experiment with all its units; NotFound (exit 2) for an unknown name.
    static Result<ExperimentData> load(Database &db, const QString &name);
};

} // namespace mw
