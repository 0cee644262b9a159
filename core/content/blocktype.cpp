#include "blocktype.h"

#include <array>
#include <vector>

namespace mw {

namespace {
struct TypeName {
    BlockType type;
    const char *name;
};
constexpr std::array<TypeName, 12> kNames = {{
    {BlockType::Header, "header"},
    {BlockType::Hero, "hero"},
    {BlockType::Text, "text"},
    {BlockType::Image, "image"},
    {BlockType::Button, "button"},
    {BlockType::Products, "products"},
    {BlockType::Offer, "offer"},
    {BlockType::Testimonial, "testimonial"},
    {BlockType::Articles, "articles"},
    {BlockType::Divider, "divider"},
    {BlockType::Spacer, "spacer"},
    {BlockType::Footer, "footer"},
}};
} // namespace

QString blockTypeName(BlockType type)
{
    for (const TypeName &t : kNames)
        if (t.type == type)
            return QLatin1String(t.name);
    return {};
}

std::optional<BlockType> blockTypeFromName(const QString &name)
{
    for (const TypeName &t : kNames)
        if (name == QLatin1String(t.name))
            return t.type;
    return std::nullopt;
}

const std::vector<BlockType> &allBlockTypes()
{
    static const std::vector<BlockType> types = [] {
        std::vector<BlockType> v;
        for (const TypeName &t : kNames)
            v.push_back(t.type);
        return v;
    }();
    return types;
}

} // namespace mw
