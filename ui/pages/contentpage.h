#pragma once

#include "emptystatepage.h"

namespace mw::ui {

/// The Content page (empty state until it is built; replace it with MainWindow::setPage()).
class ContentPage : public EmptyStatePage {
    Q_OBJECT
public:
    explicit ContentPage(QWidget *parent = nullptr);
};

} // namespace mw::ui
