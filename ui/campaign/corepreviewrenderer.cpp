#include "corepreviewrenderer.h"

#include <QObject>

namespace mw::ui {

struct CorePreviewRenderer::State {
    QString path;
};

CorePreviewRenderer::CorePreviewRenderer(const QString &databasePath)
    : m_state(std::make_unique<State>())
{
    m_state->path = databasePath;
}

CorePreviewRenderer::~CorePreviewRenderer() = default;

PreviewRender CorePreviewRenderer::render(const QJsonObject &document, qint64 subscriberId)
{
    Q_UNUSED(document)
    PreviewRender r;
    r.subscriberId = subscriberId;
    r.error = QObject::tr("the render core is not available in this build");
    return r;
}

} // namespace mw::ui
