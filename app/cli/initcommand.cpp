// mailwright-cli init --db FILE [--sample N] [--seed S]
#include "clicommand.h"

namespace mw::cli {
namespace {

int runInit(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Creates (or migrates) a Mailwright database."));
    parser.addOption({QStringLiteral("db"), QStringLiteral("Database file."),
                      QStringLiteral("FILE")});
    if (int rc = parseArgs(parser, args, QStringLiteral("init")); rc >= 0)
        return rc;
    if (int rc = requireOptions(parser, {QStringLiteral("db")}); rc >= 0)
        return rc;
    auto db = openDatabase(parser.value(QStringLiteral("db")), true);
    if (!db)
        return fail(db.error());
    return 0;
}

const RegisterCommand reg({"init", "create or migrate a database, optionally with sample data",
                           &runInit});

} // namespace
} // namespace mw::cli
