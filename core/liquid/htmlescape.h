#pragma once

#include <string>
#include <string_view>

namespace mw::liquid {

/// Appends s with & < > " ' replaced by entities, as Shopify's `escape` filter does. Shared
/// by the filter, the auto-escaping of untrusted values and the renderer's inbox fields.
void appendHtmlEscaped(std::string &out, std::string_view s);
std::string htmlEscaped(std::string_view s);

/// The entity for c, or nullptr when c stays as it is.
inline const char *htmlEscapeText(char c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    default:
        return nullptr;
    }
}

} // namespace mw::liquid
