// Cell checks used by the importers: ISO 8601 dates, e-mail addresses, numbers, countries.
#include "io/fieldparsers.h"
#include "io/seenkeys.h"

#include <QDateTime>
#include <QtTest>

using namespace mw;

class TestFieldParsers : public QObject {
    Q_OBJECT
private slots:
    void parsesIsoDates_data();
    void parsesIsoDates();
    void rejectsBadDates_data();
    void rejectsBadDates();
    void daysFromCivilMatchesQDate();
    void normalizesEmails_data();
    void normalizesEmails();
    void rejectsBadEmails_data();
    void rejectsBadEmails();
    void jsonNumbers_data();
    void jsonNumbers();
    void numbersAndCountries();
    void seenKeysRemembersFirstLines();
};

void TestFieldParsers::parsesIsoDates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("seconds");
    // Expected values from QDateTime (an independent implementation), UTC.
    auto utc = [](int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toSecsSinceEpoch();
    };
    QTest::newRow("date only") << QByteArray("2024-03-15") << utc(2024, 3, 15);
    QTest::newRow("epoch") << QByteArray("1970-01-01T00:00:00Z") << qint64(0);
    QTest::newRow("before epoch") << QByteArray("1969-12-31T23:59:59Z") << qint64(-1);
    QTest::newRow("leap day") << QByteArray("2024-02-29T12:00:00Z") << utc(2024, 2, 29, 12);
    QTest::newRow("no zone means UTC")
        << QByteArray("2024-03-15T08:30:00") << utc(2024, 3, 15, 8, 30);
    QTest::newRow("space separator")
        << QByteArray("2024-03-15 08:30:05") << utc(2024, 3, 15, 8, 30, 5);
    QTest::newRow("minutes only") << QByteArray("2024-03-15T08:30") << utc(2024, 3, 15, 8, 30);
    QTest::newRow("fraction truncated")
        << QByteArray("2024-03-15T08:30:05.999Z") << utc(2024, 3, 15, 8, 30, 5);
    QTest::newRow("positive offset")
        << QByteArray("2024-03-15T10:30:00+02:00") << utc(2024, 3, 15, 8, 30);
    QTest::newRow("negative offset no colon")
        << QByteArray("2024-03-15T03:30:00-0500") << utc(2024, 3, 15, 8, 30);
    QTest::newRow("hour-only offset crosses midnight")
        << QByteArray("2024-01-01T01:00:00+03") << utc(2023, 12, 31, 22);
    QTest::newRow("lower-case t and z")
        << QByteArray("2024-03-15t08:30:00z") << utc(2024, 3, 15, 8, 30);
    // A leap second is the first second of the next minute (Unix time has none).
    QTest::newRow("leap second") << QByteArray("2016-12-31T23:59:60Z") << utc(2017, 1, 1);
    QTest::newRow("leap second, local time")
        << QByteArray("2017-01-01T00:59:60+01:00") << utc(2017, 1, 1);
    QTest::newRow("year 0001") << QByteArray("0001-01-01") << utc(1, 1, 1);
}

void TestFieldParsers::parsesIsoDates()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, seconds);
    int64_t out = 42;
    QVERIFY(fields::parseIsoDateTime(text.toStdString(), out));
    QCOMPARE(qint64(out), seconds);
}

void TestFieldParsers::rejectsBadDates_data()
{
    QTest::addColumn<QByteArray>("text");
    for (const char *t : {"",
                          "2024",
                          "2024-3-15",
                          "15/03/2024",
                          "2024-02-30",
                          "2023-02-29",
                          "2024-13-01",
                          "2024-00-10",
                          "2024-03-15T24:00:00",
                          "2024-03-15T12:60",
                          "2024-03-15T12:00:61",
                          "2024-03-15T12",
                          "2024-03-15T12:00:00+25:00",
                          "2024-03-15Z",
                          "2024-03-15T12:00:00 Z",
                          "2024-03-15T12:00:00.Z",
                          "yesterday",
                          "1710491400",
                          "2024-03-15x",
                          "0000-01-01",
                          "2024-03-15T12:30:60",
                          "2024-03-15T12:59:61"})
        QTest::newRow(*t ? t : "empty") << QByteArray(t);
}

void TestFieldParsers::rejectsBadDates()
{
    QFETCH(QByteArray, text);
    int64_t out = 0;
    QVERIFY(!fields::parseIsoDateTime(text.toStdString(), out));
}

void TestFieldParsers::daysFromCivilMatchesQDate()
{
    const QDate epoch(1970, 1, 1);
    for (QDate d(1600, 1, 1); d.year() < 2400; d = d.addDays(13))
        QCOMPARE(fields::daysFromCivil(d.year(), unsigned(d.month()), unsigned(d.day())),
                 epoch.daysTo(d));
}

void TestFieldParsers::normalizesEmails_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("stored");
    QTest::newRow("lower-cased") << QByteArray("Anna.Berg@Example.COM")
                                 << QByteArray("anna.berg@example.com");
    QTest::newRow("trimmed") << QByteArray("  a@b.de\t") << QByteArray("a@b.de");
    QTest::newRow("plus and subdomain")
        << QByteArray("x+tag@mail.example.co.uk") << QByteArray("x+tag@mail.example.co.uk");
    QTest::newRow("internationalised domain kept") << QByteArray("j\xC3\xBCrgen@m\xC3\xBCller.de")
                                                   << QByteArray("j\xC3\xBCrgen@m\xC3\xBCller.de");
}

void TestFieldParsers::normalizesEmails()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, stored);
    std::string out;
    QCOMPARE(QByteArray(fields::normalizeEmail(input.toStdString(), out)), QByteArray());
    QCOMPARE(QByteArray::fromStdString(out), stored);
}

void TestFieldParsers::rejectsBadEmails_data()
{
    QTest::addColumn<QByteArray>("input");
    for (const char *t : {"", "plain", "@example.com", "a@", "a@b", "a@@b.com", "a@b@c.com",
                          "a b@c.com", "a..b@c.com", ".a@c.com", "a.@c.com", "a@-c.com", "a@c-.com",
                          "a@c..com", "a@.c.com", "a@c.com.", "a,b@c.com", "a@c_d.com"})
        QTest::newRow(*t ? t : "empty") << QByteArray(t);
    QTest::newRow("too long") << (QByteArray(250, 'a') + "@b.com");
}

void TestFieldParsers::rejectsBadEmails()
{
    QFETCH(QByteArray, input);
    std::string out;
    QVERIFY(*fields::normalizeEmail(input.toStdString(), out) != '\0');
}

void TestFieldParsers::jsonNumbers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("number");
    QTest::newRow("integer") << QByteArray("42") << true;
    QTest::newRow("negative decimal") << QByteArray("-3.25") << true;
    QTest::newRow("exponent") << QByteArray("1e3") << true;
    QTest::newRow("zero") << QByteArray("0") << true;
    QTest::newRow("leading zero (zip code)") << QByteArray("02134") << false;
    QTest::newRow("plus sign") << QByteArray("+1") << false;
    QTest::newRow("trailing dot") << QByteArray("1.") << false;
    QTest::newRow("thousands separator") << QByteArray("1,000") << false;
    QTest::newRow("16 digits stay text") << QByteArray("4111111111111111") << false;
    QTest::newRow("word") << QByteArray("true") << false;
    // Beyond a double's range: SQLite reads it as Inf, and Qt's JSON parser refuses the
    // whole attributes object at render time (every attribute went missing).
    QTest::newRow("overflow stays text") << QByteArray("1e999") << false;
    QTest::newRow("negative overflow stays text") << QByteArray("-1E400") << false;
    QTest::newRow("underflow stays text") << QByteArray("1e-999") << false;
    QTest::newRow("largest double") << QByteArray("1.7976931e308") << true;
}

void TestFieldParsers::jsonNumbers()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, number);
    QCOMPARE(fields::isJsonNumber(text.toStdString()), number);
}

void TestFieldParsers::numbersAndCountries()
{
    double d = 0;
    QVERIFY(fields::parseNumber("12.50", d));
    QCOMPARE(d, 12.5);
    QVERIFY(fields::parseNumber("-3", d));
    QCOMPARE(d, -3.0);
    QVERIFY(fields::parseNumber("+7", d));
    QCOMPARE(d, 7.0);
    for (const char *bad :
         {"", "abc", "12,5", "$12", "nan", "inf", "1e999", "12 ", "+-5", "+", "++5"})
        QVERIFY2(!fields::parseNumber(bad, d), bad);

    std::string c;
    QVERIFY(fields::parseCountry("de", c));
    QCOMPARE(QByteArray::fromStdString(c), QByteArray("DE"));
    for (const char *bad : {"", "D", "DEU", "D1", "\xC3\xA9x"})
        QVERIFY2(!fields::parseCountry(bad, c), bad);

    QVERIFY(fields::isLanguageTag("de"));
    QVERIFY(fields::isLanguageTag("pt-BR"));
    QVERIFY(fields::isLanguageTag("zh-Hant-TW"));
    for (const char *bad : {"", "d", "deutsch", "de_DE", "de-", "-de", "de-toolongsubtag"})
        QVERIFY2(!fields::isLanguageTag(bad), bad);
}

void TestFieldParsers::seenKeysRemembersFirstLines()
{
    // Enough keys to grow the table several times; keys that share prefixes and lengths.
    SeenKeys seen;
    QCOMPARE(seen.find("a@x.com"), int64_t(0));
    for (int i = 0; i < 100000; ++i)
        seen.insert(QByteArray("user" + QByteArray::number(i) + "@x.com").toStdString(), i + 2);
    seen.insert("", 1); // the empty key is a key like any other
    QCOMPARE(seen.size(), size_t(100001));
    for (int i = 0; i < 100000; i += 7)
        QCOMPARE(seen.find(QByteArray("user" + QByteArray::number(i) + "@x.com").toStdString()),
                 int64_t(i + 2));
    QCOMPARE(seen.find(""), int64_t(1));
    QCOMPARE(seen.find("user100000@x.com"), int64_t(0));
    QCOMPARE(seen.find("user1@x.co"), int64_t(0));
    seen.clear();
    QCOMPARE(seen.find("user1@x.com"), int64_t(0));
}

QTEST_GUILESS_MAIN(TestFieldParsers)
#include "tst_fieldparsers.moc"
