#pragma once

#include "centeredcard.h"

namespace mw::ui {

/// What the Experiments page shows for a database without experiments: what a report
/// offers and how to get one (the import command, selectable for copying, or the sample
/// database). Not EmptyStatePage: that one announces features still to come.
class ExperimentsEmptyState : public CenteredCard {
    Q_OBJECT
public:
    explicit ExperimentsEmptyState(QWidget *parent = nullptr);
};

} // namespace mw::ui
