#include "experimentspage.h"

namespace mw::ui {

ExperimentsPage::ExperimentsPage(QWidget *parent)
    : EmptyStatePage(QStringLiteral("⚖"), tr("Experiment reports are coming"),
                     tr("Experiments compare campaign variants against each other and "
                        "against a holdout, with deterministic assignment and honest "
                        "statistics. Their reports will be shown here."),
                     {tr("A/B tests and holdouts with stable, reproducible assignment"),
                      tr("Lift with confidence intervals and a sample-ratio check"),
                      tr("Charts of outcomes per arm")},
                     parent)
{
    setObjectName(QStringLiteral("experimentsPage"));
}

} // namespace mw::ui
