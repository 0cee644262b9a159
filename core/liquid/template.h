#pragma once

#include "common/error.h"
#include "liquid/value.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mw::liquid {

namespace detail {
struct TemplateData;
}

/// How a template is parsed. Parsing is always Liquid's strict mode (error_mode :strict):
/// malformed tags and expressions are syntax errors with line and column.
struct ParseOptions {
    /// Unknown filters are a parse error (Shopify only checks this at render time with
    /// strict_filters; we can do better because the filter set is fixed).
    bool strictFilters = false;
    /// Deepest block nesting accepted ({% if %} in {% for %} in ...).
    int maxNestingDepth = 100;
};

/// How one render behaves. Defaults are pure Shopify Liquid semantics.
struct RenderOptions {
    /// A lookup of an undefined variable or key fails the render (Liquid strict_variables).
    bool strictVariables = false;
    /// An unknown filter fails the render (Liquid strict_filters); otherwise it is skipped.
    bool strictFilters = false;
    /// Runtime errors (e.g. divided by 0): Shopify prints "Liquid error: ..." into the
    /// output and goes on. With false, the first runtime error aborts the render.
    bool inlineErrors = true;

    /// Limits: exceeding one stops the render with an Error (0 = no limit).
    std::size_t maxOutputBytes = 64u << 20;
    std::uint64_t maxLoopIterations = 10'000'000; // total over all loops of one render
    int maxRenderDepth = 100;                     // nested blocks/captures at render time

    /// "now" / "today" for the date filter as Unix seconds; unset = the wall clock.
    std::optional<std::int64_t> now;
    /// Offset from UTC, in seconds, used by the date filter for timestamps and "now"
    /// (times with an explicit zone in the input keep their own). Default UTC.
    int utcOffsetSeconds = 0;

    /// Campaign rendering: HTML-escape strings marked Value::untrusted when they are
    /// output by {{ }} (after filters). Off = pure Shopify semantics.
    bool escapeUntrusted = false;

    /// Called for every variable lookup that came back undefined, with its path as
    /// written ("subscriber.first_name", "items[0].title"). May be called from the
    /// rendering thread only; leave empty for no reporting.
    std::function<void(std::string_view path)> onMissingVariable;
};

/// A parsed Liquid template. Immutable once parsed: render it as often as you like,
/// from as many threads as you like.
class Template {
public:
    /// Parses source; syntax errors come back as Error{BadInput, message, line, column}.
    static Result<std::shared_ptr<const Template>> parse(std::string_view source,
                                                         const ParseOptions &options = {});

    /// Renders with data (a Hash; its keys are the template's variables), appending to
    /// out. On error out holds what was rendered so far.
    Status render(const Value &data, const RenderOptions &options, std::string &out) const;
    /// Convenience: renders into a fresh string.
    Result<std::string> render(const Value &data, const RenderOptions &options = {}) const;

    /// The variable paths the template reads from its data (for an export manifest),
    /// e.g. "subscriber.first_name"; sorted, unique, excluding locals it assigns.
    std::vector<std::string> referencedVariables() const;

    ~Template();

    explicit Template(std::unique_ptr<detail::TemplateData> data); // use parse()

private:
    std::unique_ptr<detail::TemplateData> m_data;
};

} // namespace mw::liquid
