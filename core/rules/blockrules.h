#pragma once

#include "common/error.h"
#include "content/campaigndocument.h"
#include "rules/condition.h"
#include "rules/ruletrace.h"

#include <vector>

namespace mw {

/// What the rules decided for one block and one subscriber.
struct BlockDecision {
    enum class Kind { Shown, Hidden, Suppressed };
    Kind kind = Kind::Shown;
    int variant = -1;      // index into the block's variants; -1 = default content
    bool fallback = false; // a matching variant lacked data and the default was used
};

/// The compiled rules of one block: hide rule, variants by priority, data requirements.
///
/// Order: the hide rule first; then variants, higher priority first (ties in document
/// order); the first whose condition holds wins, otherwise the default content. If the
/// winner needs data the subscriber lacks, the default content is used instead
/// ("fallback"); if the default lacks data too, the block is suppressed. Never broken.
class BlockRules {
public:
    static Result<BlockRules> compile(const CampaignBlock &block, const QString &path);

    /// With outcomesOnly, trace gets only the decisive entry (hidden / variant / default /
    /// fallback / suppressed), not every rule that was looked at.
    BlockDecision decide(const SubscriberRecord &record, MembershipProvider *membership,
                         std::vector<RuleTraceEntry> *trace, bool outcomesOnly = false) const;

    /// Variant ids in evaluation order, for insight ("rules that never fire").
    QStringList ruleNames() const;
    void collectSegments(QStringList &out) const;

private:
    struct Requirement {
        std::vector<FieldRef> fields;
        bool met(const SubscriberRecord &r, QString *missing) const;
    };
    struct Variant {
        int index = 0; // in the document
        QString id;
        Condition when;
        Requirement required;
    };

    QString m_block;
    bool m_hasHide = false;
    Condition m_hide;
    std::vector<Variant> m_variants; // evaluation order
    Requirement m_defaultRequires;
};

/// The compiled variants of one envelope text (subject line, preheader or from name;
/// same order rules as blocks). field names it in traces and error paths ("subject").
class TextRules {
public:
    static Result<TextRules> compile(const std::vector<TextVariant> &variants,
                                     const QString &field);
    /// Index into the variants, or -1 for the default text.
    int decide(const SubscriberRecord &record, MembershipProvider *membership,
               std::vector<RuleTraceEntry> *trace, bool outcomesOnly = false) const;
    void collectSegments(QStringList &out) const;
    const QString &field() const { return m_field; }

private:
    struct Variant {
        int index = 0;
        QString id;
        Condition when;
    };
    QString m_field = QStringLiteral("subject");
    std::vector<Variant> m_variants;
};
using SubjectRules = TextRules;

} // namespace mw
