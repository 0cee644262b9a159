#pragma once

#include "centeredcard.h"

#include <QStringList>

namespace mw::ui {

/// A page that has nothing to show yet: a symbol, a title, what will be here, and
/// (optionally) a few bullet points. Pages not built yet derive from it.
class EmptyStatePage : public CenteredCard {
    Q_OBJECT
public:
    EmptyStatePage(const QString &symbol, const QString &title, const QString &description,
                   const QStringList &points, QWidget *parent = nullptr);
};

} // namespace mw::ui
