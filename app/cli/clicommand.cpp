#include "clicommand.h"

#include <QFile>

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace mw::cli {

namespace {
std::vector<CommandInfo> &registry()
{
    static std::vector<CommandInfo> commands;
    return commands;
}
} // namespace

void CommandRegistry::add(const CommandInfo &info)
{
    registry().push_back(info);
}

const std::vector<CommandInfo> &CommandRegistry::all()
{
    return registry();
}

const CommandInfo *CommandRegistry::find(const QString &name)
{
    for (const CommandInfo &c : registry())
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

namespace {
int stdoutErrno = 0; // the first error writing stdout
}

void writeOut(const QByteArray &bytes)
{
    if (std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout) !=
            static_cast<size_t>(bytes.size()) &&
        stdoutErrno == 0)
        stdoutErrno = errno ? errno : EIO;
}

QString stdoutFailure()
{
    if (std::fflush(stdout) != 0 && stdoutErrno == 0)
        stdoutErrno = errno ? errno : EIO;
    if (stdoutErrno == 0 && std::ferror(stdout))
        stdoutErrno = EIO;
    return stdoutErrno ? QString::fromLocal8Bit(std::strerror(stdoutErrno)) : QString();
}

void writeErr(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
}

void printLine(const QString &line)
{
    writeOut(line.toUtf8() + '\n');
}

void printErrLine(const QString &line)
{
    writeErr(line.toUtf8() + '\n');
}

bool stderrIsTerminal()
{
    return isatty(fileno(stderr)) != 0;
}

int fail(const Error &error, const QStringList &details)
{
    std::fflush(stdout);
    printErrLine(QStringLiteral("error: ") + error.toString());
    for (const QString &d : details)
        printErrLine(d);
    return error.exitCode();
}

int usageError(const QString &message)
{
    return fail(Error(Error::Code::Usage, message));
}

int runSubcommand(const char *command, const QString &usage, const QStringList &args,
                  std::initializer_list<Subcommand> subcommands)
{
    const QString name = QString::fromLatin1(command);
    if (args.isEmpty())
        return fail(Error(Error::Code::Usage, QStringLiteral("no %1 subcommand given").arg(name)),
                    {QStringLiteral("\n") + usage.trimmed()});
    const QString sub = args.first();
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printLine(usage.trimmed());
        return 0;
    }
    for (const Subcommand &s : subcommands)
        if (sub == QLatin1String(s.name))
            return s.run(args.mid(1));
    return usageError(QStringLiteral("unknown %1 subcommand \"%2\" (see mailwright-cli %1 --help)")
                          .arg(name, sub));
}

int failBadRows(const std::vector<BadRow> &badRows, int64_t rejected, int64_t rows,
                const QString &hint)
{
    constexpr int kMaxReported = 100;
    QStringList details;
    for (const BadRow &b : badRows) {
        if (details.size() == kMaxReported)
            break;
        details << QStringLiteral("line %1: %2").arg(b.line).arg(b.reason);
    }
    if (rejected > kMaxReported)
        details << QStringLiteral("... and %1 more bad rows").arg(rejected - kMaxReported);
    return fail(Error(Error::Code::BadInput,
                      QStringLiteral("%1 of %2 rows are bad; nothing was imported%3")
                          .arg(rejected)
                          .arg(rows)
                          .arg(hint.isEmpty() ? QString() : QStringLiteral(" ") + hint)),
                details);
}

int parseArgs(QCommandLineParser &parser, const QStringList &args, const QString &commandLine,
              bool allowPositional)
{
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList full = args;
    full.prepend(commandLine);
    if (!parser.parse(full))
        return usageError(parser.errorText() + QStringLiteral(" (see --help)"));
    if (parser.isSet(help)) {
        // QCommandLineParser names the program only; show the whole command instead.
        QString text = parser.helpText();
        text = QStringLiteral("Usage: mailwright-cli ") + commandLine +
               QStringLiteral(" [options]") + text.mid(text.indexOf(QLatin1Char('\n')));
        writeOut(text.toUtf8());
        return 0;
    }
    if (!allowPositional && !parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument \"%1\" (see --help)")
                              .arg(parser.positionalArguments().first()));
    return -1;
}

Result<QByteArray> readAllLimited(QIODevice &device, const QString &path, qint64 maxBytes)
{
    const auto tooLarge = [&]() {
        return Error(Error::Code::BadInput, QStringLiteral("%1: larger than %2 MiB (is it the "
                                                           "right file?)")
                                                .arg(path)
                                                .arg(maxBytes >> 20));
    };
    if (!device.isSequential() && device.size() > maxBytes)
        return tooLarge();
    QByteArray all;
    constexpr qint64 kChunk = 1 << 20;
    for (;;) {
        const qsizetype before = all.size();
        if (all.capacity() < before + kChunk) // grow geometrically, never far past the limit
            all.reserve(std::min<qint64>(std::max<qint64>(2 * all.capacity(), before + kChunk),
                                         maxBytes + kChunk));
        all.resize(before + kChunk);
        const qint64 n = device.read(all.data() + before, kChunk);
        if (n < 0)
            return Error(Error::Code::BadInput,
                         QStringLiteral("cannot read %1: %2").arg(path, device.errorString()));
        all.resize(before + n);
        if (all.size() > maxBytes)
            return tooLarge();
        if (n == 0)
            return all;
    }
}

int refuseOverwritingInput(const QString &option, const QString &output,
                           const QList<std::pair<QString, QString>> &inputs)
{
    const std::filesystem::path out(QFile::encodeName(output).toStdString());
    for (const auto &[path, what] : inputs) {
        std::error_code ec; // false (and ec set) when either file does not exist
        if (!path.isEmpty() &&
            std::filesystem::equivalent(out, QFile::encodeName(path).toStdString(), ec))
            return usageError(QStringLiteral("--%1: \"%2\" is %3; refusing to overwrite it")
                                  .arg(option, output, what));
    }
    return -1;
}

Result<Database> openDatabase(const QString &path, bool create, int busyTimeoutMs)
{
    // SQLite takes "" for a private temporary database: init would "succeed" and keep nothing.
    if (path.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("--db: the file name is empty"));
    Database::OpenOptions options;
    options.create = create;
    if (busyTimeoutMs >= 0)
        options.busyTimeoutMs = busyTimeoutMs;
    auto db = Database::open(path, options);
    // Most errors name the file already; those from setting the database up did not.
    if (!db && db.error().line == 0 && db.error().path.isEmpty() &&
        !db.error().message.startsWith(path + QStringLiteral(": "))) {
        Error e = db.error();
        e.message = path + QStringLiteral(": ") + e.message;
        return e;
    }
    return db;
}

Result<Database> openDatabaseForReading(const QString &path)
{
    // No waiting for the write lock: while another program writes, read right away.
    auto db = openDatabase(path, false, 0);
    if (db) {
        sqlite3_busy_timeout(db->handle(), Database::OpenOptions().busyTimeoutMs);
        return db;
    }
    if (db.error().code != Error::Code::Locked)
        return db;
    Database::OpenOptions options;
    options.readOnly = true;
    auto reader = Database::open(path, options);
    return reader ? std::move(reader) : std::move(db); // the lock is the better message
}

int requireOptions(const QCommandLineParser &parser, const QStringList &names)
{
    for (const QString &n : names)
        if (!parser.isSet(n))
            return usageError(QStringLiteral("missing required option --%1 (see --help)").arg(n));
    return -1;
}

} // namespace mw::cli
