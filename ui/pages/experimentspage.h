#pragma once

#include "emptystatepage.h"

namespace mw::ui {

/// The Experiments page (empty state until it is built; replace it with MainWindow::setPage()).
class ExperimentsPage : public EmptyStatePage {
    Q_OBJECT
public:
    explicit ExperimentsPage(QWidget *parent = nullptr);
};

} // namespace mw::ui
