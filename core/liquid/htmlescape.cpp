#include "htmlescape.h"

namespace mw::liquid {

void appendHtmlEscaped(std::string &out, std::string_view s)
{
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
}

std::string htmlEscaped(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 8);
    appendHtmlEscaped(out, s);
    return out;
}

} // namespace mw::liquid
