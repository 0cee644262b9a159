// mailwright-cli campaign approve --db FILE --campaign NAME --by NAME
#include "campaignapprove.h"

#include "clicommand.h"

#include "export/approvalchecklist.h"
#include "export/campaignapproval.h"
#include "render/campaignloader.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace mw::cli {

int runCampaignApprove(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs the approval checklist and, when it passes, approves the "
                       "campaign's current version for export."));
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("campaign"), QStringLiteral("Campaign name."), QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("by"), QStringLiteral("Who approves it."), QStringLiteral("NAME")});
    if (int rc = parseArgs(parser, args, QStringLiteral("campaign approve")); rc >= 0)
        return rc;
    if (int rc = requireOptions(
            parser, {QStringLiteral("db"), QStringLiteral("campaign"), QStringLiteral("by")});
        rc >= 0)
        return rc;
    const QString by = parser.value(QStringLiteral("by")).trimmed();
    if (by.isEmpty())
        return usageError(QStringLiteral("--by: expected a name"));

    auto db = openDatabase(parser.value(QStringLiteral("db")));
    if (!db)
        return fail(db.error());
    const int64_t now = db->referenceTime(); // rules see the database's "now", like render
    auto campaign = CampaignLoader::load(*db, parser.value(QStringLiteral("campaign")), now);
    if (!campaign)
        return fail(campaign.error());
    auto report = ApprovalChecklist::run(*db, *campaign, now);
    if (!report)
        return fail(report.error());
    if (!report->passed()) {
        const QStringList failures = report->failures();
        return fail(Error(Error::Code::Refused,
                          QStringLiteral("campaign \"%1\" not approved: %2 checklist item(s) "
                                         "failed")
                              .arg(campaign->record.name)
                              .arg(failures.size())),
                    failures);
    }
    const int64_t approvedAt = QDateTime::currentSecsSinceEpoch(); // when it was signed off
    CampaignApproval approval(*db);
    if (Status s = approval.approve(campaign->record.id, campaign->record.version, by, approvedAt);
        !s)
        return fail(s.error());
    QJsonObject out = report->toJson();
    out.insert(QStringLiteral("campaign"), campaign->record.name);
    out.insert(QStringLiteral("status"), QStringLiteral("approved"));
    out.insert(QStringLiteral("approved_version"), campaign->record.version);
    out.insert(QStringLiteral("approved_by"), by);
    out.insert(QStringLiteral("approved_at"), static_cast<qint64>(approvedAt));
    writeOut(QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n');
    return 0;
}

} // namespace mw::cli
