#include "liquidsyntaxcheck.h"

#include "liquid/template.h"

namespace mw::ui {

std::optional<Error> LiquidSyntaxCheck::check(const QString &text)
{
    // The same parser the renderer uses; unknown filters are flagged too, since a typo
    // in a filter name would otherwise vanish silently at send time.
    liquid::ParseOptions options;
    options.strictFilters = true;
    const QByteArray utf8 = text.toUtf8();
    auto parsed = liquid::Template::parse(
        std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())), options);
    if (parsed)
        return std::nullopt;
    return parsed.error();
}

} // namespace mw::ui
