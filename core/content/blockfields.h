#pragma once

#include "common/error.h"
#include "content/blocktype.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace mw {

/// What a block field holds; decides how it is validated and escaped into HTML.
enum class FieldKind {
    Text,     // plain text with Liquid; HTML-escaped outside Liquid tags
    RichText, // the small rich-text subset of core/content/richtext.h
    Url,      // http(s)/mailto URL or Liquid; never javascript:
    Color,    // #rgb or #rrggbb
    Integer,  // with a range
    Items,    // array of article items (articles block)
};

/// Declares one field of a block type: name, kind, default, range for integers.
struct FieldSpec {
    const char *name;
    FieldKind kind;
    const char *defaultValue; // for Text/Url/Color/RichText; "" = empty
    int minimum = 0;          // for Integer
    int maximum = 0;
    int defaultInt = 0;
    bool requiredField = false; // must be non-empty
};

/// The fields of each block type (what the editor shows and the generator reads).
const std::vector<FieldSpec> &blockFieldSpecs(BlockType type);

/// Checks the content of a block against its type's fields; path names the content object.
Status validateBlockFields(BlockType type, const QJsonObject &content, const QString &path);

/// Content with every missing field filled from its default.
QJsonObject withDefaults(BlockType type, const QJsonObject &content);

} // namespace mw
