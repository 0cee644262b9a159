// Syntax errors: each kind names the right line and column and says what was expected.
// Every template here is also checked against ruby-liquid (strict mode): Shopify must
// reject it too, and on the same line.
#include "liquid/template.h"
#include "testutils.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace mw;
using namespace mw::liquid;

namespace {
struct ErrorCase {
    const char *name;
    const char *source;
    int line;
    int column;
    const char *message; // a substring of the message
    // Ruby names a different line on purpose-worthy cases: for a block that is never
    // closed it names the end of the document (we name the opening tag), and for a bad
    // inline-comment line it names the tag's first line (we name the offending line).
    bool rubyNamesOtherLine = false;
};

// clang-format off
const ErrorCase kCases[] = {
    {"if without condition", "{% if %}x{% endif %}", 1, 7, "expected a value"},
    {"comparison without right side", "a\nb {% if x == %}y{% endif %}", 2, 14, "expected a value"},
    {"for without in", "{% for x arr %}{% endfor %}", 1, 10, "for loops require an 'in' clause"},
    {"for with bad attribute", "{% for x in arr foo: 2 %}{% endfor %}", 1, 17, "valid attributes are limit and offset"},
    {"for limit without colon", "{% for x in arr limit 2 %}{% endfor %}", 1, 17, "expected the end of the tag"},
    {"filter name missing", "\n\n  {{ x | }}", 3, 10, "expected a name"},
    {"two values in output", "{{ x y }}", 1, 6, "expected '|' or the end of the output but found 'y'"},
    {"unterminated string", "{{ \"unterminated }}", 1, 4, "unexpected character '\"'"},
    {"unexpected character", "{{ x | @ }}", 1, 8, "unexpected character '@'"},
    {"filter argument missing", "{{ x | upcase: }}", 1, 16, "expected a value"},
    {"open bracket", "{{ x[ }}", 1, 7, "expected a value"},
    {"half range", "{{ (1..) }}", 1, 8, "found ')'"},
    {"trailing dot", "{{ a.b. }}", 1, 9, "expected a name"},
    {"unclosed output", "ok\n  {{ x", 2, 3, "was never closed: expected '}}'"},
    {"unclosed tag", "ok {% if x", 1, 4, "was never closed: expected '%}'"},
    {"if never closed", "line1\n{% if x %}\nno end", 2, 4, "'if' tag was never closed: expected '{% endif %}'", true},
    {"for never closed", "{% for x in y %}{{ x }}", 1, 4, "'for' tag was never closed"},
    {"stray endif", "text {% endif %}", 1, 9, "unexpected 'endif'"},
    {"stray else", "{% else %}", 1, 4, "unexpected 'else'"},
    {"unknown tag", "a\n\n{% foo bar %}", 3, 4, "unknown tag 'foo'"},
    {"wrong end tag", "{% if x %}{% endfor %}", 1, 14, "'endfor' is not a valid delimiter for 'if' tags"},
    {"else after for-else mismatch", "{% for x in y %}{% else %}{% endif %}", 1, 30, "not a valid delimiter for 'for'"},
    {"assign without name", "{% assign = 1 %}", 1, 4, "invalid 'assign'"},
    {"assign bad value", "{% assign x = 1 2 %}", 1, 17, "expected '|' or the end"},
    {"capture without name", "{% capture %}{% endcapture %}", 1, 4, "invalid 'capture'"},
    {"case without value", "{% case %}{% endcase %}", 1, 4, "invalid 'case'"},
    {"when without value", "{% case x %}{% when %}{% endcase %}", 1, 16, "invalid 'when'"},
    {"case else with value", "{% case x %}{% else y %}{% endcase %}", 1, 16, "invalid 'else' in 'case'"},
    {"cycle without values", "{% cycle %}", 1, 4, "invalid 'cycle'"},
    {"raw never closed", "{% raw %}never", 1, 4, "'raw' tag was never closed"},
    {"raw with argument", "{% raw x %}{% endraw %}", 1, 4, "'raw' takes no arguments"},
    {"comment never closed", "{% comment %}x", 1, 4, "'comment' tag was never closed"},
    {"unknown tag in liquid tag", "{% liquid\nassign x = 1\nfoo bar %}", 3, 1, "unknown tag 'foo' in 'liquid' tag"},
    {"inline comment continuation", "{% # a\nb %}", 2, 1, "must start with '#'", true},
    {"echo with two values", "{% echo x y %}", 1, 11, "expected '|' or the end"},
    {"four equals", "{% if x ==== y %}{% endif %}", 1, 11, "expected a value"},
    {"empty tag", "{%  %}", 1, 5, "expected a tag name"},
    {"elsif without condition", "{% if a %}{% elsif %}{% endif %}", 1, 20, "expected a value"},
    {"unicode before error column", "Grüße {{ x | }}", 1, 14, "expected a name"},
    {"deep nesting", nullptr, 1, 0, "nesting too deep"},
};
// clang-format on

std::string deepTemplate()
{
    std::string s;
    for (int i = 0; i < 120; ++i)
        s += "{% if true %}";
    for (int i = 0; i < 120; ++i)
        s += "{% endif %}";
    return s;
}

std::string sourceOf(const ErrorCase &c)
{
    return c.source ? std::string(c.source) : deepTemplate();
}
} // namespace

class TestLiquidErrors : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void syntaxError_data();
    void syntaxError();
    void cliReportsLineAndColumn();
    void cliDataErrorsHaveLineAndColumn();
    void strictFiltersRejectsUnknownFilterAtParse();
    void deeplyNestedExpressionsAreRefused();

private:
    QHash<QString, int> m_rubyLine; // -1: ruby accepted the template
    test::TempDir m_tmp;
};

void TestLiquidErrors::initTestCase()
{
    QByteArray jsonl;
    for (const ErrorCase &c : kCases) {
        QJsonObject o;
        o.insert(QStringLiteral("name"), QLatin1String(c.name));
        o.insert(QStringLiteral("template"), QString::fromStdString(sourceOf(c)));
        jsonl += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    const QString file = m_tmp.writeFile(QStringLiteral("errors.jsonl"), jsonl);
    QProcess p;
    p.start(QStringLiteral("ruby"),
            {test::sourceDir() + QStringLiteral("/tests/liquid/ruby_liquid_runner.rb"),
             QStringLiteral("--cases"), file});
    QVERIFY(p.waitForFinished(120000));
    const QRegularExpression lineRe(QStringLiteral("\\(line (\\d+)\\)"));
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString err = o.value(QStringLiteral("error")).toString();
        const auto m = lineRe.match(err);
        m_rubyLine.insert(o.value(QStringLiteral("name")).toString(),
                          err.isEmpty() ? -1 : (m.hasMatch() ? m.captured(1).toInt() : 0));
    }
    QCOMPARE(m_rubyLine.size(), int(std::size(kCases)));
}

void TestLiquidErrors::syntaxError_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(std::size(kCases)); ++i)
        QTest::newRow(kCases[i].name) << i;
}

void TestLiquidErrors::syntaxError()
{
    QFETCH(int, index);
    const ErrorCase &c = kCases[index];
    const std::string src = sourceOf(c);
    auto t = Template::parse(src);
    QVERIFY2(!t.ok(), "the template must not parse");
    const Error &e = t.error();
    QCOMPARE(e.code, Error::Code::BadInput);
    QVERIFY2(e.message.contains(QLatin1String(c.message)), qPrintable(e.message));
    QCOMPARE(e.line, c.line);
    if (c.column)
        QCOMPARE(e.column, c.column);
    // Shopify rejects it as well, and names the same line.
    const int rubyLine = m_rubyLine.value(QLatin1String(c.name), -2);
    QVERIFY2(rubyLine != -1, "ruby-liquid accepts this template");
    if (rubyLine > 0 && !c.rubyNamesOtherLine)
        QCOMPARE(rubyLine, c.line);
}

// Brackets and parentheses nest at most 100 deep in one expression. Shopify has no limit of
// its own: it accepts a few thousand levels and then dies with SystemStackError, so this is
// not compared with ruby-liquid. Before the limit, 100,000 levels overflowed our stack.
void TestLiquidErrors::deeplyNestedExpressionsAreRefused()
{
    auto brackets = [](int n) {
        std::string s = "line one\n{{ a";
        for (int i = 0; i < n; ++i)
            s += "[a";
        s += std::string(static_cast<std::size_t>(n), ']') + " }}";
        return s;
    };
    auto ok = Template::parse(brackets(99));
    QVERIFY(ok.ok());
    const Value data = *Value::parseJson(R"({"a":{"a":"a"}})");
    QVERIFY((*ok)->render(data).ok());

    for (int n : {101, 100000}) {
        auto t = Template::parse(brackets(n));
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, Error::Code::BadInput);
        QVERIFY2(t.error().message.contains(QLatin1String("nested too deeply")),
                 qPrintable(t.error().message));
        QCOMPARE(t.error().line, 2);
        QCOMPARE(t.error().column, 4 + 2 * 100); // the 101st level: the name after the 100th [
    }
    const std::string parens =
        "{{ " + std::string(100000, '(') + "1..2" + std::string(100000, ')') + " }}";
    auto t = Template::parse(parens);
    QVERIFY(!t.ok());
    QVERIFY2(t.error().message.contains(QLatin1String("nested too deeply")),
             qPrintable(t.error().message));
    // Through the command line too: a clean error (exit 2), not a crash.
    const QString tpl =
        m_tmp.writeFile(QStringLiteral("deep.liquid"), QByteArray::fromStdString(parens));
    const QString data2 = m_tmp.writeFile(QStringLiteral("deep.json"), "{}");
    const test::CliRun run = test::runCli({QStringLiteral("liquid"), QStringLiteral("--template"),
                                           tpl, QStringLiteral("--data"), data2});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("nested too deeply"), run.err.constData());
}

void TestLiquidErrors::cliReportsLineAndColumn()
{
    const QString tpl = m_tmp.writeFile(QStringLiteral("bad.liquid"), "Hello\n{{ name | }}\n");
    const QString data = m_tmp.writeFile(QStringLiteral("d.json"), "{\"name\": \"x\"}");
    const test::CliRun run = test::runCli({QStringLiteral("liquid"), QStringLiteral("--template"),
                                           tpl, QStringLiteral("--data"), data});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith("error: line 2, column 11: Liquid syntax error: expected a name"),
             run.err.constData());

    const QString badJson = m_tmp.writeFile(QStringLiteral("bad.json"), "{\"a\": [1,}");
    const QString ok = m_tmp.writeFile(QStringLiteral("ok.liquid"), "x");
    const test::CliRun run2 = test::runCli({QStringLiteral("liquid"), QStringLiteral("--template"),
                                            ok, QStringLiteral("--data"), badJson});
    QCOMPARE(run2.exitCode, 2);
    QVERIFY2(run2.err.contains("invalid JSON"), run2.err.constData());
    // The data error names its file, line and column.
    QVERIFY2(run2.err.startsWith("error: " + badJson.toUtf8() + ":1:10: invalid JSON"),
             run2.err.constData());
    const QString badLines =
        m_tmp.writeFile(QStringLiteral("bad.jsonl"), "{\"a\": 1}\n{\"a\": 2}\n{\"a\": tru}\n");
    const test::CliRun run4 = test::runCli({QStringLiteral("liquid"), QStringLiteral("--template"),
                                            ok, QStringLiteral("--data-jsonl"), badLines});
    QCOMPARE(run4.exitCode, 2);
    QVERIFY2(run4.err.startsWith("error: " + badLines.toUtf8() + ":3:7: invalid JSON"),
             run4.err.constData());

    const test::CliRun run3 =
        test::runCli({QStringLiteral("liquid"), QStringLiteral("--template"), ok});
    QCOMPARE(run3.exitCode, 1); // usage: neither --data nor --data-jsonl
}

void TestLiquidErrors::cliDataErrorsHaveLineAndColumn()
{
    // JSON syntax errors in the data name the line and column (they used to say only
    // "invalid JSON: unexpected character", with no way to find it in a large file).
    const QString tpl = m_tmp.writeFile(QStringLiteral("a.liquid"), "[{{ a }}]");
    auto liquid = [&](const char *option, const QString &data) {
        return test::runCli({QStringLiteral("liquid"), QStringLiteral("--template"), tpl,
                             QLatin1String(option), data});
    };
    const QString bad = m_tmp.writeFile(QStringLiteral("bad.json"), "{\"a\": 1,\n  \"b\": }");
    const test::CliRun run = liquid("--data", bad);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith("error: " + bad.toUtf8() + ":2:8: invalid JSON: "),
             run.err.constData());
    const QString badLine =
        m_tmp.writeFile(QStringLiteral("bad.jsonl"), "{\"a\": 1}\n\n{\"a\": 2,,}\n");
    const test::CliRun run2 = liquid("--data-jsonl", badLine);
    QCOMPARE(run2.exitCode, 2);
    QVERIFY2(run2.err.startsWith("error: " + badLine.toUtf8() + ":3:9: invalid JSON: "),
             run2.err.constData());

    const QString array = m_tmp.writeFile(QStringLiteral("array.jsonl"), "{}\n[1]\n");
    const test::CliRun runArray = liquid("--data-jsonl", array);
    QCOMPARE(runArray.exitCode, 2);
    QVERIFY2(
        runArray.err.startsWith("error: " + array.toUtf8() + ":2: the data must be a JSON object"),
        runArray.err.constData());

    // A UTF-8 byte-order mark before the data is not part of the JSON (RFC 8259 8.1).
    const QString bom = m_tmp.writeFile(QStringLiteral("bom.json"), "\xEF\xBB\xBF{\"a\": \"x\"}");
    const test::CliRun run3 = liquid("--data", bom);
    QCOMPARE(run3.exitCode, 0);
    QCOMPARE(run3.out, QByteArray("[x]"));
    const QString bomLines =
        m_tmp.writeFile(QStringLiteral("bom.jsonl"), "\xEF\xBB\xBF{\"a\": 1}\n{\"a\": 2}\n");
    const test::CliRun run4 = liquid("--data-jsonl", bomLines);
    QCOMPARE(run4.exitCode, 0);
    QCOMPARE(run4.out, QByteArray("[1][2]"));
}

void TestLiquidErrors::strictFiltersRejectsUnknownFilterAtParse()
{
    ParseOptions po;
    po.strictFilters = true;
    auto t = Template::parse("{{ x | upcase }}\n  {{ x | no_such }}", po);
    QVERIFY(!t.ok());
    QCOMPARE(t.error().line, 2);
    QCOMPARE(t.error().column, 10);
    QVERIFY(t.error().message.contains(QLatin1String("unknown filter 'no_such'")));
    QVERIFY(Template::parse("{{ x | no_such }}").ok()); // lax by default, like Shopify
}

QTEST_GUILESS_MAIN(TestLiquidErrors)
#include "tst_liquid_errors.moc"
