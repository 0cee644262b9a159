#include "contentpage.h"

namespace mw::ui {

ContentPage::ContentPage(QWidget *parent)
    : EmptyStatePage(QStringLiteral("▦"), tr("No content blocks yet"),
                     tr("Content is where you build the reusable pieces of your emails: "
                        "modular blocks with personalised variants, rendered to email-safe "
                        "HTML and previewed as each subscriber would see them."),
                     {tr("A library of blocks: hero, text, product grid, button, footer"),
                      tr("Variants per block, written in Liquid with fallbacks"),
                      tr("Desktop and mobile preview for any sample subscriber")},
                     parent)
{
    setObjectName(QStringLiteral("contentPage"));
}

} // namespace mw::ui
