#pragma once

#include <QDialog>

class QTreeWidget;

namespace mw {
class Database;
}

namespace mw::ui {

/// Lists a campaign's saved versions; "Restore" returns the chosen one.
class VersionHistoryDialog : public QDialog {
    Q_OBJECT
public:
    VersionHistoryDialog(Database &db, qint64 campaignId, QWidget *parent = nullptr);
    int selectedVersion() const;

private:
    QTreeWidget *m_list;
};

} // namespace mw::ui
