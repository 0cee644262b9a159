#pragma once

#include "sampledatabasecreator.h"

#include <QDialog>

class QLineEdit;
class QSpinBox;

namespace mw::ui {

/// Asks where to create a sample database, how many subscribers and which seed.
class SampleDatabaseDialog : public QDialog {
    Q_OBJECT
public:
    explicit SampleDatabaseDialog(const QString &suggestedPath, QWidget *parent = nullptr);

    SampleDatabaseCreator::Request request() const;

private:
    void browse();
    void validate();

    QLineEdit *m_path;
    QSpinBox *m_subscribers;
    QSpinBox *m_seed;
    class QPushButton *m_ok;
};

} // namespace mw::ui
