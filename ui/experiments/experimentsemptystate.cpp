#include "experimentsemptystate.h"

#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mw::ui {

ExperimentsEmptyState::ExperimentsEmptyState(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("experimentsEmptyState"));
    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("experimentsEmptyCard"));
    card->setFixedWidth(620); // word-wrapped labels need a width to lay out against
    card->setStyleSheet(QStringLiteral(
        "#experimentsEmptyCard { background: palette(base); border: 1px solid palette(mid);"
        " border-radius: 12px; }"));

    auto *icon = new QLabel(QStringLiteral("⚖"));
    icon->setAlignment(Qt::AlignCenter);
    QFont iconFont = icon->font();
    iconFont.setPointSizeF(iconFont.pointSizeF() * 4);
    icon->setFont(iconFont);
    icon->setStyleSheet(QStringLiteral("color: #5b7fa6;"));

    auto *heading = new QLabel(tr("No experiments in this database"));
    heading->setAlignment(Qt::AlignCenter);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto *text = new QLabel(
        tr("Experiment reports compare the arms of an A/B test or a holdout with the "
           "control: lift with 95 % confidence intervals, Holm-adjusted p-values and a "
           "sample-ratio check. Import an experiment's per-subscriber results from a CSV "
           "file to see its report here:"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);

    // The command as it is typed, selectable so it can be copied.
    auto *command = new QLabel(
        tr("mailwright-cli import experiment --db FILE --name NAME --csv FILE\n"
           "    --arm-column COLUMN --control ARM --metrics M1,M2 [--covariate COLUMN]"));
    command->setObjectName(QStringLiteral("importCommand"));
    command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    command->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    command->setStyleSheet(QStringLiteral(
        "QLabel { background: palette(window); border-radius: 4px; padding: 8px; }"));

    auto *sample = new QLabel(tr("Or create one with File ▸ New Sample Database: the sample "
                                 "database has an example experiment with a holdout."));
    sample->setAlignment(Qt::AlignCenter);
    sample->setWordWrap(true);
    sample->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(12);
    layout->addWidget(icon);
    layout->addWidget(heading);
    layout->addWidget(text);
    layout->addWidget(command);
    layout->addWidget(sample);

    // Centred by stretches, not alignment, so the card's height follows its wrapped text.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card);
    row->addStretch(1);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
}

} // namespace mw::ui
