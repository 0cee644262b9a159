#include "segmentspage.h"

#include "segmentbuilderwidget.h"
#include "segmentdocument.h"
#include "segments/segmentfields.h"
#include "segments/segmentpreview.h"
#include "segments/segmentrepository.h"
#include "segments/segmentservice.h"
#include "storage/database.h"

#include <QAction>
#include <QDateTime>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace mw::ui {

namespace {

constexpr int kSampleSize = 50;
constexpr int kDebounceMs = 250;

QString bindText(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString) {
        QString s = v.toString();
        s.replace(QLatin1Char('\''), QStringLiteral("''"));
        return QLatin1Char('\'') + s + QLatin1Char('\'');
    }
    return v.toString();
}

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    return t;
}

struct SavedList {
    QList<QJsonObject> segments;
    QString error;
};

} // namespace

SegmentsPage::SegmentsPage(QWidget *parent)
    : QWidget(parent), m_document(new SegmentDocument(this)), m_debounce(new QTimer(this)),
      m_generation(std::make_shared<std::atomic<int>>(0))
{
    setObjectName(QStringLiteral("segmentsPage"));
    m_pool.setMaxThreadCount(2);
    m_previewPool.setMaxThreadCount(2);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SegmentsPage::startPreview);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    // Left: saved segments.
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<b>Saved segments</b>"), left));
    m_saved = makeTable({tr("Name"), tr("Count"), tr("Updated")}, left);
    m_saved->setObjectName(QStringLiteral("savedSegments"));
    // The name takes what the count and the date leave, so all three columns fit the
    // pane without a horizontal scroll bar; a long name is elided with a tooltip.
    m_saved->horizontalHeader()->setStretchLastSection(false);
    m_saved->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_saved->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_saved->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_saved->setTextElideMode(Qt::ElideMiddle);
    leftLayout->addWidget(m_saved, 1);
    auto *newButton = new QPushButton(tr("New segment"), left);
    newButton->setObjectName(QStringLiteral("newSegmentButton"));
    leftLayout->addWidget(newButton);
    connect(newButton, &QPushButton::clicked, this, &SegmentsPage::newSegment);
    connect(m_saved, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (QTableWidgetItem *item = m_saved->item(row, 0))
            loadSegment(item->text());
    });
    connect(m_saved, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (QTableWidgetItem *item = m_saved->item(row, 0))
            loadSegment(item->text());
    });
    // Rename (F2) and delete (Delete) from the list, also in its context menu.
    auto *renameAction = new QAction(tr("Rename…"), m_saved);
    renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    renameAction->setShortcutContext(Qt::WidgetShortcut);
    connect(renameAction, &QAction::triggered, this, &SegmentsPage::askRename);
    auto *deleteAction = new QAction(tr("Delete…"), m_saved);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, &SegmentsPage::askDelete);
    m_saved->addActions({renameAction, deleteAction});
    m_saved->setContextMenuPolicy(Qt::ActionsContextMenu);

    // Centre: name, undo/redo, the builder and the documentation.
    auto *centre = new QWidget(splitter);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    centreLayout->addLayout(top);
    auto *undo = new QToolButton(centre);
    undo->setDefaultAction(m_document->undoStack()->createUndoAction(this, tr("Undo")));
    undo->defaultAction()->setShortcut(QKeySequence::Undo);
    undo->defaultAction()->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo->defaultAction());
    auto *redo = new QToolButton(centre);
    redo->setDefaultAction(m_document->undoStack()->createRedoAction(this, tr("Redo")));
    redo->defaultAction()->setShortcut(QKeySequence::Redo);
    redo->defaultAction()->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(redo->defaultAction());
    top->addWidget(undo);
    top->addWidget(redo);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Name:"), centre));
    m_name = new QLineEdit(centre);
    m_name->setObjectName(QStringLiteral("segmentName"));
    m_name->setPlaceholderText(tr("segment name"));
    top->addWidget(m_name, 1);
    m_saveButton = new QPushButton(tr("Save"), centre);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    top->addWidget(m_saveButton);
    connect(m_saveButton, &QPushButton::clicked, this, &SegmentsPage::save);
    // Ctrl+S while anything of the page has the focus, like the campaign editor's.
    auto *saveAction = new QAction(tr("Save"), this);
    saveAction->setObjectName(QStringLiteral("actionSaveSegment"));
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &SegmentsPage::save);
    addAction(saveAction);
    m_saveButton->setToolTip(
        tr("Save the segment (%1)").arg(saveAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString &t) { m_document->setName(t); });

    m_builder = new SegmentBuilderWidget(m_document, centre);
    centreLayout->addWidget(m_builder, 1);

    auto *docBox = new QGroupBox(tr("Documentation"), centre);
    auto *form = new QFormLayout(docBox);
    const QList<std::pair<QString, QString>> docFields = {
        {QStringLiteral("purpose"), tr("Purpose")},
        {QStringLiteral("inclusion_notes"), tr("Who is in")},
        {QStringLiteral("exclusion_notes"), tr("Who is left out")},
        {QStringLiteral("kpi"), tr("Primary KPI")},
        {QStringLiteral("owner"), tr("Owner")}};
    for (const auto &[key, label] : docFields) {
        auto *edit = new QLineEdit(docBox);
        edit->setObjectName(QStringLiteral("doc_") + key);
        form->addRow(label, edit);
        m_docFields.insert(key, edit);
        connect(edit, &QLineEdit::textEdited, this,
                [this, key](const QString &t) { m_document->setDocumentation(key, t); });
    }
    centreLayout->addWidget(docBox);

    // Right: count, funnel, sample, SQL.
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_count = new QLabel(QStringLiteral("–"), right);
    m_count->setObjectName(QStringLiteral("countLabel"));
    QFont big = m_count->font();
    big.setPointSize(big.pointSize() * 2);
    big.setBold(true);
    m_count->setFont(big);
    rightLayout->addWidget(m_count);
    m_status = new QLabel(right);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    rightLayout->addWidget(m_status);
    rightLayout->addWidget(
        new QLabel(tr("<b>Funnel</b> – subscribers left after each condition"), right));
    m_funnel = makeTable({tr("Condition"), tr("Remaining")}, right);
    m_funnel->setObjectName(QStringLiteral("funnelTable"));
    m_funnel->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_funnel->horizontalHeader()->setStretchLastSection(false);
    m_funnel->setColumnWidth(1, 170);
    rightLayout->addWidget(m_funnel, 1);
    auto *tabs = new QTabWidget(right);
    m_sample = makeTable({tr("Id"), tr("Email"), tr("Name"), tr("Country")}, tabs);
    m_sample->setObjectName(QStringLiteral("sampleTable"));
    // Ids and country codes are short; the e-mail gets the room.
    m_sample->horizontalHeader()->setStretchLastSection(false);
    m_sample->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_sample->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_sample->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Interactive);
    m_sample->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_sample->setColumnWidth(2, m_sample->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 16);
    m_sample->setToolTip(tr("Double-click a subscriber to open it in the subscriber browser"));
    tabs->addTab(m_sample, tr("Sample members"));
    m_sql = new QPlainTextEdit(tabs);
    m_sql->setObjectName(QStringLiteral("sqlView"));
    m_sql->setReadOnly(true);
    m_sql->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_sql->setFont(mono);
    tabs->addTab(m_sql, tr("SQL"));
    rightLayout->addWidget(tabs, 1);
    connect(m_sample, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (QTableWidgetItem *item = m_sample->item(row, 0))
            emit subscriberActivated(item->data(Qt::UserRole).toLongLong());
    });

    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({280, 600, 350});

    connect(m_document, &SegmentDocument::changed, this, &SegmentsPage::documentChanged);
    documentChanged(true);
}

SegmentsPage::~SegmentsPage()
{
    ++*m_generation; // running previews see themselves stale and stop
    m_pool.waitForDone();
    m_previewPool.waitForDone();
}

void SegmentsPage::setDatabase(const QString &path)
{
    m_path = path;
    reloadCatalog();
    reloadSavedSegments();
    m_requested = QJsonObject();
    schedulePreview();
}

void SegmentsPage::documentChanged(bool structural)
{
    if (structural)
        syncDocumentationFields();
    if (m_document->definition() != m_requested)
        schedulePreview();
}

void SegmentsPage::syncDocumentationFields()
{
    m_syncing = true;
    // A loaded text shows from its start (setText leaves the cursor, and the view, at
    // the end of a long text).
    if (m_name->text() != m_document->name()) {
        m_name->setText(m_document->name());
        m_name->setCursorPosition(0);
    }
    for (auto it = m_docFields.begin(); it != m_docFields.end(); ++it) {
        if (it.value()->text() != m_document->documentation(it.key())) {
            it.value()->setText(m_document->documentation(it.key()));
            it.value()->setCursorPosition(0);
        }
    }
    m_syncing = false;
}

void SegmentsPage::schedulePreview()
{
    if (m_path.isEmpty())
        return;
    // The count on screen no longer matches what the builder shows.
    m_displayedCount = -1;
    m_status->setText(tr("Counting…"));
    m_count->setStyleSheet(QStringLiteral("color: #888;"));
    m_debounce->start();
}

void SegmentsPage::startPreview()
{
    const QJsonObject definition = m_document->definition();
    m_requested = definition;
    const int generation = ++*m_generation;
    auto counter = m_generation;
    const QString path = m_path;
    auto *watcher = new QFutureWatcher<SegmentPreview>(this);
    connect(watcher, &QFutureWatcher<SegmentPreview>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation->load())
            return; // a newer edit has been made: this result is stale
        showPreview(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_previewPool, [path, definition, counter, generation] {
        return SegmentPreviewJob::run(path, definition, -1, kSampleSize, [counter, generation] {
            return counter->load() != generation;
        });
    }));
}

void SegmentsPage::showPreview(const SegmentPreview &p)
{
    m_builder->clearErrors();
    if (!p.ok) {
        m_displayedCount = -1;
        m_count->setText(QStringLiteral("–"));
        m_count->setStyleSheet(QStringLiteral("color: #b00020;"));
        const QString where =
            p.error.path.isEmpty() ? QString() : p.error.path + QStringLiteral(": ");
        m_status->setText(tr("Invalid: %1").arg(where + p.error.message));
        if (!p.error.path.isEmpty())
            m_builder->showError(p.error.path, p.error.message);
        m_funnel->setRowCount(0);
        m_sample->setRowCount(0);
        emit previewShown();
        return;
    }
    const QLocale locale;
    m_displayedCount = p.count;
    m_count->setStyleSheet(QString());
    m_count->setText(tr("%1 subscribers").arg(locale.toString(static_cast<qlonglong>(p.count))));
    m_status->setText(tr("Exact count in %1 ms; funnel and sample in %2 ms more")
                          .arg(qRound(p.countMs))
                          .arg(qRound(p.elapsedMs - p.countMs)));

    m_funnel->setRowCount(static_cast<int>(p.funnel.size()));
    const int64_t base = p.funnel.empty() ? 0 : p.funnel.front().count;
    for (size_t i = 0; i < p.funnel.size(); ++i) {
        const FunnelStep &s = p.funnel[i];
        const int row = static_cast<int>(i);
        auto *label = new QTableWidgetItem(i == 0 ? tr("Start: %1").arg(s.label)
                                                  : QStringLiteral("%1. %2").arg(i).arg(s.label));
        label->setToolTip(s.label);
        m_funnel->setItem(row, 0, label);
        auto *bar = new QProgressBar(m_funnel);
        bar->setRange(0, 1000);
        bar->setValue(base > 0 ? static_cast<int>(1000 * s.count / base) : 0);
        bar->setFormat(locale.toString(static_cast<qlonglong>(s.count)));
        bar->setTextVisible(true);
        m_funnel->setCellWidget(row, 1, bar);
    }

    m_sample->setRowCount(static_cast<int>(p.sample.size()));
    for (size_t i = 0; i < p.sample.size(); ++i) {
        const SegmentMember &m = p.sample[i];
        const int row = static_cast<int>(i);
        auto *id = new QTableWidgetItem(QString::number(m.id));
        id->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(m.id));
        m_sample->setItem(row, 0, id);
        // Tooltips: the pane is narrow, so e-mails and names are often elided.
        auto *email = new QTableWidgetItem(m.email);
        email->setToolTip(m.email);
        m_sample->setItem(row, 1, email);
        const QString name = (m.firstName + QLatin1Char(' ') + m.lastName).trimmed();
        auto *nameItem = new QTableWidgetItem(name);
        nameItem->setToolTip(name);
        m_sample->setItem(row, 2, nameItem);
        m_sample->setItem(row, 3, new QTableWidgetItem(m.country));
    }

    QString sql = p.sql + QStringLiteral(";\n");
    for (int i = 0; i < p.binds.size(); ++i)
        sql += QStringLiteral("-- ?%1 = %2\n").arg(i + 1).arg(bindText(p.binds[i]));
    m_sql->setPlainText(sql);
    emit previewShown();
}

void SegmentsPage::reloadCatalog()
{
    const QString path = m_path;
    auto *watcher = new QFutureWatcher<SegmentCatalog>(this);
    connect(watcher, &QFutureWatcher<SegmentCatalog>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_builder->setCatalog(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path] {
        SegmentCatalog c;
        if (auto v = SegmentPreviewJob::campaignNames(path))
            c.campaigns = *v;
        if (auto v = SegmentPreviewJob::categories(path))
            c.categories = *v;
        if (auto v = SegmentPreviewJob::attributeKeys(path))
            c.attributeKeys = *v;
        for (const SegmentField &f : SegmentFields::all())
            if (f.categorical)
                if (auto v = SegmentPreviewJob::distinctValues(path, f.name))
                    c.distinct.insert(f.name, *v);
        for (const QString &k : std::as_const(c.attributeKeys)) {
            const QString field = QStringLiteral("attributes.") + k;
            if (SegmentFields::isAttribute(field))
                if (auto v = SegmentPreviewJob::distinctValues(path, field, 100))
                    c.distinct.insert(field, *v);
        }
        Database::OpenOptions o;
        o.readOnly = true;
        if (auto db = Database::open(path, o))
            if (auto list = SegmentRepository(*db).list())
                for (const SavedSegment &s : *list)
                    c.segments << s.name;
        return c;
    }));
}

void SegmentsPage::reloadSavedSegments()
{
    // Two steps: the list with each segment's last recorded count at once, then the exact
    // counts as they come (they can take seconds each on a large database).
    const QString path = m_path;
    const int listing = ++m_savedListing;
    auto *watcher = new QFutureWatcher<SavedList>(this);
    connect(watcher, &QFutureWatcher<SavedList>::finished, this, [this, watcher, listing] {
        watcher->deleteLater();
        if (listing != m_savedListing)
            return;
        showSavedSegments(watcher->result().segments, false);
        countSavedSegments(listing);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path] {
        SavedList out;
        Database::OpenOptions o;
        o.readOnly = true;
        auto db = Database::open(path, o);
        if (!db) {
            out.error = db.error().toString();
            return out;
        }
        auto list = SegmentRepository(*db).list();
        if (!list) {
            out.error = list.error().toString();
            return out;
        }
        for (const SavedSegment &s : *list) {
            QJsonObject o{
                {QStringLiteral("name"), s.name},
                {QStringLiteral("definition"), s.definition},
                {QStringLiteral("updated_at"), static_cast<qint64>(s.updatedAt)},
                {QStringLiteral("documentation"),
                 QJsonObject{{QStringLiteral("purpose"), s.documentation.purpose},
                             {QStringLiteral("inclusion_notes"), s.documentation.inclusionNotes},
                             {QStringLiteral("exclusion_notes"), s.documentation.exclusionNotes},
                             {QStringLiteral("kpi"), s.documentation.kpi},
                             {QStringLiteral("owner"), s.documentation.owner}}}};
            if (s.lastCount)
                o.insert(QStringLiteral("last_count"), static_cast<qint64>(*s.lastCount));
            out.segments << o;
        }
        return out;
    }));
}

void SegmentsPage::countSavedSegments(int listing)
{
    const QString path = m_path;
    QList<QJsonObject> segments = m_savedSegments;
    auto *watcher = new QFutureWatcher<SavedList>(this);
    connect(watcher, &QFutureWatcher<SavedList>::finished, this, [this, watcher, listing] {
        watcher->deleteLater();
        if (listing != m_savedListing)
            return;
        showSavedSegments(watcher->result().segments, true);
        emit savedSegmentsReloaded();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path, segments]() mutable {
        SavedList out;
        Database::OpenOptions o;
        o.readOnly = true;
        auto db = Database::open(path, o);
        if (!db) {
            out.error = db.error().toString();
            return out;
        }
        db->exec("PRAGMA cache_size = -2000");
        SegmentService service(*db);
        const int64_t now = db->referenceTime();
        for (QJsonObject &s : segments) {
            auto n = service.countSaved(s.value(QLatin1String("name")).toString(), now);
            if (n)
                s.insert(QStringLiteral("count"), static_cast<qint64>(*n));
            else
                s.insert(QStringLiteral("error"), n.error().toString());
        }
        out.segments = segments;
        return out;
    }));
}

void SegmentsPage::showSavedSegments(const QList<QJsonObject> &segments, bool exact)
{
    m_savedSegments = segments;
    const QLocale locale;
    m_saved->setRowCount(static_cast<int>(segments.size()));
    for (int i = 0; i < segments.size(); ++i) {
        const QJsonObject &s = segments[i];
        const QString name = s.value(QLatin1String("name")).toString();
        auto *nameItem = new QTableWidgetItem(name);
        const QString purpose = s.value(QLatin1String("documentation"))
                                    .toObject()
                                    .value(QLatin1String("purpose"))
                                    .toString();
        nameItem->setToolTip(purpose.isEmpty() ? name
                                               : QStringLiteral("%1\n%2").arg(name, purpose));
        m_saved->setItem(i, 0, nameItem);
        QString text;
        QString tip;
        if (exact && s.value(QLatin1String("count")).isDouble()) {
            text = locale.toString(s.value(QLatin1String("count")).toInteger());
            tip = tr("Exact count now");
        } else if (exact) {
            text = tr("invalid");
            tip = s.value(QLatin1String("error")).toString();
        } else if (s.value(QLatin1String("last_count")).isDouble()) {
            text = locale.toString(s.value(QLatin1String("last_count")).toInteger()) +
                   QStringLiteral(" …");
            tip = tr("Last recorded count; counting now");
        } else {
            text = QStringLiteral("…");
            tip = tr("Counting");
        }
        auto *countItem = new QTableWidgetItem(text);
        countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        countItem->setToolTip(tip);
        m_saved->setItem(i, 1, countItem);
        // The day in the column (the pane is narrow), the time in the tooltip.
        const QDateTime updated =
            QDateTime::fromSecsSinceEpoch(s.value(QLatin1String("updated_at")).toInteger());
        auto *updatedItem = new QTableWidgetItem(updated.toString(QStringLiteral("yyyy-MM-dd")));
        updatedItem->setToolTip(
            tr("Updated %1").arg(updated.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        m_saved->setItem(i, 2, updatedItem);
    }
}

bool SegmentsPage::loadSegment(const QString &name)
{
    for (const QJsonObject &s : std::as_const(m_savedSegments)) {
        if (s.value(QLatin1String("name")).toString() != name)
            continue;
        m_document->reset(name, s.value(QLatin1String("definition")).toObject(),
                          s.value(QLatin1String("documentation")).toObject());
        return true;
    }
    return false;
}

void SegmentsPage::newSegment()
{
    m_document->reset(QString(),
                      QJsonObject{{QStringLiteral("match"), QStringLiteral("all")},
                                  {QStringLiteral("conditions"), QJsonArray()}},
                      QJsonObject());
}

void SegmentsPage::save()
{
    const QString name = m_document->name().trimmed();
    if (name.isEmpty()) {
        m_status->setText(tr("Give the segment a name before saving."));
        m_name->setFocus();
        emit saveFinished(false, m_status->text());
        return;
    }
    const QJsonObject definition = m_document->definition();
    SegmentDocumentation doc{m_document->documentation(QStringLiteral("purpose")),
                             m_document->documentation(QStringLiteral("inclusion_notes")),
                             m_document->documentation(QStringLiteral("exclusion_notes")),
                             m_document->documentation(QStringLiteral("kpi")),
                             m_document->documentation(QStringLiteral("owner"))};
    const QString path = m_path;
    m_saveButton->setEnabled(false);
    m_status->setText(tr("Saving…"));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, name] {
        watcher->deleteLater();
        m_saveButton->setEnabled(true);
        const QString error = watcher->result();
        if (!error.isEmpty()) {
            m_status->setText(tr("Not saved: %1").arg(error));
            emit saveFinished(false, error);
            return;
        }
        m_document->undoStack()->setClean();
        m_status->setText(tr("Saved \"%1\".").arg(name));
        reloadSavedSegments();
        reloadCatalog();
        emit saveFinished(true, QString());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path, name, definition, doc] {
        auto db = Database::open(path);
        if (!db)
            return db.error().toString();
        const int64_t now = db->referenceTime();
        SegmentRepository repo(*db);
        auto saved = repo.save(name, definition, doc, now);
        if (!saved)
            return saved.error().toString();
        SegmentService service(*db);
        if (auto n = service.countSaved(name, now))
            repo.recordCount(name, *n, now);
        return QString();
    }));
}

QString SegmentsPage::selectedSavedName() const
{
    const int row = m_saved->currentRow();
    QTableWidgetItem *item = row >= 0 ? m_saved->item(row, 0) : nullptr;
    return item ? item->text() : QString();
}

void SegmentsPage::askRename()
{
    const QString name = selectedSavedName();
    if (name.isEmpty())
        return;
    bool ok = false;
    const QString newName =
        QInputDialog::getText(this, tr("Rename segment"), tr("New name for \"%1\":").arg(name),
                              QLineEdit::Normal, name, &ok)
            .trimmed();
    if (ok && !newName.isEmpty() && newName != name)
        renameSegment(name, newName);
}

void SegmentsPage::askDelete()
{
    const QString name = selectedSavedName();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete segment"),
                              tr("Delete the segment \"%1\" and its version history?").arg(name)) ==
        QMessageBox::Yes)
        deleteSegment(name);
}

void SegmentsPage::renameSegment(const QString &name, const QString &newName)
{
    changeSaved(name, newName);
}

void SegmentsPage::deleteSegment(const QString &name)
{
    changeSaved(name, QString());
}

void SegmentsPage::changeSaved(const QString &name, const QString &newName)
{
    const QString path = m_path;
    if (path.isEmpty())
        return;
    m_status->setText(newName.isEmpty() ? tr("Deleting…") : tr("Renaming…"));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, name, newName] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty()) {
            m_status->setText(error);
            emit savedSegmentChanged(false, error);
            return;
        }
        // The builder keeps its definition; it now belongs to the new name, or (deleted)
        // to no saved segment until it is saved again.
        if (m_name->text() == name && !newName.isEmpty())
            m_name->setText(newName);
        const QString message = newName.isEmpty()
                                    ? tr("Deleted \"%1\".").arg(name)
                                    : tr("Renamed \"%1\" to \"%2\".").arg(name, newName);
        m_status->setText(message);
        reloadSavedSegments();
        reloadCatalog();
        emit savedSegmentChanged(true, message);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path, name, newName] {
        auto db = Database::open(path);
        if (!db)
            return db.error().toString();
        SegmentRepository repo(*db);
        const Status s = newName.isEmpty() ? repo.remove(name) : repo.rename(name, newName);
        return s ? QString() : s.error().message;
    }));
}

QUndoStack *SegmentsPage::currentUndoStack() const
{
    return m_document->undoStack();
}

} // namespace mw::ui
