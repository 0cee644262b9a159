#pragma once

#include <QString>
#include <QVariantList>

#include <string>

namespace mw::ui {

/// What the subscriber browser shows: a prefix search, filters and an order, turned into
/// SQL with bound parameters (values are never spliced into the SQL text).
///
/// Search: text containing '@' is an e-mail prefix; one word matches the start of the
/// e-mail, first name or last name; "first last" matches both name prefixes. Each branch
/// is a range on an index (e-mail is stored lower-cased; names have NOCASE indexes), so a
/// search over a million subscribers reads only the matching index entries.
struct SubscriberQuery {
    /// The browser's columns, in display order.
    enum Column { Id, Email, Name, Country, Status, Lifecycle, Tier, Score, LastOpen, ColumnCount };

    QString search;
    QString country;   // empty: any
    QString lifecycle; // empty: any
    QString tier;      // empty: any
    int sortColumn = Id;
    bool descending = false;

    bool operator==(const SubscriberQuery &) const = default;

    /// True when "ORDER BY ... LIMIT" finds the first page by walking an index (id or
    /// e-mail order, no search, no metric filter): then it is worth running before the
    /// full id list. Otherwise both would do the same (sorting or searching) work.
    bool hasCheapFirstPage() const;
    /// "SELECT <row columns> ... WHERE ... ORDER BY ... LIMIT ?" for the first page.
    std::string firstPageSql(QVariantList &binds, int limit) const;
    /// "SELECT s.id ... WHERE ... ORDER BY ..." for all matching ids, in order.
    std::string idsSql(QVariantList &binds) const;
    /// Row columns for the given ids (any order; the caller orders them).
    static std::string rowsByIdSql(int idCount);
    /// The columns every row query selects, matching SubscriberRow's fields.
    static const char *rowColumns();

private:
    bool needsMetrics() const;
    std::string fromWhere(QVariantList &binds, bool joinMetrics) const;
    std::string orderBy() const;
};

} // namespace mw::ui
