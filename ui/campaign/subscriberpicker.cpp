#include "subscriberpicker.h"

#include "asyncdatabase.h"
#include "elidedlabel.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace mw::ui {

namespace {
constexpr int kSearchLimit = 50;
constexpr int kSegmentSample = 500;
constexpr int kSearchDelayMs = 150;
} // namespace

SubscriberPicker::SubscriberPicker(QWidget *parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_completer(new QCompleter(this)),
      m_resultModel(new QStandardItemModel(this)), m_searchTimer(new QTimer(this)),
      m_label(new ElidedLabel(this)), m_segments(new QComboBox(this))
{
    m_search->setPlaceholderText(tr("Find by e-mail or name…"));
    m_search->setClearButtonEnabled(true);
    m_completer->setModel(m_resultModel);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setWidget(m_search);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                setCurrent(index.data(Qt::UserRole).toLongLong());
                m_search->clear();
            });
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textEdited, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (!m_results.isEmpty())
            setCurrent(m_results.first().id);
    });

    auto *prev = new QToolButton(this);
    prev->setText(tr("◀"));
    prev->setToolTip(tr("Previous subscriber"));
    auto *nextButton = new QToolButton(this);
    nextButton->setText(tr("▶"));
    nextButton->setToolTip(tr("Next subscriber"));
    auto *random = new QToolButton(this);
    random->setText(tr("Random"));
    random->setToolTip(tr("A random subscriber (from the segment, if one is chosen)"));
    connect(prev, &QToolButton::clicked, this, &SubscriberPicker::previous);
    connect(nextButton, &QToolButton::clicked, this, &SubscriberPicker::next);
    connect(random, &QToolButton::clicked, this, &SubscriberPicker::pickRandom);

    m_segments->addItem(tr("All subscribers"));
    m_segments->setToolTip(tr("Pick preview subscribers from a segment"));
    m_segments->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_segments, &QComboBox::activated, this, [this](int index) {
        pickFromSegment(index <= 0 ? QString() : m_segments->itemText(index));
    });

    m_label->setObjectName(QStringLiteral("currentSubscriber"));
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    m_search->setObjectName(QStringLiteral("subscriberSearch"));
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 14);
    m_segments->setObjectName(QStringLiteral("segmentChooser"));

    // Two rows, so the preview pane stays usable when narrow: who is shown and the steps
    // through subscribers, then where they come from and the search.
    auto *current = new QHBoxLayout;
    current->addWidget(new QLabel(tr("Preview for:"), this));
    current->addWidget(m_label, 1);
    current->addWidget(prev);
    current->addWidget(nextButton);
    current->addWidget(random);
    auto *source = new QHBoxLayout;
    source->addWidget(new QLabel(tr("From:"), this));
    source->addWidget(m_segments);
    source->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(current);
    layout->addLayout(source);
}

void SubscriberPicker::setDatabase(const QString &path, qint64 initialId, int step)
{
    m_path = path;
    m_members.clear();
    m_memberPos = -1;
    runWithDatabase<QStringList>(
        this, path, [](Database &db) { return SubscriberDirectory::segmentNames(db); },
        [this](const Result<QStringList> &names) {
            while (m_segments->count() > 1)
                m_segments->removeItem(1);
            if (names)
                m_segments->addItems(*names);
        });
    runWithDatabase<SubscriberRef>(
        this, path,
        [initialId, step](Database &db) {
            if (initialId <= 0)
                return SubscriberDirectory::first(db);
            return step == 0 ? SubscriberDirectory::byId(db, initialId)
                             : SubscriberDirectory::neighbour(db, initialId, step);
        },
        [this](const Result<SubscriberRef> &r) {
            if (r)
                setCurrentRef(*r);
            else
                report(r.error());
        });
}

void SubscriberPicker::setCurrent(qint64 id)
{
    runWithDatabase<SubscriberRef>(
        this, m_path, [id](Database &db) { return SubscriberDirectory::byId(db, id); },
        [this](const Result<SubscriberRef> &r) {
            if (r)
                setCurrentRef(*r);
            else
                report(r.error());
        });
}

void SubscriberPicker::setCurrentRef(const SubscriberRef &ref)
{
    m_label->setFullText(ref.label());
    m_label->setExtraToolTip(tr("Subscriber #%1").arg(ref.id));
    if (ref.id == m_current.id && ref.email == m_current.email)
        return;
    m_current = ref;
    emit currentChanged(ref.id);
}

void SubscriberPicker::next()
{
    step(+1);
}

void SubscriberPicker::previous()
{
    step(-1);
}

void SubscriberPicker::step(int direction)
{
    if (!m_members.isEmpty()) {
        const auto n = m_members.size();
        m_memberPos = static_cast<int>((m_memberPos + direction + n) % n);
        setCurrent(m_members.at(m_memberPos));
        return;
    }
    const qint64 from = m_current.id;
    runWithDatabase<SubscriberRef>(
        this, m_path,
        [from, direction](Database &db) {
            return SubscriberDirectory::neighbour(db, from, direction);
        },
        [this](const Result<SubscriberRef> &r) {
            if (r)
                setCurrentRef(*r);
            else
                report(r.error());
        });
}

void SubscriberPicker::pickRandom()
{
    // xorshift: reproducible within a session, no global RNG state.
    m_randomState ^= m_randomState << 13;
    m_randomState ^= m_randomState >> 17;
    m_randomState ^= m_randomState << 5;
    if (!m_members.isEmpty()) {
        m_memberPos = static_cast<int>(m_randomState % static_cast<quint32>(m_members.size()));
        setCurrent(m_members.at(m_memberPos));
        return;
    }
    const quint32 seed = m_randomState;
    runWithDatabase<SubscriberRef>(
        this, m_path, [seed](Database &db) { return SubscriberDirectory::random(db, seed); },
        [this](const Result<SubscriberRef> &r) {
            if (r)
                setCurrentRef(*r);
            else
                report(r.error());
        });
}

void SubscriberPicker::pickFromSegment(const QString &segment)
{
    const int index = segment.isEmpty() ? 0 : m_segments->findText(segment);
    if (index >= 0)
        m_segments->setCurrentIndex(index);
    if (segment.isEmpty()) {
        m_members.clear();
        m_memberPos = -1;
        emit segmentLoaded(QString(), 0);
        return;
    }
    runWithDatabase<QList<qint64>>(
        this, m_path,
        [segment](Database &db) {
            return SubscriberDirectory::segmentMembers(db, segment, kSegmentSample);
        },
        [this, segment](const Result<QList<qint64>> &r) {
            if (!r) {
                report(r.error());
                m_segments->setCurrentIndex(0);
                return;
            }
            m_members = *r;
            m_memberPos = 0;
            emit segmentLoaded(segment, static_cast<int>(m_members.size()));
            if (!m_members.isEmpty())
                setCurrent(m_members.first());
        });
}

void SubscriberPicker::search(const QString &text)
{
    const quint64 seq = ++m_searchSeq;
    if (text.trimmed().isEmpty()) {
        m_results.clear();
        m_resultModel->clear();
        emit searchFinished(0);
        return;
    }
    runWithDatabase<QList<SubscriberRef>>(
        this, m_path,
        [text](Database &db) { return SubscriberDirectory::search(db, text, kSearchLimit); },
        [this, seq](const Result<QList<SubscriberRef>> &r) {
            if (seq != m_searchSeq)
                return; // a newer search is on its way
            if (!r) {
                report(r.error());
                return;
            }
            m_results = *r;
            m_resultModel->clear();
            for (const SubscriberRef &s : m_results) {
                auto *item = new QStandardItem(s.label());
                item->setData(s.id, Qt::UserRole);
                m_resultModel->appendRow(item);
            }
            if (m_search->hasFocus() && !m_results.isEmpty())
                m_completer->complete();
            emit searchFinished(static_cast<int>(m_results.size()));
        });
}

void SubscriberPicker::report(const Error &error)
{
    emit failed(error.toString());
}

} // namespace mw::ui
