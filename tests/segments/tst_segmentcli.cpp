// mailwright-cli segment count|sql|save|list|members against the contract.
#include "segmentfixture.h"
#include "testutils.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mw;
using test::SegmentFixture;

class TestSegmentCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void countDefinition();
    void countSavedAndFunnel();
    void nowOverride();
    void invalidDefinitionNamesPath();
    void usageAndInputErrors();
    void sqlShowsBoundParameters();
    void saveListMembers();
    void saveRefusesCycleAndWritesNothing();
    void renameAndDeleteGuardReferences();

private:
    QString def(const QByteArray &json);
    test::TempDir m_dir;
    QString m_db;
    SegmentFixture m_fixture;
    int m_files = 0;
};

QString TestSegmentCli::def(const QByteArray &json)
{
    return m_dir.writeFile(QStringLiteral("def%1.json").arg(++m_files), json);
}

void TestSegmentCli::initTestCase()
{
    m_db = m_dir.path(QStringLiteral("cli.db"));
    Database db = test::openFresh(m_db);
    QVERIFY(db.isOpen());
    m_fixture.populate(db, 77, 300);
    QVERIFY(
        db.setMeta(QStringLiteral("reference_time"), QString::number(SegmentFixture::kNow)).ok());
}

void TestSegmentCli::countDefinition()
{
    const QByteArray json = R"({"match":"all","conditions":[
        {"field":"country","op":"in","value":["US","CA"]},
        {"event":"open","count":">= 1","within_days":90}]})";
    auto r =
        test::runCli({QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--definition"), def(json)});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY(o.value(QLatin1String("segment")).isNull());
    QVERIFY(o.value(QLatin1String("elapsed_ms")).isDouble());
    const auto expected =
        m_fixture.evaluate(QJsonDocument::fromJson(json).object(), SegmentFixture::kNow);
    QVERIFY(!expected.empty());
    QCOMPARE(o.value(QLatin1String("count")).toInteger(), qint64(expected.size()));
}

void TestSegmentCli::countSavedAndFunnel()
{
    auto r = test::runCli({QStringLiteral("segment"), QStringLiteral("count"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--name"),
                           QStringLiteral("na_openers_not_pro"), QStringLiteral("--funnel")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("segment")).toString(), QStringLiteral("na_openers_not_pro"));
    const auto expected = m_fixture.evaluate(
        m_fixture.savedSegments().at(QStringLiteral("na_openers_not_pro")), SegmentFixture::kNow);
    QCOMPARE(o.value(QLatin1String("count")).toInteger(), qint64(expected.size()));
    const QJsonArray funnel = o.value(QLatin1String("funnel")).toArray();
    QCOMPARE(funnel.size(), 4);
    QCOMPARE(funnel.last().toObject().value(QLatin1String("count")).toInteger(),
             qint64(expected.size()));
    QCOMPARE(funnel[1].toObject().value(QLatin1String("label")).toString(),
             QStringLiteral("in segment north_america"));

    auto missing =
        test::runCli({QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--name"), QStringLiteral("nope")});
    QCOMPARE(missing.exitCode, 2);
    QCOMPARE(missing.err, QByteArray("error: unknown segment \"nope\"\n"));
}

void TestSegmentCli::nowOverride()
{
    const QByteArray json = R"({"conditions":[{"event":"purchase","within_days":30}]})";
    const QJsonObject d = QJsonDocument::fromJson(json).object();
    const int64_t earlier = SegmentFixture::kNow - 100 * 86400;
    auto r = test::runCli({QStringLiteral("segment"), QStringLiteral("count"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--definition"), def(json),
                           QStringLiteral("--now"), QStringLiteral("2025-09-23T00:00:00Z")});
    QCOMPARE(r.exitCode, 0);
    const qint64 got =
        QJsonDocument::fromJson(r.out).object().value(QLatin1String("count")).toInteger();
    QCOMPARE(got, qint64(m_fixture.evaluate(d, earlier).size()));
    QVERIFY(m_fixture.evaluate(d, earlier).size() !=
            m_fixture.evaluate(d, SegmentFixture::kNow).size());
    auto bad = test::runCli({QStringLiteral("segment"), QStringLiteral("count"),
                             QStringLiteral("--db"), m_db, QStringLiteral("--definition"),
                             def(json), QStringLiteral("--now"), QStringLiteral("soon")});
    QCOMPARE(bad.exitCode, 1);
}

void TestSegmentCli::invalidDefinitionNamesPath()
{
    const QByteArray json = R"({"match":"all","conditions":[
        {"field":"country","op":"in","value":["US"]},
        {"field":"metrics.lifetime_value","op":">=","value":500},
        {"field":"email","op":"=~","value":"x"}]})";
    for (const QString &sub : {QStringLiteral("count"), QStringLiteral("sql")}) {
        auto r = test::runCli({QStringLiteral("segment"), sub, QStringLiteral("--db"), m_db,
                               QStringLiteral("--definition"), def(json)});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QByteArray("error: conditions[2].op: unknown operator \"=~\"\n"));
        QVERIFY(r.out.isEmpty());
    }
    auto r = test::runCli(
        {QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("--db"), m_db,
         QStringLiteral("--definition"),
         def(R"({"conditions":[{"match":"any","conditions":[{"event":"open","count":"~3"}]}]})")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QByteArray("error: conditions[0].conditions[0].count: expected a comparison "
                               "such as \">= 1\" or \"= 0\"\n"));
}

void TestSegmentCli::usageAndInputErrors()
{
    auto noDb = test::runCli({QStringLiteral("segment"), QStringLiteral("count"),
                              QStringLiteral("--name"), QStringLiteral("x")});
    QCOMPARE(noDb.exitCode, 1);
    QVERIFY(noDb.err.startsWith("error: "));
    auto both = test::runCli(
        {QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("--db"), m_db});
    QCOMPARE(both.exitCode, 1);
    auto unknownSub = test::runCli({QStringLiteral("segment"), QStringLiteral("explode")});
    QCOMPARE(unknownSub.exitCode, 1);
    auto badJson =
        test::runCli({QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--definition"), def("{\n  \"match\": all\n}")});
    QCOMPARE(badJson.exitCode, 2);
    QVERIFY2(badJson.err.startsWith("error: line 2, column"), badJson.err.constData());
    auto missingFile = test::runCli({QStringLiteral("segment"), QStringLiteral("count"),
                                     QStringLiteral("--db"), m_db, QStringLiteral("--definition"),
                                     m_dir.path(QStringLiteral("none.json"))});
    QCOMPARE(missingFile.exitCode, 2);
    auto help = test::runCli(
        {QStringLiteral("segment"), QStringLiteral("members"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--limit"));
}

void TestSegmentCli::sqlShowsBoundParameters()
{
    const QByteArray json =
        R"({"conditions":[{"field":"first_name","op":"=","value":"Robert'); DROP TABLE subscribers;--"},
        {"field":"attributes.plan","op":"=","value":"pro"}]})";
    const QString file = def(json);
    auto r = test::runCli({QStringLiteral("segment"), QStringLiteral("sql"), QStringLiteral("--db"),
                           m_db, QStringLiteral("--definition"), file, QStringLiteral("--format"),
                           QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    const QString sql = o.value(QLatin1String("sql")).toString();
    QVERIFY(sql.startsWith(QLatin1String("SELECT s.id FROM subscribers s WHERE ")));
    QVERIFY(!sql.contains(QLatin1String("DROP")));
    const QJsonArray params = o.value(QLatin1String("parameters")).toArray();
    QCOMPARE(params.size(), int(sql.count(QLatin1Char('?'))));
    QVERIFY(params.contains(QJsonValue(QStringLiteral("Robert'); DROP TABLE subscribers;--"))));
    QVERIFY(params.contains(QJsonValue(QStringLiteral("subscribed"))));

    auto text = test::runCli({QStringLiteral("segment"), QStringLiteral("sql"),
                              QStringLiteral("--db"), m_db, QStringLiteral("--definition"), file});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("-- ?1 = 'subscribed'\n"));
    QVERIFY(text.out.contains("= 'Robert''); DROP TABLE subscribers;--'\n"));
}

void TestSegmentCli::saveListMembers()
{
    const QString file =
        def(R"({"match":"all","conditions":[{"field":"country","op":"=","value":"DE"}]})");
    auto save = test::runCli({QStringLiteral("segment"), QStringLiteral("save"),
                              QStringLiteral("--db"), m_db, QStringLiteral("--name"),
                              QStringLiteral("germany"), QStringLiteral("--definition"), file,
                              QStringLiteral("--purpose"), QStringLiteral("DACH launch"),
                              QStringLiteral("--kpi"), QStringLiteral("click rate")});
    QCOMPARE(save.exitCode, 0);
    const auto expected = m_fixture.evaluate(
        QJsonDocument::fromJson(test::fileBytes(file)).object(), SegmentFixture::kNow);

    auto list = test::runCli(
        {QStringLiteral("segment"), QStringLiteral("list"), QStringLiteral("--db"), m_db});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out, QByteArray("germany\nna_openers_not_pro\nnorth_america\nopeners\n"));

    auto listJson =
        test::runCli({QStringLiteral("segment"), QStringLiteral("list"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(listJson.exitCode, 0);
    const QJsonArray a = QJsonDocument::fromJson(listJson.out).array();
    QCOMPARE(a.size(), 4);
    const QJsonObject g = a[0].toObject();
    QCOMPARE(g.value(QLatin1String("name")).toString(), QStringLiteral("germany"));
    QCOMPARE(g.value(QLatin1String("count")).toInteger(), qint64(expected.size()));
    QCOMPARE(g.value(QLatin1String("purpose")).toString(), QStringLiteral("DACH launch"));
    QCOMPARE(g.value(QLatin1String("kpi")).toString(), QStringLiteral("click rate"));
    QCOMPARE(g.value(QLatin1String("version")).toInt(), 1);

    auto members = test::runCli(
        {QStringLiteral("segment"), QStringLiteral("members"), QStringLiteral("--db"), m_db,
         QStringLiteral("--name"), QStringLiteral("germany"), QStringLiteral("--limit"),
         QStringLiteral("5"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(members.exitCode, 0);
    const QJsonArray m = QJsonDocument::fromJson(members.out).array();
    QCOMPARE(m.size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m[i].toObject().value(QLatin1String("id")).toInteger(),
                 qint64(expected[size_t(i)]));

    auto plain =
        test::runCli({QStringLiteral("segment"), QStringLiteral("members"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--name"), QStringLiteral("germany")});
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(plain.out.count('\n'), qsizetype(expected.size()));
    QVERIFY(plain.out.startsWith(QByteArray::number(qlonglong(expected[0])) + '\t'));

    // Saving again makes version 2 and keeps the documentation.
    QCOMPARE(test::runCli({QStringLiteral("segment"), QStringLiteral("save"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--name"),
                           QStringLiteral("germany"), QStringLiteral("--definition"), file})
                 .exitCode,
             0);
    auto again =
        test::runCli({QStringLiteral("segment"), QStringLiteral("list"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonObject g2 = QJsonDocument::fromJson(again.out).array()[0].toObject();
    QCOMPARE(g2.value(QLatin1String("version")).toInt(), 2);
    QCOMPARE(g2.value(QLatin1String("purpose")).toString(), QStringLiteral("DACH launch"));
}

void TestSegmentCli::saveRefusesCycleAndWritesNothing()
{
    const QString file = def(R"({"conditions":[{"segment":"loop_b"}]})");
    auto unknown = test::runCli({QStringLiteral("segment"), QStringLiteral("save"),
                                 QStringLiteral("--db"), m_db, QStringLiteral("--name"),
                                 QStringLiteral("loop_a"), QStringLiteral("--definition"), file});
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(unknown.err, QByteArray("error: conditions[0].segment: unknown segment \"loop_b\"\n"));
    QCOMPARE(test::runCli({QStringLiteral("segment"), QStringLiteral("save"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--name"),
                           QStringLiteral("loop_b"), QStringLiteral("--definition"),
                           def(R"({"conditions":[{"field":"city","op":"is_set"}]})")})
                 .exitCode,
             0);
    QCOMPARE(test::runCli({QStringLiteral("segment"), QStringLiteral("save"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--name"),
                           QStringLiteral("loop_a"), QStringLiteral("--definition"), file})
                 .exitCode,
             0);
    auto cycle = test::runCli(
        {QStringLiteral("segment"), QStringLiteral("save"), QStringLiteral("--db"), m_db,
         QStringLiteral("--name"), QStringLiteral("loop_b"), QStringLiteral("--definition"),
         def(R"({"match":"any","conditions":[{"field":"city","op":"is_set"},{"segment":"loop_a","negate":true}]})")});
    QCOMPARE(cycle.exitCode, 2);
    QCOMPARE(
        cycle.err,
        QByteArray(
            "error: conditions[1].segment: cycle between segments: loop_b -> loop_a -> loop_b\n"));
    Database db = std::move(*Database::open(m_db));
    QCOMPARE(db.scalar("SELECT version FROM segments WHERE name = 'loop_b'")->toInt(), 1);
}

// Runs after saveRefusesCycleAndWritesNothing: loop_a refers to loop_b.
void TestSegmentCli::renameAndDeleteGuardReferences()
{
    auto cli = [&](const QStringList &args) {
        return test::runCli(QStringList{QStringLiteral("segment")} + args +
                            QStringList{QStringLiteral("--db"), m_db});
    };
    auto del = cli({QStringLiteral("delete"), QStringLiteral("--name"), QStringLiteral("loop_b")});
    QCOMPARE(del.exitCode, 3);
    QCOMPARE(del.err, QByteArray("error: cannot delete segment \"loop_b\": it is used by segment "
                                 "\"loop_a\"\n"));
    auto ren = cli({QStringLiteral("rename"), QStringLiteral("--name"), QStringLiteral("loop_b"),
                    QStringLiteral("--to"), QStringLiteral("loop_z")});
    QCOMPARE(ren.exitCode, 3);
    QVERIFY2(ren.err.contains("used by segment \"loop_a\""), ren.err.constData());

    // Nothing refers to loop_a: it can be renamed, keeping its history.
    auto ok = cli({QStringLiteral("rename"), QStringLiteral("--name"), QStringLiteral("loop_a"),
                   QStringLiteral("--to"), QStringLiteral("loop_c")});
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(ok.out, QByteArray("renamed segment \"loop_a\" to \"loop_c\"\n"));
    auto taken = cli({QStringLiteral("rename"), QStringLiteral("--name"), QStringLiteral("loop_c"),
                      QStringLiteral("--to"), QStringLiteral("germany")});
    QCOMPARE(taken.exitCode, 3);
    QCOMPARE(taken.err, QByteArray("error: a segment named \"germany\" already exists\n"));
    {
        Database db = std::move(*Database::open(m_db));
        QCOMPARE(db.scalar("SELECT count(*) FROM segments WHERE name = 'loop_a'")->toInt(), 0);
        QCOMPARE(db.scalar("SELECT count(*) FROM segment_versions v JOIN segments s ON s.id = "
                           "v.segment_id WHERE s.name = 'loop_c'")
                     ->toInt(),
                 1);
    }

    // loop_c is deleted (with its history), after which loop_b is free to go.
    QCOMPARE(cli({QStringLiteral("delete"), QStringLiteral("--name"), QStringLiteral("loop_c")})
                 .exitCode,
             0);
    QCOMPARE(cli({QStringLiteral("delete"), QStringLiteral("--name"), QStringLiteral("loop_b")})
                 .exitCode,
             0);
    auto list = cli({QStringLiteral("list")});
    QCOMPARE(list.out, QByteArray("germany\nna_openers_not_pro\nnorth_america\nopeners\n"));
    Database db = std::move(*Database::open(m_db));
    QCOMPARE(db.scalar("SELECT count(*) FROM segment_versions WHERE segment_id NOT IN "
                       "(SELECT id FROM segments)")
                 ->toInt(),
             0);

    auto unknown =
        cli({QStringLiteral("delete"), QStringLiteral("--name"), QStringLiteral("no_such")});
    QCOMPARE(unknown.err, QByteArray("error: unknown segment \"no_such\"\n"));
    QVERIFY(unknown.exitCode != 0);
    auto missing = cli({QStringLiteral("rename"), QStringLiteral("--name"), QStringLiteral("x")});
    QCOMPARE(missing.exitCode, 1);
}

QTEST_GUILESS_MAIN(TestSegmentCli)
#include "tst_segmentcli.moc"
