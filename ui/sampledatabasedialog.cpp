#include "sampledatabasedialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mw::ui {

SampleDatabaseDialog::SampleDatabaseDialog(const QString &suggestedPath, QWidget *parent)
    : QDialog(parent), m_path(new QLineEdit(suggestedPath)), m_subscribers(new QSpinBox),
      m_seed(new QSpinBox)
{
    setWindowTitle(tr("New Sample Database"));
    auto *intro = new QLabel(tr("Creates a database with realistic subscribers, a product "
                                "catalogue, 180 days of events, derived metrics and example "
                                "segments, campaigns and experiments. The same seed always "
                                "gives the same data."));
    intro->setWordWrap(true);

    auto *browseButton = new QPushButton(tr("Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    m_subscribers->setRange(100, 1000000);
    m_subscribers->setSingleStep(1000);
    m_subscribers->setValue(20000);
    m_subscribers->setGroupSeparatorShown(true);
    m_seed->setRange(0, 2147483647);
    m_seed->setValue(42);

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Subscribers:"), m_subscribers);
    form->addRow(tr("Seed:"), m_seed);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Create"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());

    connect(browseButton, &QPushButton::clicked, this, &SampleDatabaseDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &SampleDatabaseDialog::validate);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

void SampleDatabaseDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Sample Database"), m_path->text(),
        tr("Mailwright databases (*.db *.sqlite *.mwdb);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void SampleDatabaseDialog::validate()
{
    m_ok->setEnabled(!m_path->text().trimmed().isEmpty());
}

SampleDatabaseCreator::Request SampleDatabaseDialog::request() const
{
    SampleDatabaseCreator::Request r;
    r.path = QFileInfo(m_path->text().trimmed()).absoluteFilePath();
    r.subscribers = m_subscribers->value();
    r.seed = quint64(m_seed->value());
    return r;
}

} // namespace mw::ui
