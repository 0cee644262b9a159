// mailwright-cli liquid --template FILE (--data FILE.json | --data-jsonl FILE) [--out FILE]
//                       [--stats] [--strict-variables] [--strict-filters]
// Pure Shopify Liquid semantics (no auto-escaping); see CONTRACT.md.
#include "clicommand.h"

#include "common/filepreallocator.h"
#include "common/outputfile.h"
#include "liquid/template.h"

#include <QElapsedTimer>
#include <QFile>

#include <cstdint>
#include <cstdio>
#include <memory>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace mw::cli {
namespace {

// Input read whole is bounded: a template is text a person wrote; data that cannot be
// mapped (a pipe, /dev/zero) is read into memory, so it is bounded too.
constexpr qint64 kMaxTemplateBytes = qint64(64) << 20;
constexpr qint64 kMaxReadDataBytes = qint64(512) << 20;

Result<QByteArray> readFile(const QString &path, qint64 maxBytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(Error::Code::BadInput,
                     QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    return readAllLimited(f, path, maxBytes);
}

int runLiquid(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Renders a Liquid template with Shopify Liquid semantics. The JSON object's keys are "
        "the template's variables; with --data-jsonl the template is parsed once and "
        "rendered once per line, outputs written one after another."));
    parser.addOption({QStringLiteral("template"), QStringLiteral("Liquid template file."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("data"), QStringLiteral("JSON object with the variables."),
                      QStringLiteral("FILE.json")});
    parser.addOption({QStringLiteral("data-jsonl"),
                      QStringLiteral("One JSON object per line; renders once per line."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Write the output here (default stdout)."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("stats"), QStringLiteral("Print renders=N bytes=B seconds=S to stderr.")});
    parser.addOption(
        {QStringLiteral("strict-variables"), QStringLiteral("Fail on undefined variables.")});
    parser.addOption(
        {QStringLiteral("strict-filters"), QStringLiteral("Fail on unknown filters.")});
    parser.addOption(
        {QStringLiteral("max-output-bytes"),
         QStringLiteral("Stop a render whose output exceeds N bytes (default 64 MiB)."),
         QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-loop-iterations"),
                      QStringLiteral("Stop a render after N loop iterations (default 10,000,000)."),
                      QStringLiteral("N")});
    if (int rc = parseArgs(parser, args, QStringLiteral("liquid")); rc >= 0)
        return rc;
    if (int rc = requireOptions(parser, {QStringLiteral("template")}); rc >= 0)
        return rc;
    const bool hasData = parser.isSet(QStringLiteral("data"));
    const bool hasJsonl = parser.isSet(QStringLiteral("data-jsonl"));
    if (hasData == hasJsonl)
        return usageError(QStringLiteral(
            "give exactly one of --data FILE.json or --data-jsonl FILE (see --help)"));

    if (parser.isSet(QStringLiteral("out")))
        if (int rc = refuseOverwritingInput(
                QStringLiteral("out"), parser.value(QStringLiteral("out")),
                {{parser.value(QStringLiteral("template")), QStringLiteral("the template")},
                 {parser.value(hasData ? QStringLiteral("data") : QStringLiteral("data-jsonl")),
                  QStringLiteral("the data file")}});
            rc >= 0)
            return rc;
    auto source = readFile(parser.value(QStringLiteral("template")), kMaxTemplateBytes);
    if (!source)
        return fail(source.error());
    liquid::ParseOptions parseOptions;
    parseOptions.strictFilters = parser.isSet(QStringLiteral("strict-filters"));
    auto tpl = liquid::Template::parse(
        std::string_view(source->constData(), static_cast<std::size_t>(source->size())),
        parseOptions);
    if (!tpl) {
        Error e = tpl.error();
        e.message = QStringLiteral("Liquid syntax error: ") + e.message;
        return fail(e);
    }
    liquid::RenderOptions options;
    options.strictVariables = parser.isSet(QStringLiteral("strict-variables"));
    options.strictFilters = parseOptions.strictFilters;
    for (const auto &[name, target] : {std::pair<const char *, std::uint64_t *>{
             "max-loop-iterations", &options.maxLoopIterations}}) {
        if (parser.isSet(QLatin1String(name))) {
            bool ok = false;
            *target = parser.value(QLatin1String(name)).toULongLong(&ok);
            if (!ok)
                return usageError(QStringLiteral("--%1 needs a number").arg(QLatin1String(name)));
        }
    }
    if (parser.isSet(QStringLiteral("max-output-bytes"))) {
        bool ok = false;
        options.maxOutputBytes = parser.value(QStringLiteral("max-output-bytes")).toULongLong(&ok);
        if (!ok)
            return usageError(QStringLiteral("--max-output-bytes needs a number"));
    }

    const QString dataPath =
        parser.value(hasData ? QStringLiteral("data") : QStringLiteral("data-jsonl"));
    // The data file is mapped rather than read: a batch of JSON lines can be hundreds of
    // MB, and mapping saves copying it into (and faulting in) a buffer of that size.
    // Pipes and other unmappable files are read as before.
    QFile dataFile(dataPath);
    std::string_view all;
    QByteArray dataBytes;
    if (dataFile.open(QIODevice::ReadOnly) && dataFile.size() > 0) {
        if (uchar *mapped = dataFile.map(0, dataFile.size())) {
            all = std::string_view(reinterpret_cast<const char *>(mapped),
                                   static_cast<std::size_t>(dataFile.size()));
#ifdef MADV_POPULATE_READ
            // The file is read front to back exactly once: map all of it now, in one call,
            // instead of taking a page fault every few pages (ignored by older kernels).
            (void)::madvise(mapped, all.size(), MADV_POPULATE_READ);
#endif
        }
    }
    if (all.data() == nullptr) {
        auto read = readFile(dataPath, kMaxReadDataBytes);
        if (!read)
            return fail(read.error());
        dataBytes = std::move(*read);
        all = std::string_view(dataBytes.constData(), static_cast<std::size_t>(dataBytes.size()));
    }

    // A UTF-8 byte-order mark (Windows editors write one) is no part of the JSON; RFC 8259
    // lets a parser ignore it, and the CSV import and segment definitions do.
    if (all.substr(0, 3) == std::string_view("\xEF\xBB\xBF"))
        all.remove_prefix(3);

    // Output is streamed in 1 MiB chunks (a batch of 100,000 emails does not sit in
    // memory); with --out it goes to a QSaveFile that only replaces the file on success.
    std::unique_ptr<OutputFile> outFile;
    if (parser.isSet(QStringLiteral("out"))) {
        outFile = std::make_unique<OutputFile>(parser.value(QStringLiteral("out")));
        if (!outFile->open())
            return fail(Error(Error::Code::Io, QStringLiteral("cannot write %1: %2")
                                                   .arg(outFile->path(), outFile->errorString())));
    }
    // Disk space for the output is reserved 64 MiB at a time, not block by block.
    FilePreallocator prealloc(outFile ? outFile->device().handle() : fileno(stdout));
    std::string out;
    out.reserve(1 << 21);
    std::size_t totalBytes = 0;
    bool writeFailed = false;
    auto flush = [&]() {
        if (out.empty())
            return;
        totalBytes += out.size();
        prealloc.aboutToWrite(out.size());
        const QByteArray bytes =
            QByteArray::fromRawData(out.data(), static_cast<qsizetype>(out.size()));
        if (outFile)
            writeFailed = writeFailed || outFile->device().write(bytes) != bytes.size();
        else
            writeOut(bytes);
        out.clear();
    };
    std::size_t renders = 0;
    QElapsedTimer timer;
    timer.start();
    // One document for all records: its memory is recycled from line to line.
    liquid::JsonDocument doc;
    auto renderOne = [&](std::string_view json, int lineNo) -> int {
        auto data = doc.parse(json);
        if (!data) {
            // Named as FILE:LINE:COLUMN (the place in the data, not in the template); in a
            // JSON-lines file the line is the record's line.
            Error e = data.error();
            QString where = dataPath;
            if (lineNo || e.line > 0)
                where += QStringLiteral(":%1").arg(lineNo ? lineNo : e.line);
            if (e.column > 0)
                where += QStringLiteral(":%1").arg(e.column);
            e.message = where + QStringLiteral(": ") + e.message;
            e.line = 0;
            e.column = 0;
            return fail(e);
        }
        if (!data->isHash())
            return fail(Error(Error::Code::BadInput,
                              dataPath + (lineNo ? QStringLiteral(":%1").arg(lineNo) : QString()) +
                                  QStringLiteral(": the data must be a JSON object")));
        Status st = (*tpl)->render(*data, options, out);
        if (!st) {
            Error e = st.error();
            e.message = QStringLiteral("Liquid error: ") + e.message;
            return fail(e);
        }
        ++renders;
        if (out.size() >= (1u << 20))
            flush();
        return -1;
    };
    if (hasData) {
        if (int rc = renderOne(all, 0); rc >= 0)
            return rc;
    } else {
        std::size_t pos = 0;
        int lineNo = 0;
        while (pos < all.size()) {
            std::size_t nl = all.find('\n', pos);
            if (nl == std::string_view::npos)
                nl = all.size();
            std::string_view line = all.substr(pos, nl - pos);
            pos = nl + 1;
            ++lineNo;
            if (line.find_first_not_of(" \t\r") == std::string_view::npos)
                continue; // blank line
            if (int rc = renderOne(line, lineNo); rc >= 0)
                return rc;
        }
    }
    flush();
    if (!outFile)
        stdoutFailure(); // flushes, remembering why a write failed
    prealloc.finish();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (outFile && (writeFailed || !outFile->commit()))
        return fail(Error(
            Error::Code::Io,
            QStringLiteral("cannot write %1: %2").arg(outFile->path(), outFile->errorString())));
    stdoutFailure(); // flushes, remembering why a write failed
    if (parser.isSet(QStringLiteral("stats")))
        printErrLine(QStringLiteral("renders=%1 bytes=%2 seconds=%3")
                         .arg(renders)
                         .arg(totalBytes)
                         .arg(seconds, 0, 'f', 6));
    return 0;
}

const RegisterCommand reg({"liquid", "render a Liquid template with JSON data (Shopify semantics)",
                           &runLiquid});

} // namespace
} // namespace mw::cli
