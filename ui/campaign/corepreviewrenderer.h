#pragma once

#include "previewrender.h"

#include <memory>

namespace mw::ui {

/// Renders previews with the render core (core/render) from one database connection.
/// Lives on one worker thread.
class CorePreviewRenderer : public PreviewRenderer {
public:
    explicit CorePreviewRenderer(const QString &databasePath);
    ~CorePreviewRenderer() override;

    PreviewRender render(const PreviewCampaign &campaign, qint64 subscriberId) override;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace mw::ui
