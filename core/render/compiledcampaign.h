#pragma once

#include "common/error.h"
#include "content/campaigndocument.h"
#include "liquid/template.h"
#include "liquid/value.h"
#include "rules/blockrules.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace mw {

/// What a template's output depends on, so equal inputs can reuse one render (memo key).
struct TemplateKeyPart {
    enum class Kind {
        SubscriberField, // one subscriber.* field
        AllSubscriber,   // the whole subscriber hash
        Metric,
        AllMetrics,
        Attribute,
        AllAttributes,
        Recommendations, // the subscriber's recommendation list
        PerSubscriber,   // unsubscribe_url etc.: unique per subscriber, never memoized
    } kind;
    int index = 0;
    QString key;
};

/// Top-level variables of the rendering context, as bits.
enum ContextRoot : int {
    kRootSubscriber = 1,
    kRootAttributes = 2,
    kRootMetrics = 4,
    kRootRecommendations = 8,
    kRootCampaign = 16,
    kRootUrls = 32,
    kAllRoots = 63,
};

/// One parsed Liquid template plus what its output depends on.
struct CompiledTemplate {
    std::shared_ptr<const liquid::Template> tpl;
    std::vector<TemplateKeyPart> dependsOn;
    bool perSubscriber = false; // depends on something unique per subscriber
    int contextRoots = 0;       // ContextRoot bits of the variables it reads
    int slot = 0;               // index for per-thread memo tables
};

struct CompiledVariant {
    QString id; // "default" or the variant id
    CompiledTemplate html;
    CompiledTemplate text;
    /// html's template with the union of both parts' dependencies and its own memo slot:
    /// the renderer memoizes a block's HTML and text together (one look-up, not two).
    CompiledTemplate both;
};

struct CompiledBlock {
    QString id;
    BlockType type = BlockType::Text;
    BlockRules rules;
    CompiledVariant defaultVariant;
    std::vector<CompiledVariant> variants; // document order
};

/// An envelope text (subject line, preheader, from name): its variant rules, the default
/// template and one template per variant (document order).
struct CompiledText {
    TextRules rules;
    CompiledTemplate defaultText;
    std::vector<CompiledTemplate> variants;
};

/// A campaign ready to render: every template parsed once, rules compiled, the static
/// parts of the email precomputed. Immutable; shared by all rendering threads.
class CompiledCampaign {
public:
    /// Errors name the JSON path; Liquid syntax errors add line and column within the field.
    static Result<std::shared_ptr<const CompiledCampaign>>
    compile(int64_t campaignId, const QString &name, const CampaignDocument &doc);

    int64_t campaignId = 0;
    QString name;
    CampaignDocument document;
    CompiledText subject;
    CompiledText preheader;
    CompiledText fromName;
    std::vector<CompiledBlock> blocks;
    liquid::Value campaignValue; // campaign.* for templates
    QStringList segments;        // segment names the rules test
    int templateCount = 0;

    // The email around the blocks, split where the subject and preheader go (UTF-8).
    std::string layoutHead, layoutMiddle, layoutBodyStart, layoutClose;
};

} // namespace mw
