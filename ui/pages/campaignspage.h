#pragma once

#include "emptystatepage.h"

namespace mw::ui {

/// The Campaigns page (empty state until it is built; replace it with MainWindow::setPage()).
class CampaignsPage : public EmptyStatePage {
    Q_OBJECT
public:
    explicit CampaignsPage(QWidget *parent = nullptr);
};

} // namespace mw::ui
