#pragma once

#include <QStringList>

namespace mw::cli {

/// `mailwright-cli import experiment ...` (args without "import" and "experiment").
/// The import command hands over to it: its options differ from the other import kinds'.
int runImportExperiment(const QStringList &args);

/// Whether an import command line names the experiment kind (its first positional argument).
bool isExperimentImport(const QStringList &args);

} // namespace mw::cli
