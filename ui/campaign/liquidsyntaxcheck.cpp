#include "liquidsyntaxcheck.h"

#include <QList>
#include <QRegularExpression>

namespace mw::ui {

namespace {

Error errorAt(const QString &text, qsizetype offset, const QString &message)
{
    const QStringView before = QStringView(text).left(offset);
    const int line = static_cast<int>(before.count(QLatin1Char('\n'))) + 1;
    const qsizetype lineStart = before.lastIndexOf(QLatin1Char('\n')) + 1;
    return Error(Error::Code::BadInput, message, line, static_cast<int>(offset - lineStart) + 1);
}

} // namespace

// Interim check until core/liquid lands: delimiters and block nesting.
std::optional<Error> LiquidSyntaxCheck::check(const QString &text)
{
    struct Open {
        QString tag;
        qsizetype offset;
    };
    QList<Open> stack;
    qsizetype pos = 0;
    static const QRegularExpression tagName(QStringLiteral("^\\s*-?\\s*([A-Za-z_]+)"));
    while (true) {
        const qsizetype out = text.indexOf(QLatin1String("{{"), pos);
        const qsizetype tag = text.indexOf(QLatin1String("{%"), pos);
        if (out < 0 && tag < 0)
            break;
        const bool isTag = tag >= 0 && (out < 0 || tag < out);
        const qsizetype open = isTag ? tag : out;
        const QLatin1String closer = isTag ? QLatin1String("%}") : QLatin1String("}}");
        const qsizetype close = text.indexOf(closer, open + 2);
        if (close < 0)
            return errorAt(text, open,
                           isTag
                               ? QStringLiteral("tag was not properly terminated with '%}'")
                               : QStringLiteral("variable was not properly terminated with '}}'"));
        const QString inner = text.mid(open + 2, close - open - 2);
        if (!isTag && inner.trimmed().remove(QLatin1Char('-')).isEmpty())
            return errorAt(text, open, QStringLiteral("empty output tag"));
        if (isTag) {
            const auto m = tagName.match(inner);
            const QString name = m.hasMatch() ? m.captured(1) : QString();
            static const QStringList blocks = {
                QStringLiteral("if"),  QStringLiteral("unless"),  QStringLiteral("case"),
                QStringLiteral("for"), QStringLiteral("capture"), QStringLiteral("comment"),
                QStringLiteral("raw"), QStringLiteral("tablerow")};
            if (name.isEmpty())
                return errorAt(text, open, QStringLiteral("empty tag"));
            if (blocks.contains(name)) {
                stack.append({name, open});
            } else if (name.startsWith(QLatin1String("end"))) {
                const QString opened = name.mid(3);
                if (stack.isEmpty() || stack.last().tag != opened)
                    return errorAt(text, open, QStringLiteral("unexpected '%1'").arg(name));
                stack.removeLast();
            }
        }
        pos = close + 2;
    }
    if (!stack.isEmpty())
        return errorAt(text, stack.last().offset,
                       QStringLiteral("'%1' tag was never closed").arg(stack.last().tag));
    return std::nullopt;
}

} // namespace mw::ui
