#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string>

namespace mw {

/// One email as an RFC 5322 / MIME message: multipart/alternative with a text/plain and a
/// text/html part (UTF-8, base64, so any line length and any byte are safe), CRLF line
/// ends, non-ASCII header text as RFC 2047 encoded-words.
struct MimeMessage {
    QString fromName;
    QString fromEmail;
    QString toEmail;
    QString subject;
    int64_t date = 0;        // Unix seconds, written in UTC
    QString messageId;       // without angle brackets
    QString listUnsubscribe; // URL, optional
    std::string text;        // UTF-8
    std::string html;        // UTF-8

    QByteArray toBytes() const;

    /// RFC 2047 "B" encoded-words for non-ASCII text (folded so no line exceeds 78
    /// characters); ASCII text unchanged.
    static QByteArray encodeWords(const QString &text);
};

} // namespace mw
