#pragma once

#include "experiments/experimentreport.h"

#include <QByteArray>

namespace mw {

/// Writes an ExperimentReport as CONTRACT.md's JSON document or as CSV (one row per arm and
/// metric; columns in docs/experiments.md). Undefined figures (NaN) are JSON null / empty
/// CSV fields. Numbers are written in the shortest form that reads back to the same double.
class ExperimentReportWriter {
public:
    static QByteArray json(const ExperimentReport &report);
    static QByteArray csv(const ExperimentReport &report);
};

} // namespace mw
