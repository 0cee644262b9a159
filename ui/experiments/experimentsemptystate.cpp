#include "experimentsemptystate.h"

#include <QFontDatabase>
#include <QLabel>
#include <QVBoxLayout>

namespace mw::ui {

ExperimentsEmptyState::ExperimentsEmptyState(QWidget *parent) : CenteredCard(660, {}, parent)
{
    setObjectName(QStringLiteral("experimentsEmptyState"));
    cardLayout()->setContentsMargins(32, 28, 32, 28); // room for the command's long line
    addHeading(QStringLiteral("⚖"), tr("No experiments in this database"),
               tr("Experiment reports compare the arms of an A/B test or a holdout with the "
                  "control: lift with 95 % confidence intervals, Holm-adjusted p-values and a "
                  "sample-ratio check. Import an experiment's per-subscriber results from a CSV "
                  "file to see its report here:"));

    // The command as it is typed, selectable so it can be copied.
    auto *command = new QLabel(
        tr("mailwright-cli import experiment --db FILE --name NAME --csv FILE\n"
           "    --arm-column COLUMN --control ARM --metrics M1,M2 [--covariate COLUMN]"));
    command->setObjectName(QStringLiteral("importCommand"));
    command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    command->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    command->setStyleSheet(QStringLiteral(
        "QLabel { background: palette(window); border-radius: 4px; padding: 8px; }"));
    cardLayout()->addWidget(command);
    addNote(tr("Or create one with File ▸ New Sample Database: the sample "
               "database has an example experiment with a holdout."));
}

} // namespace mw::ui
