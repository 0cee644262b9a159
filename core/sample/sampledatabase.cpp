#include "sampledatabase.h"

#include "content/samplecampaign.h"

namespace mw {

Status SampleDatabase::populate(Database &db, const SampleGenerator::Options &options)
{
    if (Status s = SampleGenerator::generate(db, options); !s)
        return s;
    // The campaign writes in transactions of its own and follows the generator's commit.
    return SampleCampaign::install(db);
}

} // namespace mw
