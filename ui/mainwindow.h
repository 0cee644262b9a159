#pragma once

#include <QMainWindow>

namespace mw::ui {

/// The application window: navigation between Audience, Content, Campaigns, Experiments.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    bool openDatabase(const QString &path);
};

} // namespace mw::ui
