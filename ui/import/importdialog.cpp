#include "importdialog.h"

#include "analysis/metricscalculator.h"
#include "io/csvimporter.h"

#include "storage/database.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace mw::ui {

namespace {

constexpr int kPreviewRows = 20;
const QString kAttribute = QStringLiteral("attribute");
const QString kIgnore = QStringLiteral("ignore");
const QString kFieldPrefix = QStringLiteral("field:");

} // namespace

/// What the worker hands back to the GUI thread.
struct ImportDialog::Outcome {
    std::optional<ImportReport> report;
    std::optional<Error> error;
};

ImportDialog::ImportDialog(const QString &dbPath, QWidget *parent)
    : QDialog(parent), m_dbPath(dbPath)
{
    setWindowTitle(tr("Import CSV"));
    setObjectName(QStringLiteral("importDialog"));

    m_fileEdit = new QLineEdit(this);
    m_fileEdit->setObjectName(QStringLiteral("fileEdit"));
    m_fileEdit->setReadOnly(true);
    m_fileEdit->setPlaceholderText(tr("Choose a CSV file (UTF-8, header row)"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browse);

    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("kindCombo"));
    m_kindCombo->addItem(tr("Subscribers"), int(ImportKind::Subscribers));
    m_kindCombo->addItem(tr("Events"), int(ImportKind::Events));
    m_kindCombo->addItem(tr("Products"), int(ImportKind::Products));

    m_onErrorCombo = new QComboBox(this);
    m_onErrorCombo->setObjectName(QStringLiteral("onErrorCombo"));
    m_onErrorCombo->addItem(tr("Import nothing if any row is bad"),
                            int(ImportOptions::OnError::Abort));
    m_onErrorCombo->addItem(tr("Skip bad rows and write them to a rejects file"),
                            int(ImportOptions::OnError::Skip));

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("Import as:"), m_kindCombo);
    form->addRow(tr("Bad rows:"), m_onErrorCombo);

    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setAlternatingRowColors(true);

    m_mapping = new QTableWidget(0, 3, this);
    m_mapping->setObjectName(QStringLiteral("mappingTable"));
    m_mapping->setHorizontalHeaderLabels({tr("CSV column"), tr("First value"), tr("Import into")});
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mapping->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_mapping->verticalHeader()->hide();
    m_mappingStatus = new QLabel(this);
    m_mappingStatus->setObjectName(QStringLiteral("mappingStatus"));
    m_mappingStatus->setWordWrap(true);

    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(new QLabel(tr("Preview (first rows):"), previewBox));
    previewLayout->addWidget(m_preview);
    auto *mappingBox = new QWidget(this);
    auto *mappingLayout = new QVBoxLayout(mappingBox);
    mappingLayout->setContentsMargins(0, 0, 0, 0);
    mappingLayout->addWidget(new QLabel(tr("Column mapping:"), mappingBox));
    mappingLayout->addWidget(m_mapping);
    mappingLayout->addWidget(m_mappingStatus);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(previewBox);
    splitter->addWidget(mappingBox);
    // The mapping is what has to be checked row by row; the preview is a glance.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setTextVisible(false); // no "0%" before an import has started
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName(QStringLiteral("summaryText"));
    m_summary->setReadOnly(true);
    m_summary->setMaximumBlockCount(2000);
    m_summary->setPlaceholderText(tr("The result of the import appears here."));
    m_summary->setMaximumHeight(m_summary->fontMetrics().lineSpacing() * 6);

    auto *buttons = new QDialogButtonBox(this);
    m_importButton = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_cancelButton = buttons->addButton(tr("Cancel Import"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &ImportDialog::rebuildMapping);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(m_closeButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &ImportDialog::onFinished);

    setRunning(false);
    updateMappingStatus();
    // Room for the preview and the mapping of a typical file (ten or so columns) without
    // scrolling, within the screen.
    QSize size(980, 820);
    if (const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 9 / 10);
    resize(size);
}

ImportDialog::~ImportDialog()
{
    // Never leave a worker writing after the dialog is gone; cancelling rolls it back.
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void ImportDialog::browse()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import CSV"), QFileInfo(m_csvPath).absolutePath(),
                                     tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportDialog::setFile(const QString &csvPath)
{
    m_csvPath = csvPath;
    m_fileEdit->setText(QDir::toNativeSeparators(csvPath));
    m_report.reset();
    m_summary->clear();
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_status->clear();
    loadPreview();
}

void ImportDialog::setKind(ImportKind kind)
{
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(int(kind)));
}

ImportKind ImportDialog::kind() const
{
    return ImportKind(m_kindCombo->currentData().toInt());
}

void ImportDialog::setSkipBadRows(bool skip)
{
    m_onErrorCombo->setCurrentIndex(m_onErrorCombo->findData(
        int(skip ? ImportOptions::OnError::Skip : ImportOptions::OnError::Abort)));
}

bool ImportDialog::isRunning() const
{
    return m_watcher.isRunning();
}

void ImportDialog::loadPreview()
{
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_header.clear();
    // A preview reads only the first rows, so it is quick enough for the GUI thread.
    auto preview = CsvImporter::preview(m_csvPath, kPreviewRows);
    if (!preview) {
        m_status->setText(tr("Cannot read the file: %1").arg(preview.error().toString()));
        rebuildMapping();
        return;
    }
    m_header = preview->header;
    m_preview->setColumnCount(int(m_header.size()));
    m_preview->setHorizontalHeaderLabels(m_header);
    m_preview->setRowCount(int(preview->rows.size()));
    QStringList lineLabels;
    for (int r = 0; r < preview->rows.size(); ++r) {
        const QStringList &row = preview->rows.at(r);
        for (int c = 0; c < row.size() && c < m_header.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(row.at(c)));
        lineLabels << QString::number(preview->lines.at(r));
    }
    m_preview->setVerticalHeaderLabels(lineLabels); // physical line numbers, as in messages
    m_preview->resizeColumnsToContents();
    m_status->setText(
        m_header.isEmpty() ? QString() : tr("%n column(s) found.", nullptr, int(m_header.size())));
    rebuildMapping();
}

void ImportDialog::rebuildMapping()
{
    const ImportKind k = kind();
    const QStringList fields = CsvImporter::knownFields(k);
    const std::vector<ColumnTarget> proposed = CsvImporter::defaultMapping(k, m_header);
    m_mapping->setRowCount(int(m_header.size()));
    for (int c = 0; c < m_header.size(); ++c) {
        m_mapping->setItem(c, 0, new QTableWidgetItem(m_header.at(c)));
        const QTableWidgetItem *first = m_preview->item(0, c);
        m_mapping->setItem(c, 1, new QTableWidgetItem(first ? first->text() : QString()));
        auto *combo = new QComboBox(m_mapping);
        combo->setObjectName(QStringLiteral("mappingCombo%1").arg(c));
        for (const QString &f : fields)
            combo->addItem(f, kFieldPrefix + f);
        if (k != ImportKind::Products)
            combo->addItem(k == ImportKind::Events
                               ? tr("Event property \"%1\"").arg(m_header.at(c))
                               : tr("Custom attribute \"%1\"").arg(m_header.at(c)),
                           kAttribute);
        combo->addItem(tr("Ignore"), kIgnore);
        const ColumnTarget &t = proposed[size_t(c)];
        const QString data = t.kind == ColumnTarget::Kind::Field       ? kFieldPrefix + t.name
                             : t.kind == ColumnTarget::Kind::Attribute ? kAttribute
                                                                       : kIgnore;
        combo->setCurrentIndex(combo->findData(data));
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportDialog::updateMappingStatus);
        m_mapping->setCellWidget(c, 2, combo);
    }
    updateMappingStatus();
}

std::vector<ColumnTarget> ImportDialog::mapping() const
{
    std::vector<ColumnTarget> out;
    for (int c = 0; c < m_mapping->rowCount(); ++c) {
        const auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(c, 2));
        const QString data = combo ? combo->currentData().toString() : kIgnore;
        if (data.startsWith(kFieldPrefix))
            out.push_back(ColumnTarget::field(data.mid(kFieldPrefix.size())));
        else if (data == kAttribute)
            out.push_back(ColumnTarget::attribute(m_header.value(c)));
        else
            out.push_back(ColumnTarget::ignore());
    }
    return out;
}

void ImportDialog::updateMappingStatus()
{
    QStringList problems;
    if (m_header.isEmpty()) {
        problems << tr("Choose a CSV file with a header row.");
    } else {
        QSet<QString> mapped;
        for (const ColumnTarget &t : mapping()) {
            if (t.kind != ColumnTarget::Kind::Field)
                continue;
            if (mapped.contains(t.name))
                problems << tr("Two columns are mapped to \"%1\".").arg(t.name);
            mapped.insert(t.name);
        }
        for (const QString &required : CsvImporter::requiredFields(kind())) {
            const QStringList anyOf = required.split(QLatin1Char('|'));
            bool found = false;
            for (const QString &f : anyOf)
                found = found || mapped.contains(f);
            if (!found)
                problems << tr("No column is mapped to \"%1\".")
                                .arg(anyOf.join(QStringLiteral("\" or \"")));
        }
    }
    m_mappingStatus->setText(problems.join(QLatin1Char(' ')));
    m_importButton->setEnabled(problems.isEmpty() && !isRunning());
}

void ImportDialog::startImport()
{
    if (isRunning() || m_header.isEmpty())
        return;
    ImportOptions options;
    options.onError = ImportOptions::OnError(m_onErrorCombo->currentData().toInt());
    options.mapping = mapping();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_outcome = std::make_shared<Outcome>();
    m_report.reset();
    m_summary->clear();
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_status->setText(tr("Importing…"));

    // The worker gets its own connection (one per thread) and shares only these pointers.
    const auto cancel = m_cancel;
    const auto outcome = m_outcome;
    const QString dbPath = m_dbPath;
    const QString csvPath = m_csvPath;
    const ImportKind k = kind();
    QPointer<ImportDialog> self(this);
    // Only changes are posted: while the importer builds indexes at the end it asks
    // thousands of times a second with the same figures.
    options.progress = [cancel, self,
                        last = ImportProgress{-1, -1, -1, false}](const ImportProgress &p) mutable {
        if (p.bytesRead == last.bytesRead && p.rows == last.rows &&
            p.totalBytes == last.totalBytes && p.buildingIndexes == last.buildingIndexes)
            return !cancel->load();
        last = p;
        QMetaObject::invokeMethod(
            self.data(),
            [self, p] {
                if (self)
                    self->onProgress(p);
            },
            Qt::QueuedConnection);
        return !cancel->load();
    };
    // Derived metrics are refreshed in the import's transaction, so Cancel during the
    // refresh still leaves the database exactly as before.
    if (k != ImportKind::Products) {
        options.beforeCommit = [cancel, self](Database &d) {
            MetricsCalculator::Options mo;
            mo.progress = [cancel, self, last = int64_t(-1)](int64_t done, int64_t total) mutable {
                if (done == last)
                    return !cancel->load();
                last = done;
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, done, total] {
                        if (self)
                            self->onMetricsProgress(done, total);
                    },
                    Qt::QueuedConnection);
                return !cancel->load();
            };
            Status s = MetricsCalculator::refresh(d, mo);
            if (s && cancel->load())
                return Status(Error(Error::Code::Cancelled, QStringLiteral("cancelled")));
            return s;
        };
    }
    setRunning(true);
    m_watcher.setFuture(QtConcurrent::run([=] {
        auto db = Database::open(dbPath);
        if (!db) {
            outcome->error = db.error();
            return;
        }
        auto result = CsvImporter::run(*db, k, csvPath, options);
        if (result)
            outcome->report = std::move(*result);
        else
            outcome->error = result.error();
    }));
}

void ImportDialog::cancelImport()
{
    if (!isRunning())
        return;
    m_cancel->store(true);
    m_status->setText(tr("Cancelling…"));
    m_cancelButton->setEnabled(false);
}

void ImportDialog::reject()
{
    if (isRunning()) {
        cancelImport();
        return; // closes only once the worker has rolled back
    }
    QDialog::reject();
}

void ImportDialog::onProgress(const ImportProgress &p)
{
    if (!isRunning())
        return;
    if (p.totalBytes > 0)
        m_progress->setValue(int(p.bytesRead * 100 / p.totalBytes));
    if (m_cancel && m_cancel->load())
        return;
    if (p.buildingIndexes)
        m_status->setText(tr("Building indexes for %L1 rows…").arg(p.rows));
    else
        m_status->setText(tr("Importing… %L1 rows read").arg(p.rows));
}

void ImportDialog::onMetricsProgress(qint64 done, qint64 total)
{
    if (!isRunning() || (m_cancel && m_cancel->load()))
        return;
    m_progress->setValue(100);
    m_status->setText(tr("Refreshing derived metrics… %L1 of %L2").arg(done).arg(total));
}

void ImportDialog::onFinished()
{
    setRunning(false);
    const Outcome outcome = m_outcome ? *m_outcome : Outcome{};
    bool committed = false;
    if (outcome.error) {
        if (outcome.error->code == Error::Code::Cancelled) {
            m_status->setText(tr("Cancelled. The database was left as it was."));
        } else {
            m_status->setText(tr("The import failed. The database was left as it was."));
            m_summary->setPlainText(outcome.error->toString());
        }
        m_progress->setValue(0);
    } else if (outcome.report) {
        m_report = outcome.report;
        const ImportReport &r = *m_report;
        committed = r.committed;
        QStringList lines;
        if (r.committed) {
            m_progress->setValue(100);
            m_status->setText(
                tr("Imported %L1 of %L2 rows.").arg(r.inserted + r.updated).arg(r.rows));
            lines << tr("%L1 new, %L2 updated, %L3 bad rows skipped.")
                         .arg(r.inserted)
                         .arg(r.updated)
                         .arg(r.rejected);
            if (r.rejected > 0)
                lines << tr("Bad rows were written to %1.")
                             .arg(QDir::toNativeSeparators(r.rejectsPath));
        } else {
            m_progress->setValue(0);
            m_status->setText(
                tr("Nothing was imported: %L1 of %L2 rows are bad.").arg(r.rejected).arg(r.rows));
            lines << tr("Fix these rows, or choose to skip bad rows, and import again.");
        }
        for (const BadRow &b : r.badRows)
            lines << tr("line %1: %2").arg(b.line).arg(b.reason);
        if (r.rejected > qint64(r.badRows.size()))
            lines << tr("… and %L1 more bad rows.").arg(r.rejected - qint64(r.badRows.size()));
        m_summary->setPlainText(lines.join(QLatin1Char('\n')));
    }
    emit importFinished(committed);
}

void ImportDialog::setRunning(bool running)
{
    m_kindCombo->setEnabled(!running);
    m_onErrorCombo->setEnabled(!running);
    m_mapping->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_cancelButton->setVisible(running);
    m_closeButton->setEnabled(!running);
    if (running)
        m_importButton->setEnabled(false);
    else
        updateMappingStatus();
}

} // namespace mw::ui
