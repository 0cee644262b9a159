#include "contentpage.h"

namespace mw::ui {

ContentPage::ContentPage(QWidget *parent)
    : EmptyStatePage(QStringLiteral("▦"), tr("The content library is coming"),
                     tr("This page will hold the reusable pieces of your emails. Until then, "
                        "build content in Campaigns: the editor's palette has every block "
                        "type and the saved blocks of the library, with personalised "
                        "variants and a live preview."),
                     {tr("A library of blocks: hero, text, product grid, button, footer"),
                      tr("Variants per block, written in Liquid with fallbacks"),
                      tr("Desktop and mobile preview for any sample subscriber")},
                     parent)
{
    setObjectName(QStringLiteral("contentPage"));
}

} // namespace mw::ui
