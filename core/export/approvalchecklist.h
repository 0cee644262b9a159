#pragma once

#include "common/error.h"
#include "render/campaignloader.h"
#include "storage/database.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace mw {

/// The outcome of one checklist item: its name and every failure ("block hero: ...").
struct ChecklistItem {
    QString name;
    QString rule; // what it checks, for the JSON summary
    QStringList failures;
    bool passed() const { return failures.isEmpty(); }
};

struct ChecklistReport {
    std::vector<ChecklistItem> items;
    int64_t audience = 0;           // subscribers in the database
    std::vector<int64_t> sampleIds; // the subscribers rendered
    bool passed() const;
    /// Every failure as "item: detail", one per line for stderr.
    QStringList failures() const;
    QJsonObject toJson() const;
};

/// The approval checklist of CONTRACT.md ("Campaigns and export"): renders the campaign
/// for a deterministic sample of subscribers (up to kSampleSize, spread evenly over all
/// subscribers by ascending id, first and last included) and checks that it renders
/// without error, prints no merge field that is missing for a sampled subscriber without
/// a fallback, gives every image alt text, has an unsubscribe link and a postal address
/// for every sampled subscriber, and keeps the subject at most 150 characters.
class ApprovalChecklist {
public:
    static constexpr int kSampleSize = 200;
    static constexpr int kMaxSubjectLength = 150;

    /// The sample for an audience of ids (ascending): evenly spaced, deterministic.
    static std::vector<int64_t> sample(const std::vector<int64_t> &ids, int size = kSampleSize);

    static Result<ChecklistReport> run(Database &db, const LoadedCampaign &campaign, int64_t now);
};

} // namespace mw
