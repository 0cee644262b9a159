#pragma once

#include <QString>
#include <QStringList>

namespace mw {

/// Finds the merge fields a Liquid source prints without a fallback: an output tag
/// `{{ path ... }}` whose filters have no `default`, outside any `{% if %}`/`{% unless %}`
/// whose condition names that path. A lexical scan, not a full parse: the approval
/// checklist only needs to know whether the author guarded a field, and the renderer
/// already reports which fields were missing for a subscriber.
class MergeFieldGuards {
public:
    /// Paths (as written, e.g. "subscriber.first_name") printed unguarded in source.
    static QStringList unguarded(const QString &source);
};

} // namespace mw
