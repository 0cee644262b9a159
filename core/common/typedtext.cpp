#include "typedtext.h"

namespace mw::typedtext {

namespace {
bool isQuoted(const QString &t)
{
    return t.size() >= 2 && t.startsWith(QLatin1Char('"')) && t.endsWith(QLatin1Char('"'));
}
} // namespace

QStringList splitList(const QString &text)
{
    // A quote opens a quoted item only as the item's first character, and closes it only
    // when nothing but spaces follows before the next comma: a quote anywhere else is
    // text (5" screen; a"b,c inside quotes).
    QStringList items;
    QString current;
    bool inQuotes = false;
    auto closesHere = [&](qsizetype i) {
        for (qsizetype j = i + 1; j < text.size(); ++j) {
            if (text[j] == QLatin1Char(','))
                return true;
            if (!text[j].isSpace())
                return false;
        }
        return true;
    };
    auto finish = [&] {
        const QString item = current.trimmed();
        if (!item.isEmpty())
            items << item;
        current.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('"')) {
            if (!inQuotes && current.trimmed().isEmpty())
                inQuotes = true;
            else if (inQuotes && closesHere(i))
                inQuotes = false;
        } else if (c == QLatin1Char(',') && !inQuotes) {
            finish();
            continue;
        }
        current += c;
    }
    finish();
    return items;
}

QString joinList(const QStringList &items)
{
    return items.join(QStringLiteral(", "));
}

QString unquote(const QString &item)
{
    const QString t = item.trimmed();
    return isQuoted(t) ? t.mid(1, t.size() - 2) : t;
}

QString itemText(const QString &value)
{
    const bool needsQuotes = value.isEmpty() || value.contains(QLatin1Char(',')) ||
                             value.trimmed() != value || value.startsWith(QLatin1Char('"'));
    return needsQuotes ? QLatin1Char('"') + value + QLatin1Char('"') : value;
}

QJsonValue parseScalar(const QString &item)
{
    const QString t = item.trimmed();
    if (isQuoted(t))
        return t.mid(1, t.size() - 2);
    if (t == QLatin1String("true"))
        return true;
    if (t == QLatin1String("false"))
        return false;
    bool ok = false;
    const double d = t.toDouble(&ok);
    if (ok)
        return d;
    return t;
}

QString scalarText(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    const QString s = value.toString();
    const QJsonValue back = parseScalar(s);
    if (!back.isString() || back.toString() != s)
        return QLatin1Char('"') + s + QLatin1Char('"');
    return itemText(s);
}

QJsonArray parseScalarList(const QString &text)
{
    QJsonArray a;
    for (const QString &item : splitList(text))
        a.append(parseScalar(item));
    return a;
}

QString scalarListText(const QJsonArray &values)
{
    QStringList items;
    for (const QJsonValue &v : values)
        items << scalarText(v);
    return joinList(items);
}

} // namespace mw::typedtext
