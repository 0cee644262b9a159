#pragma once

#include <QString>
#include <QStringList>

#include <string_view>

namespace mw {

/// Checks that an email's HTML is what mail clients need: balanced tags (void elements
/// excepted), no <script>, no <style>/<link> (only inline styles), no event-handler
/// attributes, no javascript: links, and alt on every <img>. Returns the problems found
/// (empty = fine). Used by tests and by the approval checklist.
class HtmlCheck {
public:
    static QStringList problems(std::string_view html);
};

} // namespace mw
