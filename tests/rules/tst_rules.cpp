// Personalization rules: conditions, variant priority, hide, fallback, trace.
#include "content/campaigndocument.h"
#include "rules/blockrules.h"
#include "rules/condition.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mw;

namespace {

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

SubscriberRecord subscriber(int64_t id, const QString &stage, double propensity,
                            const QString &first)
{
    SubscriberRecord r;
    r.fields[static_cast<size_t>(SubscriberField::Id)] = id;
    if (!first.isEmpty())
        r.fields[static_cast<size_t>(SubscriberField::FirstName)] = first;
    if (!stage.isEmpty())
        r.metrics[static_cast<size_t>(Metric::LifecycleStage)] = stage;
    if (propensity >= 0)
        r.metrics[static_cast<size_t>(Metric::PurchasePropensity)] = propensity;
    return r;
}

/// Membership answered from a fixed list: subscribers 1 and 2 are in "vip".
class FakeMembership : public MembershipProvider {
public:
    Status checkSegment(const QString &s) override
    {
        return s == QLatin1String("vip") ? Status() : Status(Error(Error::Code::NotFound, s));
    }
    Result<bool> contains(const QString &s, int64_t id) override
    {
        ++calls;
        if (s != QLatin1String("vip"))
            return Error(Error::Code::NotFound, QStringLiteral("unknown segment"));
        return id == 1 || id == 2;
    }
    int calls = 0;
};

CampaignBlock block(const char *text)
{
    auto b = blockFromJson(QJsonDocument::fromJson(QByteArray(text)).object(), QStringLiteral("b"));
    if (!b)
        qFatal("%s", qPrintable(b.error().toString()));
    return *b;
}

// A hero with three variants: vip (priority 10), propensity (priority 20, needs a first
// name), and "tie" (priority 10, after vip in document order), and a hide rule.
const char *kHero = R"({"id": "hero", "type": "hero",
  "content": {"headline": "Default"},
  "hide_when": {"field": "metrics.lifecycle_stage", "op": "=", "value": "churned"},
  "variants": [
    {"id": "vip", "priority": 10, "when": {"segment": "vip"}, "content": {"headline": "VIP"}},
    {"id": "propensity", "priority": 20,
     "when": {"field": "metrics.purchase_propensity", "op": ">", "value": 0.75},
     "content": {"headline": "Hi {{ subscriber.first_name }}"}, "requires": ["subscriber.first_name"]},
    {"id": "tie", "priority": 10, "when": {"field": "metrics.lifecycle_stage", "op": "=", "value": "vip"},
     "content": {"headline": "Tie"}}
  ]})";

} // namespace

class TestRules : public QObject {
    Q_OBJECT
private slots:
    void fieldOperators_data();
    void fieldOperators();
    void missingValueIsFalseAndNamed();
    void groupsAndSegments();
    void parseErrorsNamePath_data();
    void parseErrorsNamePath();
    void priorityOrder();
    void tiesKeepDocumentOrder();
    void hideRuleWins();
    void fallbackOnMissingData();
    void suppressedWhenDefaultLacksData();
    void productsNeedRecommendations();
    void traceShowsConditionValuesAndOutcome();
    void subjectVariants();
    void preheaderAndFromNameVariants();
};

void TestRules::fieldOperators_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("expected");
    // Subscriber: stage "VIP" (upper case), propensity 0.8, first name Anna.
    QTest::newRow("= text, case-insensitive")
        << R"({"field":"metrics.lifecycle_stage","op":"=","value":"vip"})" << true;
    QTest::newRow("!= text") << R"({"field":"metrics.lifecycle_stage","op":"!=","value":"vip"})"
                             << false;
    QTest::newRow("> number true")
        << R"({"field":"metrics.purchase_propensity","op":">","value":0.75})" << true;
    QTest::newRow("> number false")
        << R"({"field":"metrics.purchase_propensity","op":">","value":0.8})" << false;
    QTest::newRow(">= boundary")
        << R"({"field":"metrics.purchase_propensity","op":">=","value":0.8})" << true;
    QTest::newRow("< number") << R"({"field":"metrics.purchase_propensity","op":"<","value":1})"
                              << true;
    QTest::newRow("<= number") << R"({"field":"metrics.purchase_propensity","op":"<=","value":0.5})"
                               << false;
    QTest::newRow("in")
        << R"({"field":"metrics.lifecycle_stage","op":"in","value":["customer","vip"]})" << true;
    QTest::newRow("not_in")
        << R"({"field":"metrics.lifecycle_stage","op":"not_in","value":["vip"]})" << false;
    QTest::newRow("contains") << R"({"field":"subscriber.first_name","op":"contains","value":"nn"})"
                              << true;
    QTest::newRow("starts_with")
        << R"({"field":"subscriber.first_name","op":"starts_with","value":"b"})" << false;
    QTest::newRow("is_set") << R"({"field":"subscriber.first_name","op":"is_set"})" << true;
    QTest::newRow("is_not_set") << R"({"field":"subscriber.first_name","op":"is_not_set"})"
                                << false;
    QTest::newRow("text vs number never equal")
        << R"({"field":"subscriber.first_name","op":"=","value":3})" << false;
    QTest::newRow("always") << R"({"always":true})" << true;
}

void TestRules::fieldOperators()
{
    QFETCH(QString, condition);
    QFETCH(bool, expected);
    auto c = Condition::parse(QJsonDocument::fromJson(condition.toUtf8()).object(),
                              QStringLiteral("when"));
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
    const SubscriberRecord r = subscriber(5, QStringLiteral("VIP"), 0.8, QStringLiteral("Anna"));
    QCOMPARE(c->evaluate(r, nullptr, nullptr), expected);
}

void TestRules::missingValueIsFalseAndNamed()
{
    auto c = Condition::parse(
        json(R"({"field":"metrics.purchase_propensity","op":"<","value":0.5})"), {});
    QVERIFY(c.ok());
    const SubscriberRecord r = subscriber(5, QString(), -1, QString());
    ConditionTrace t;
    QVERIFY(!c->evaluate(r, nullptr, &t)); // missing is not "less than"
    QCOMPARE(t.missing, QStringList{QStringLiteral("metrics.purchase_propensity")});
    QCOMPARE(t.values, QStringList{QStringLiteral("metrics.purchase_propensity = missing")});
    auto ne = Condition::parse(
        json(R"({"field":"metrics.lifecycle_stage","op":"!=","value":"vip"})"), {});
    QVERIFY(!ne->evaluate(r, nullptr, nullptr)); // nor "different from"
    auto unset =
        Condition::parse(json(R"({"field":"metrics.lifecycle_stage","op":"is_not_set"})"), {});
    QVERIFY(unset->evaluate(r, nullptr, nullptr));
}

void TestRules::groupsAndSegments()
{
    FakeMembership m;
    auto c = Condition::parse(json(R"({"match":"any","conditions":[
        {"segment":"vip"},
        {"match":"all","conditions":[{"field":"metrics.lifecycle_stage","op":"=","value":"at_risk"},
                                     {"segment":"vip","negate":true}]}]})"),
                              {});
    QVERIFY(c.ok());
    QVERIFY(c->evaluate(subscriber(1, QStringLiteral("customer"), 0.1, {}), &m, nullptr));
    QVERIFY(c->evaluate(subscriber(3, QStringLiteral("at_risk"), 0.1, {}), &m, nullptr));
    QVERIFY(!c->evaluate(subscriber(3, QStringLiteral("customer"), 0.1, {}), &m, nullptr));
    QCOMPARE(c->describe(),
             QStringLiteral("in segment \"vip\" or (metrics.lifecycle_stage = \"at_risk\" "
                            "and not in segment \"vip\")"));
    QStringList segments;
    c->collectSegments(segments);
    QCOMPARE(segments, QStringList{QStringLiteral("vip")});
    // Without a membership provider a segment test is false and says why.
    ConditionTrace t;
    QVERIFY(!c->evaluate(subscriber(1, QStringLiteral("customer"), 0.1, {}), nullptr, &t));
    QVERIFY(t.missing.contains(QStringLiteral("segment vip")));
}

void TestRules::parseErrorsNamePath_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown field") << R"({"field":"metrics.nope","op":"=","value":1})"
                                   << "when.field: unknown field \"metrics.nope\"";
    QTest::newRow("unknown operator") << R"({"field":"metrics.order_count","op":"=~","value":1})"
                                      << "when.op: unknown operator \"=~\"";
    QTest::newRow("in needs array") << R"({"field":"metrics.order_count","op":"in","value":1})"
                                    << "when.value: expected an array";
    QTest::newRow("nested path") << R"({"match":"all","conditions":[{"segment":""}]})"
                                 << "when.conditions[0].segment: expected a segment name";
    QTest::newRow("bad match") << R"({"match":"some","conditions":[{"always":true}]})"
                               << "when.match: expected \"all\" or \"any\"";
    QTest::newRow("nothing to test")
        << R"({"foo":1})"
        << "when: a condition needs \"field\", \"segment\", \"conditions\" or \"always\"";
}

void TestRules::parseErrorsNamePath()
{
    QFETCH(QString, condition);
    QFETCH(QString, error);
    auto c = Condition::parse(QJsonDocument::fromJson(condition.toUtf8()).object(),
                              QStringLiteral("when"));
    QVERIFY(!c.ok());
    QCOMPARE(c.error().toString(), error);
    QCOMPARE(c.error().exitCode(), 2);
}

void TestRules::priorityOrder()
{
    auto rules = BlockRules::compile(block(kHero), QStringLiteral("blocks[0]"));
    QVERIFY(rules.ok());
    QCOMPARE(rules->ruleNames(), (QStringList{QStringLiteral("propensity"), QStringLiteral("vip"),
                                              QStringLiteral("tie")}));
    FakeMembership m;
    // Subscriber 1 is in vip AND has high propensity: priority 20 wins over 10.
    BlockDecision d = rules->decide(
        subscriber(1, QStringLiteral("vip"), 0.9, QStringLiteral("Anna")), &m, nullptr);
    QCOMPARE(d.kind, BlockDecision::Kind::Shown);
    QCOMPARE(d.variant, 1); // document index of "propensity"
    QVERIFY(!d.fallback);
    // Low propensity: the vip variant.
    d = rules->decide(subscriber(1, QStringLiteral("vip"), 0.1, QStringLiteral("Anna")), &m,
                      nullptr);
    QCOMPARE(d.variant, 0);
    // Nothing matches: default content.
    d = rules->decide(subscriber(7, QStringLiteral("customer"), 0.1, QStringLiteral("Zoe")), &m,
                      nullptr);
    QCOMPARE(d.kind, BlockDecision::Kind::Shown);
    QCOMPARE(d.variant, -1);
}

void TestRules::tiesKeepDocumentOrder()
{
    auto rules = BlockRules::compile(block(kHero), QStringLiteral("blocks[0]"));
    FakeMembership m;
    // Subscriber 2 is in the vip segment and has stage vip: both priority-10 variants
    // match; "vip" comes first in the document.
    BlockDecision d = rules->decide(subscriber(2, QStringLiteral("vip"), 0.1, {}), &m, nullptr);
    QCOMPARE(d.variant, 0);
    // Not in the segment but stage vip: "tie".
    d = rules->decide(subscriber(9, QStringLiteral("vip"), 0.1, {}), &m, nullptr);
    QCOMPARE(d.variant, 2);
}

void TestRules::hideRuleWins()
{
    auto rules = BlockRules::compile(block(kHero), QStringLiteral("blocks[0]"));
    FakeMembership m;
    std::vector<RuleTraceEntry> trace;
    const BlockDecision d = rules->decide(
        subscriber(1, QStringLiteral("churned"), 0.99, QStringLiteral("A")), &m, &trace);
    QCOMPARE(d.kind, BlockDecision::Kind::Hidden);
    QCOMPARE(m.calls, 0); // variants are not even evaluated
    QCOMPARE(trace.size(), size_t(1));
    QCOMPARE(trace[0].rule, QStringLiteral("hide"));
    QCOMPARE(trace[0].outcome, QStringLiteral("hidden"));
    QVERIFY(trace[0].result);
    QCOMPARE(trace[0].values, QStringList{QStringLiteral("metrics.lifecycle_stage = \"churned\"")});
}

void TestRules::fallbackOnMissingData()
{
    auto rules = BlockRules::compile(block(kHero), QStringLiteral("blocks[0]"));
    FakeMembership m;
    std::vector<RuleTraceEntry> trace;
    // High propensity but no first name: the propensity variant needs it -> default.
    const BlockDecision d =
        rules->decide(subscriber(1, QStringLiteral("vip"), 0.9, QString()), &m, &trace);
    QCOMPARE(d.kind, BlockDecision::Kind::Shown);
    QCOMPARE(d.variant, -1);
    QVERIFY(d.fallback);
    QCOMPARE(trace.back().outcome, QStringLiteral("fallback: default"));
    QCOMPARE(trace.back().reason,
             QStringLiteral("fallback because subscriber.first_name is missing"));
    bool recorded = false;
    for (const RuleTraceEntry &e : trace)
        recorded =
            recorded ||
            (e.rule == QLatin1String("requires") && e.outcome == QLatin1String("fallback") &&
             e.reason.contains(QLatin1String("variant propensity needs subscriber.first_name")));
    QVERIFY(recorded);
}

void TestRules::suppressedWhenDefaultLacksData()
{
    const CampaignBlock b =
        block(R"({"id":"greet","type":"text","content":{"text":"Hi {{ subscriber.first_name }}"},
                                     "requires":["subscriber.first_name"]})");
    auto rules = BlockRules::compile(b, QStringLiteral("blocks[1]"));
    QVERIFY(rules.ok());
    std::vector<RuleTraceEntry> trace;
    BlockDecision d = rules->decide(subscriber(3, {}, -1, QString()), nullptr, &trace);
    QCOMPARE(d.kind, BlockDecision::Kind::Suppressed);
    QCOMPARE(trace.back().outcome, QStringLiteral("suppressed"));
    QVERIFY(trace.back().reason.contains(QLatin1String("subscriber.first_name is missing")));
    d = rules->decide(subscriber(3, {}, -1, QStringLiteral("Ann")), nullptr, nullptr);
    QCOMPARE(d.kind, BlockDecision::Kind::Shown);
    // An unknown field in requires is an error naming the path.
    const CampaignBlock bad =
        block(R"({"type":"text","content":{"text":"x"},"requires":["subscriber.shoe"]})");
    auto r = BlockRules::compile(bad, QStringLiteral("blocks[4]"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().toString(),
             QStringLiteral("blocks[4].requires[0]: unknown field \"subscriber.shoe\""));
}

void TestRules::productsNeedRecommendations()
{
    auto rules = BlockRules::compile(block(R"({"id":"p","type":"products","content":{}})"), {});
    QVERIFY(rules.ok());
    SubscriberRecord r = subscriber(1, {}, -1, {});
    r.recommendationCount = 0;
    QCOMPARE(rules->decide(r, nullptr, nullptr).kind, BlockDecision::Kind::Suppressed);
    r.recommendationCount = 3;
    QCOMPARE(rules->decide(r, nullptr, nullptr).kind, BlockDecision::Kind::Shown);
}

void TestRules::traceShowsConditionValuesAndOutcome()
{
    auto rules = BlockRules::compile(block(kHero), QStringLiteral("blocks[0]"));
    FakeMembership m;
    std::vector<RuleTraceEntry> trace;
    rules->decide(subscriber(5, QStringLiteral("customer"), 0.5, QStringLiteral("Bo")), &m, &trace);
    // hide (not hidden), propensity (no), vip (no), tie (no), default.
    QCOMPARE(trace.size(), size_t(5));
    QCOMPARE(trace[0].rule, QStringLiteral("hide"));
    QCOMPARE(trace[0].outcome, QStringLiteral("not hidden"));
    QCOMPARE(trace[1].block, QStringLiteral("hero"));
    QCOMPARE(trace[1].rule, QStringLiteral("variant propensity"));
    QCOMPARE(trace[1].condition, QStringLiteral("metrics.purchase_propensity > 0.75"));
    QCOMPARE(trace[1].values, QStringList{QStringLiteral("metrics.purchase_propensity = 0.5")});
    QVERIFY(!trace[1].result);
    QCOMPARE(trace[1].outcome, QStringLiteral("not matched"));
    QCOMPARE(trace[2].rule, QStringLiteral("variant vip"));
    QCOMPARE(trace[2].values, QStringList{QStringLiteral("segment \"vip\": not a member")});
    QCOMPARE(trace[4].rule, QStringLiteral("default"));
    QCOMPARE(trace[4].outcome, QStringLiteral("default"));
    QCOMPARE(trace[4].reason, QStringLiteral("no variant condition holds"));
}

void TestRules::subjectVariants()
{
    auto doc = CampaignDocument::fromJson(QJsonDocument::fromJson(R"({"subject":{"default":"Hi",
        "variants":[{"id":"low","priority":1,"when":{"always":true},"text":"Low"},
                    {"id":"vip","priority":5,"when":{"segment":"vip"},"text":"VIP"}]},"blocks":[]})")
                                              .object());
    QVERIFY(doc.ok());
    auto rules = TextRules::compile(doc->subjectVariants, QStringLiteral("subject"));
    QVERIFY(rules.ok());
    FakeMembership m;
    std::vector<RuleTraceEntry> trace;
    QCOMPARE(rules->decide(subscriber(1, {}, -1, {}), &m, &trace), 1); // vip first by priority
    QCOMPARE(trace.back().outcome, QStringLiteral("variant vip"));
    QCOMPARE(rules->decide(subscriber(8, {}, -1, {}), &m, nullptr), 0);
}

void TestRules::preheaderAndFromNameVariants()
{
    auto doc = CampaignDocument::fromJson(QJsonDocument::fromJson(R"({"subject":"Hi",
        "preheader":{"default":"P","variants":[
            {"id":"low","priority":1,"when":{"always":true},"text":"Low"},
            {"id":"vip","priority":5,"when":{"segment":"vip"},"text":"VIP"}]},
        "from_name":{"default":"F","variants":[{"id":"team","when":{"segment":"vip"},"text":"T"}]},
        "blocks":[]})")
                                              .object());
    QVERIFY(doc.ok());
    auto pre = TextRules::compile(doc->preheaderVariants, QStringLiteral("preheader"));
    QVERIFY(pre.ok());
    QCOMPARE(pre->field(), QStringLiteral("preheader"));
    FakeMembership m;
    std::vector<RuleTraceEntry> trace;
    QCOMPARE(pre->decide(subscriber(1, {}, -1, {}), &m, &trace), 1); // vip first by priority
    const auto outcomes = [&trace] {
        QStringList out;
        for (const RuleTraceEntry &t : trace)
            out << t.block + QLatin1Char('/') + t.outcome;
        return out;
    };
    QCOMPARE(outcomes(), QStringList{QStringLiteral("preheader/variant vip")});
    QCOMPARE(pre->decide(subscriber(8, {}, -1, {}), &m, nullptr), 0);

    auto from = TextRules::compile(doc->fromNameVariants, QStringLiteral("from_name"));
    QVERIFY(from.ok());
    trace.clear();
    QCOMPARE(from->decide(subscriber(8, {}, -1, {}), &m, &trace), -1); // not vip: default
    QCOMPARE(outcomes(), (QStringList{QStringLiteral("from_name/not matched"),
                                      QStringLiteral("from_name/default")}));
    QCOMPARE(trace[1].reason, QStringLiteral("no from_name variant condition holds"));
    trace.clear();
    QCOMPARE(from->decide(subscriber(1, {}, -1, {}), &m, &trace, true), 0);
    QCOMPARE(outcomes(), QStringList{QStringLiteral("from_name/variant team")});

    // A bad condition names the field's JSON path.
    std::vector<TextVariant> bad{
        {QStringLiteral("x"), 0,
         QJsonObject{{QStringLiteral("field"), QStringLiteral("subscriber.email")},
                     {QStringLiteral("op"), QStringLiteral("~~")},
                     {QStringLiteral("value"), 1}},
         QStringLiteral("t")}};
    auto broken = TextRules::compile(bad, QStringLiteral("from_name"));
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().toString().contains(QLatin1String("from_name.variants[0].when")),
             qPrintable(broken.error().toString()));
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
