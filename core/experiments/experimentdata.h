#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace mw {

/// One arm of an experiment as stored in experiment_arms.
struct ExperimentArm {
    int64_t id = 0;
    QString name;
    double weight = 1; // planned share, relative to the other arms' weights
    bool isControl = false;
    bool isHoldout = false;
};

/// Everything a report needs about one experiment, loaded from the database: the arms,
/// every unit's arm and covariate, and every unit's value of every metric.
struct ExperimentData {
    QString name;
    QStringList metrics;
    QString covariate; // empty: none
    std::vector<ExperimentArm> arms;
    int control = -1; // index into arms
    // Per unit, in one order across the three vectors.
    std::vector<int> unitArm;                  // index into arms
    std::vector<double> unitCovariate;         // NaN when not recorded
    std::vector<std::vector<double>> outcomes; // [metric][unit]; NaN when missing
};

} // namespace mw
