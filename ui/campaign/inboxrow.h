#pragma once

#include <QFrame>

class QLabel;

namespace mw::ui {

/// The email as it appears in a mail client's inbox list: sender, subject, preheader.
class InboxRow : public QFrame {
    Q_OBJECT
public:
    explicit InboxRow(QWidget *parent = nullptr);
    void setMessage(const QString &fromName, const QString &subject, const QString &preheader);

    QString fromName() const;
    QString subject() const;
    QString preheader() const;

private:
    QLabel *m_avatar;
    QLabel *m_from;
    QLabel *m_subject;
    QLabel *m_preheader;
};

} // namespace mw::ui
