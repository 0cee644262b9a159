#pragma once

#include "common/error.h"

#include <QString>

#include <optional>

namespace mw::ui {

/// Checks a Liquid template's syntax for the editor; the error carries line and column.
class LiquidSyntaxCheck {
public:
    static std::optional<Error> check(const QString &text);
};

} // namespace mw::ui
