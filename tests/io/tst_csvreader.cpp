// The streaming RFC 4180 reader: quoting, line endings, BOM, line numbers, bad input.
#include "io/csvreader.h"
#include "testutils.h"

#include <QtTest>

using namespace mw;

namespace {

using Rows = QList<QStringList>;

struct Parsed {
    Rows rows;
    QList<qint64> lines;
    QStringList errors; // "line: error" for records with an error
};

Parsed parse(CsvReader &reader)
{
    Parsed p;
    CsvRecord rec;
    while (reader.next(rec)) {
        QStringList row;
        for (int i = 0; i < rec.size(); ++i) {
            const auto f = rec.field(i);
            row << QString::fromUtf8(f.data(), qsizetype(f.size()));
        }
        p.rows << row;
        p.lines << rec.line;
        if (!rec.error.isEmpty())
            p.errors << QStringLiteral("%1: %2").arg(rec.line).arg(rec.error);
    }
    return p;
}

Parsed parseBytes(const QByteArray &bytes)
{
    CsvReader reader;
    reader.setData(bytes.toStdString());
    return parse(reader);
}

QStringList row(std::initializer_list<const char *> fields)
{
    QStringList r;
    for (const char *f : fields)
        r << QString::fromUtf8(f);
    return r;
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT
private slots:
    void parsesValidInput_data();
    void parsesValidInput();
    void reportsBadRecords_data();
    void reportsBadRecords();
    void fileAndMemoryAgreeAcrossChunkBoundaries();
    void readsHillstromDataSet();
    void quotesFieldsForOutput_data();
    void quotesFieldsForOutput();
    void missingFileIsAnError();
    void oversizedRecordEndsTheInput();
};

void TestCsvReader::parsesValidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<QList<qint64>>("lines");

    QTest::newRow("LF") << QByteArray("a,b\n1,2\n") << Rows{row({"a", "b"}), row({"1", "2"})}
                        << QList<qint64>{1, 2};
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n") << Rows{row({"a", "b"}), row({"1", "2"})}
                          << QList<qint64>{1, 2};
    QTest::newRow("no final line ending")
        << QByteArray("a,b\r\n1,2") << Rows{row({"a", "b"}), row({"1", "2"})}
        << QList<qint64>{1, 2};
    QTest::newRow("lone CR line endings")
        << QByteArray("a\rb\r") << Rows{row({"a"}), row({"b"})} << QList<qint64>{1, 2};
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF"
                                             "email,x\nq@e.de,1\n")
                               << Rows{row({"email", "x"}), row({"q@e.de", "1"})}
                               << QList<qint64>{1, 2};
    QTest::newRow("BOM only in first field is stripped, not elsewhere")
        << QByteArray("\xEF\xBB\xBF"
                      "a\n\xEF\xBB\xBF"
                      "b\n")
        << Rows{row({"a"}), row({"\xEF\xBB\xBF"
                                 "b"})}
        << QList<qint64>{1, 2};
    QTest::newRow("quoted comma") << QByteArray("a,b\n\"x, y\",2\n")
                                  << Rows{row({"a", "b"}), row({"x, y", "2"})}
                                  << QList<qint64>{1, 2};
    QTest::newRow("doubled quotes") << QByteArray("\"he said \"\"hi\"\"\",2\n")
                                    << Rows{row({"he said \"hi\"", "2"})} << QList<qint64>{1};
    QTest::newRow("only a doubled quote")
        << QByteArray("\"\"\"\"\n") << Rows{row({"\""})} << QList<qint64>{1};
    QTest::newRow("embedded LF counts physical lines")
        << QByteArray("h\n\"l1\nl2\",x\nnext\n")
        << Rows{row({"h"}), row({"l1\nl2", "x"}), row({"next"})} << QList<qint64>{1, 2, 4};
    QTest::newRow("embedded CRLF counts once")
        << QByteArray("h\r\n\"l1\r\nl2\r\nl3\"\r\nnext")
        << Rows{row({"h"}), row({"l1\r\nl2\r\nl3"}), row({"next"})} << QList<qint64>{1, 2, 5};
    QTest::newRow("empty fields") << QByteArray(",,\n") << Rows{row({"", "", ""})}
                                  << QList<qint64>{1};
    QTest::newRow("trailing empty field")
        << QByteArray("a,\n") << Rows{row({"a", ""})} << QList<qint64>{1};
    QTest::newRow("quoted empty field is a record")
        << QByteArray("\"\"\n") << Rows{row({""})} << QList<qint64>{1};
    QTest::newRow("blank lines are skipped")
        << QByteArray("a\n\nb\r\n\r\n") << Rows{row({"a"}), row({"b"})} << QList<qint64>{1, 3};
    QTest::newRow("multi-byte UTF-8")
        << QByteArray("Chlo\xC3\xA9,Z\xC3\xBC\x72ich,\xF0\x9F\x98\x80\n")
        << Rows{row({"Chlo\xC3\xA9", "Z\xC3\xBCrich", "\xF0\x9F\x98\x80"})} << QList<qint64>{1};
    QTest::newRow("bare quote inside an unquoted field is kept")
        << QByteArray("5\" screen,x\n") << Rows{row({"5\" screen", "x"})} << QList<qint64>{1};
    QTest::newRow("spaces are data")
        << QByteArray(" a , b \n") << Rows{row({" a ", " b "})} << QList<qint64>{1};
    QTest::newRow("empty input") << QByteArray() << Rows{} << QList<qint64>{};
}

void TestCsvReader::parsesValidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(Rows, rows);
    QFETCH(QList<qint64>, lines);
    const Parsed p = parseBytes(input);
    QCOMPARE(p.rows, rows);
    QCOMPARE(p.lines, lines);
    QCOMPARE(p.errors, QStringList());
}

void TestCsvReader::reportsBadRecords_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("records");
    QTest::addColumn<QString>("error"); // "line: start of message"

    QTest::newRow("invalid UTF-8 byte")
        << QByteArray("a,b\n1,\xFF\n3,4\n") << 3 << QStringLiteral("2: invalid UTF-8 in column 2");
    QTest::newRow("overlong encoding")
        << QByteArray("a\n\xC0\xAF\n") << 2 << QStringLiteral("2: invalid UTF-8 in column 1");
    QTest::newRow("UTF-16 surrogate")
        << QByteArray("a\n\xED\xA0\x80\n") << 2 << QStringLiteral("2: invalid UTF-8 in column 1");
    QTest::newRow("truncated sequence at end")
        << QByteArray("a\nx\xE2\x82") << 2 << QStringLiteral("2: invalid UTF-8 in column 1");
    // A NUL byte is no text: SQLite's text functions stop at it (length('x\0y') = 1) and it
    // would reach names, attributes and emails.
    QTest::newRow("NUL byte") << QByteArray("a,b\n1,x\0y\n3,4\n", 14) << 3
                              << QStringLiteral("2: NUL byte in column 2");
    QTest::newRow("NUL byte in quotes")
        << QByteArray("a,b\n\"\0\",2\n", 10) << 2 << QStringLiteral("2: NUL byte in column 1");
    QTest::newRow("unterminated quote ends the input")
        << QByteArray("a\n\"abc\nmore\nlines\n") << 2
        << QStringLiteral("2: unterminated quoted field (the quote opened on line 2)");
    QTest::newRow("text after closing quote") << QByteArray("a\n\"ab\"c,d\ne\n") << 3
                                              << QStringLiteral("2: unexpected character after a "
                                                                "closing quote");
}

void TestCsvReader::reportsBadRecords()
{
    QFETCH(QByteArray, input);
    QFETCH(int, records);
    QFETCH(QString, error);
    const Parsed p = parseBytes(input);
    QCOMPARE(p.rows.size(), records);
    QCOMPARE(p.errors.size(), 1);
    QVERIFY2(p.errors.first().startsWith(error), qPrintable(p.errors.first()));
}

void TestCsvReader::fileAndMemoryAgreeAcrossChunkBoundaries()
{
    // Several MB of records with quotes, CRLF inside and between records, so that every
    // kind of token straddles the reader's 1 MiB chunk boundary somewhere.
    QByteArray csv = "\xEF\xBB\xBF"
                     "id,text,n\r\n";
    QList<qint64> expectedLines{1};
    qint64 line = 2;
    for (int i = 0; csv.size() < 3 * 1024 * 1024 + 777; ++i) {
        const QByteArray n = QByteArray::number(i);
        switch (i % 4) {
        case 0:
            csv += n + ",\"multi\r\nline " + n + "\",\"q\"\"" + n + "\"\r\n";
            expectedLines << line;
            line += 2;
            break;
        case 1:
            csv += n + ",plain" + n + "," + n + "\r\n";
            expectedLines << line++;
            break;
        case 2:
            csv += n + ",\"a,b\"," + n + "\n";
            expectedLines << line++;
            break;
        default:
            csv += n + ",\"\xC3\xA9\r" + n + "\",\r\n"; // a lone CR inside quotes
            expectedLines << line;
            line += 2;
        }
    }
    test::TempDir dir;
    const QString path = dir.writeFile(QStringLiteral("big.csv"), csv);
    CsvReader fromFile;
    QVERIFY(fromFile.open(path).ok());
    const Parsed a = parse(fromFile);
    const Parsed b = parseBytes(csv);
    QCOMPARE(a.errors, QStringList());
    QCOMPARE(a.lines, expectedLines);
    QCOMPARE(a.rows, b.rows);
    QCOMPARE(b.lines, expectedLines);
    QCOMPARE(a.rows.at(1), QStringList({QStringLiteral("0"), QStringLiteral("multi\r\nline 0"),
                                        QStringLiteral("q\"0")}));
    QCOMPARE(fromFile.bytesRead(), fromFile.totalBytes());
}

void TestCsvReader::readsHillstromDataSet()
{
    // A real file: CRLF line endings and no line ending after the last record.
    const QString path = test::sharedDir() + QStringLiteral("/data/hillstrom.csv");
    QVERIFY(QFile::exists(path));
    CsvReader reader;
    QVERIFY(reader.open(path).ok());
    const Parsed p = parse(reader);
    QCOMPARE(p.errors, QStringList());
    QCOMPARE(p.rows.size(), 64001);
    QCOMPARE(
        p.rows.first(),
        QStringList({QStringLiteral("recency"), QStringLiteral("history_segment"),
                     QStringLiteral("history"), QStringLiteral("mens"), QStringLiteral("womens"),
                     QStringLiteral("zip_code"), QStringLiteral("newbie"),
                     QStringLiteral("channel"), QStringLiteral("segment"), QStringLiteral("visit"),
                     QStringLiteral("conversion"), QStringLiteral("spend")}));
    QCOMPARE(p.lines.last(), 64001);
    QCOMPARE(p.rows.last(),
             QStringList({QStringLiteral("1"), QStringLiteral("4) $350 - $500"),
                          QStringLiteral("472.82"), QStringLiteral("0"), QStringLiteral("1"),
                          QStringLiteral("Surburban"), QStringLiteral("0"), QStringLiteral("Web"),
                          QStringLiteral("Mens E-Mail"), QStringLiteral("0"), QStringLiteral("0"),
                          QStringLiteral("0")}));
    // Reference figures from Python's csv module over the same file.
    int womens = 0;
    int visits = 0;
    double spend = 0;
    for (qsizetype i = 1; i < p.rows.size(); ++i) {
        const QStringList &r = p.rows.at(i);
        QCOMPARE(r.size(), 12);
        QVERIFY(!r.last().contains(QLatin1Char('\r')));
        womens += r.at(8) == QLatin1String("Womens E-Mail");
        visits += r.at(9).toInt();
        spend += r.at(11).toDouble();
    }
    QCOMPARE(womens, 21387);
    QCOMPARE(visits, 9394);
    QCOMPARE(qRound64(spend * 100), qint64(6725813));
}

void TestCsvReader::quotesFieldsForOutput_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("plain") << QByteArray("abc") << QByteArray("abc");
    QTest::newRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"");
    QTest::newRow("quote") << QByteArray("say \"x\"") << QByteArray("\"say \"\"x\"\"\"");
    QTest::newRow("newline") << QByteArray("a\r\nb") << QByteArray("\"a\r\nb\"");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestCsvReader::quotesFieldsForOutput()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, written);
    std::string out;
    appendCsvField(out, field.toStdString());
    QCOMPARE(QByteArray::fromStdString(out), written);
    // And it reads back as the same field.
    const Parsed p = parseBytes(written + ",x\n");
    QCOMPARE(p.rows.first().first(), QString::fromUtf8(field));
}

void TestCsvReader::missingFileIsAnError()
{
    CsvReader reader;
    const Status s = reader.open(QStringLiteral("/nonexistent/file.csv"));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, Error::Code::BadInput);
    QCOMPARE(s.error().toString(),
             QStringLiteral("/nonexistent/file.csv: No such file or directory"));
    // A folder opens on Linux but reads as an error: refused up front, by name.
    const QString folder = QDir::tempPath();
    const Status d = reader.open(folder);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().toString(), folder + QStringLiteral(": is a folder, not a CSV file"));
}

void TestCsvReader::oversizedRecordEndsTheInput()
{
    // A record is kept in memory whole; one of more than 64 MiB (a 100 MB field, a file
    // without line ends, /dev/zero) ends the input with an error instead of growing without
    // bound (/dev/zero used to take all memory, then abort in std::bad_alloc).
    test::TempDir dir;
    QByteArray big = "email,note\na@example.com,";
    big += QByteArray(65 * 1024 * 1024, 'x');
    big += "\nb@example.com,short\n";
    const QString path = dir.writeFile(QStringLiteral("big.csv"), big);
    big.clear();
    CsvReader reader;
    QVERIFY(reader.open(path).ok());
    CsvRecord rec;
    QVERIFY(reader.next(rec)); // the header
    QVERIFY(rec.error.isEmpty());
    QVERIFY(reader.next(rec));
    QCOMPARE(rec.line, int64_t(2));
    QVERIFY2(rec.error.startsWith(QLatin1String("a record longer than 64 MiB")),
             qPrintable(rec.error));
    QVERIFY(rec.data.capacity() < 80 * 1024 * 1024);
    QVERIFY(!reader.next(rec)); // the input ends there
    QVERIFY(reader.readError());
    QCOMPARE(reader.readError()->code, Error::Code::BadInput);
    QVERIFY2(reader.readError()->toString().startsWith(
                 QLatin1String("line 2: a record longer than 64 MiB")),
             qPrintable(reader.readError()->toString()));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
