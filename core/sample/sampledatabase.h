#pragma once

#include "analysis/samplegenerator.h"
#include "common/error.h"
#include "storage/database.h"

namespace mw {

/// A complete sample database: the audience, products, events, metrics, segments and
/// experiment of the analysis stage's SampleGenerator, plus the example campaign of the
/// content stage. It composes the two stages so that neither depends on the other.
class SampleDatabase {
public:
    /// Fills an empty database. Refuses one that already holds data (as the generator
    /// does); on error the caller discards the file.
    static Status populate(Database &db, const SampleGenerator::Options &options);
};

} // namespace mw
