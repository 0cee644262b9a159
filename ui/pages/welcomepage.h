#pragma once

#include "centeredcard.h"

class QListWidget;
class QPushButton;

namespace mw::ui {

/// Shown while no database is open: create a sample, create an empty database, open one,
/// or pick a recent file.
class WelcomePage : public CenteredCard {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    void setRecentFiles(const QStringList &paths);
    void setSampleAvailable(bool available, const QString &whyNot = {});

signals:
    void sampleRequested();
    void newRequested();
    void openRequested();
    void recentRequested(const QString &path);

private:
    QPushButton *m_sample;
    QListWidget *m_recent;
};

} // namespace mw::ui
