// mailwright-cli campaign list --db FILE [--format json]
// mailwright-cli campaign approve ... (campaignapprove.cpp)
// mailwright-cli campaign export|import ... (campaignbundlecommands.cpp)
#include "clicommand.h"

#include "campaignapprove.h"
#include "campaignbundlecommands.h"

#include "content/campaignstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mw::cli {
namespace {

int runList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the campaigns."));
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("Output format: text (default) or json."),
                      QStringLiteral("FORMAT")});
    if (int rc = parseArgs(parser, args, QStringLiteral("campaign list")); rc >= 0)
        return rc;
    if (int rc = requireOptions(parser, {QStringLiteral("db")}); rc >= 0)
        return rc;
    const QString format = parser.value(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("text"))
        return usageError(
            QStringLiteral("--format: expected text or json, got \"%1\"").arg(format));
    auto db = openDatabaseForReading(parser.value(QStringLiteral("db")));
    if (!db)
        return fail(db.error());
    CampaignStore store(*db);
    auto list = store.list();
    if (!list)
        return fail(list.error());
    if (format == QLatin1String("json")) {
        QJsonArray a;
        for (const CampaignRecord &c : *list) {
            QJsonObject o{{QStringLiteral("name"), c.name},
                          {QStringLiteral("status"), c.status},
                          {QStringLiteral("version"), c.version},
                          {QStringLiteral("id"), static_cast<qint64>(c.id)},
                          {QStringLiteral("has_document"), !c.document.isEmpty()},
                          {QStringLiteral("updated_at"), static_cast<qint64>(c.updatedAt)}};
            o.insert(QStringLiteral("approved_version"),
                     c.approvedVersion ? QJsonValue(*c.approvedVersion) : QJsonValue());
            a.append(o);
        }
        writeOut(QJsonDocument(a).toJson(QJsonDocument::Compact) + '\n');
        return 0;
    }
    for (const CampaignRecord &c : *list)
        printLine(c.name);
    return 0;
}

int runCampaign(const QStringList &args)
{
    const QString usage = QStringLiteral(
        "Usage: mailwright-cli campaign list --db FILE [--format json]\n"
        "       mailwright-cli campaign approve --db FILE --campaign NAME --by NAME\n"
        "       mailwright-cli campaign export --db FILE --campaign NAME --out FILE.json\n"
        "       mailwright-cli campaign import --db FILE --bundle FILE.json");
    return runSubcommand("campaign", usage, args,
                         {{"list", &runList},
                          {"approve", &runCampaignApprove},
                          {"export", &runCampaignExport},
                          {"import", &runCampaignImport}});
}

const RegisterCommand reg({"campaign", "list campaigns", &runCampaign});

} // namespace
} // namespace mw::cli
