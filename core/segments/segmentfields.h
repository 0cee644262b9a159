#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace mw {

/// The value type of a segment field; it decides which operators and values fit.
enum class FieldType { Text, Number, Date, Boolean, Any };

/// Where a field lives: the subscribers row, subscriber_metrics, or the attributes JSON.
enum class FieldGroup { Profile, Metrics, Attributes };

/// One whitelisted field a segment condition may test.
struct SegmentField {
    QString name;   // as written in a definition: "country", "metrics.revenue"
    QString column; // column in subscribers (s) or subscriber_metrics (m)
    FieldGroup group = FieldGroup::Profile;
    FieldType type = FieldType::Text;
    bool categorical = false; // few distinct values: offer a pick list in the builder
    // The column has an index in COLLATE NOCASE only (the browser's name search): exact
    // matches add a NOCASE conjunct so SQLite can seek that index.
    bool nocaseIndex = false;
};

/// The whitelist of segment fields and the operators that fit each type.
///
/// Field names are never spliced into SQL from user text: only the `column` of a catalogue
/// entry is, and attribute keys must be plain identifiers (and are bound as parameters).
class SegmentFields {
public:
    static const std::vector<SegmentField> &all();
    /// The catalogue entry for "country", "metrics.x"; attributes.* gives a synthetic
    /// entry of type Any (column empty). Null when unknown.
    static const SegmentField *find(const QString &name);
    static bool isAttribute(const QString &name);
    /// The key of "attributes.plan" ("plan"), empty if not an attribute field.
    static QString attributeKey(const QString &name);
    static bool isValidAttributeKey(const QString &key);

    static const QStringList &allOperators();
    static QStringList operatorsFor(FieldType type);
    static bool operatorFits(const QString &op, FieldType type);
    static QString typeName(FieldType type);

    static const QStringList &eventTypeNames(); // built-in event_types, by id - 1
};

} // namespace mw
