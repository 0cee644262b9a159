#include "mainwindow.h"

#include "storage/database.h"

#include <QLabel>
#include <QMessageBox>

namespace mw::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Mailwright"));
    auto *label = new QLabel(tr("Open or create a database to begin."), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(1200, 800);
}

bool MainWindow::openDatabase(const QString &path)
{
    Database::OpenOptions o;
    o.create = true;
    auto db = Database::open(path, o);
    if (!db) {
        QMessageBox::critical(this, tr("Cannot open database"), db.error().toString());
        return false;
    }
    setWindowTitle(tr("%1 — Mailwright").arg(path));
    return true;
}

} // namespace mw::ui
