#pragma once

#include <QString>
#include <QVariant>

namespace mw::ui {

/// One row of the subscriber browser (columns of SubscriberQuery::rowColumns()).
struct SubscriberRow {
    qint64 id = 0;
    QString email;
    QString firstName;
    QString lastName;
    QString country;
    QString status;
    QString lifecycle; // empty without metrics
    QString tier;
    QVariant score;      // null without metrics
    QVariant lastOpenAt; // Unix seconds or null
};

} // namespace mw::ui
