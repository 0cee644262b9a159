#include "error.h"

namespace mw {

QString Error::toString() const
{
    QString where;
    if (line > 0 && column > 0)
        where = QStringLiteral("line %1, column %2: ").arg(line).arg(column);
    else if (line > 0)
        where = QStringLiteral("line %1: ").arg(line);
    else if (!path.isEmpty())
        where = path + QStringLiteral(": ");
    return where + message;
}

int Error::exitCode() const
{
    switch (code) {
    case Code::Usage:
        return 1;
    case Code::Refused:
        return 3;
    case Code::Internal:
    case Code::Cancelled:
        return 4;
    default:
        return 2;
    }
}

} // namespace mw
