#include "htmlescape.h"

namespace mw::liquid {

void appendHtmlEscaped(std::string &out, std::string_view s)
{
    // Runs of bytes that need no escaping are appended in one go.
    const char *p = s.data();
    const char *e = p + s.size();
    while (p < e) {
        const char *run = p;
        while (p < e && !htmlEscapeText(*p))
            ++p;
        out.append(run, static_cast<std::size_t>(p - run));
        if (p < e)
            out += htmlEscapeText(*p++);
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
