#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QList>
#include <QPointer>
#include <QTranslator>

namespace mw::ui {

namespace {

QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> list;
    return list;
}

bool load(const QLocale &locale, const QString &name, const QString &directory)
{
    auto *t = new QTranslator(QCoreApplication::instance());
    if (!t->load(locale, name, QStringLiteral("_"), directory)) {
        delete t;
        return false;
    }
    QCoreApplication::installTranslator(t);
    installed().append(t);
    return true;
}

} // namespace

bool Translations::install(const QLocale &locale)
{
    uninstall();
    QLocale::setDefault(locale);
    // Qt's own strings (standard buttons, file dialogs), from qt6-translations-l10n.
    load(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // Ours, compiled from translations/*.ts and embedded under :/i18n.
    return load(locale, QStringLiteral("mailwright"), QStringLiteral(":/i18n"));
}

void Translations::uninstall()
{
    for (const QPointer<QTranslator> &t : std::as_const(installed())) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installed().clear();
}

} // namespace mw::ui
