// mailwright-cli export --db FILE --campaign NAME --out DIR [--format liquid|html|eml]
//         [--segment NAME] [--limit N]
#include "clicommand.h"

#include "export/campaignapproval.h"
#include "export/exportdirectory.h"
#include "export/liquidexport.h"
#include "export/mimemessage.h"
#include "render/campaignloader.h"
#include "render/segmentmembership.h"
#include "render/subscriberloader.h"
#include "segments/segmentservice.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unordered_set>

namespace mw::cli {
namespace {

/// The subscribers an export is for: the members of --segment, or every subscriber;
/// either way only those whose status is "subscribed" (never mail the unsubscribed or
/// bounced), ascending ids, the first `limit` of them (-1 = all).
Result<std::vector<int64_t>> audience(Database &db, const QString &segment, int64_t now,
                                      int64_t limit)
{
    auto st = db.prepare("SELECT id FROM subscribers WHERE status = 'subscribed' ORDER BY id");
    if (!st)
        return st.error();
    std::vector<int64_t> subscribed;
    while (st->step())
        subscribed.push_back(st->int64(0));
    if (const Error *e = st->error())
        return *e;
    std::vector<int64_t> ids;
    if (segment.isEmpty()) {
        ids = std::move(subscribed);
    } else {
        SegmentService service(db);
        auto members = service.memberIds(segment, now, -1);
        if (!members)
            return members.error();
        const std::unordered_set<int64_t> ok(subscribed.begin(), subscribed.end());
        for (int64_t id : *members)
            if (ok.count(id))
                ids.push_back(id);
    }
    if (limit >= 0 && static_cast<int64_t>(ids.size()) > limit)
        ids.resize(static_cast<size_t>(limit));
    return ids;
}

QString domainOf(const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    const QString d = at >= 0 ? email.mid(at + 1).trimmed() : QString();
    return d.isEmpty() ? QStringLiteral("mailwright.invalid") : d;
}

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Exports an approved campaign: the ESP-ready Liquid template (liquid), one rendered "
        "HTML file (html, the default) or one MIME message (eml) per subscriber."));
    const auto opt = [&](const char *name, const char *help, const char *value) {
        parser.addOption({QLatin1String(name), QLatin1String(help), QLatin1String(value)});
    };
    opt("db", "Database file.", "FILE");
    opt("campaign", "Campaign name (must be approved in its current version).", "NAME");
    opt("out", "Output directory: new, empty, or a previous export.", "DIR");
    opt("format", "liquid, html (default) or eml.", "FORMAT");
    opt("segment", "html/eml: only the members of this saved segment (default: everyone).", "NAME");
    opt("limit", "html/eml: at most the first N subscribers (by id).", "N");
    if (int rc = parseArgs(parser, args, QStringLiteral("export")); rc >= 0)
        return rc;
    if (int rc = requireOptions(
            parser, {QStringLiteral("db"), QStringLiteral("campaign"), QStringLiteral("out")});
        rc >= 0)
        return rc;
    const QString format = parser.isSet(QStringLiteral("format"))
                               ? parser.value(QStringLiteral("format"))
                               : QStringLiteral("html");
    if (format != QLatin1String("liquid") && format != QLatin1String("html") &&
        format != QLatin1String("eml"))
        return usageError(
            QStringLiteral("--format: expected liquid, html or eml, got \"%1\"").arg(format));
    int64_t limit = -1;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parser.value(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || limit < 1)
            return usageError(QStringLiteral("--limit: expected a positive integer, got \"%1\"")
                                  .arg(parser.value(QStringLiteral("limit"))));
    }
    const QString segment = parser.value(QStringLiteral("segment"));
    if (parser.isSet(QStringLiteral("segment")) && segment.trimmed().isEmpty())
        return usageError(QStringLiteral("--segment: expected a segment name"));
    if (format == QLatin1String("liquid") &&
        (parser.isSet(QStringLiteral("segment")) || parser.isSet(QStringLiteral("limit"))))
        return usageError(QStringLiteral("--segment and --limit apply to html and eml only"));

    auto db = openDatabaseForReading(parser.value(QStringLiteral("db")));
    if (!db)
        return fail(db.error());
    const int64_t now = db->referenceTime();
    CampaignStore store(*db);
    auto record = store.find(parser.value(QStringLiteral("campaign")));
    if (!record)
        return fail(record.error());
    if (Status s = CampaignApproval::requireApproved(*record); !s)
        return fail(s.error());
    auto campaign = CampaignLoader::load(*db, record->name, now);
    if (!campaign)
        return fail(campaign.error());
    // Saved again between the two reads: what was loaded must still be the approved version.
    if (Status s = CampaignApproval::requireApproved(campaign->record); !s)
        return fail(s.error());

    const QString outPath = parser.value(QStringLiteral("out"));
    ExportDirectory out;
    if (Status s = out.begin(outPath); !s)
        return fail(s.error());
    const int64_t exportedAt = QDateTime::currentSecsSinceEpoch();
    QJsonObject info{{QStringLiteral("campaign"), record->name},
                     {QStringLiteral("version"), record->version},
                     {QStringLiteral("format"), format},
                     {QStringLiteral("exported_at"), static_cast<qint64>(exportedAt)}};

    if (format == QLatin1String("liquid")) {
        auto liquid = LiquidExport::build(campaign->compiled->document);
        if (!liquid)
            return fail(liquid.error());
        QJsonObject manifest = liquid->manifest;
        manifest.insert(QStringLiteral("campaign"), record->name);
        manifest.insert(QStringLiteral("version"), record->version);
        for (const auto &[name, bytes] :
             {std::pair{QStringLiteral("template.html"), liquid->html},
              std::pair{QStringLiteral("template.txt"), liquid->text},
              std::pair{QStringLiteral("manifest.json"),
                        QJsonDocument(manifest).toJson(QJsonDocument::Indented)}})
            if (Status s = out.write(name, bytes); !s)
                return fail(s.error());
        info.insert(QStringLiteral("fields"), manifest.value(QStringLiteral("fields")));
    } else {
        auto ids = audience(*db, segment, now, limit);
        if (!ids)
            return fail(ids.error());
        auto membership = PreloadedMembership::load(*db, campaign->compiled->segments, now);
        if (!membership)
            return fail(membership.error());
        const bool eml = format == QLatin1String("eml");
        const bool terminal = stderrIsTerminal();
        QElapsedTimer timer;
        timer.start();
        qint64 lastReport = -1000;
        int64_t done = 0;
        const int64_t total = static_cast<int64_t>(ids->size());
        const QString domain = domainOf(campaign->compiled->document.fromEmail);
        RenderSession session;
        SubscriberLoader loader(*db);
        Status written;
        Status loaded = loader.forEach(*ids, [&](SubscriberRecord &r) {
            const RenderResult res = campaign->renderer->render(r, membership->get(), &session);
            // File names are subscriber ids, never subscriber data.
            const QString name = QString::number(res.subscriberId) +
                                 (eml ? QStringLiteral(".eml") : QStringLiteral(".html"));
            QByteArray bytes;
            if (eml) {
                MimeMessage m;
                m.fromName = QString::fromStdString(res.fromName);
                m.fromEmail = campaign->compiled->document.fromEmail;
                m.toEmail = res.email;
                m.subject = QString::fromStdString(res.subject);
                m.date = exportedAt;
                m.messageId = QStringLiteral("mw.%1.%2.%3.%4@%5")
                                  .arg(record->id)
                                  .arg(record->version)
                                  .arg(res.subscriberId)
                                  .arg(exportedAt)
                                  .arg(domain);
                m.listUnsubscribe = campaign->renderer->unsubscribeUrl(res.subscriberId);
                m.text = res.text;
                m.html = res.html;
                bytes = m.toBytes();
            } else {
                bytes = QByteArray::fromStdString(res.html);
            }
            written = out.write(name, bytes);
            ++done;
            if (terminal && (timer.elapsed() - lastReport >= 200 || done == total)) {
                lastReport = timer.elapsed();
                writeErr(QStringLiteral("\rexported %1 / %2").arg(done).arg(total).toUtf8());
                if (done == total)
                    writeErr("\n");
            }
            return bool(written);
        });
        if (!loaded)
            return fail(loaded.error());
        if (!written)
            return fail(written.error());
        info.insert(QStringLiteral("segment"), segment);
        info.insert(QStringLiteral("count"), static_cast<qint64>(done));
    }
    if (Status s = out.commit(info); !s)
        return fail(s.error());
    QJsonObject summary = info;
    summary.insert(QStringLiteral("out"), outPath);
    summary.insert(QStringLiteral("files"), static_cast<qint64>(out.files().size()));
    writeOut(QJsonDocument(summary).toJson(QJsonDocument::Compact) + '\n');
    return 0;
}

const RegisterCommand reg({"export", "export an approved campaign (liquid, html or eml)",
                           &runExport});

} // namespace
} // namespace mw::cli
