#include "mimemessage.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace mw {

namespace {

bool isAscii(const QString &s)
{
    for (QChar c : s)
        if (c.unicode() > 126 || (c.unicode() < 32 && c != QLatin1Char('\t')))
            return false;
    return true;
}

/// Base64 in lines of 76 characters, CRLF after each (RFC 2045 6.8).
QByteArray base64Lines(const std::string &bytes)
{
    const QByteArray b64 =
        QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())).toBase64();
    QByteArray out;
    out.reserve(b64.size() + b64.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + "\r\n";
    return out;
}

/// A display name as a quoted-string (ASCII) or encoded-words (non-ASCII).
QByteArray displayName(const QString &name)
{
    if (!isAscii(name))
        return MimeMessage::encodeWords(name);
    QString q = name;
    q.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    q.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return '"' + q.toLatin1() + '"';
}

/// Header values never carry line breaks from data (header injection).
QString oneLine(QString s)
{
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}

} // namespace

QByteArray MimeMessage::encodeWords(const QString &text)
{
    if (isAscii(text))
        return text.toLatin1();
    // Each word: =?UTF-8?B?...?= at most 75 characters, so at most 45 bytes of UTF-8 per
    // word (60 base64 characters), split between whole characters.
    QByteArray out;
    QByteArray chunk;
    const auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n "; // folding white space between words is ignored by decoders
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    const QList<uint> codePoints = text.toUcs4();
    for (uint cp : codePoints) {
        const QByteArray c = QString::fromUcs4(reinterpret_cast<const char32_t *>(&cp), 1).toUtf8();
        if (chunk.size() + c.size() > 45)
            flush();
        chunk += c;
    }
    flush();
    return out;
}

QByteArray MimeMessage::toBytes() const
{
    const QByteArray boundary =
        "=_mw_" + QCryptographicHash::hash(messageId.toUtf8(), QCryptographicHash::Sha1)
                      .toHex()
                      .left(24); // "=_" never occurs in base64 bodies
    const QDateTime when = QDateTime::fromSecsSinceEpoch(date, QTimeZone::utc());
    const QString dateText =
        QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) +
        QStringLiteral(" +0000");

    QByteArray m;
    m += "From: " + displayName(oneLine(fromName)) + " <" + oneLine(fromEmail).toUtf8() + ">\r\n";
    m += "To: <" + oneLine(toEmail).toUtf8() + ">\r\n";
    m += "Subject: " + encodeWords(oneLine(subject)) + "\r\n";
    m += "Date: " + dateText.toLatin1() + "\r\n";
    m += "Message-ID: <" + oneLine(messageId).toUtf8() + ">\r\n";
    if (!listUnsubscribe.isEmpty())
        m += "List-Unsubscribe: <" + oneLine(listUnsubscribe).toUtf8() + ">\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
    m += "\r\n";
    m += "This is a multi-part message in MIME format.\r\n";
    const auto part = [&](const char *type, const std::string &body) {
        m += "\r\n--" + boundary + "\r\n";
        m += QByteArray("Content-Type: ") + type + "; charset=UTF-8\r\n";
        m += "Content-Transfer-Encoding: base64\r\n\r\n";
        m += base64Lines(body);
    };
    part("text/plain", text); // least preferred first (RFC 2046 5.1.4)
    part("text/html", html);
    m += "\r\n--" + boundary + "--\r\n";
    return m;
}

} // namespace mw
