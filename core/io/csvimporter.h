#pragma once

#include "common/error.h"
#include "io/importtypes.h"
#include "storage/database.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace mw {

/// The first rows of a CSV file, for a preview before importing.
struct CsvPreview {
    QStringList header;
    QList<QStringList> rows;
    QList<qint64> lines; // physical line of each row
};

/// Imports a CSV file of subscribers, events or products in one transaction.
///
/// Abort mode: any bad row means nothing is written (the report lists the bad rows and has
/// committed == false). Skip mode: good rows are written, bad rows go to a rejects file
/// (original columns plus "reason"). File-level problems (unreadable file, missing required
/// column, unterminated quote ...) and cancellation come back as an Error.
class CsvImporter {
public:
    static std::optional<ImportKind> kindFromName(const QString &name);
    /// The fields a kind knows, in display order.
    static QStringList knownFields(ImportKind kind);
    /// The fields a kind requires (events: "email|external_id" means one of them).
    static QStringList requiredFields(ImportKind kind);
    /// Column targets by header name: a known field (case-insensitive, spaces and hyphens
    /// read as underscores) or else a custom attribute (subscribers, events) / ignored
    /// (products).
    static std::vector<ColumnTarget> defaultMapping(ImportKind kind, const QStringList &header);

    static Result<CsvPreview> preview(const QString &csvPath, int maxRows = 20);

    static Result<ImportReport> run(Database &db, ImportKind kind, const QString &csvPath,
                                    const ImportOptions &options = {});
};

} // namespace mw
