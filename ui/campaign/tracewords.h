#pragma once

#include <QCoreApplication>
#include <QString>

namespace mw::ui {

/// The words of a render trace in the user's language. The rules engine (core/) writes its
/// trace in English -- the same text `mailwright-cli render --format json` prints -- so the
/// "Why this email?" panel translates the fixed words and keeps the data (field paths,
/// values, segment and variant names) as they are. A text it does not recognise is shown
/// unchanged.
class TraceWords {
    Q_DECLARE_TR_FUNCTIONS(mw::ui::TraceWords)
public:
    /// "variant vip", "not matched", "default", "fallback: default", "hidden", ...
    static QString outcome(const QString &text);
    /// "variant vip: in segment \"vip\"", "default: always", "hide: ...", "requires: vip"
    static QString rule(const QString &text);
    /// "condition does not hold: metrics.x = 3 (missing data: city)", ...
    static QString reason(const QString &text);
    /// A condition's description: "always", "in segment \"vip\"", "not in segment ...";
    /// field tests stay as written.
    static QString condition(const QString &text);
    /// A value the trace shows: "segment \"vip\": not a member" / "member".
    static QString values(const QString &text);
};

} // namespace mw::ui
