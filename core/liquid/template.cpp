#include "liquid/template.h"

namespace mw::liquid {
namespace detail {
struct TemplateData {};
} // namespace detail

Template::Template(std::unique_ptr<detail::TemplateData> data) : m_data(std::move(data)) {}
Template::~Template() = default;

Result<std::shared_ptr<const Template>> Template::parse(std::string_view, const ParseOptions &)
{
    return Error(Error::Code::Internal, QStringLiteral("not implemented yet"));
}

Status Template::render(const Value &, const RenderOptions &, std::string &) const
{
    return Error(Error::Code::Internal, QStringLiteral("not implemented yet"));
}

Result<std::string> Template::render(const Value &data, const RenderOptions &options) const
{
    std::string out;
    Status st = render(data, options, out);
    if (!st)
        return st.error();
    return out;
}

std::vector<std::string> Template::referencedVariables() const
{
    return {};
}

} // namespace mw::liquid
