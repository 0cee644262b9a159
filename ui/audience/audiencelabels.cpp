#include "audiencelabels.h"

#include <QDateTime>
#include <QLocale>

namespace mw::ui {

QString AudienceLabels::status(const QString &value)
{
    if (value == QLatin1String("subscribed"))
        return tr("Subscribed");
    if (value == QLatin1String("unsubscribed"))
        return tr("Unsubscribed");
    if (value == QLatin1String("bounced"))
        return tr("Bounced");
    return value;
}

QString AudienceLabels::lifecycle(const QString &value)
{
    const QString v = value.toLower();
    if (v == QLatin1String("subscriber"))
        return tr("Subscriber");
    if (v == QLatin1String("customer"))
        return tr("Customer");
    if (v == QLatin1String("repeat"))
        return tr("Repeat customer");
    if (v == QLatin1String("vip"))
        return tr("VIP");
    if (v == QLatin1String("at-risk") || v == QLatin1String("at_risk"))
        return tr("At risk");
    if (v == QLatin1String("advocate"))
        return tr("Advocate");
    return value;
}

QString AudienceLabels::tier(const QString &value)
{
    // Matched on the first word so "Highly engaged" and "highly_engaged" both work.
    const QString v = value.toLower();
    if (v.startsWith(QLatin1String("highly")))
        return tr("Highly engaged");
    if (v.startsWith(QLatin1String("moderate")))
        return tr("Moderately engaged");
    if (v.startsWith(QLatin1String("low")))
        return tr("Low engagement");
    if (v.startsWith(QLatin1String("at risk")) || v.startsWith(QLatin1String("at_risk")) ||
        v.startsWith(QLatin1String("at-risk")))
        return tr("At risk");
    if (v.startsWith(QLatin1String("inactive")))
        return tr("Inactive");
    return value;
}

QString AudienceLabels::eventType(const QString &value)
{
    static const struct {
        const char *name;
        const char *label;
    } kTypes[] = {
        {"sent", QT_TR_NOOP("Sent")},
        {"open", QT_TR_NOOP("Open")},
        {"click", QT_TR_NOOP("Click")},
        {"visit", QT_TR_NOOP("Visit")},
        {"product_view", QT_TR_NOOP("Product view")},
        {"cart_add", QT_TR_NOOP("Added to cart")},
        {"purchase", QT_TR_NOOP("Purchase")},
        {"unsubscribe", QT_TR_NOOP("Unsubscribe")},
        {"bounce", QT_TR_NOOP("Bounce")},
        {"forward", QT_TR_NOOP("Forward")},
        {"reply", QT_TR_NOOP("Reply")},
        {"download", QT_TR_NOOP("Download")},
        {"demo_request", QT_TR_NOOP("Demo request")},
        {"review", QT_TR_NOOP("Review")},
        {"referral", QT_TR_NOOP("Referral")},
    };
    for (const auto &t : kTypes) {
        if (value == QLatin1String(t.name))
            return tr(t.label);
    }
    return value;
}

QString AudienceLabels::dateTime(const QVariant &unixSeconds)
{
    if (unixSeconds.isNull() || !unixSeconds.isValid())
        return {};
    const QDateTime t = QDateTime::fromSecsSinceEpoch(unixSeconds.toLongLong(), Qt::LocalTime);
    // The locale's short date with hours and minutes; seconds only add noise to a timeline.
    const QLocale locale;
    return locale.toString(t.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           locale.toString(t.time(), QStringLiteral("HH:mm"));
}

QString AudienceLabels::date(const QVariant &unixSeconds)
{
    if (unixSeconds.isNull() || !unixSeconds.isValid())
        return {};
    const QDateTime t = QDateTime::fromSecsSinceEpoch(unixSeconds.toLongLong(), Qt::LocalTime);
    return QLocale().toString(t.date(), QLocale::ShortFormat);
}

QString AudienceLabels::number(const QVariant &value, int decimals)
{
    if (value.isNull() || !value.isValid())
        return {};
    return QLocale().toString(value.toDouble(), 'f', decimals);
}

QString AudienceLabels::money(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return {};
    // Amounts are stored without a currency; shown with two decimals in the user's locale.
    return QLocale().toString(value.toDouble(), 'f', 2);
}

} // namespace mw::ui
