#include "subscriberdetails.h"

#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mw::ui {

namespace {

QVariant find(const QVector<std::pair<QString, QVariant>> &list, const QString &key)
{
    for (const auto &[k, v] : list) {
        if (k == key)
            return v;
    }
    return {};
}

QString jsonText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

} // namespace

QVariant SubscriberDetails::profileValue(const QString &column) const
{
    return find(profile, column);
}

QVariant SubscriberDetails::metricValue(const QString &column) const
{
    return find(metrics, column);
}

Result<SubscriberDetails> SubscriberDetails::load(Database &db, qint64 id, int eventLimit)
{
    SubscriberDetails d;
    d.id = id;
    // SELECT * so columns added by later migrations show up without a change here.
    {
        auto st = db.prepare("SELECT * FROM subscribers WHERE id = ?");
        if (!st)
            return st.error();
        st->bind(1, int64_t(id));
        if (!st->step()) {
            if (st->error())
                return *st->error();
            return Error(Error::Code::NotFound, QStringLiteral("no subscriber with id %1").arg(id));
        }
        for (int c = 0; c < st->columnCount(); ++c) {
            const QString name = st->columnName(c);
            if (name == QLatin1String("attributes")) {
                const QJsonDocument doc = QJsonDocument::fromJson(st->text(c).toUtf8());
                const QJsonObject obj = doc.object();
                for (auto it = obj.begin(); it != obj.end(); ++it)
                    d.attributes.append({it.key(), jsonText(it.value())});
                continue;
            }
            d.profile.append({name, st->value(c)});
        }
    }
    {
        auto st = db.prepare("SELECT * FROM subscriber_metrics WHERE subscriber_id = ?");
        if (!st)
            return st.error();
        st->bind(1, int64_t(id));
        if (st->step()) {
            for (int c = 0; c < st->columnCount(); ++c) {
                const QString name = st->columnName(c);
                if (name != QLatin1String("subscriber_id"))
                    d.metrics.append({name, st->value(c)});
            }
        } else if (st->error()) {
            return *st->error();
        }
    }
    {
        auto count =
            db.scalar("SELECT count(*) FROM events WHERE subscriber_id = ?", {QVariant(id)});
        if (!count)
            return count.error();
        d.eventCount = count->toLongLong();
    }
    auto events = loadEvents(db, id, 0, eventLimit);
    if (!events)
        return events.error();
    d.events = std::move(events.value());
    return d;
}

Result<QVector<TimelineEvent>> SubscriberDetails::loadEvents(Database &db, qint64 id, int offset,
                                                             int limit)
{
    auto st = db.prepare(
        "SELECT e.id, e.occurred_at, t.name, c.name, p.name, e.amount FROM events e"
        " JOIN event_types t ON t.id = e.type"
        " LEFT JOIN campaigns c ON c.id = e.campaign_id"
        " LEFT JOIN products p ON p.id = e.product_id"
        " WHERE e.subscriber_id = ? ORDER BY e.occurred_at DESC, e.id DESC LIMIT ? OFFSET ?");
    if (!st)
        return st.error();
    st->bind(1, int64_t(id)).bind(2, limit).bind(3, offset);
    QVector<TimelineEvent> out;
    while (st->step()) {
        TimelineEvent e;
        e.id = st->int64(0);
        e.occurredAt = st->int64(1);
        e.type = st->text(2);
        e.campaign = st->text(3);
        e.product = st->text(4);
        e.amount = st->isNull(5) ? QVariant() : QVariant(st->real(5));
        out << e;
    }
    if (st->error())
        return *st->error();
    return out;
}

} // namespace mw::ui
