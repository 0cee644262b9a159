#include "csvimporter.h"

#include "common/outputfile.h"
#include "io/csvreader.h"
#include "io/recordpipeline.h"
#include "io/rowimporter.h"
#include "storage/bulkwritejournal.h"
#include "storage/deferredindexes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <string>

namespace mw {

namespace {

constexpr int64_t kProgressEvery = 4096;
// Indexes are built again at the end of an import when the table holds no more than one
// row per this many bytes of the file (a subscriber row is typically 60-200 bytes).
constexpr int64_t kDeferBytesPerStoredRow = 256;

QString normalizedName(const QString &name)
{
    QString n = name.trimmed().toLower();
    n.replace(QLatin1Char(' '), QLatin1Char('_'));
    n.replace(QLatin1Char('-'), QLatin1Char('_'));
    return n;
}

/// Raises the connection's page cache (in KiB) for the span of an import.
class ImportCache {
public:
    ImportCache(Database &db, int64_t kib) : m_db(db)
    {
        auto current = db.scalar("PRAGMA cache_size");
        if (!current)
            return;
        m_previous = current->toLongLong();
        const int64_t currentKib = m_previous < 0 ? -m_previous : m_previous * 4;
        if (kib > currentKib && db.exec("PRAGMA cache_size = " + std::to_string(-kib)))
            m_raised = true;
    }
    ~ImportCache()
    {
        if (m_raised)
            m_db.exec("PRAGMA cache_size = " + std::to_string(m_previous));
    }
    ImportCache(const ImportCache &) = delete;
    ImportCache &operator=(const ImportCache &) = delete;

private:
    Database &m_db;
    int64_t m_previous = 0;
    bool m_raised = false;
};

} // namespace

QString importKindName(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Subscribers:
        return QStringLiteral("subscribers");
    case ImportKind::Events:
        return QStringLiteral("events");
    case ImportKind::Products:
        return QStringLiteral("products");
    }
    return {};
}

QByteArray ImportReport::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("kind")] = importKindName(kind);
    o[QStringLiteral("file")] = file;
    o[QStringLiteral("committed")] = committed;
    o[QStringLiteral("rows")] = qint64(rows);
    o[QStringLiteral("inserted")] = qint64(inserted);
    o[QStringLiteral("updated")] = qint64(updated);
    o[QStringLiteral("rejected")] = qint64(rejected);
    if (kind == ImportKind::Events)
        o[QStringLiteral("created_campaigns")] = qint64(createdCampaigns);
    o[QStringLiteral("rejects_file")] =
        rejectsPath.isEmpty() ? QJsonValue() : QJsonValue(rejectsPath);
    o[QStringLiteral("attribute_columns")] = QJsonArray::fromStringList(attributeColumns);
    o[QStringLiteral("ignored_columns")] = QJsonArray::fromStringList(ignoredColumns);
    o[QStringLiteral("metrics_refreshed")] = metricsRefreshed;
    o[QStringLiteral("elapsed_ms")] = qint64(elapsedMs);
    o[QStringLiteral("metrics_ms")] = qint64(metricsMs);
    o[QStringLiteral("rows_per_second")] =
        elapsedMs > 0 ? qint64(double(rows) * 1000.0 / double(elapsedMs)) : qint64(0);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<ImportKind> CsvImporter::kindFromName(const QString &name)
{
    for (ImportKind k : {ImportKind::Subscribers, ImportKind::Events, ImportKind::Products})
        if (name == importKindName(k))
            return k;
    return std::nullopt;
}

QStringList CsvImporter::knownFields(ImportKind kind)
{
    return RowImporter::create(kind)->knownFields();
}

QStringList CsvImporter::requiredFields(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Subscribers:
        return {QStringLiteral("email")};
    case ImportKind::Events:
        return {QStringLiteral("email|external_id"), QStringLiteral("type"),
                QStringLiteral("occurred_at")};
    case ImportKind::Products:
        return {QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("category"),
                QStringLiteral("price")};
    }
    return {};
}

std::vector<ColumnTarget> CsvImporter::defaultMapping(ImportKind kind, const QStringList &header)
{
    const QStringList known = knownFields(kind);
    std::vector<ColumnTarget> mapping;
    QSet<QString> used;
    for (const QString &h : header) {
        const QString n = normalizedName(h);
        if (known.contains(n) && !used.contains(n)) {
            used.insert(n);
            mapping.push_back(ColumnTarget::field(n));
        } else if (kind == ImportKind::Products) {
            mapping.push_back(ColumnTarget::ignore());
        } else {
            mapping.push_back(ColumnTarget::attribute(h.trimmed()));
        }
    }
    return mapping;
}

Result<CsvPreview> CsvImporter::preview(const QString &csvPath, int maxRows)
{
    CsvReader reader;
    if (Status s = reader.open(csvPath); !s)
        return s.error();
    CsvRecord rec;
    auto header = reader.readHeader(rec);
    if (!header)
        return header.error();
    CsvPreview p;
    p.header = *header;
    while (p.rows.size() < maxRows && reader.next(rec)) {
        QStringList row;
        for (int i = 0; i < rec.size(); ++i)
            row << rec.text(i);
        p.rows << row;
        p.lines << rec.line;
    }
    return p;
}

Result<ImportReport> CsvImporter::run(Database &db, ImportKind kind, const QString &csvPath,
                                      const ImportOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    ImportReport report;
    report.kind = kind;
    report.file = csvPath;

    CsvReader reader;
    if (Status s = reader.open(csvPath); !s)
        return s.error();
    CsvRecord rec;
    auto headerResult = reader.readHeader(rec);
    if (!headerResult)
        return headerResult.error();
    const QStringList header = *headerResult;
    const int columns = static_cast<int>(header.size());

    if (options.mapping.empty()) {
        // Following the header, two columns that both name one field ("First Name" and
        // "first_name") are ambiguous: refused, rather than one of them quietly becoming a
        // custom attribute of the field's name.
        const QStringList known = knownFields(kind);
        QHash<QString, QString> byField;
        for (const QString &h : header) {
            const QString n = normalizedName(h);
            if (!known.contains(n))
                continue;
            if (byField.contains(n))
                return Error(Error::Code::BadInput,
                             QStringLiteral("header: columns \"%1\" and \"%2\" both name the "
                                            "field %3; rename or remove one")
                                 .arg(byField.value(n), h, n),
                             1);
            byField.insert(n, h);
        }
    }
    const std::vector<ColumnTarget> mapping =
        options.mapping.empty() ? defaultMapping(kind, header) : options.mapping;
    if (static_cast<int>(mapping.size()) != columns)
        return Error(Error::Code::Usage,
                     QStringLiteral("the column mapping has %1 entries but the file has %2 columns")
                         .arg(mapping.size())
                         .arg(columns));
    for (int c = 0; c < columns; ++c) {
        if (mapping[size_t(c)].kind == ColumnTarget::Kind::Attribute)
            report.attributeColumns << header[c];
        else if (mapping[size_t(c)].kind == ColumnTarget::Kind::Ignore)
            report.ignoredColumns << header[c];
    }

    const bool skip = options.onError == ImportOptions::OnError::Skip;
    std::string rejects;
    if (skip) {
        report.rejectsPath = options.rejectsPath.isEmpty()
                                 ? csvPath + QStringLiteral(".rejects.csv")
                                 : options.rejectsPath;
        for (int c = 0; c < columns; ++c) {
            appendCsvField(rejects, header[c].toStdString());
            rejects.push_back(',');
        }
        rejects += "reason\r\n";
    }

    // Where this is the only connection to the file (the CLI), a rollback journal for the
    // import: new pages are written once, straight into the file, instead of into the WAL
    // and again by the checkpoint (1M subscribers: 0.7 s less). An import that is not
    // committed still leaves the file byte for byte as it was (BulkWriteJournal restores
    // the header's change counter). Declared before the importer, so that its statements
    // are finalized before the journal mode switches back.
    BulkWriteJournal journal(db);
    auto importer = RowImporter::create(kind);
    if (kind == ImportKind::Products) {
        report.ignoredColumns.append(report.attributeColumns);
        report.attributeColumns.clear();
    }

    // Keep the pages the import writes in memory until the commit writes each once (to the
    // WAL or the file): with the connection's usual cache they would be spilled and written
    // again as the indexes grow (a third more writes for 1M subscribers). Sized from the
    // file (the database grows by about 2.3x the CSV), within 64 MiB and 1 GiB; restored
    // afterwards.
    const ImportCache cache(
        db, std::clamp<int64_t>(reader.totalBytes() * 3 / 1024, 65536, 1024 * 1024));
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    if (Status s = importer->begin(db, header, mapping, options); !s)
        return s.error();
    DeferredIndexes deferred;
    if (const char *table = importer->deferrableIndexTable(); table && options.deferIndexes) {
        // Worth it when the file brings at least about as many rows as the table holds:
        // building an index sorts every row once, the table's old ones too. (Rows are
        // estimated from the file's size; 1M subscribers with indexes dropped and built
        // again: 0.9 s less.)
        auto stored = db.scalar("SELECT coalesce(max(rowid), 0) FROM " + std::string(table));
        if (!stored)
            return stored.error();
        if (stored->toLongLong() <= reader.totalBytes() / kDeferBytesPerStoredRow)
            if (Status s = deferred.defer(db, table); !s)
                return s.error();
    }

    const Error cancelError(Error::Code::Cancelled,
                            QStringLiteral("import cancelled; nothing was imported"));

    // Parsing and row checks run on a reader thread; this thread only writes.
    RecordPipeline pipeline(reader, [&](CsvRecord &r) {
        if (r.size() != columns)
            r.error = QStringLiteral("wrong number of fields: expected %1, found %2")
                          .arg(columns)
                          .arg(r.size());
        else
            importer->validateRow(r);
    });
    auto cancelled = [&]() {
        if (!options.progress)
            return false;
        return !options.progress({pipeline.bytesRead(), reader.totalBytes(), report.rows});
    };

    QString reason;
    std::vector<const CsvRecord *> valid;
    for (std::span<CsvRecord> batch = pipeline.nextBatch(); !batch.empty();
         batch = pipeline.nextBatch()) {
        // The importer may write runs of good records in one statement each (insertedTo:
        // the good records before it are written); a record that ends a run, and any the
        // importer declines, go through importRow. Outcomes are counted in file order.
        valid.clear();
        for (const CsvRecord &r : batch)
            if (r.error.isEmpty())
                valid.push_back(&r);
        size_t goodSeen = 0, insertedTo = 0;
        size_t endedRun = SIZE_MAX; // the record that stopped the last run: not offered again
        for (const CsvRecord &row : batch) {
            ++report.rows;
            if ((report.rows % kProgressEvery) == 0 && cancelled())
                return cancelError;
            reason.clear();
            RowImporter::Outcome outcome = RowImporter::Outcome::Bad;
            if (!row.error.isEmpty()) {
                reason = row.error;
            } else {
                const size_t i = goodSeen++;
                if (i == insertedTo && i != endedRun && options.batchInserts) {
                    const int64_t n =
                        importer->importBatch(std::span<const CsvRecord *const>(valid).subspan(i));
                    if (n < 0)
                        return importer->fatalError();
                    insertedTo += size_t(n);
                    endedRun = insertedTo;
                    report.batchedRows += n;
                }
                if (i < insertedTo) {
                    outcome = RowImporter::Outcome::Inserted;
                } else {
                    outcome = importer->importRow(row, reason);
                    insertedTo = i + 1;
                }
            }

            switch (outcome) {
            case RowImporter::Outcome::Inserted:
                ++report.inserted;
                break;
            case RowImporter::Outcome::Updated:
                ++report.updated;
                break;
            case RowImporter::Outcome::Fatal:
                return importer->fatalError();
            case RowImporter::Outcome::Bad:
                ++report.rejected;
                if (report.badRows.size() < ImportReport::kMaxBadRowsKept)
                    report.badRows.push_back({row.line, reason});
                if (skip) {
                    for (int i = 0; i < row.size(); ++i) {
                        appendCsvField(rejects, row.field(i));
                        rejects.push_back(',');
                    }
                    appendCsvField(
                        rejects,
                        QStringLiteral("line %1: %2").arg(row.line).arg(reason).toStdString());
                    rejects += "\r\n";
                }
                break;
            }
        }
    }
    pipeline.stop();
    if (const Error *e = reader.readError())
        return *e;
    if (cancelled())
        return cancelError;
    report.createdCampaigns = importer->createdCampaigns();

    if (!skip && report.rejected > 0) {
        tx.rollback();
        report.committed = false;
        report.inserted = report.updated = report.createdCampaigns = report.batchedRows = 0;
        report.elapsedMs = timer.elapsed();
        return report;
    }
    report.rebuiltIndexes = int64_t(deferred.count());
    const auto stillWanted = [&] {
        return !options.progress ||
               options.progress({reader.totalBytes(), reader.totalBytes(), report.rows, true});
    };
    if (Status s = deferred.rebuild(stillWanted); !s)
        return s.error().code == Error::Code::Cancelled ? cancelError : s.error();
    if (options.beforeCommit && report.inserted + report.updated > 0) {
        const qint64 started = timer.elapsed();
        if (Status s = options.beforeCommit(db); !s)
            return s.error();
        report.metricsRefreshed = true;
        report.metricsMs = timer.elapsed() - started;
    }
    if (skip) {
        OutputFile out(report.rejectsPath); // (may be /dev/null: written in place)
        if (!out.open() ||
            out.device().write(rejects.data(), qint64(rejects.size())) != qint64(rejects.size()) ||
            !out.commit())
            return Error(Error::Code::Io,
                         QStringLiteral("cannot write the rejects file: %1").arg(out.errorString()),
                         0, 0, report.rejectsPath);
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    journal.committed();
    report.committed = true;
    report.elapsedMs = timer.elapsed();
    return report;
}

} // namespace mw
