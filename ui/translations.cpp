#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace mw::ui {

bool Translations::install(const QLocale &locale)
{
    QLocale::setDefault(locale);
    // Qt's own strings (standard buttons, file dialogs), from the qt6-translations-l10n files.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    // Ours, compiled from translations/*.ts and embedded under :/i18n.
    auto *app = new QTranslator(QCoreApplication::instance());
    if (app->load(locale, QStringLiteral("mailwright"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(app);
        return true;
    }
    delete app;
    return false;
}

} // namespace mw::ui
