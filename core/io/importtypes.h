#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <vector>

namespace mw {

class Database;

/// What a CSV file holds.
enum class ImportKind { Subscribers, Events, Products };

/// Where one CSV column goes: a known field, a custom attribute (subscribers' attributes /
/// events' properties JSON) or nowhere.
struct ColumnTarget {
    enum class Kind { Field, Attribute, Ignore };
    Kind kind = Kind::Ignore;
    QString name; // field name for Field, JSON key for Attribute

    static ColumnTarget field(const QString &n) { return {Kind::Field, n}; }
    static ColumnTarget attribute(const QString &n) { return {Kind::Attribute, n}; }
    static ColumnTarget ignore() { return {Kind::Ignore, {}}; }
    bool operator==(const ColumnTarget &o) const = default;
};

struct ImportProgress {
    int64_t bytesRead = 0;
    int64_t totalBytes = 0;
    int64_t rows = 0;
    /// Every row is written and the indexes dropped for the import are being built again.
    bool buildingIndexes = false;
};

struct ImportOptions {
    enum class OnError { Abort, Skip };
    OnError onError = OnError::Abort;
    /// One target per CSV column; empty means CsvImporter::defaultMapping of the header.
    std::vector<ColumnTarget> mapping;
    /// Skip mode writes bad rows here; empty means "<csv path>.rejects.csv".
    QString rejectsPath;
    /// created_at for new subscribers without one, and campaigns created by an events
    /// import (Unix seconds); 0 means the database's reference time.
    int64_t now = 0;
    /// Called every few thousand rows; returning false cancels (nothing is written).
    std::function<bool(const ImportProgress &)> progress;
    /// Runs inside the import's transaction once the rows are written, just before the
    /// commit (the CLI and the dialog refresh derived metrics here), so that the import and
    /// what follows from it land together; an error (or Error::Code::Cancelled) rolls
    /// everything back. Not called when nothing is committed or no row was written.
    std::function<Status(Database &)> beforeCommit;
    /// Lets the importer write runs of new rows in one statement each (much faster; the
    /// outcome is identical). Off sends every record through the per-row statement: tests
    /// compare the two.
    bool batchInserts = true;
    /// Lets an import that brings many rows compared with what the table holds drop the
    /// table's non-unique indexes and build them again before the commit (faster; the
    /// result is the same). Tests compare the two.
    bool deferIndexes = true;
};

/// A row that was not imported, with its physical line number in the file.
struct BadRow {
    int64_t line = 0;
    QString reason;
};

/// What an import did.
struct ImportReport {
    ImportKind kind = ImportKind::Subscribers;
    QString file;
    int64_t rows = 0;             // data records read (header excluded)
    int64_t inserted = 0;         // new rows
    int64_t updated = 0;          // existing rows updated (subscribers by email, products by sku)
    int64_t rejected = 0;         // bad rows
    int64_t createdCampaigns = 0; // events: campaigns created for unknown names
    int64_t batchedRows = 0;      // of inserted: written by batch statements
    int64_t rebuiltIndexes = 0;   // indexes dropped for the import and built again at the end
    std::vector<BadRow> badRows;  // the first kMaxBadRowsKept, in file order
    bool committed = false;       // false: abort mode found bad rows, nothing written
    QString rejectsPath;          // skip mode: where bad rows went
    QStringList attributeColumns; // columns stored as custom attributes / properties
    QStringList ignoredColumns;
    bool metricsRefreshed = false; // ImportOptions::beforeCommit ran (and succeeded)
    int64_t elapsedMs = 0;         // the whole import, the metrics refresh included
    int64_t metricsMs = 0;         // of elapsedMs: the refresh (ImportOptions::beforeCommit)

    static constexpr size_t kMaxBadRowsKept = 1000;

    /// One-line JSON summary (the CLI prints it on success).
    QByteArray toJson() const;
};

QString importKindName(ImportKind kind);

} // namespace mw
