#pragma once

#include "previewrender.h"

#include <QWidget>

class QComboBox;
class QPushButton;

namespace mw::ui {

class CampaignEditor;

/// The main window's Campaigns page: choose or create a campaign, then edit it.
class CampaignsPage : public QWidget {
    Q_OBJECT
public:
    /// factory: how previews are rendered; empty means the render core.
    explicit CampaignsPage(QWidget *parent = nullptr, PreviewRendererFactory factory = {});

    void setDatabase(const QString &path);
    /// Opens a campaign by name; false if there is none.
    bool openCampaign(const QString &name);
    CampaignEditor *editor() const { return m_editor; }

    /// Renders with the core renderer (core/render) from the given database.
    static PreviewRendererFactory coreRendererFactory();

signals:
    void campaignsLoaded(int count);

private:
    void reloadList(const QString &select);
    void createCampaign();

    QString m_path;
    QComboBox *m_campaigns;
    QPushButton *m_new;
    CampaignEditor *m_editor;
};

} // namespace mw::ui
