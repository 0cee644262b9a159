#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace mw {

/// The kinds of content block a campaign is assembled from.
enum class BlockType {
    Header,
    Hero,
    Text,
    Image,
    Button,
    Products,
    Offer,
    Testimonial,
    Articles,
    Divider,
    Spacer,
    Footer,
};

/// Stable JSON names ("header", "hero", ...), used in documents and the block library.
QString blockTypeName(BlockType type);
std::optional<BlockType> blockTypeFromName(const QString &name);
/// Every block type in display order.
const std::vector<BlockType> &allBlockTypes();

} // namespace mw
