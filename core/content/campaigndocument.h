#pragma once

#include "common/error.h"
#include "content/blocktype.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <vector>

namespace mw {

/// One alternative content of a block, chosen by a rule (condition + priority).
struct BlockVariant {
    QString id;
    int priority = 0;     // higher is evaluated first; ties keep document order
    QJsonValue when;      // condition (see core/rules/condition.h); null = always
    QJsonObject content;  // fields overriding the block's default content
    QStringList required; // context fields that must be present, else fallback
};

/// A block of a campaign: type, default content, optional hide rule and variants.
struct CampaignBlock {
    QString id; // unique within the campaign, used in traces
    BlockType type = BlockType::Text;
    QJsonObject content;  // the default variant's fields
    QStringList required; // fields the default content needs, else suppressed
    QJsonValue hideWhen;  // condition; null = never hidden
    std::vector<BlockVariant> variants;
    QString libraryRef; // name of a block in the block library it came from
};

/// A rule-based alternative of an envelope text (subject line, preheader, from name).
struct TextVariant {
    QString id;
    int priority = 0;
    QJsonValue when;
    QString text;
};
using SubjectVariant = TextVariant;

/// A campaign as a document: subject, preheader and from name (each with variants),
/// sender address, ordered blocks.
/// Stored as JSON in campaigns.document; every save adds a row to campaign_versions.
/// "subject", "preheader" and "from_name" are either a string or
/// {"default": "...", "variants": [{"id", "priority", "when", "text"}]}.
struct CampaignDocument {
    QString subject;
    std::vector<TextVariant> subjectVariants;
    QString preheader;
    std::vector<TextVariant> preheaderVariants;
    QString fromName;
    std::vector<TextVariant> fromNameVariants;
    QString fromEmail;
    QString unsubscribeBase; // the unsubscribe link is this plus subscriber parameters
    QString language;        // <html lang>
    std::vector<CampaignBlock> blocks;

    /// Parses and validates the structure; errors name the JSON path
    /// (e.g. "blocks[2].type: unknown block type \"foo\"").
    static Result<CampaignDocument> fromJson(const QJsonObject &json);
    static Result<CampaignDocument> fromJsonText(const QByteArray &utf8);
    QJsonObject toJson() const;

    const CampaignBlock *block(const QString &id) const;
};

/// Parses one block (also used for block-library documents). pathPrefix names it in errors.
Result<CampaignBlock> blockFromJson(const QJsonObject &json, const QString &pathPrefix);
QJsonObject blockToJson(const CampaignBlock &block);

} // namespace mw
