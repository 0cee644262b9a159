// Golden tests: each block type's HTML and text for a fixed subscriber. The files in
// golden/ were reviewed by hand (table layout, inline styles, alt text, escaping); set
// MW_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
#include "content/blocktype.h"
#include "content/campaigndocument.h"
#include "render/campaignloader.h"
#include "render/htmlcheck.h"
#include "render/subscriberloader.h"
#include "renderfixture.h"
#include "testutils.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mw;

namespace {

// golden/blocks.json: one block per type with every field set; text fields use Liquid
// and characters that must be escaped.
QJsonObject goldenBlocks()
{
    return QJsonDocument::fromJson(
               test::fileBytes(test::sourceDir() +
                               QStringLiteral("/tests/render/golden/blocks.json")))
        .object();
}

QString goldenPath(const QString &name)
{
    return test::sourceDir() + QStringLiteral("/tests/render/golden/") + name;
}

} // namespace

class TestBlocks : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyTypeIsCovered();
    void golden_data();
    void golden();

private:
    test::TempDir m_dir;
    Database m_db;
};

void TestBlocks::initTestCase()
{
    m_db = test::RenderFixture::create(m_dir.path(QStringLiteral("blocks.db")));
}

void TestBlocks::everyTypeIsCovered()
{
    const QStringList covered = goldenBlocks().keys();
    for (BlockType t : allBlockTypes())
        QVERIFY2(covered.contains(blockTypeName(t)), qPrintable(blockTypeName(t)));
}

void TestBlocks::golden_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("block");
    const QJsonObject blocks = goldenBlocks();
    QVERIFY(!blocks.isEmpty());
    for (auto it = blocks.begin(); it != blocks.end(); ++it)
        QTest::newRow(qPrintable(it.key()))
            << it.key() << QJsonDocument(it.value().toObject()).toJson(QJsonDocument::Compact);
}

void TestBlocks::golden()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, block);
    const QByteArray doc = "{\"subject\":\"s\",\"blocks\":[" + block + "]}";
    auto parsed = CampaignDocument::fromJsonText(doc);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    CampaignRecord record;
    record.id = 7;
    record.name = QStringLiteral("golden");
    auto loaded = CampaignLoader::fromDocument(m_db, record, *parsed, test::RenderFixture::kNow);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    SubscriberLoader subscribers(m_db);
    auto anna = subscribers.byId(1); // Anna, favourite category Outdoor
    QVERIFY(anna.ok());
    const RenderResult r = loaded->renderer->render(*anna, nullptr);
    QVERIFY2(r.warnings.empty(),
             qPrintable(r.warnings.empty() ? QString() : r.warnings.front().message));
    const QStringList problems = HtmlCheck::problems(r.html);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));

    const std::string &c = loaded->compiled->layoutBodyStart;
    const size_t begin = r.html.find(c) + c.size();
    const size_t end = r.html.rfind(loaded->compiled->layoutClose);
    const QByteArray html = QByteArray::fromStdString(r.html.substr(begin, end - begin));
    const QByteArray text = QByteArray::fromStdString(r.text);
    if (qEnvironmentVariableIsSet("MW_UPDATE_GOLDEN")) {
        QFile h(goldenPath(name + QStringLiteral(".html")));
        QVERIFY(h.open(QIODevice::WriteOnly));
        h.write(html);
        QFile t(goldenPath(name + QStringLiteral(".txt")));
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(text);
    }
    QCOMPARE(QString::fromUtf8(html),
             QString::fromUtf8(test::fileBytes(goldenPath(name + QStringLiteral(".html")))));
    QCOMPARE(QString::fromUtf8(text),
             QString::fromUtf8(test::fileBytes(goldenPath(name + QStringLiteral(".txt")))));
}

QTEST_GUILESS_MAIN(TestBlocks)
#include "tst_blocks.moc"
