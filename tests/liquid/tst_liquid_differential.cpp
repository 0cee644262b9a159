// Differential tests: every corpus case is rendered by Shopify Liquid (ruby-liquid 5.4,
// through ruby_liquid_runner.rb) and by `mailwright-cli liquid`; outputs must be
// byte-identical. Expected outputs are never stored: the reference renders them each run.
#include "testutils.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace mw;

namespace {

QString liquidDir()
{
    return test::sourceDir() + QStringLiteral("/tests/liquid");
}

QByteArray runRuby(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("ruby"),
            QStringList{liquidDir() + QStringLiteral("/ruby_liquid_runner.rb")} + args);
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        qWarning("ruby failed: %s", p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

struct Reference {
    bool isError = false;
    QByteArray output;
    QByteArray dataJson;
};

} // namespace

class TestLiquidDifferential : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void corpus_data();
    void corpus();
    void emails_data();
    void emails();
    void jsonlRendersEachLineOnce();

private:
    test::TempDir m_tmp;
    QHash<QString, Reference> m_ref;
    QList<QJsonObject> m_cases;
};

void TestLiquidDifferential::initTestCase()
{
    const QStringList files = QDir(liquidDir() + QStringLiteral("/corpus"))
                                  .entryList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    QStringList paths;
    for (const QString &f : files) {
        const QString path = liquidDir() + QStringLiteral("/corpus/") + f;
        paths << path;
        const QList<QByteArray> lines = test::fileBytes(path).split('\n');
        for (const QByteArray &line : lines)
            if (!line.trimmed().isEmpty())
                m_cases << QJsonDocument::fromJson(line).object();
    }
    QVERIFY2(m_cases.size() >= 400, "the corpus must have at least 400 cases");
    const QByteArray out = runRuby(QStringList{QStringLiteral("--cases")} + paths);
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        Reference r;
        r.isError = o.contains(QStringLiteral("error"));
        r.output = o.value(QStringLiteral("output")).toString().toUtf8();
        r.dataJson = o.value(QStringLiteral("data_json")).toString().toUtf8();
        m_ref.insert(o.value(QStringLiteral("name")).toString(), r);
    }
    QCOMPARE(m_ref.size(), m_cases.size());
}

void TestLiquidDifferential::corpus_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_cases.size(); ++i)
        QTest::newRow(m_cases[i].value(QStringLiteral("name")).toString().toUtf8().constData())
            << i;
}

void TestLiquidDifferential::corpus()
{
    QFETCH(int, index);
    const QJsonObject c = m_cases[index];
    const QString name = c.value(QStringLiteral("name")).toString();
    const QString tpl = m_tmp.writeFile(name + QStringLiteral(".liquid"),
                                        c.value(QStringLiteral("template")).toString().toUtf8());
    const Reference ref = m_ref.value(name);
    const QString data = m_tmp.writeFile(name + QStringLiteral(".json"), ref.dataJson);
    const test::CliRun run = test::runCli({QStringLiteral("liquid"), QStringLiteral("--template"),
                                           tpl, QStringLiteral("--data"), data});
    if (ref.isError) {
        // Shopify rejects the template: so must we, as bad input (exit 2).
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.startsWith("error: line "));
        return;
    }
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, ref.output);
}

void TestLiquidDifferential::emails_data()
{
    QTest::addColumn<QString>("templateName");
    QTest::addColumn<QString>("dataName");
    const QDir dir(liquidDir() + QStringLiteral("/corpus/emails"));
    const QStringList templates = dir.entryList({QStringLiteral("*.liquid")}, QDir::Files);
    for (const QString &json : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QString best;
        for (const QString &t : templates) {
            const QString stem = t.chopped(7);
            if (json.startsWith(stem) && stem.size() > best.size())
                best = stem;
        }
        QVERIFY2(!best.isEmpty(), qPrintable(json));
        QTest::newRow(qPrintable(json))
            << dir.filePath(best + QStringLiteral(".liquid")) << dir.filePath(json);
    }
}

void TestLiquidDifferential::emails()
{
    QFETCH(QString, templateName);
    QFETCH(QString, dataName);
    const QByteArray expected = runRuby({templateName, dataName});
    QVERIFY(expected.size() > 200); // a real email, not an error one-liner
    QVERIFY(!expected.contains("Liquid error"));
    const test::CliRun run = test::runCli({QStringLiteral("liquid"), QStringLiteral("--template"),
                                           templateName, QStringLiteral("--data"), dataName});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, expected);
}

void TestLiquidDifferential::jsonlRendersEachLineOnce()
{
    const QDir dir(liquidDir() + QStringLiteral("/corpus/emails"));
    const QString tpl = dir.filePath(QStringLiteral("newsletter.liquid"));
    QByteArray jsonl;
    for (const char *f : {"newsletter.json", "newsletter_cold.json", "newsletter_loyal.json"})
        jsonl += QJsonDocument::fromJson(test::fileBytes(dir.filePath(QLatin1String(f))))
                     .toJson(QJsonDocument::Compact) +
                 '\n';
    const QString data = m_tmp.writeFile(QStringLiteral("three.jsonl"), jsonl);
    const QByteArray expected = runRuby({QStringLiteral("--jsonl"), tpl, data});
    const QString outFile = m_tmp.path(QStringLiteral("three.out"));
    const test::CliRun run =
        test::runCli({QStringLiteral("liquid"), QStringLiteral("--template"), tpl,
                      QStringLiteral("--data-jsonl"), data, QStringLiteral("--out"), outFile,
                      QStringLiteral("--stats")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(test::fileBytes(outFile), expected);
    QVERIFY(
        run.err.startsWith("renders=3 bytes=" + QByteArray::number(expected.size()) + " seconds="));
}

QTEST_GUILESS_MAIN(TestLiquidDifferential)
#include "tst_liquid_differential.moc"
