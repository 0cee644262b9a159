// Segment compiler and service: agreement with an independent evaluator on random
// definitions, literal matching of hostile values, validation paths, cycles, storage.
#include "segmentfixture.h"
#include "segments/segmentcompiler.h"
#include "segments/segmentpreview.h"
#include "segments/segmentrepository.h"
#include "segments/segmentservice.h"
#include "testutils.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <limits>

using namespace mw;
using test::SegmentFixture;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(text), &e);
    if (!d.isObject())
        qFatal("bad test JSON: %s", text);
    return d.object();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

class TestSegments : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void randomDefinitionsAgreeWithEvaluator();
    void funnelCountsEachTopLevelCondition();
    void hostileValuesMatchLiterally_data();
    void hostileValuesMatchLiterally();
    void valuesNeverAppearInSql();
    void exactNameMatchesAreCaseSensitiveAndSeekTheNameIndex_data();
    void exactNameMatchesAreCaseSensitiveAndSeekTheNameIndex();
    void rejectsInvalidDefinitions_data();
    void rejectsInvalidDefinitions();
    void rejectsCycles();
    void savesVersionsAndDocumentation();
    void usedByCampaignsAndBlocks();
    void memberIdsAndContains();
    void parsesDates();
    void suppressionDefault();
    void previewMatchesAndStopsWhenStale();
    void hugeNumbersSaturate_data();
    void hugeNumbersSaturate();
    void betweenWindowsStopAtNow();
    void refusesDefinitionsTooLargeForSqlite_data();
    void refusesDefinitionsTooLargeForSqlite();
    void refusesReferenceChainsTooDeepForSqlite();
    void refusesControlCharactersInNames();

private:
    test::TempDir m_dir;
    Database m_db;
    SegmentFixture m_fixture;
};

void TestSegments::initTestCase()
{
    m_db = test::openFresh(m_dir.path(QStringLiteral("seg.db")));
    QVERIFY(m_db.isOpen());
    m_fixture.populate(m_db, 20261122, 400);
}

void TestSegments::randomDefinitionsAgreeWithEvaluator()
{
    std::mt19937_64 rng(4);
    int nonTrivial = 0;
    const int64_t nows[] = {SegmentFixture::kNow, SegmentFixture::kNow - 45 * 86400};
    for (int i = 0; i < 400; ++i) {
        const QJsonObject def = m_fixture.randomDefinition(rng);
        const int64_t now = nows[i % 2];
        const std::vector<int64_t> expected = m_fixture.evaluate(def, now);
        if (!expected.empty() && expected.size() < 300)
            ++nonTrivial;
        // Every event strategy must give the same members as the evaluator.
        for (auto strategy :
             {SegmentCompiler::EventStrategy::Auto, SegmentCompiler::EventStrategy::Correlated,
              SegmentCompiler::EventStrategy::Grouped}) {
            SegmentCompiler compiler(m_db);
            compiler.setEventStrategy(strategy);
            auto compiled = compiler.compile(def, now);
            QVERIFY2(compiled.ok(),
                     qPrintable(compact(def) + QStringLiteral(" -> ") +
                                (compiled ? QString() : compiled.error().toString())));
            SegmentService service(m_db);
            auto ids = service.memberIds(*compiled, -1);
            QVERIFY2(ids.ok(), qPrintable(compact(def)));
            if (*ids != expected) {
                qWarning("definition %d: %s\nSQL: %s\nSQL gives %zu, evaluator %zu", i,
                         qPrintable(compact(def)), qPrintable(compiled->predicate.sql), ids->size(),
                         expected.size());
                QFAIL("member sets differ");
            }
        }
        SegmentService service(m_db);
        auto n = service.count(def, now);
        QVERIFY(n.ok());
        QCOMPARE(*n, static_cast<int64_t>(expected.size()));
        // The funnel's first step is everyone not suppressed, its last the segment itself.
        auto funnel = service.funnel(def, now);
        QVERIFY(funnel.ok());
        QCOMPARE(funnel->back().count, static_cast<int64_t>(expected.size()));
        QJsonObject none = def;
        none[QStringLiteral("conditions")] = QJsonArray();
        QCOMPARE(funnel->front().count, static_cast<int64_t>(m_fixture.evaluate(none, now).size()));
    }
    // The random definitions must exercise real selections, not just all-or-nothing.
    QVERIFY2(nonTrivial > 150, qPrintable(QString::number(nonTrivial)));
}

void TestSegments::funnelCountsEachTopLevelCondition()
{
    const QJsonObject def = json(R"({"match":"all","conditions":[
        {"field":"country","op":"in","value":["US","CA","DE"]},
        {"event":"open","count":">= 1","within_days":120},
        {"field":"metrics.engagement_score","op":">=","value":30}]})");
    SegmentService service(m_db);
    auto steps = service.funnel(def, SegmentFixture::kNow);
    QVERIFY(steps.ok());
    QCOMPARE(steps->size(), size_t(4));
    QJsonArray conds = def.value(QLatin1String("conditions")).toArray();
    for (int i = 0; i <= 3; ++i) {
        QJsonObject prefix{{QStringLiteral("match"), QStringLiteral("all")},
                           {QStringLiteral("conditions"), QJsonArray()}};
        QJsonArray c;
        for (int k = 0; k < i; ++k)
            c.append(conds[k]);
        prefix[QStringLiteral("conditions")] = c;
        QCOMPARE((*steps)[size_t(i)].count,
                 static_cast<int64_t>(m_fixture.evaluate(prefix, SegmentFixture::kNow).size()));
    }
    QVERIFY((*steps)[0].count > (*steps)[1].count);
    QVERIFY((*steps)[1].count > (*steps)[2].count);
    QVERIFY((*steps)[2].count > (*steps)[3].count);
    QCOMPARE((*steps)[1].label, QStringLiteral("country in US, CA, DE"));

    // With "any", each step counts who the conditions so far reach.
    QJsonObject anyDef = def;
    anyDef[QStringLiteral("match")] = QStringLiteral("any");
    auto anySteps = service.funnel(anyDef, SegmentFixture::kNow);
    QVERIFY(anySteps.ok());
    for (int i = 1; i <= 3; ++i) {
        QJsonArray c;
        for (int k = 0; k < i; ++k)
            c.append(conds[k]);
        const QJsonObject prefix{{QStringLiteral("match"), QStringLiteral("any")},
                                 {QStringLiteral("conditions"), c}};
        QCOMPARE((*anySteps)[size_t(i)].count,
                 static_cast<int64_t>(m_fixture.evaluate(prefix, SegmentFixture::kNow).size()));
    }
}

void TestSegments::hostileValuesMatchLiterally_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("value");
    QTest::newRow("injection in =") << "first_name"
                                    << "="
                                    << "Robert'); DROP TABLE subscribers;--";
    QTest::newRow("SQL keywords") << "first_name"
                                  << "="
                                  << "SELECT * FROM";
    QTest::newRow("quote prefix") << "last_name"
                                  << "starts_with"
                                  << "O'";
    QTest::newRow("percent is not a wildcard") << "first_name"
                                               << "contains"
                                               << "%";
    QTest::newRow("underscore is not a wildcard") << "first_name"
                                                  << "contains"
                                                  << "_";
    QTest::newRow("semicolon") << "city"
                               << "contains"
                               << ";";
    QTest::newRow("OR 1=1") << "last_name"
                            << "="
                            << "OR 1=1";
    QTest::newRow("attribute with quote") << "attributes.plan"
                                          << "="
                                          << "it's";
    QTest::newRow("attribute with semicolon") << "attributes.plan"
                                              << "in"
                                              << "a;b";
    QTest::newRow("double quote") << "first_name"
                                  << "contains"
                                  << "a\"b";
}

void TestSegments::hostileValuesMatchLiterally()
{
    QFETCH(QString, field);
    QFETCH(QString, op);
    QFETCH(QString, value);
    const QJsonValue v =
        op == QLatin1String("in") ? QJsonValue(QJsonArray{value}) : QJsonValue(value);
    const QJsonObject def{
        {QStringLiteral("match"), QStringLiteral("all")},
        {QStringLiteral("include_unsubscribed"), true},
        {QStringLiteral("conditions"), QJsonArray{QJsonObject{{QStringLiteral("field"), field},
                                                              {QStringLiteral("op"), op},
                                                              {QStringLiteral("value"), v}}}}};
    SegmentService service(m_db);
    auto n = service.count(def, SegmentFixture::kNow);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().toString()));
    const auto expected = m_fixture.evaluate(def, SegmentFixture::kNow);
    QVERIFY(!expected.empty()); // the value exists in the data...
    QVERIFY(expected.size() < m_fixture.subscribers().size() / 2); // ...and is selective
    QCOMPARE(*n, static_cast<int64_t>(expected.size()));
    QCOMPARE(m_db.scalar("SELECT count(*) FROM subscribers")->toInt(), 400); // table intact
}

void TestSegments::valuesNeverAppearInSql()
{
    const QJsonObject def = json(R"({"match":"any","conditions":[
        {"field":"first_name","op":"=","value":"x'; DROP TABLE events; --"},
        {"field":"attributes.plan","op":"contains","value":"UNION SELECT"},
        {"event":"open","where":{"campaign":"evil' OR '1'='1"},"within_days":7}]})");
    SegmentCompiler compiler(m_db);
    auto c = compiler.compile(def, SegmentFixture::kNow);
    QVERIFY(c.ok());
    QVERIFY(!c->predicate.sql.contains(QLatin1String("DROP")));
    QVERIFY(!c->predicate.sql.contains(QLatin1String("UNION")));
    QVERIFY(!c->predicate.sql.contains(QLatin1String("evil")));
    QVERIFY(!c->predicate.sql.contains(QLatin1String("plan")));
    QVERIFY(c->predicate.binds.contains(QStringLiteral("x'; DROP TABLE events; --")));
    QVERIFY(c->predicate.binds.contains(QStringLiteral("$.plan")));
    QCOMPARE(c->predicate.sql.count(QLatin1Char('?')), c->predicate.binds.size());
}

void TestSegments::exactNameMatchesAreCaseSensitiveAndSeekTheNameIndex_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<QByteArray>("expected"); // emails, in id order
    QTest::addColumn<QByteArray>("index");    // the index the plan must seek ("" = any plan)
    const QByteArray last = "subscribers_by_last_name_nocase";
    const QByteArray first = "subscribers_by_first_name_nocase";
    QTest::newRow("= exact case") << QByteArray(R"({"field":"last_name","op":"=","value":"Smith"})")
                                  << QByteArray("a@x.io") << last;
    QTest::newRow("= other case") << QByteArray(R"({"field":"last_name","op":"=","value":"smith"})")
                                  << QByteArray("b@x.io") << last;
    QTest::newRow("= non-ASCII") << QByteArray(R"({"field":"last_name","op":"=","value":"Müller"})")
                                 << QByteArray("d@x.io") << last;
    QTest::newRow("= trailing space")
        << QByteArray(R"({"field":"last_name","op":"=","value":"SMITH "})") << QByteArray("f@x.io")
        << last;
    QTest::newRow("= no match") << QByteArray(R"({"field":"last_name","op":"=","value":"SMITH"})")
                                << QByteArray("") << last;
    QTest::newRow("in") << QByteArray(
                               R"({"field":"last_name","op":"in","value":["smith","MÜLLER","x"]})")
                        << QByteArray("b@x.io,e@x.io") << last;
    QTest::newRow("first name =") << QByteArray(R"({"field":"first_name","op":"=","value":"ann"})")
                                  << QByteArray("c@x.io") << first;
    QTest::newRow("!= keeps NULL names")
        << QByteArray(R"({"field":"last_name","op":"!=","value":"Smith"})")
        << QByteArray("b@x.io,c@x.io,d@x.io,e@x.io,f@x.io") << QByteArray();
    QTest::newRow("not_in")
        << QByteArray(R"({"field":"last_name","op":"not_in","value":["Smith","smith"]})")
        << QByteArray("c@x.io,d@x.io,e@x.io,f@x.io") << QByteArray();
}

void TestSegments::exactNameMatchesAreCaseSensitiveAndSeekTheNameIndex()
{
    // The schema has NOCASE indexes on names only (browser search); segment matches stay
    // exact (byte-for-byte), but must still be answered from that index, not a table scan.
    QFETCH(QByteArray, condition);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, index);
    test::TempDir dir;
    Database db = test::openFresh(dir.path(QStringLiteral("names.db")));
    QVERIFY(db.exec(R"(INSERT INTO subscribers(email, first_name, last_name, created_at) VALUES
        ('a@x.io', 'Ann', 'Smith', 1), ('b@x.io', 'Bo', 'smith', 1), ('c@x.io', 'ann', NULL, 1),
        ('d@x.io', 'Di', 'Müller', 1), ('e@x.io', 'Ed', 'MÜLLER', 1), ('f@x.io', NULL, 'SMITH ', 1))"));
    const QJsonObject def =
        json(("{\"match\":\"all\",\"conditions\":[" + condition + "]}").constData());
    SegmentCompiler compiler(db);
    auto compiled = compiler.compile(def, SegmentFixture::kNow);
    QVERIFY2(compiled.ok(), qPrintable(compiled ? QString() : compiled.error().toString()));
    SegmentService service(db);
    auto ids = service.memberIds(*compiled, -1);
    QVERIFY(ids.ok());
    QByteArrayList emails;
    for (int64_t id : *ids)
        emails << db.scalar("SELECT email FROM subscribers WHERE id = ?", {qint64(id)})
                      ->toString()
                      .toUtf8();
    QCOMPARE(emails.join(','), expected);
    if (index.isEmpty())
        return;
    auto plan = db.prepare("EXPLAIN QUERY PLAN SELECT s.id FROM subscribers s WHERE " +
                           compiled->predicate.sql.toStdString());
    QVERIFY(plan.ok());
    plan->bindAll(compiled->predicate.binds);
    QString details;
    while (plan->step())
        details += plan->text(3) + QLatin1Char('\n');
    QVERIFY2(
        details.contains(QStringLiteral("USING INDEX ") + QString::fromLatin1(index)) ||
            details.contains(QStringLiteral("USING COVERING INDEX ") + QString::fromLatin1(index)),
        qPrintable(details));
}

void TestSegments::rejectsInvalidDefinitions_data()
{
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QString>("message");
    auto row = [](const char *name, const char *def, const char *msg) {
        QTest::newRow(name) << QString::fromUtf8(def) << QString::fromUtf8(msg);
    };
    row("unknown operator",
        R"({"conditions":[{"field":"country","op":"=","value":"US"},{"field":"city","op":"=","value":"x"},{"field":"email","op":"=~","value":"x"}]})",
        R"(conditions[2].op: unknown operator "=~")");
    row("unknown field", R"({"conditions":[{"field":"shoe_size","op":"=","value":1}]})",
        R"(conditions[0].field: unknown field "shoe_size")");
    row("unknown metric", R"({"conditions":[{"field":"metrics.iq","op":">","value":1}]})",
        R"(conditions[0].field: unknown field "metrics.iq")");
    row("bad attribute key", R"({"conditions":[{"field":"attributes.a'b","op":"=","value":1}]})",
        R"(conditions[0].field: invalid attribute name "attributes.a'b" (letters, digits and _ only))");
    row("number expected",
        R"({"conditions":[{"field":"metrics.revenue","op":">=","value":"lots"}]})",
        R"(conditions[0].value: expected a number)");
    row("text expected", R"({"conditions":[{"field":"country","op":"=","value":5}]})",
        R"(conditions[0].value: expected a text value)");
    row("operator does not fit",
        R"({"conditions":[{"field":"metrics.revenue","op":"contains","value":"1"}]})",
        R"(conditions[0].op: operator "contains" does not apply to number field "metrics.revenue")");
    row("nested path",
        R"({"conditions":[{"field":"country","op":"is_set"},{"match":"any","conditions":[{"field":"city","op":"=","value":"a"},{"field":"created_at","op":"after","value":"yesterday"}]}]})",
        R"(conditions[1].conditions[1].value: expected a date (YYYY-MM-DD, ISO 8601 or Unix seconds))");
    row("bad match", R"({"match":"some","conditions":[]})", R"(match: expected "all" or "any")");
    row("in needs a list", R"({"conditions":[{"field":"country","op":"in","value":"US"}]})",
        R"(conditions[0].value: expected a non-empty list)");
    row("in item type", R"({"conditions":[{"field":"country","op":"in","value":["US",1]}]})",
        R"(conditions[0].value[1]: expected a text value)");
    row("between pair",
        R"({"conditions":[{"field":"metrics.revenue","op":"between","value":[1]}]})",
        R"(conditions[0].value: expected a list of two values [low, high])");
    row("unknown event", R"({"conditions":[{"event":"opn"}]})",
        R"(conditions[0].event: unknown event type "opn")");
    row("bad count", R"({"conditions":[{"event":"open","count":"lots"}]})",
        R"(conditions[0].count: expected a comparison such as ">= 1" or "= 0")");
    row("bad window", R"({"conditions":[{"event":"open","within_days":-3}]})",
        R"(conditions[0].within_days: expected a whole number of days (0 or more))");
    row("bad amount", R"({"conditions":[{"event":"purchase","where":{"amount":"big"}}]})",
        R"(conditions[0].where.amount: expected a comparison such as ">= 50")");
    row("unknown filter", R"({"conditions":[{"event":"purchase","where":{"colour":"red"}}]})",
        R"(conditions[0].where.colour: unknown filter (expected campaign, category, sku or amount))");
    row("typo key", R"({"conditions":[{"event":"open","within_day":3}]})",
        R"(conditions[0].within_day: unknown key)");
    row("unknown segment", R"({"conditions":[{"segment":"nope"}]})",
        R"(conditions[0].segment: unknown segment "nope")");
    row("not a condition", R"({"conditions":[{"value":3}]})",
        R"(conditions[0]: expected one of "field", "event", "segment" or "conditions")");
    row("include flag type", R"({"include_unsubscribed":"yes","conditions":[]})",
        R"(include_unsubscribed: expected true or false)");
    row("within_last_days on text",
        R"({"conditions":[{"field":"country","op":"within_last_days","value":3}]})",
        R"(conditions[0].op: operator "within_last_days" does not apply to text field "country")");
}

void TestSegments::rejectsInvalidDefinitions()
{
    QFETCH(QString, definition);
    QFETCH(QString, message);
    const QJsonObject def = QJsonDocument::fromJson(definition.toUtf8()).object();
    SegmentCompiler compiler(m_db);
    auto c = compiler.compile(def, SegmentFixture::kNow);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, Error::Code::BadInput);
    QCOMPARE(c.error().toString(), message);
}

void TestSegments::rejectsCycles()
{
    SegmentRepository repo(m_db);
    QVERIFY(repo.save(QStringLiteral("cyc_a"),
                      json(R"({"conditions":[{"field":"country","op":"=","value":"US"}]})"),
                      std::nullopt, SegmentFixture::kNow)
                .ok());
    QVERIFY(repo.save(QStringLiteral("cyc_b"), json(R"({"conditions":[{"segment":"cyc_a"}]})"),
                      std::nullopt, SegmentFixture::kNow)
                .ok());
    // Making a refer to b closes the loop a -> b -> a: refused, a unchanged.
    auto r = repo.save(
        QStringLiteral("cyc_a"),
        json(
            R"({"conditions":[{"field":"city","op":"is_set"},{"segment":"cyc_b","negate":true}]})"),
        std::nullopt, SegmentFixture::kNow);
    QVERIFY(!r.ok());
    QCOMPARE(
        r.error().toString(),
        QStringLiteral("conditions[1].segment: cycle between segments: cyc_a -> cyc_b -> cyc_a"));
    QCOMPARE(repo.load(QStringLiteral("cyc_a"))->version, 1);
    auto self = repo.save(QStringLiteral("cyc_c"), json(R"({"conditions":[{"segment":"cyc_c"}]})"),
                          std::nullopt, SegmentFixture::kNow);
    QVERIFY(!self.ok());
    QCOMPARE(self.error().toString(),
             QStringLiteral("conditions[0].segment: cycle between segments: cyc_c -> cyc_c"));
    QVERIFY(!repo.load(QStringLiteral("cyc_c")).ok());

    // A cycle written behind the validator's back is still caught when compiling.
    m_db.exec("UPDATE segments SET definition = '{\"conditions\":[{\"segment\":\"cyc_b\"}]}' "
              "WHERE name = 'cyc_a'");
    SegmentCompiler compiler(m_db);
    auto c = compiler.compileSaved(QStringLiteral("cyc_b"), SegmentFixture::kNow);
    QVERIFY(!c.ok());
    QVERIFY2(c.error().toString().contains(
                 QLatin1String("cycle between segments: cyc_b -> cyc_a -> cyc_b")),
             qPrintable(c.error().toString()));
    m_db.exec("DELETE FROM segments WHERE name LIKE 'cyc_%'");
}

void TestSegments::savesVersionsAndDocumentation()
{
    SegmentRepository repo(m_db);
    SegmentDocumentation doc{QStringLiteral("Win back lapsed buyers"),
                             QStringLiteral("bought before"), QStringLiteral("no recent purchase"),
                             QStringLiteral("reactivation rate"), QStringLiteral("crm-team")};
    auto v1 =
        repo.save(QStringLiteral("winback"),
                  json(R"({"conditions":[{"event":"purchase","count":"= 0","within_days":90}]})"),
                  doc, SegmentFixture::kNow);
    QVERIFY(v1.ok());
    QCOMPARE(v1->version, 1);
    auto v2 =
        repo.save(QStringLiteral("winback"),
                  json(R"({"conditions":[{"event":"purchase","count":"= 0","within_days":60}]})"),
                  std::nullopt, SegmentFixture::kNow);
    QVERIFY(v2.ok());
    QCOMPARE(v2->version, 2);
    QCOMPARE(v2->documentation.purpose, doc.purpose);
    QCOMPARE(v2->documentation.kpi, doc.kpi);
    QCOMPARE(v2->documentation.owner, doc.owner);
    QCOMPARE(v2->definition.value(QLatin1String("conditions"))
                 .toArray()[0]
                 .toObject()
                 .value(QLatin1String("within_days"))
                 .toInt(),
             60);
    QCOMPARE(
        m_db.scalar(
                "SELECT count(*) FROM segment_versions v JOIN segments s ON s.id = v.segment_id "
                "WHERE s.name = 'winback'")
            ->toInt(),
        2);
    QVERIFY(repo.remove(QStringLiteral("winback")).ok());
}

void TestSegments::usedByCampaignsAndBlocks()
{
    SegmentRepository repo(m_db);
    const QString name = QStringLiteral("openers");
    auto initial = repo.usedBy(name);
    QVERIFY(initial.ok());
    const QStringList before = *initial; // other fixture segments that include "openers"
    // A campaign whose current version has a variant for the segment deep in its rules, a
    // library block with one, and a campaign that referred to it only in an old version.
    const char *withRule = R"({"blocks":[{"type":"text","variants":[{"id":"a","when":
        {"all":[{"field":"country","op":"=","value":"DE"},{"segment":"openers"}]}}]}]})";
    const char *without = R"({"blocks":[{"type":"text"}],"note":"segment openers"})";
    // (The current document lives in campaigns.document; campaign_versions is history.)
    auto campaign = m_db.prepare("INSERT INTO campaigns(name, document, version, created_at, "
                                 "updated_at) VALUES (?, ?, 1, 0, 0)");
    QVERIFY(campaign.ok());
    campaign->bind(1, QStringLiteral("uses_it")).bind(2, QString::fromLatin1(withRule));
    QVERIFY(campaign->run().ok());
    campaign->reset();
    campaign->bind(1, QStringLiteral("used_to")).bind(2, QString::fromLatin1(without));
    QVERIFY(campaign->run().ok());
    QVERIFY(m_db.exec("INSERT INTO campaign_versions(campaign_id, version, document, created_at)"
                      " SELECT id, 1, '{\"segment\":\"openers\"}', 0 FROM campaigns"
                      " WHERE name = 'used_to'")
                .ok());
    auto block = m_db.prepare("INSERT INTO blocks(name, type, document, created_at, updated_at) "
                              "VALUES ('promo', 'text', ?, 0, 0)");
    QVERIFY(block.ok());
    block->bind(1, QString::fromLatin1(withRule));
    QVERIFY(block->run().ok());

    QStringList expected = before;
    expected << QStringLiteral("block \"promo\"") << QStringLiteral("campaign \"uses_it\"");
    expected.sort();
    QCOMPARE(*repo.usedBy(name), expected);
    const Status refused = repo.remove(name);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("campaign \"uses_it\"")));
    QVERIFY(repo.load(name).ok());
    QCOMPARE(repo.rename(name, QStringLiteral("openers2")).error().code, Error::Code::Refused);
    QVERIFY(m_db.exec("DELETE FROM campaigns WHERE name IN ('uses_it', 'used_to');"
                      " DELETE FROM blocks WHERE name = 'promo'")
                .ok());
    QCOMPARE(*repo.usedBy(name), before);
}

void TestSegments::memberIdsAndContains()
{
    SegmentService service(m_db);
    const QString name = QStringLiteral("na_openers_not_pro");
    const auto expected =
        m_fixture.evaluate(m_fixture.savedSegments().at(name), SegmentFixture::kNow);
    QVERIFY(expected.size() > 5);
    auto all = service.memberIds(name, SegmentFixture::kNow);
    QVERIFY(all.ok());
    QCOMPARE(*all, expected);
    auto first = service.memberIds(name, SegmentFixture::kNow, 3);
    QCOMPARE(*first, std::vector<int64_t>(expected.begin(), expected.begin() + 3));
    for (const auto &s : m_fixture.subscribers()) {
        auto in = service.contains(name, s.id, SegmentFixture::kNow);
        QVERIFY(in.ok());
        QCOMPARE(*in, std::binary_search(expected.begin(), expected.end(), s.id));
    }
    QVERIFY(!service.contains(QStringLiteral("missing"), 1, SegmentFixture::kNow).ok());
}

void TestSegments::parsesDates()
{
    int64_t t = 0;
    QVERIFY(SegmentCompiler::parseDate(QJsonValue(QStringLiteral("2026-01-01")), false, &t));
    QCOMPARE(t, int64_t(1767225600));
    QVERIFY(SegmentCompiler::parseDate(QJsonValue(QStringLiteral("2026-01-01")), true, &t));
    QCOMPARE(t, int64_t(1767225600 + 86399));
    QVERIFY(SegmentCompiler::parseDate(QJsonValue(QStringLiteral("2026-01-01T01:00:00+01:00")),
                                       false, &t));
    QCOMPARE(t, int64_t(1767225600));
    QVERIFY(
        SegmentCompiler::parseDate(QJsonValue(QStringLiteral("2026-01-01T00:00:10Z")), false, &t));
    QCOMPARE(t, int64_t(1767225610));
    QVERIFY(SegmentCompiler::parseDate(QJsonValue(1767225600.0), false, &t));
    QCOMPARE(t, int64_t(1767225600));
    QVERIFY(!SegmentCompiler::parseDate(QJsonValue(QStringLiteral("2026-02-30")), false, &t));
    QVERIFY(!SegmentCompiler::parseDate(QJsonValue(QStringLiteral("last week")), false, &t));
    // Numbers beyond the 64-bit range saturate (converting them was undefined behaviour).
    QVERIFY(SegmentCompiler::parseDate(QJsonValue(1e300), false, &t));
    QCOMPARE(t, std::numeric_limits<int64_t>::max());
    QVERIFY(SegmentCompiler::parseDate(QJsonValue(-1e300), false, &t));
    QCOMPARE(t, std::numeric_limits<int64_t>::min());
}

void TestSegments::suppressionDefault()
{
    const int64_t subscribed =
        m_db.scalar("SELECT count(*) FROM subscribers WHERE status = 'subscribed'")->toLongLong();
    const int64_t total = m_db.scalar("SELECT count(*) FROM subscribers")->toLongLong();
    QVERIFY(subscribed < total);
    SegmentService service(m_db);
    QCOMPARE(*service.count(json(R"({"match":"all","conditions":[]})"), SegmentFixture::kNow),
             subscribed);
    QCOMPARE(*service.count(json(R"({"match":"any","conditions":[],"include_unsubscribed":true})"),
                            SegmentFixture::kNow),
             total);
    QCOMPARE(
        *service.count(json(R"({"conditions":[{"field":"status","op":"=","value":"bounced"}]})"),
                       SegmentFixture::kNow),
        int64_t(0));
}

void TestSegments::previewMatchesAndStopsWhenStale()
{
    const QString name = QStringLiteral("na_openers_not_pro");
    const QJsonObject def = m_fixture.savedSegments().at(name);
    const auto expected = m_fixture.evaluate(def, SegmentFixture::kNow);
    SegmentPreview p =
        SegmentPreviewJob::run(m_db.path(), def, SegmentFixture::kNow, 3, [] { return false; });
    QVERIFY2(p.ok, qPrintable(p.error.toString()));
    QCOMPARE(p.count, static_cast<int64_t>(expected.size()));
    QCOMPARE(p.sample.size(), size_t(3));
    QCOMPARE(p.sample[0].id, expected[0]);
    QCOMPARE(p.funnel.back().count, p.count);
    QCOMPARE(p.sql.count(QLatin1Char('?')), p.binds.size());
    // A newer edit makes the running work stop instead of finishing.
    SegmentPreview stale =
        SegmentPreviewJob::run(m_db.path(), def, SegmentFixture::kNow, 3, [] { return true; });
    QVERIFY(!stale.ok);
    QCOMPARE(stale.error.code, Error::Code::Cancelled);
    // Invalid definitions come back with their path for the inline error.
    SegmentPreview bad = SegmentPreviewJob::run(
        m_db.path(), json(R"({"conditions":[{"field":"metrics.revenue","op":">","value":"x"}]})"),
        SegmentFixture::kNow, 3, [] { return false; });
    QVERIFY(!bad.ok);
    QCOMPARE(bad.error.path, QStringLiteral("conditions[0].value"));
}

void TestSegments::hugeNumbersSaturate_data()
{
    // A number beyond the 64-bit range (or a window of more days than fit) must mean "more
    // than anything stored", exactly like a large but ordinary number does: converting it to
    // an integer used to be undefined behaviour (in practice INT64_MIN, so ">= 1e20 opens"
    // matched everyone and "within 1e300 days" matched no one).
    QTest::addColumn<QString>("huge");
    QTest::addColumn<QString>("ordinary");
    auto row = [](const char *name, const char *huge, const char *ordinary) {
        QTest::newRow(name) << QString::fromUtf8(huge) << QString::fromUtf8(ordinary);
    };
    row("count >= 1e20", R"({"conditions":[{"event":"open","count":">= 99999999999999999999"}]})",
        R"({"conditions":[{"event":"open","count":">= 1000000"}]})");
    row("count > 1e20", R"({"conditions":[{"event":"open","count":"> 99999999999999999999"}]})",
        R"({"conditions":[{"event":"open","count":"> 1000000"}]})");
    row("count < 1e20", R"({"conditions":[{"event":"open","count":"< 99999999999999999999"}]})",
        R"({"conditions":[{"event":"open","count":"< 1000000"}]})");
    row("count <= 1e20", R"({"conditions":[{"event":"open","count":"<= 99999999999999999999"}]})",
        R"({"conditions":[{"event":"open","count":"<= 1000000"}]})");
    row("count = 1e20", R"({"conditions":[{"event":"open","count":"= 99999999999999999999"}]})",
        R"({"conditions":[{"event":"open","count":"= 1000000"}]})");
    row("count != 1e20", R"({"conditions":[{"event":"open","count":"!= 99999999999999999999"}]})",
        R"({"conditions":[{"event":"open","count":"!= 1000000"}]})");
    row("count number 1e300", R"({"conditions":[{"event":"click","count":1e300}]})",
        R"({"conditions":[{"event":"click","count":">= 1000000"}]})");
    row("within_days 1e300", R"({"conditions":[{"event":"open","within_days":1e300}]})",
        R"({"conditions":[{"event":"open","within_days":10000000}]})");
    row("within_days 1e17", R"({"conditions":[{"event":"open","within_days":100000000000000000}]})",
        R"({"conditions":[{"event":"open","within_days":10000000}]})");
    row("event between +-1e300",
        R"({"conditions":[{"event":"open","count":">= 2","between":[-1e300,1e300]}]})",
        R"({"conditions":[{"event":"open","count":">= 2","between":[-1000000000000,1000000000000]}]})");
    row("within_last_days 1e300",
        R"({"conditions":[{"field":"created_at","op":"within_last_days","value":1e300}]})",
        R"({"conditions":[{"field":"created_at","op":"within_last_days","value":10000000}]})");
    row("before 9.3e18", R"({"conditions":[{"field":"created_at","op":"before","value":9.3e18}]})",
        R"({"conditions":[{"field":"created_at","op":"before","value":1000000000000}]})");
    row("after -1e300",
        R"({"conditions":[{"field":"metrics.last_open_at","op":"after","value":-1e300}]})",
        R"({"conditions":[{"field":"metrics.last_open_at","op":"after","value":-1000000000000}]})");
    row("date > 9223372036854775807",
        R"({"conditions":[{"field":"created_at","op":">","value":9223372036854775807}]})",
        R"({"conditions":[{"field":"created_at","op":">","value":1000000000000}]})");
    row("date between +-1e300",
        R"({"conditions":[{"field":"created_at","op":"between","value":[-1e300,1e300]}]})",
        R"({"conditions":[{"field":"created_at","op":"between","value":[-1000000000000,1000000000000]}]})");
}

void TestSegments::hugeNumbersSaturate()
{
    QFETCH(QString, huge);
    QFETCH(QString, ordinary);
    const QJsonObject hugeDef = QJsonDocument::fromJson(huge.toUtf8()).object();
    const QJsonObject ordinaryDef = QJsonDocument::fromJson(ordinary.toUtf8()).object();
    QVERIFY(!hugeDef.isEmpty() && !ordinaryDef.isEmpty());
    for (const int64_t now : {SegmentFixture::kNow, SegmentFixture::kNow - 45 * 86400}) {
        const std::vector<int64_t> expected = m_fixture.evaluate(ordinaryDef, now);
        for (auto strategy :
             {SegmentCompiler::EventStrategy::Auto, SegmentCompiler::EventStrategy::Correlated,
              SegmentCompiler::EventStrategy::Grouped}) {
            SegmentCompiler compiler(m_db);
            compiler.setEventStrategy(strategy);
            auto compiled = compiler.compile(hugeDef, now);
            QVERIFY2(compiled.ok(), compiled ? "" : qPrintable(compiled.error().toString()));
            auto ids = SegmentService(m_db).memberIds(*compiled, -1);
            QVERIFY(ids.ok());
            QCOMPARE(ids->size(), expected.size());
            QVERIFY(*ids == expected);
        }
    }
}

void TestSegments::betweenWindowsStopAtNow()
{
    // "Events after now never count" (docs/segments.md) holds for an explicit window too:
    // a window reaching past "now" counts the events up to "now" only.
    const int64_t now = SegmentFixture::kNow - 45 * 86400;
    int64_t afterNow = 0;
    for (const auto &s : m_fixture.subscribers())
        for (const auto &e : s.events)
            afterNow += e.at > now ? 1 : 0;
    QVERIFY(afterNow > 0); // the fixture has events after this "now"
    for (const char *event : {"open", "click", "purchase", "visit"}) {
        const QJsonObject future{
            {QStringLiteral("include_unsubscribed"), true},
            {QStringLiteral("conditions"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("event"), QLatin1String(event)},
                 {QStringLiteral("between"),
                  QJsonArray{QStringLiteral("2000-01-01"), QStringLiteral("2100-12-31")}}}}}};
        QJsonObject allTime = future;
        allTime[QStringLiteral("conditions")] =
            QJsonArray{QJsonObject{{QStringLiteral("event"), QLatin1String(event)}}}; // up to now
        for (auto strategy : {SegmentCompiler::EventStrategy::Correlated,
                              SegmentCompiler::EventStrategy::Grouped}) {
            SegmentCompiler compiler(m_db);
            compiler.setEventStrategy(strategy);
            auto a = compiler.compile(future, now);
            auto b = compiler.compile(allTime, now);
            QVERIFY(a.ok() && b.ok());
            SegmentService service(m_db);
            auto ia = service.memberIds(*a, -1);
            auto ib = service.memberIds(*b, -1);
            QVERIFY(ia.ok() && ib.ok());
            QVERIFY2(*ia == *ib, event);
            QVERIFY(*ia == m_fixture.evaluate(future, now));
        }
    }
}

void TestSegments::refusesDefinitionsTooLargeForSqlite_data()
{
    // SQLite cannot parse a statement nested ~90 parentheses deep ("parser stack overflow")
    // or run an expression deeper than 1000 ("Expression tree is too large"); such
    // definitions used to fail only when run, with an internal error (exit 4).
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("message");
    QTest::newRow("groups 100 deep")
        << 100 << 1
        << QStringLiteral("conditions[0].conditions[0].conditions[0].conditions[0].conditions[0]."
                          "conditions[0].conditions[0].conditions[0].conditions[0].conditions[0]."
                          "conditions[0].conditions[0].conditions[0].conditions[0].conditions[0]."
                          "conditions[0].conditions[0].conditions[0].conditions[0].conditions[0]."
                          "conditions[0].conditions[0].conditions[0].conditions[0].conditions[0]."
                          "conditions[0].conditions[0].conditions[0].conditions[0].conditions[0]."
                          "conditions[0].conditions[0]: groups nest more than 32 levels deep");
    QTest::newRow("1000 conditions")
        << 0 << 1000
        << QStringLiteral("conditions[256]: more than 256 conditions in one definition");
}

void TestSegments::refusesDefinitionsTooLargeForSqlite()
{
    QFETCH(int, depth);
    QFETCH(int, width);
    QFETCH(QString, message);
    QJsonArray conds;
    for (int i = 0; i < width; ++i)
        conds.append(QJsonObject{{QStringLiteral("field"), QStringLiteral("city")},
                                 {QStringLiteral("op"), QStringLiteral("=")},
                                 {QStringLiteral("value"), QStringLiteral("c%1").arg(i)}});
    QJsonObject def{{QStringLiteral("match"), QStringLiteral("any")},
                    {QStringLiteral("conditions"), conds}};
    for (int i = 0; i < depth; ++i)
        def = QJsonObject{{QStringLiteral("match"), QStringLiteral("any")},
                          {QStringLiteral("conditions"), QJsonArray{def}}};
    SegmentCompiler compiler(m_db);
    auto c = compiler.compile(def, SegmentFixture::kNow);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, Error::Code::BadInput);
    QCOMPARE(c.error().toString(), message);

    // The largest allowed definitions compile and run.
    QJsonObject deepest{{QStringLiteral("field"), QStringLiteral("city")},
                        {QStringLiteral("op"), QStringLiteral("=")},
                        {QStringLiteral("value"), QStringLiteral("x")}};
    for (int i = 0; i < 32; ++i)
        deepest = QJsonObject{
            {QStringLiteral("match"), QStringLiteral("any")},
            {QStringLiteral("conditions"),
             QJsonArray{deepest, QJsonObject{{QStringLiteral("event"), QStringLiteral("open")}}}}};
    QJsonArray widest;
    for (int i = 0; i < 256; ++i)
        widest.append(QJsonObject{{QStringLiteral("event"), QStringLiteral("click")},
                                  {QStringLiteral("within_days"), i}});
    for (const QJsonObject &ok :
         {deepest, QJsonObject{{QStringLiteral("match"), QStringLiteral("any")},
                               {QStringLiteral("conditions"), widest}}}) {
        for (auto strategy : {SegmentCompiler::EventStrategy::Correlated,
                              SegmentCompiler::EventStrategy::Grouped}) {
            SegmentCompiler okCompiler(m_db);
            okCompiler.setEventStrategy(strategy);
            auto compiled = okCompiler.compile(ok, SegmentFixture::kNow);
            QVERIFY2(compiled.ok(), compiled ? "" : qPrintable(compiled.error().toString()));
            SegmentService service(m_db);
            auto n = service.runCount(compiled->countQuery());
            QVERIFY2(n.ok(), n ? "" : qPrintable(n.error().toString()));
            QCOMPARE(*n, int64_t(m_fixture.evaluate(ok, SegmentFixture::kNow).size()));
            auto funnel = service.funnel(*compiled);
            QVERIFY2(funnel.ok(), funnel ? "" : qPrintable(funnel.error().toString()));
        }
    }
}

void TestSegments::refusesReferenceChainsTooDeepForSqlite()
{
    // Each negated reference nests a few parentheses: a chain of a dozen used to be saved
    // (its count shown as "?") and then failed whenever it ran ("parser stack overflow",
    // exit 4). Now saving refuses the first link SQLite cannot run; every saved link runs.
    SegmentRepository repo(m_db);
    QVERIFY(repo.save(QStringLiteral("chain0"),
                      json(R"({"conditions":[{"field":"country","op":"=","value":"US"}]})"),
                      std::nullopt, SegmentFixture::kNow)
                .ok());
    int refusedAt = 0;
    for (int i = 1; i <= 40 && refusedAt == 0; ++i) {
        const QString name = QStringLiteral("chain%1").arg(i);
        const QJsonObject def{{QStringLiteral("conditions"),
                               QJsonArray{QJsonObject{{QStringLiteral("segment"),
                                                       QStringLiteral("chain%1").arg(i - 1)},
                                                      {QStringLiteral("negate"), true}}}}};
        auto saved = repo.save(name, def, std::nullopt, SegmentFixture::kNow);
        if (!saved) {
            QCOMPARE(saved.error().code, Error::Code::BadInput);
            QVERIFY2(saved.error().message.contains(QLatin1String("too complex for SQLite")),
                     qPrintable(saved.error().toString()));
            QVERIFY(!repo.load(name).ok());
            refusedAt = i;
            // Written behind the validator's back, it is still an invalid definition.
            m_db.exec("INSERT INTO segments(name, definition, created_at, updated_at) "
                      "SELECT 'chain_behind', replace(definition, 'chain" +
                      std::to_string(i - 2) + "', 'chain" + std::to_string(i - 1) +
                      "'), created_at, updated_at FROM segments WHERE name = 'chain" +
                      std::to_string(i - 1) + "'");
            SegmentCompiler compiler(m_db);
            auto c = compiler.compileSaved(QStringLiteral("chain_behind"), SegmentFixture::kNow);
            QVERIFY(!c.ok());
            QCOMPARE(c.error().code, Error::Code::BadInput);
            break;
        }
        SegmentService service(m_db);
        auto n = service.countSaved(name, SegmentFixture::kNow);
        QVERIFY2(n.ok(), n ? "" : qPrintable(n.error().toString()));
        auto ids = service.memberIds(name, SegmentFixture::kNow, -1);
        QVERIFY(ids.ok());
        auto in = service.contains(name, 1, SegmentFixture::kNow);
        QVERIFY(in.ok());
    }
    QVERIFY(refusedAt > 3);
    m_db.exec("DELETE FROM segments WHERE name LIKE 'chain%'");
}

void TestSegments::refusesControlCharactersInNames()
{
    // `segment list` prints one name per line: a name with a line break read as two
    // segments there, and a tab broke the `members` text format's columns.
    SegmentRepository repo(m_db);
    const QJsonObject def = json(R"({"conditions":[]})");
    for (const QString &bad :
         {QStringLiteral("a\nb"), QStringLiteral("a\rb"), QStringLiteral("tab\there"),
          QStringLiteral("nul\u0000x"), QStringLiteral("esc\u001b[31m")}) {
        auto r = repo.save(bad, def, std::nullopt, SegmentFixture::kNow);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::BadInput);
        QCOMPARE(r.error().message,
                 QStringLiteral("a segment name cannot contain line breaks, tabs or other "
                                "control characters"));
        QVERIFY(!repo.load(bad).ok());
    }
    QVERIFY(repo.save(QStringLiteral("ok name \u00fc\U0001F389"), def, std::nullopt,
                      SegmentFixture::kNow)
                .ok());
    const Status renamed =
        repo.rename(QStringLiteral("ok name \u00fc\U0001F389"), QStringLiteral("x\ny"));
    QVERIFY(!renamed.ok());
    QCOMPARE(renamed.error().code, Error::Code::BadInput);
    QVERIFY(repo.load(QStringLiteral("ok name \u00fc\U0001F389")).ok());
    QVERIFY(repo.remove(QStringLiteral("ok name \u00fc\U0001F389")).ok());
}

QTEST_GUILESS_MAIN(TestSegments)
#include "tst_segments.moc"
