#pragma once

#include <QString>

namespace mw::test {

/// Databases for the Experiments page, built through the CLI as a user would:
/// - withExperiments: Hillstrom's e-mail test ("hillstrom", control "No E-Mail", metrics
///   visit, conversion, spend, covariate history) and "unbalanced", a synthetic test with
///   600 / 400 units against an equal split (sample-ratio mismatch) whose "revenue" follows
///   its covariate closely (so CUPED visibly narrows the intervals).
/// - without experiments: an initialised, empty database.
/// Returns an empty string after a QTest failure.
QString makeExperimentDatabase(const QString &dir, bool withExperiments);

} // namespace mw::test
