#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

/// What a person types for a value in a condition (a segment rule, a campaign variant or
/// hide rule), and back: one convention for every editor.
///
/// - A list is comma-separated; a comma inside "double quotes" belongs to the item
///   (`"Washington, D.C.", Berlin` is two items).
/// - For a typed value (a custom attribute of any type): `true`/`false` are booleans, a
///   number is a number, and "quotes" keep text as text (`"10"` is the text 10).
/// - Surrounding spaces are not part of an unquoted item; quotes keep them.
namespace mw::typedtext {

/// The items of a comma-separated list, trimmed, as typed (quotes kept, see unquote());
/// empty items are dropped.
QStringList splitList(const QString &text);
/// The list text of items (each already in typed form, see itemText()/scalarText()).
QString joinList(const QStringList &items);

/// The text of an item: "quoted" → what is inside the quotes; otherwise the trimmed text.
QString unquote(const QString &item);
/// How a text value is typed so that unquote() and splitList() give it back whole: quoted
/// when it has a comma, surrounding spaces or surrounding quotes.
QString itemText(const QString &value);

/// A typed value: quoted text → that text; true/false → boolean; a number → number;
/// anything else → the trimmed text.
QJsonValue parseScalar(const QString &item);
/// How a scalar is typed so that parseScalar() gives it back (text that would read as a
/// number or a boolean is quoted, as is text itemText() would quote).
QString scalarText(const QJsonValue &value);

/// A typed list (splitList + parseScalar on each item) and back.
QJsonArray parseScalarList(const QString &text);
QString scalarListText(const QJsonArray &values);

} // namespace mw::typedtext
