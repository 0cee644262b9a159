// typedtext: the one convention for values typed into condition editors (segment rules,
// campaign variant/hide rules) -- lists split on commas outside quotes, typed scalars.
#include "common/typedtext.h"

#include <QJsonArray>
#include <QTest>

using namespace mw;

class TestTypedText : public QObject {
    Q_OBJECT
private slots:
    void splitsOnCommasOutsideQuotes()
    {
        QCOMPARE(typedtext::splitList(QStringLiteral("Berlin, \"Washington, D.C.\" ,Paris")),
                 (QStringList{QStringLiteral("Berlin"), QStringLiteral("\"Washington, D.C.\""),
                              QStringLiteral("Paris")}));
        QCOMPARE(typedtext::splitList(QStringLiteral(" a,, ,b ")),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(typedtext::splitList(QString()), QStringList());
        // A quote inside an unquoted item is text and does not swallow the next comma.
        QCOMPARE(typedtext::splitList(QStringLiteral("5\" screen, Berlin")),
                 (QStringList{QStringLiteral("5\" screen"), QStringLiteral("Berlin")}));
    }

    void textValuesRoundTrip_data()
    {
        QTest::addColumn<QString>("value");
        for (const char *v : {"Berlin", "Washington, D.C.", " padded ", "\"quoted\"", "a\"b,c",
                              "5\" screen", "\"", "", "10", "true",
                              "\xc3\xbc"
                              "ber, alles"})
            QTest::newRow(v) << QString::fromUtf8(v);
    }
    void textValuesRoundTrip()
    {
        QFETCH(QString, value);
        // As one item of a list next to others, and alone.
        const QStringList items{QStringLiteral("x"), typedtext::itemText(value),
                                QStringLiteral("y")};
        const QStringList back = typedtext::splitList(typedtext::joinList(items));
        QCOMPARE(back.size(), 3);
        QCOMPARE(typedtext::unquote(back[1]), value);
        QCOMPARE(typedtext::unquote(typedtext::itemText(value)), value);
    }

    void typedScalars()
    {
        using typedtext::parseScalar;
        QCOMPARE(parseScalar(QStringLiteral("10")), QJsonValue(10.0));
        QCOMPARE(parseScalar(QStringLiteral(" 0.75 ")), QJsonValue(0.75));
        QCOMPARE(parseScalar(QStringLiteral("true")), QJsonValue(true));
        QCOMPARE(parseScalar(QStringLiteral("false")), QJsonValue(false));
        QCOMPARE(parseScalar(QStringLiteral("\"10\"")), QJsonValue(QStringLiteral("10")));
        QCOMPARE(parseScalar(QStringLiteral("\"true\"")), QJsonValue(QStringLiteral("true")));
        QCOMPARE(parseScalar(QStringLiteral(" vip ")), QJsonValue(QStringLiteral("vip")));
    }

    void typedScalarsRoundTrip_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("number") << QJsonValue(42.0);
        QTest::newRow("fraction") << QJsonValue(0.1);
        QTest::newRow("bool") << QJsonValue(false);
        QTest::newRow("text") << QJsonValue(QStringLiteral("gold"));
        QTest::newRow("numeric text") << QJsonValue(QStringLiteral("10"));
        QTest::newRow("boolean text") << QJsonValue(QStringLiteral("true"));
        QTest::newRow("comma text") << QJsonValue(QStringLiteral("a, b"));
        QTest::newRow("spaced text") << QJsonValue(QStringLiteral(" x "));
        QTest::newRow("empty text") << QJsonValue(QString());
    }
    void typedScalarsRoundTrip()
    {
        QFETCH(QJsonValue, value);
        QCOMPARE(typedtext::parseScalar(typedtext::scalarText(value)), value);
        const QJsonArray list{QJsonValue(1.0), value, QJsonValue(QStringLiteral("z"))};
        QCOMPARE(typedtext::parseScalarList(typedtext::scalarListText(list)), list);
    }
};

QTEST_GUILESS_MAIN(TestTypedText)
#include "tst_typedtext.moc"
