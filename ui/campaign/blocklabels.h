#pragma once

#include <QCoreApplication>
#include <QString>

namespace mw::ui {

/// What the editor calls block types and block fields on screen. Documents keep the stable
/// JSON names ("hero", "cta_url"); marketers read "Hero", "Button link", in their language.
class BlockLabels {
    Q_DECLARE_TR_FUNCTIONS(BlockLabels)
public:
    /// "hero" -> "Hero"; an unknown type is shown capitalised.
    static QString typeName(const QString &type);
    /// "cta_url" -> "Button link"; an unknown key is shown as words ("my_field" -> "My field").
    static QString fieldLabel(const QString &key);
};

} // namespace mw::ui
