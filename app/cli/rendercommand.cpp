// mailwright-cli render --db FILE --campaign NAME --subscriber ID|EMAIL [--format html|text|json]
// mailwright-cli render --db FILE --campaign NAME --segment NAME --out FILE.jsonl
//         [--threads N] [--limit N] [--include-html] [--insight]
#include "clicommand.h"

#include "common/outputfile.h"

#include "render/batchrenderer.h"
#include "render/campaignloader.h"
#include "render/directfilewriter.h"
#include "render/segmentmembership.h"
#include "render/subscriberloader.h"
#include "segments/segmentcompiler.h"
#include "segments/segmentservice.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <memory>

namespace mw::cli {
namespace {

Result<int64_t> resolveNow(const QCommandLineParser &p, Database &db)
{
    if (!p.isSet(QStringLiteral("now")))
        return db.referenceTime();
    const QString v = p.value(QStringLiteral("now"));
    bool isNumber = false;
    const qint64 n = v.toLongLong(&isNumber);
    if (isNumber)
        return int64_t{n};
    int64_t t = 0;
    if (!SegmentCompiler::parseDate(QJsonValue(v), false, &t))
        return Error(Error::Code::Usage,
                     QStringLiteral("--now: expected an ISO 8601 time, got \"%1\"").arg(v));
    return t;
}

Result<int> positiveInt(const QCommandLineParser &p, const QString &name, int fallback)
{
    if (!p.isSet(name))
        return fallback;
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v < 1)
        return Error(Error::Code::Usage,
                     QStringLiteral("--%1: expected a positive integer, got \"%2\"")
                         .arg(name, p.value(name)));
    return v;
}

int renderOne(Database &db, const LoadedCampaign &campaign, const QString &key,
              const QString &format, int64_t now)
{
    ServiceMembership membership(db, now);
    for (const QString &s : campaign.compiled->segments)
        if (Status st = membership.checkSegment(s); !st)
            return fail(st.error());
    SubscriberLoader loader(db);
    auto record = loader.byIdOrEmail(key);
    if (!record)
        return fail(record.error());
    const RenderResult r = campaign.renderer->render(*record, &membership);
    if (format == QLatin1String("html")) {
        writeOut(QByteArray::fromStdString(r.html));
    } else if (format == QLatin1String("text")) {
        writeOut(QByteArray::fromStdString(r.text));
    } else {
        std::string out;
        r.appendJson(out, true, true, false, true);
        out += '\n';
        writeOut(QByteArray::fromStdString(out));
    }
    return 0;
}

int renderBatch(Database &db, const LoadedCampaign &campaign, const QCommandLineParser &p,
                int64_t now)
{
    auto threads =
        positiveInt(p, QStringLiteral("threads"), std::max(1, QThread::idealThreadCount()));
    if (!threads)
        return fail(threads.error());
    int64_t limit = -1;
    if (p.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = p.value(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || limit < 0)
            return usageError(QStringLiteral("--limit: expected a non-negative integer, got \"%1\"")
                                  .arg(p.value(QStringLiteral("limit"))));
    }
    const QString segment = p.value(QStringLiteral("segment"));
    SegmentService service(db);
    auto ids = service.memberIds(segment, now, limit);
    if (!ids)
        return fail(ids.error());
    auto membership = PreloadedMembership::load(db, campaign.compiled->segments, now);
    if (!membership)
        return fail(membership.error());

    const QString outPath = p.value(QStringLiteral("out"));
    OutputFile file(outPath); // a regular file appears only when complete
    if (!file.open())
        return fail(Error(Error::Code::Io,
                          QStringLiteral("%1: cannot write: %2").arg(outPath, file.errorString())));

    BatchOptions options;
    options.threads = *threads;
    options.includeHtml = p.isSet(QStringLiteral("include-html"));
    options.collectInsight = p.isSet(QStringLiteral("insight")); // costs time; only on request
    options.traceDetail =
        p.isSet(QStringLiteral("full-trace")) ? TraceDetail::Full : TraceDetail::Outcomes;
    const bool terminal = stderrIsTerminal();
    QElapsedTimer timer;
    timer.start();
    qint64 lastReport = -1000;
    if (terminal)
        options.progress = [&](int64_t done, int64_t total) {
            if (timer.elapsed() - lastReport < 200 && done < total)
                return;
            lastReport = timer.elapsed();
            writeErr(QStringLiteral("\rrendered %1 / %2").arg(done).arg(total).toUtf8());
            if (done == total)
                writeErr("\n");
        };
    BatchRenderer batch(db.path(), campaign.renderer, *membership);
    // Straight to the descriptor in big aligned blocks (QSaveFile only renames at commit).
    auto writer = std::make_unique<DirectFileWriter>(file.device().handle(), outPath);
    auto summary = batch.run(
        *ids, [&](std::string_view bytes) { return writer->append(bytes); }, options);
    if (summary)
        if (Status s = writer->finish(); !s)
            summary = s.error();
    writer.reset(); // done with the descriptor before QSaveFile closes it
    if (!summary) {
        file.cancel();
        return fail(summary.error());
    }
    if (!file.commit())
        return fail(Error(Error::Code::Io,
                          QStringLiteral("%1: cannot write: %2").arg(outPath, file.errorString())));
    QJsonObject result{{QStringLiteral("campaign"), campaign.record.name},
                       {QStringLiteral("segment"), segment},
                       {QStringLiteral("out"), outPath},
                       {QStringLiteral("rendered"), static_cast<qint64>(summary->rendered)},
                       {QStringLiteral("bytes"), static_cast<qint64>(summary->bytesWritten)},
                       {QStringLiteral("threads"), summary->threads},
                       {QStringLiteral("seconds"), static_cast<double>(timer.elapsed()) / 1000.0}};
    if (p.isSet(QStringLiteral("insight")))
        result.insert(QStringLiteral("insight"), summary->insight.toJson());
    writeOut(QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n');
    return 0;
}

int runRender(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Renders a campaign for one subscriber (--subscriber) or a whole segment to a .jsonl "
        "file (--segment, --out)."));
    const auto opt = [&](const char *name, const char *help, const char *value = nullptr) {
        if (value)
            parser.addOption({QLatin1String(name), QLatin1String(help), QLatin1String(value)});
        else
            parser.addOption({QLatin1String(name), QLatin1String(help)});
    };
    opt("db", "Database file.", "FILE");
    opt("campaign", "Campaign name.", "NAME");
    opt("subscriber", "Render for one subscriber (id or email).", "ID|EMAIL");
    opt("format", "Single-subscriber output: html (default), text or json.", "FORMAT");
    opt("segment", "Render every member of a saved segment.", "NAME");
    opt("out", "Batch output file (.jsonl, one object per subscriber).", "FILE.jsonl");
    opt("threads", "Batch rendering threads (default: one per core).", "N");
    opt("limit", "Render at most the first N members (by id).", "N");
    opt("include-html", "Batch: include the HTML in each line.");
    opt("full-trace", "Batch: every rule looked at in the trace (default: the decisive entry "
                      "per block, as --format json shows last for each block).");
    opt("insight", "Batch: add segment-wide insight (distinct renders, reach per block and "
                   "variant, rules that never fire, missing fields) to the summary.");
    opt("now", "Reference time (ISO 8601 or Unix seconds); default: the database's.", "T");
    if (int rc = parseArgs(parser, args, QStringLiteral("render")); rc >= 0)
        return rc;
    if (int rc = requireOptions(parser, {QStringLiteral("db"), QStringLiteral("campaign")});
        rc >= 0)
        return rc;
    const bool single = parser.isSet(QStringLiteral("subscriber"));
    const bool batch = parser.isSet(QStringLiteral("segment"));
    if (single == batch)
        return usageError(QStringLiteral("give exactly one of --subscriber or --segment"));
    const QString format = parser.value(QStringLiteral("format")).isEmpty()
                               ? QStringLiteral("html")
                               : parser.value(QStringLiteral("format"));
    if (single && format != QLatin1String("html") && format != QLatin1String("text") &&
        format != QLatin1String("json"))
        return usageError(
            QStringLiteral("--format: expected html, text or json, got \"%1\"").arg(format));
    if (batch && !parser.isSet(QStringLiteral("out")))
        return usageError(QStringLiteral("--segment needs --out FILE.jsonl"));
    if (batch && parser.isSet(QStringLiteral("format")))
        return usageError(QStringLiteral("--format applies to --subscriber only"));
    if (single)
        for (const char *o : {"out", "threads", "limit", "include-html", "full-trace", "insight"})
            if (parser.isSet(QLatin1String(o)))
                return usageError(
                    QStringLiteral("--%1 applies to --segment only").arg(QLatin1String(o)));

    const QString dbPath = parser.value(QStringLiteral("db"));
    if (batch)
        if (int rc = refuseOverwritingInput(
                QStringLiteral("out"), parser.value(QStringLiteral("out")),
                {{dbPath, QStringLiteral("the database")},
                 {dbPath + QStringLiteral("-wal"), QStringLiteral("the database's WAL file")},
                 {dbPath + QStringLiteral("-shm"),
                  QStringLiteral("the database's shared memory")}});
            rc >= 0)
            return rc;
    auto db = openDatabaseForReading(dbPath);
    if (!db)
        return fail(db.error());
    auto now = resolveNow(parser, *db);
    if (!now)
        return fail(now.error());
    auto campaign = CampaignLoader::load(*db, parser.value(QStringLiteral("campaign")), *now);
    if (!campaign)
        return fail(campaign.error());
    if (single)
        return renderOne(*db, *campaign, parser.value(QStringLiteral("subscriber")), format, *now);
    return renderBatch(*db, *campaign, parser, *now);
}

const RegisterCommand reg({"render", "render a campaign for a subscriber or a whole segment",
                           &runRender});

} // namespace
} // namespace mw::cli
