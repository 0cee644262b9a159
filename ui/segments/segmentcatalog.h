#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace mw::ui {

/// What the builder offers in its pickers, read from the database on a worker thread.
struct SegmentCatalog {
    QStringList segments;      // saved segment names
    QStringList attributeKeys; // keys seen in subscribers.attributes
    QStringList campaigns;
    QStringList categories;
    QHash<QString, QStringList> distinct; // field -> distinct values present in the data
};

} // namespace mw::ui
