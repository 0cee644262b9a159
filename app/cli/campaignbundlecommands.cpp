// mailwright-cli campaign export --db FILE --campaign NAME --out FILE.json
// mailwright-cli campaign import --db FILE --bundle FILE.json
#include "campaignbundlecommands.h"

#include "clicommand.h"

#include "common/outputfile.h"
#include "export/campaignbundle.h"
#include "render/campaignloader.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace mw::cli {

int runCampaignExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a campaign (its current document) to a JSON bundle."));
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("campaign"), QStringLiteral("Campaign name."), QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("Bundle file to write."), QStringLiteral("FILE")});
    if (int rc = parseArgs(parser, args, QStringLiteral("campaign export")); rc >= 0)
        return rc;
    if (int rc = requireOptions(
            parser, {QStringLiteral("db"), QStringLiteral("campaign"), QStringLiteral("out")});
        rc >= 0)
        return rc;
    const QString dbPath = parser.value(QStringLiteral("db"));
    const QString outPath = parser.value(QStringLiteral("out"));
    if (int rc = refuseOverwritingInput(
            QStringLiteral("out"), outPath,
            {{dbPath, QStringLiteral("the database")},
             {dbPath + QStringLiteral("-wal"), QStringLiteral("the database's WAL file")},
             {dbPath + QStringLiteral("-shm"), QStringLiteral("the database's shared memory")}});
        rc >= 0)
        return rc;
    auto db = openDatabaseForReading(dbPath);
    if (!db)
        return fail(db.error());
    CampaignStore store(*db);
    auto record = store.find(parser.value(QStringLiteral("campaign")));
    if (!record)
        return fail(record.error());
    auto doc = store.document(*record);
    if (!doc)
        return fail(doc.error());
    const QByteArray bytes = CampaignBundle::toJson(*record, *doc);
    OutputFile file(outPath); // the file appears (or is replaced) only when complete
    if (!file.open() || file.device().write(bytes) != bytes.size() || !file.commit()) {
        const QString why = file.errorString();
        file.cancel();
        return fail(
            Error(Error::Code::Io, QStringLiteral("%1: cannot write: %2").arg(outPath, why)));
    }
    writeOut(QJsonDocument(QJsonObject{{QStringLiteral("campaign"), record->name},
                                       {QStringLiteral("version"), record->version},
                                       {QStringLiteral("out"), outPath},
                                       {QStringLiteral("bytes"), bytes.size()}})
                 .toJson(QJsonDocument::Compact) +
             '\n');
    return 0;
}

int runCampaignImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports a campaign bundle: a new campaign, or a new version (draft) of the campaign "
        "with the bundle's name."));
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("bundle"), QStringLiteral("Bundle file to read."), QStringLiteral("FILE")});
    if (int rc = parseArgs(parser, args, QStringLiteral("campaign import")); rc >= 0)
        return rc;
    if (int rc = requireOptions(parser, {QStringLiteral("db"), QStringLiteral("bundle")}); rc >= 0)
        return rc;
    const QString path = parser.value(QStringLiteral("bundle"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error(Error::Code::BadInput,
                          QStringLiteral("%1: cannot read: %2").arg(path, f.errorString())));
    auto bytes = readAllLimited(f, path, qint64(64) << 20);
    if (!bytes)
        return fail(bytes.error());
    auto bundle = CampaignBundle::fromJson(*bytes);
    if (!bundle)
        return fail(bundle.error());
    auto db = openDatabase(parser.value(QStringLiteral("db")));
    if (!db)
        return fail(db.error());
    // Compile before saving: a bundle whose Liquid does not parse is refused whole.
    CampaignRecord probe;
    probe.name = bundle->name;
    if (auto compiled =
            CampaignLoader::fromDocument(*db, probe, bundle->document, db->referenceTime());
        !compiled)
        return fail(compiled.error());
    CampaignStore store(*db);
    auto id = store.save(bundle->name, bundle->document, QStringLiteral("import"),
                         QStringLiteral("imported from %1").arg(path),
                         QDateTime::currentSecsSinceEpoch());
    if (!id)
        return fail(id.error());
    auto record = store.find(bundle->name);
    if (!record)
        return fail(record.error());
    writeOut(QJsonDocument(QJsonObject{{QStringLiteral("campaign"), record->name},
                                       {QStringLiteral("version"), record->version},
                                       {QStringLiteral("status"), record->status}})
                 .toJson(QJsonDocument::Compact) +
             '\n');
    return 0;
}

} // namespace mw::cli
