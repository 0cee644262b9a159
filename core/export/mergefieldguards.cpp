#include "mergefieldguards.h"

#include <QRegularExpression>

#include <vector>

namespace mw {

QStringList MergeFieldGuards::unguarded(const QString &source)
{
    static const QRegularExpression tag(QStringLiteral(R"(\{\{-?(.*?)-?\}\}|\{%-?(.*?)-?%\})"),
                                        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression path(QStringLiteral(R"(^\s*([A-Za-z_][\w]*(?:\.[\w]+)+))"));
    static const QRegularExpression defaultFilter(QStringLiteral(R"(\|\s*default\s*:)"));
    // Open block tags and their text; an if/unless guards what its condition names.
    std::vector<std::pair<QString, QString>> open;
    QStringList out;
    auto it = tag.globalMatch(source);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart(1) >= 0) {
            const QString body = m.captured(1);
            const QRegularExpressionMatch p = path.match(body);
            if (!p.hasMatch() || body.contains(defaultFilter))
                continue;
            const QString field = p.captured(1);
            bool guarded = false;
            for (const auto &[name, condition] : open)
                if ((name == QLatin1String("if") || name == QLatin1String("unless") ||
                     name == QLatin1String("elsif")) &&
                    condition.contains(field))
                    guarded = true;
            if (!guarded && !out.contains(field))
                out << field;
            continue;
        }
        const QString body = m.captured(2).trimmed();
        const QString name = body.section(QLatin1Char(' '), 0, 0);
        if (name == QLatin1String("if") || name == QLatin1String("unless") ||
            name == QLatin1String("for") || name == QLatin1String("case") ||
            name == QLatin1String("capture")) {
            open.emplace_back(name, body);
        } else if (name.startsWith(QLatin1String("end")) && !open.empty()) {
            open.pop_back();
        } else if ((name == QLatin1String("else") || name == QLatin1String("elsif")) &&
                   !open.empty()) {
            // The else branch of `if x` is where x is missing: it guards nothing.
            open.back() = {name, name == QLatin1String("elsif") ? body : QString()};
        }
    }
    return out;
}

} // namespace mw
