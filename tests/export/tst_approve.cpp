// mailwright-cli campaign approve: the checklist passes for the sample database's example
// campaign and refuses, with exactly the failed items, campaigns broken on purpose.
// Expected lines are derived from the broken document and the database (which sampled
// subscribers lack a field), not from the program's own output.
#include "content/campaignstore.h"
#include "content/samplecampaign.h"
#include "exportfixture.h"
#include "testutils.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mw;
using test::ExportFixture;

class TestApprove : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sampleCampaignPasses();
    void refused_data();
    void refused();
    void subjectOf150CharactersPasses();
    void guardedAndAlwaysPresentFieldsPass();
    void editAfterApprovalRevokesIt();
    void hostile();

private:
    test::CliRun approve(const QString &campaign, const QString &by = QStringLiteral("alice"))
    {
        return test::runCli({QStringLiteral("campaign"), QStringLiteral("approve"),
                             QStringLiteral("--db"), m_db, QStringLiteral("--campaign"), campaign,
                             QStringLiteral("--by"), by});
    }
    QString all(int64_t first) const
    {
        return QStringLiteral("(subscriber %1 and %2 more sampled)")
            .arg(first)
            .arg(m_sample.size() - 1);
    }

    test::TempDir m_dir;
    QString m_db;
    std::vector<int64_t> m_sample;
};

void TestApprove::initTestCase()
{
    m_db = m_dir.path(QStringLiteral("sample.db"));
    QVERIFY(ExportFixture::createSample(m_db, 500));
    auto db = Database::open(m_db);
    QVERIFY(db);
    m_sample = ExportFixture::documentedSample(*db);
    QCOMPARE(m_sample.size(), size_t(200));
    QCOMPARE(m_sample.front(), int64_t(1));
    QCOMPARE(m_sample.back(), int64_t(500));
}

void TestApprove::sampleCampaignPasses()
{
    const test::CliRun r = approve(SampleCampaign::name(), QStringLiteral("Alice Example"));
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("passed")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
    QCOMPARE(o.value(QStringLiteral("approved_by")).toString(), QStringLiteral("Alice Example"));
    QStringList names;
    for (const QJsonValue &c : o.value(QStringLiteral("checks")).toArray()) {
        names << c.toObject().value(QStringLiteral("name")).toString();
        QVERIFY(c.toObject().value(QStringLiteral("passed")).toBool());
    }
    QCOMPARE(names,
             (QStringList{QStringLiteral("renders"), QStringLiteral("merge_fields"),
                          QStringLiteral("image_alt"), QStringLiteral("unsubscribe_link"),
                          QStringLiteral("postal_address"), QStringLiteral("subject_length")}));
    const QJsonArray ids = o.value(QStringLiteral("sample"))
                               .toObject()
                               .value(QStringLiteral("subscriber_ids"))
                               .toArray();
    QCOMPARE(ids.size(), qsizetype(m_sample.size()));
    for (qsizetype i = 0; i < ids.size(); ++i)
        QCOMPARE(ids[i].toInteger(), m_sample[static_cast<size_t>(i)]);

    auto db = Database::open(m_db);
    QVERIFY(db);
    auto row = db->prepare("SELECT status, version, approved_version, approved_by, approved_at "
                           "FROM campaigns WHERE name = ?1");
    QVERIFY(row);
    row->bind(1, SampleCampaign::name());
    QVERIFY(row->step());
    QCOMPARE(row->text(0), QStringLiteral("approved"));
    QCOMPARE(row->int64(2), row->int64(1));
    QCOMPARE(row->text(3), QStringLiteral("Alice Example"));
    QVERIFY(row->int64(4) > 1700000000);
}

enum Break { MissingAlt, NoFooter, LinkInTextNoFooter, LongSubject, UnguardedField };
Q_DECLARE_METATYPE(Break)

void TestApprove::refused_data()
{
    QTest::addColumn<Break>("broken");
    QTest::newRow("missing alt") << MissingAlt;
    QTest::newRow("no unsubscribe link") << NoFooter;
    QTest::newRow("link in a text block, no postal address") << LinkInTextNoFooter;
    QTest::newRow("subject of 151 characters") << LongSubject;
    QTest::newRow("merge field without fallback") << UnguardedField;
}

void TestApprove::refused()
{
    QFETCH(Break, broken);
    auto db = Database::open(m_db);
    QVERIFY(db);
    const QString name = QStringLiteral("broken-%1").arg(int(broken));
    QStringList expected;
    switch (broken) {
    case MissingAlt:
        // A Liquid alt that renders empty passes document validation but not the checklist.
        QVERIFY(ExportFixture::saveVariant(*db, name, [](CampaignDocument &d) {
            for (CampaignBlock &b : d.blocks)
                if (b.id == QLatin1String("lookbook"))
                    b.content.insert(QStringLiteral("alt"), QStringLiteral("{{ '' }}"));
        }));
        expected << QStringLiteral("image_alt: block lookbook: image "
                                   "https://northwind.example/img/lookbook.jpg has no alt text ") +
                        all(m_sample.front());
        break;
    case NoFooter:
        QVERIFY(ExportFixture::saveVariant(*db, name, [](CampaignDocument &d) {
            std::erase_if(d.blocks,
                          [](const CampaignBlock &b) { return b.type == BlockType::Footer; });
        }));
        expected << QStringLiteral("unsubscribe_link: no link to the unsubscribe URL ") +
                        all(m_sample.front())
                 << QStringLiteral("postal_address: no footer block (it carries the postal "
                                   "address)");
        break;
    case LinkInTextNoFooter:
        // The unsubscribe link may live in any block; the postal address needs the footer.
        QVERIFY(ExportFixture::saveVariant(*db, name, [](CampaignDocument &d) {
            std::erase_if(d.blocks,
                          [](const CampaignBlock &b) { return b.type == BlockType::Footer; });
            for (CampaignBlock &b : d.blocks)
                if (b.id == QLatin1String("intro"))
                    b.content.insert(QStringLiteral("text"),
                                     QStringLiteral("Hello. [Unsubscribe]({{ unsubscribe_url }})"));
        }));
        expected << QStringLiteral("postal_address: no footer block (it carries the postal "
                                   "address)");
        break;
    case LongSubject:
        // 150 ASCII letters and one "é": 151 characters (152 UTF-8 bytes).
        QVERIFY(ExportFixture::saveVariant(*db, name, [](CampaignDocument &d) {
            d.subject = QString(150, QLatin1Char('a')) + QChar(0xE9);
            d.subjectVariants.clear();
        }));
        expected << QStringLiteral("subject_length: subject: 151 characters (limit 150) ") +
                        all(m_sample.front());
        break;
    case UnguardedField: {
        QVERIFY(ExportFixture::saveVariant(*db, name, [](CampaignDocument &d) {
            for (CampaignBlock &b : d.blocks)
                if (b.id == QLatin1String("intro"))
                    b.content.insert(QStringLiteral("text"),
                                     QStringLiteral("Hi {{ subscriber.first_name }}, welcome."));
        }));
        // Which sampled subscribers lack a first name (NULL or blank counts as missing).
        std::vector<int64_t> lacking;
        for (int64_t id : m_sample) {
            auto v = db->scalar("SELECT coalesce(trim(first_name), '') FROM subscribers "
                                "WHERE id = ?1",
                                {QVariant::fromValue(static_cast<qlonglong>(id))});
            QVERIFY(v);
            if (v->toString().isEmpty())
                lacking.push_back(id);
        }
        QVERIFY2(lacking.size() >= 2, "the sample must have subscribers without a first name");
        expected << QStringLiteral("merge_fields: block intro: subscriber.first_name has no "
                                   "fallback and is missing (subscriber %1 and %2 more sampled)")
                        .arg(lacking.front())
                        .arg(lacking.size() - 1);
        break;
    }
    }
    // The order of items is the checklist's: renders, merge_fields, image_alt,
    // unsubscribe_link, postal_address, subject_length.
    const QStringList order{QStringLiteral("renders"),        QStringLiteral("merge_fields"),
                            QStringLiteral("image_alt"),      QStringLiteral("unsubscribe_link"),
                            QStringLiteral("postal_address"), QStringLiteral("subject_length")};
    std::sort(expected.begin(), expected.end(), [&](const QString &a, const QString &b) {
        return order.indexOf(a.section(QLatin1Char(':'), 0, 0)) <
               order.indexOf(b.section(QLatin1Char(':'), 0, 0));
    });

    const test::CliRun r = approve(name);
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.out, QByteArray());
    QStringList lines = QString::fromUtf8(r.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.takeFirst(), QStringLiteral("error: campaign \"%1\" not approved: %2 "
                                               "checklist item(s) failed")
                                    .arg(name)
                                    .arg(expected.size()));
    QCOMPARE(lines, expected);
    CampaignStore store(*db);
    auto record = store.find(name);
    QVERIFY(record);
    QCOMPARE(record->status, QStringLiteral("draft"));
    QVERIFY(!record->approvedVersion);
}

void TestApprove::subjectOf150CharactersPasses()
{
    auto db = Database::open(m_db);
    QVERIFY(db);
    QVERIFY(ExportFixture::saveVariant(*db, QStringLiteral("subject-150"), [](CampaignDocument &d) {
        d.subject = QString(149, QLatin1Char('a')) + QChar(0xE9);
        d.subjectVariants.clear();
    }));
    const test::CliRun r = approve(QStringLiteral("subject-150"));
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
}

void TestApprove::guardedAndAlwaysPresentFieldsPass()
{
    // A default: filter, an {% if %} guard, and a field every subscriber has (city).
    auto db = Database::open(m_db);
    QVERIFY(db);
    QVERIFY(ExportFixture::saveVariant(*db, QStringLiteral("guarded"), [](CampaignDocument &d) {
        for (CampaignBlock &b : d.blocks)
            if (b.id == QLatin1String("intro"))
                b.content.insert(
                    QStringLiteral("text"),
                    QStringLiteral("Hi {{ subscriber.first_name | default: 'there' }}"
                                   "{% if subscriber.first_name %} ({{ subscriber.first_name }})"
                                   "{% endif %} from {{ subscriber.city }}."));
    }));
    const test::CliRun r = approve(QStringLiteral("guarded"));
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
}

void TestApprove::editAfterApprovalRevokesIt()
{
    auto db = Database::open(m_db);
    QVERIFY(db);
    const QString name = QStringLiteral("edited");
    QVERIFY(ExportFixture::saveVariant(*db, name, [](CampaignDocument &) {}));
    QCOMPARE(approve(name).exitCode, 0);
    QVERIFY(ExportFixture::saveVariant(*db, name, [](CampaignDocument &d) {
        d.preheader = QStringLiteral("Changed after approval.");
    }));
    CampaignStore store(*db);
    auto record = store.find(name);
    QVERIFY(record);
    QCOMPARE(record->status, QStringLiteral("draft"));
    QCOMPARE(record->version, 2);
    QCOMPARE(record->approvedVersion, std::optional<int>(1));
}

void TestApprove::hostile()
{
    QCOMPARE(approve(QStringLiteral("no such campaign")).exitCode, 2);
    QCOMPARE(approve(SampleCampaign::name(), QStringLiteral("  ")).exitCode, 1);
    const test::CliRun noBy =
        test::runCli({QStringLiteral("campaign"), QStringLiteral("approve"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--campaign"), SampleCampaign::name()});
    QCOMPARE(noBy.exitCode, 1);
    // A historical send has no document to check.
    auto db = Database::open(m_db);
    QVERIFY(db);
    auto sent = db->scalar("SELECT name FROM campaigns WHERE document IS NULL LIMIT 1");
    QVERIFY(sent);
    QCOMPARE(approve(sent->toString()).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestApprove)
#include "tst_approve.moc"
