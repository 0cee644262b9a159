#pragma once

#include <QString>
#include <QStringList>

namespace mw {

/// How much of the explanation to record: nothing, the decisive entry per block (batch
/// output), or every rule looked at with the values it read (preview, --format json).
enum class TraceDetail { None, Outcomes, Full };

/// One line of the explanation of a render: which rule of which block was looked at,
/// what it tested, the subscriber's actual values, whether it held and what followed.
struct RuleTraceEntry {
    QString block;      // block id, or "subject"
    QString rule;       // "hide", "variant vip", "requires", "default"
    QString condition;  // "metrics.lifecycle_stage = \"vip\""
    QStringList values; // "metrics.lifecycle_stage = \"active\""
    bool result = false;
    QString outcome; // "hidden", "not matched", "variant vip", "default", "fallback", "suppressed"
    QString reason;  // one sentence
};

} // namespace mw
