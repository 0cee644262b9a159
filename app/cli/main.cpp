// mailwright-cli: the headless front end. Each command lives in its own file and
// registers itself; this file only dispatches.
#include "clicommand.h"

#include <QCoreApplication>

using namespace mw::cli;

namespace {

QString helpText()
{
    QString text =
        QStringLiteral("Usage: mailwright-cli COMMAND [OPTIONS]\n\n"
                       "Mailwright campaign designer, command-line interface.\n\nCommands:\n");
    for (const CommandInfo &c : CommandRegistry::all())
        text += QStringLiteral("  %1%2\n")
                    .arg(QLatin1String(c.name), -12)
                    .arg(QLatin1String(c.summary));
    text += QStringLiteral("\nRun 'mailwright-cli COMMAND --help' for a command's options.\n"
                           "Exit codes: 0 success, 1 usage error, 2 bad input, 3 refused by "
                           "policy.\n");
    return text;
}

int dispatch(QStringList args)
{
    if (args.isEmpty()) // a usage error: one "error: " line, then the usage on stderr
        return fail(mw::Error(mw::Error::Code::Usage, QStringLiteral("no command given")),
                    QStringList{QStringLiteral("\n") + helpText().trimmed()});
    const QString first = args.takeFirst();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        writeOut(helpText().toUtf8());
        return 0;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        printLine(QStringLiteral("mailwright-cli ") + QStringLiteral(MW_VERSION));
        return 0;
    }
    const CommandInfo *command = CommandRegistry::find(first);
    if (!command)
        return usageError(
            QStringLiteral("unknown command \"%1\" (see mailwright-cli --help)").arg(first));
    return command->run(args);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mailwright-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Mailwright"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MW_VERSION));

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    int rc = dispatch(args);
    // Results go to stdout: a result that could not be written (a full disk) is no success.
    if (const QString why = stdoutFailure(); !why.isEmpty() && rc == 0)
        rc = fail(mw::Error(mw::Error::Code::Io,
                            QStringLiteral("cannot write to standard output: %1").arg(why)));
    return rc;
}
