#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <functional>
#include <memory>

namespace mw::ui {

/// One line of "Why this email?": which block/variant/rule, the subscriber's values it
/// looked at, and what happened.
struct PreviewTraceRow {
    QString block;
    QString rule; // "variant vip: in segment \"vip\"", "default: always", ...
    QString values;
    QString outcome;
    QString reason;
    friend bool operator==(const PreviewTraceRow &, const PreviewTraceRow &) = default;
};

/// A missing field, a fallback used, ...
struct PreviewWarning {
    QString kind;
    QString field;
    QString block;
    QString message;
    friend bool operator==(const PreviewWarning &, const PreviewWarning &) = default;
};

/// What the preview shows for one subscriber: the render core's RenderResult, adapted.
struct PreviewRender {
    qint64 subscriberId = 0;
    QString email;
    QString fromName;
    QString subject;
    QString preheader;
    QString html;
    QString text;
    QList<PreviewTraceRow> trace;
    QList<PreviewWarning> warnings;
    /// "block id → variant shown" for each block that was rendered, in order; Compare
    /// marks the entries that differ between two subscribers.
    QList<QPair<QString, QString>> shown;
    QString error; // non-empty when the render failed (shown instead of the email)
};

/// What a preview renders: a campaign's working document, with the campaign's id and
/// name as a send would have them (`{{ campaign.name }}`); 0 and "" for documents that
/// are not stored.
struct PreviewCampaign {
    qint64 id = 0;
    QString name;
    QJsonObject document;
};

/// Renders a campaign document for one subscriber. One instance per worker thread (it
/// holds that thread's database connection).
class PreviewRenderer {
public:
    virtual ~PreviewRenderer() = default;
    virtual PreviewRender render(const PreviewCampaign &campaign, qint64 subscriberId) = 0;
};

/// Creates a renderer for a database on the thread that will use it (the renderer opens
/// that thread's own connection).
using PreviewRendererFactory =
    std::function<std::unique_ptr<PreviewRenderer>(const QString &databasePath)>;

} // namespace mw::ui

Q_DECLARE_METATYPE(mw::ui::PreviewRender)
