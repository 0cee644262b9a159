#include "tracewords.h"

#include <QRegularExpression>

namespace mw::ui {

namespace {
/// Matches text against an anchored pattern; the captures are in m.
bool matches(const QString &text, const char *pattern, QRegularExpressionMatch &m)
{
    m = QRegularExpression(QRegularExpression::anchoredPattern(QLatin1String(pattern))).match(text);
    return m.hasMatch();
}
} // namespace

QString TraceWords::outcome(const QString &text)
{
    if (text == QLatin1String("matched"))
        return tr("matched");
    if (text == QLatin1String("not matched"))
        return tr("not matched");
    if (text == QLatin1String("default"))
        return tr("default");
    if (text == QLatin1String("fallback: default"))
        return tr("fallback: default");
    if (text == QLatin1String("fallback"))
        return tr("fallback");
    if (text == QLatin1String("suppressed"))
        return tr("suppressed");
    if (text == QLatin1String("hidden"))
        return tr("hidden");
    if (text == QLatin1String("not hidden"))
        return tr("not hidden");
    QRegularExpressionMatch m;
    if (matches(text, "variant (.+)", m))
        return tr("variant %1").arg(m.captured(1));
    return text;
}

QString TraceWords::condition(const QString &text)
{
    if (text == QLatin1String("always"))
        return tr("always");
    QRegularExpressionMatch m;
    if (matches(text, "not in segment \"(.*)\"", m))
        return tr("not in segment \"%1\"").arg(m.captured(1));
    if (matches(text, "in segment \"(.*)\"", m))
        return tr("in segment \"%1\"").arg(m.captured(1));
    return text;
}

QString TraceWords::rule(const QString &text)
{
    // "<rule>: <condition>" or "<rule>"; variant ids have no ": ".
    const qsizetype colon = text.indexOf(QLatin1String(": "));
    const QString head = colon < 0 ? text : text.left(colon);
    const QString tail = colon < 0 ? QString() : condition(text.mid(colon + 2));
    QString word;
    QRegularExpressionMatch m;
    if (head == QLatin1String("default"))
        word = tr("default");
    else if (head == QLatin1String("hide"))
        word = tr("hide");
    else if (head == QLatin1String("requires"))
        word = tr("requires");
    else if (matches(head, "variant (\\S+)", m))
        word = tr("variant %1").arg(m.captured(1));
    else
        return text;
    return colon < 0 ? word : word + QLatin1String(": ") + tail;
}

QString TraceWords::values(const QString &text)
{
    QString out = text;
    out.replace(QLatin1String("\": not a member"), QLatin1String("\": ") + tr("not a member"));
    out.replace(QLatin1String("\": member"), QLatin1String("\": ") + tr("member"));
    return out;
}

QString TraceWords::reason(const QString &text)
{
    QRegularExpressionMatch m;
    if (matches(text, "condition (holds|does not hold)(?:: (.*?))?(?: \\(missing data: (.*)\\))?",
                m)) {
        QString out = m.captured(1) == QLatin1String("holds") ? tr("condition holds")
                                                              : tr("condition does not hold");
        if (m.capturedLength(2) > 0)
            out += QLatin1String(": ") + values(m.captured(2));
        if (m.capturedLength(3) > 0)
            out += QLatin1Char(' ') + tr("(missing data: %1)").arg(m.captured(3));
        return out;
    }
    if (matches(text, "hide rule (holds|does not hold): (.*)", m))
        return (m.captured(1) == QLatin1String("holds") ? tr("hide rule holds: %1")
                                                        : tr("hide rule does not hold: %1"))
            .arg(values(m.captured(2)));
    if (text == QLatin1String("first matching variant by priority"))
        return tr("first matching variant by priority");
    if (text == QLatin1String("block has no variants"))
        return tr("block has no variants");
    if (text == QLatin1String("no variant condition holds"))
        return tr("no variant condition holds");
    if (matches(text, "fallback because (.*) is missing", m))
        return tr("fallback because %1 is missing").arg(m.captured(1));
    if (matches(text, "variant (\\S+) needs (.*), which is missing; using the default content", m))
        return tr("variant %1 needs %2, which is missing; using the default content")
            .arg(m.captured(1), m.captured(2));
    if (matches(text, "suppressed because (.*) is missing \\(never rendered broken\\)", m))
        return tr("suppressed because %1 is missing (never rendered broken)").arg(m.captured(1));
    if (matches(text, "no (\\S+) variant condition holds", m))
        return tr("no %1 variant condition holds").arg(m.captured(1));
    if (matches(text, "no (\\S+) variants", m))
        return tr("no %1 variants").arg(m.captured(1));
    return text;
}

} // namespace mw::ui
