#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>

namespace mw::json {

/// Appends a JSON string literal (quotes included) of UTF-8 text. Control characters,
/// quotes and backslashes are escaped; "</" is written as "<\/" so a JSON document can
/// never close an HTML <script> it is embedded in.
void appendString(std::string &out, std::string_view utf8);
void appendString(std::string &out, const QString &text);
/// The same without the quotes (pieces of a string escaped once and joined later; a piece
/// must not start with "/" right after a piece ending in "<").
void appendEscaped(std::string &out, std::string_view utf8);
void appendInt(std::string &out, int64_t v);
/// "key": (with a leading comma unless first).
void appendKey(std::string &out, std::string_view key, bool first = false);

} // namespace mw::json
