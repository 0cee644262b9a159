#include "corepreviewrenderer.h"

#include "content/campaignstore.h"
#include "render/compiledcampaign.h"
#include "render/recommendationprovider.h"
#include "render/renderer.h"
#include "render/segmentmembership.h"
#include "render/subscriberloader.h"
#include "storage/database.h"

#include <QJsonDocument>
#include <QObject>

#include <tuple>

namespace mw::ui {

namespace {

QString fromUtf8(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString describe(const Error &e)
{
    // Field errors carry both a JSON path and a line/column inside the field.
    if (!e.path.isEmpty() && e.line > 0)
        return e.path + QStringLiteral(": ") + e.toString();
    return e.toString();
}

} // namespace

struct CorePreviewRenderer::State {
    QString path;
    Database db;
    bool opened = false;
    QString openError;
    std::shared_ptr<const RecommendationProvider> recommendations;
    std::unique_ptr<ServiceMembership> membership;
    int64_t now = 0;
    // The last compiled document: typing in one field recompiles, switching subscribers
    // does not.
    PreviewCampaign compiledFrom;
    std::shared_ptr<const CompiledCampaign> compiled;
    QString compileError;
    std::unique_ptr<Renderer> renderer;
    std::unique_ptr<RenderSession> session;
};

CorePreviewRenderer::CorePreviewRenderer(const QString &databasePath)
    : m_state(std::make_unique<State>())
{
    m_state->path = databasePath;
}

CorePreviewRenderer::~CorePreviewRenderer() = default;

PreviewRender CorePreviewRenderer::render(const PreviewCampaign &campaign, qint64 subscriberId)
{
    State &s = *m_state;
    PreviewRender out;
    out.subscriberId = subscriberId;
    if (!s.opened) {
        s.opened = true;
        Database::OpenOptions options;
        options.readOnly = true;
        auto db = Database::open(s.path, options);
        if (!db) {
            s.openError = db.error().toString();
        } else {
            s.db = std::move(*db);
            s.now = s.db.referenceTime();
            auto recs = RecommendationProvider::load(s.db);
            s.recommendations = recs ? *recs : RecommendationProvider::empty();
            s.membership = std::make_unique<ServiceMembership>(s.db, s.now);
        }
    }
    if (!s.openError.isEmpty()) {
        out.error = s.openError;
        return out;
    }
    const bool sameCampaign = campaign.document == s.compiledFrom.document &&
                              campaign.id == s.compiledFrom.id &&
                              campaign.name == s.compiledFrom.name;
    if (!sameCampaign || (!s.compiled && s.compileError.isEmpty())) {
        s.compiledFrom = campaign;
        s.compiled.reset();
        s.renderer.reset();
        s.compileError.clear();
        // Library references are resolved exactly as for stored campaigns.
        CampaignRecord record;
        record.id = campaign.id;
        record.name = campaign.name;
        record.document = QJsonDocument(campaign.document).toJson(QJsonDocument::Compact);
        CampaignStore store(s.db);
        auto doc = store.document(record);
        if (!doc) {
            s.compileError = describe(doc.error());
        } else {
            auto compiled = CompiledCampaign::compile(record.id, record.name, *doc);
            if (!compiled) {
                s.compileError = describe(compiled.error());
            } else {
                s.compiled = *compiled;
                s.renderer = std::make_unique<Renderer>(s.compiled, s.recommendations, s.now);
                s.session = std::make_unique<RenderSession>();
            }
        }
    }
    if (!s.compileError.isEmpty()) {
        out.error = s.compileError;
        return out;
    }
    SubscriberLoader loader(s.db);
    auto record = loader.byId(subscriberId);
    if (!record) {
        out.error = record.error().toString();
        return out;
    }
    const RenderResult r =
        s.renderer->render(*record, s.membership.get(), s.session.get(), TraceDetail::Full);
    out.email = r.email;
    out.fromName = fromUtf8(r.fromName);
    out.subject = fromUtf8(r.subject);
    out.preheader = fromUtf8(r.preheader);
    out.html = fromUtf8(r.html);
    out.text = fromUtf8(r.text);
    for (const RuleTraceEntry &t : r.trace) {
        PreviewTraceRow row;
        row.block = t.block;
        row.rule =
            t.condition.isEmpty() ? t.rule : QStringLiteral("%1: %2").arg(t.rule, t.condition);
        row.values = t.values.join(QStringLiteral("; "));
        row.outcome = t.outcome;
        row.reason = t.reason;
        out.trace.append(row);
    }
    for (const RenderWarning &w : r.warnings)
        out.warnings.append({w.kind, w.field, w.block, w.message});
    const CampaignDocument &doc = s.compiled->document;
    for (const auto &[field, variants, chosen] :
         {std::tuple{QStringLiteral("subject"), &doc.subjectVariants, r.subjectVariant},
          std::tuple{QStringLiteral("preheader"), &doc.preheaderVariants, r.preheaderVariant},
          std::tuple{QStringLiteral("from_name"), &doc.fromNameVariants, r.fromNameVariant}}) {
        if (!variants->empty())
            out.shown.append({field, chosen >= 0 ? (*variants)[static_cast<size_t>(chosen)].id
                                                 : QStringLiteral("default")});
    }
    for (size_t i = 0; i < r.outcomes.size() && i < doc.blocks.size(); ++i) {
        const BlockOutcome &o = r.outcomes[i];
        const CampaignBlock &b = doc.blocks[i];
        QString variant;
        switch (o.kind) {
        case BlockDecision::Kind::Hidden:
            variant = QObject::tr("(hidden)");
            break;
        case BlockDecision::Kind::Suppressed:
            variant = QObject::tr("(suppressed)");
            break;
        case BlockDecision::Kind::Shown:
            variant = o.variant >= 0 ? b.variants[static_cast<size_t>(o.variant)].id
                                     : QStringLiteral("default");
            if (o.fallback)
                variant += QObject::tr(" (fallback)");
            break;
        }
        out.shown.append({b.id, variant});
    }
    return out;
}

} // namespace mw::ui
