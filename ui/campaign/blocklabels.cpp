#include "blocklabels.h"

namespace mw::ui {

namespace {

struct Label {
    const char *key;
    const char *text;
};

const Label kTypes[] = {
    {"header", QT_TRANSLATE_NOOP("BlockLabels", "Header")},
    {"hero", QT_TRANSLATE_NOOP("BlockLabels", "Hero")},
    {"text", QT_TRANSLATE_NOOP("BlockLabels", "Text")},
    {"image", QT_TRANSLATE_NOOP("BlockLabels", "Image")},
    {"button", QT_TRANSLATE_NOOP("BlockLabels", "Button")},
    {"products", QT_TRANSLATE_NOOP("BlockLabels", "Products")},
    {"offer", QT_TRANSLATE_NOOP("BlockLabels", "Offer")},
    {"testimonial", QT_TRANSLATE_NOOP("BlockLabels", "Testimonial")},
    {"articles", QT_TRANSLATE_NOOP("BlockLabels", "Articles")},
    {"divider", QT_TRANSLATE_NOOP("BlockLabels", "Divider")},
    {"spacer", QT_TRANSLATE_NOOP("BlockLabels", "Spacer")},
    {"footer", QT_TRANSLATE_NOOP("BlockLabels", "Footer")},
};

// The content fields of core/content/blockfields.cpp.
const Label kFields[] = {
    {"accent", QT_TRANSLATE_NOOP("BlockLabels", "Accent colour")},
    {"align", QT_TRANSLATE_NOOP("BlockLabels", "Alignment")},
    {"alt", QT_TRANSLATE_NOOP("BlockLabels", "Alt text")},
    {"author", QT_TRANSLATE_NOOP("BlockLabels", "Author")},
    {"background", QT_TRANSLATE_NOOP("BlockLabels", "Background colour")},
    {"button_color", QT_TRANSLATE_NOOP("BlockLabels", "Button colour")},
    {"code", QT_TRANSLATE_NOOP("BlockLabels", "Code")},
    {"color", QT_TRANSLATE_NOOP("BlockLabels", "Colour")},
    {"columns", QT_TRANSLATE_NOOP("BlockLabels", "Columns")},
    {"company", QT_TRANSLATE_NOOP("BlockLabels", "Company")},
    {"count", QT_TRANSLATE_NOOP("BlockLabels", "Count")},
    {"cta_label", QT_TRANSLATE_NOOP("BlockLabels", "Button text")},
    {"cta_url", QT_TRANSLATE_NOOP("BlockLabels", "Button link")},
    {"description", QT_TRANSLATE_NOOP("BlockLabels", "Description")},
    {"expires", QT_TRANSLATE_NOOP("BlockLabels", "Expires")},
    {"headline", QT_TRANSLATE_NOOP("BlockLabels", "Headline")},
    {"height", QT_TRANSLATE_NOOP("BlockLabels", "Height")},
    {"image_alt", QT_TRANSLATE_NOOP("BlockLabels", "Image alt text")},
    {"image_url", QT_TRANSLATE_NOOP("BlockLabels", "Image URL")},
    {"items", QT_TRANSLATE_NOOP("BlockLabels", "Items")},
    {"label", QT_TRANSLATE_NOOP("BlockLabels", "Label")},
    {"link_url", QT_TRANSLATE_NOOP("BlockLabels", "Link URL")},
    {"logo_alt", QT_TRANSLATE_NOOP("BlockLabels", "Logo alt text")},
    {"logo_url", QT_TRANSLATE_NOOP("BlockLabels", "Logo URL")},
    {"logo_width", QT_TRANSLATE_NOOP("BlockLabels", "Logo width")},
    {"note", QT_TRANSLATE_NOOP("BlockLabels", "Note")},
    {"postal_address", QT_TRANSLATE_NOOP("BlockLabels", "Postal address")},
    {"preferences_label", QT_TRANSLATE_NOOP("BlockLabels", "Preferences link text")},
    {"preferences_url", QT_TRANSLATE_NOOP("BlockLabels", "Preferences URL")},
    {"quote", QT_TRANSLATE_NOOP("BlockLabels", "Quote")},
    {"role", QT_TRANSLATE_NOOP("BlockLabels", "Role")},
    {"subheadline", QT_TRANSLATE_NOOP("BlockLabels", "Subheadline")},
    {"summary", QT_TRANSLATE_NOOP("BlockLabels", "Summary")},
    {"tagline", QT_TRANSLATE_NOOP("BlockLabels", "Tagline")},
    {"text", QT_TRANSLATE_NOOP("BlockLabels", "Text")},
    {"text_color", QT_TRANSLATE_NOOP("BlockLabels", "Text colour")},
    {"thickness", QT_TRANSLATE_NOOP("BlockLabels", "Thickness")},
    {"title", QT_TRANSLATE_NOOP("BlockLabels", "Title")},
    {"unsubscribe_label", QT_TRANSLATE_NOOP("BlockLabels", "Unsubscribe link text")},
    {"url", QT_TRANSLATE_NOOP("BlockLabels", "URL")},
    {"width", QT_TRANSLATE_NOOP("BlockLabels", "Width")},
};

template <size_t N> const char *lookup(const Label (&labels)[N], const QString &key)
{
    for (const Label &l : labels)
        if (key == QLatin1String(l.key))
            return l.text;
    return nullptr;
}

} // namespace

QString BlockLabels::typeName(const QString &type)
{
    if (const char *text = lookup(kTypes, type))
        return tr(text);
    QString s = type;
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s;
}

QString BlockLabels::fieldLabel(const QString &key)
{
    if (const char *text = lookup(kFields, key))
        return tr(text);
    QString s = key;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s;
}

} // namespace mw::ui
