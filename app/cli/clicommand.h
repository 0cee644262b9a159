#pragma once

#include "common/error.h"
#include "io/importtypes.h"
#include "storage/database.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <vector>

namespace mw::cli {

/// A top-level command of mailwright-cli ("init", "import", "segment", ...).
struct CommandInfo {
    const char *name;
    const char *summary;
    /// args excludes the program name and the command name itself.
    int (*run)(const QStringList &args);
};

/// Commands register themselves from their own .cpp file through a static RegisterCommand.
class CommandRegistry {
public:
    static void add(const CommandInfo &info);
    static const std::vector<CommandInfo> &all();
    static const CommandInfo *find(const QString &name);
};

struct RegisterCommand {
    explicit RegisterCommand(const CommandInfo &info) { CommandRegistry::add(info); }
};

/// Prints "error: message" (plus detail lines) to stderr and returns the exit code.
int fail(const Error &error, const QStringList &details = {});
/// Usage error (exit 1).
int usageError(const QString &message);

/// One subcommand of a command with several (`segment count`, `campaign list` ...).
struct Subcommand {
    const char *name;
    int (*run)(const QStringList &args);
};
/// Runs the subcommand args names with the rest of args; prints usage for --help/-h, and a
/// usage error for none or an unknown one.
int runSubcommand(const char *command, const QString &usage, const QStringList &args,
                  std::initializer_list<Subcommand> subcommands);
/// An import that found bad rows and wrote nothing: "error: N of M rows are bad; nothing
/// was imported" + hint, then "line N: reason" for the first 100 and how many more (exit 2).
int failBadRows(const std::vector<BadRow> &badRows, int64_t rejected, int64_t rows,
                const QString &hint = {});

/// Writes raw bytes to stdout / stderr (no conversion, no added newline).
void writeOut(const QByteArray &bytes);
void writeErr(const QByteArray &bytes);
void printLine(const QString &line);    // stdout, with "\n"
void printErrLine(const QString &line); // stderr, with "\n"
/// Flushes stdout; the reason (errno text) if anything written to it was lost, else empty.
QString stdoutFailure();
bool stderrIsTerminal();

/// Parses args with a prepared parser (adds --help). Returns -1 when parsing succeeded
/// and the command should go on, otherwise the exit code to return (0 after --help).
/// A stray argument (`--campaign spring picks`) is a usage error unless the command takes
/// positional arguments.
int parseArgs(QCommandLineParser &parser, const QStringList &args, const QString &commandLine,
              bool allowPositional = false);

/// Checks that every named option was given; returns -1 if so, else a usage-error code.
int requireOptions(const QCommandLineParser &parser, const QStringList &names);

/// Reads an opened input file to its end, refusing one larger than maxBytes: input is read
/// whole, and /dev/zero or a wrong file must not take all memory ("PATH: larger than N MiB").
Result<QByteArray> readAllLimited(QIODevice &device, const QString &path, qint64 maxBytes);

/// A usage error (exit code) when the output file named by option is one of the inputs
/// (the same file, whatever the spelling or link), -1 otherwise. inputs pairs a path with
/// what it is ("the database"). Writing an output over an input would destroy it.
int refuseOverwritingInput(const QString &option, const QString &output,
                           const QList<std::pair<QString, QString>> &inputs);

/// Opens a database for a command (creating it only when asked), running migrations.
/// busyTimeoutMs: how long to wait for another program's write lock (-1: the default).
Result<Database> openDatabase(const QString &path, bool create = false, int busyTimeoutMs = -1);
/// Opens a database for a command that only reads it. Like openDatabase(), but while
/// another program holds the write lock (an import running) it reads what that program has
/// committed instead of failing: the database is in WAL mode, so readers do not wait for
/// writers; it does not wait for the lock first. (Best-effort cache writes such as a
/// segment's last count are then skipped.)
Result<Database> openDatabaseForReading(const QString &path);

} // namespace mw::cli
