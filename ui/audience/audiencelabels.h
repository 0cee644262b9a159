#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace mw::ui {

/// Translated display names for stored values (status, lifecycle stage, engagement tier)
/// and the formats the audience views share. Unknown values are shown as stored.
class AudienceLabels {
    Q_DECLARE_TR_FUNCTIONS(AudienceLabels)
public:
    static QString status(const QString &value);
    static QString lifecycle(const QString &value);
    static QString tier(const QString &value);
    static QString eventType(const QString &value);
    /// Unix seconds (UTC) as a local date and time; empty for null.
    static QString dateTime(const QVariant &unixSeconds);
    static QString date(const QVariant &unixSeconds);
    static QString number(const QVariant &value, int decimals = 0);
    static QString money(const QVariant &value);
};

} // namespace mw::ui
