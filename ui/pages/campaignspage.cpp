#include "campaignspage.h"

namespace mw::ui {

CampaignsPage::CampaignsPage(QWidget *parent)
    : EmptyStatePage(QStringLiteral("✉"), tr("No campaigns yet"),
                     tr("Campaigns assemble content blocks for a segment, attach "
                        "personalisation rules that explain every choice, and go through "
                        "an approval checklist before they can be exported."),
                     {tr("Rules that show, hide or pick block variants per subscriber"),
                      tr("A trace of why each subscriber got what they got"),
                      tr("Approval, version history and export for your sending platform")},
                     parent)
{
    setObjectName(QStringLiteral("campaignsPage"));
}

} // namespace mw::ui
