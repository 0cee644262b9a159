#pragma once

#include <string>
#include <string_view>

namespace mw::liquid {

/// Appends s with & < > " ' replaced by entities, as Shopify's `escape` filter does. Shared
/// by the filter, the auto-escaping of untrusted values and the renderer's inbox fields.
void appendHtmlEscaped(std::string &out, std::string_view s);
std::string htmlEscaped(std::string_view s);

} // namespace mw::liquid
