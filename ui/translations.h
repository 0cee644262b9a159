#pragma once

#include <QLocale>

namespace mw::ui {

/// Installs the application's and Qt's own translations for a locale (the system's by
/// default). English needs none; missing files leave the English strings.
class Translations {
public:
    /// Returns true if a Mailwright translation was found for the locale. Replaces any
    /// translations installed before.
    static bool install(const QLocale &locale = QLocale::system());
    /// Back to the built-in English strings.
    static void uninstall();
};

} // namespace mw::ui
