// Per-subscriber rendering of the sample campaign: well-formed output, escaping of
// subscriber data, warnings for missing fields, fallbacks, variants, memo consistency.
#include "content/samplecampaign.h"
#include "render/campaignloader.h"
#include "render/htmlcheck.h"
#include "render/renderinsight.h"
#include "render/segmentmembership.h"
#include "render/subscriberloader.h"
#include "renderfixture.h"
#include "testutils.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mw;

namespace {

bool hasWarning(const RenderResult &r, const QString &kind, const QString &field,
                const QString &block)
{
    for (const RenderWarning &w : r.warnings)
        if (w.kind == kind && w.field == field && w.block == block)
            return true;
    return false;
}

int blockIndex(const CompiledCampaign &c, const QString &id)
{
    for (size_t i = 0; i < c.blocks.size(); ++i)
        if (c.blocks[i].id == id)
            return static_cast<int>(i);
    return -1;
}

bool contains(const std::string &haystack, const char *needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace

class TestRender : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyEmailIsWellFormed();
    void hostileNamesRenderAsText();
    void missingFieldsBecomeWarnings();
    void fallbackIsRecordedInTrace();
    void lifecycleVariantsAndVipSubject();
    void catalogueLinksAreSanitised();
    void memoizedRendersEqualFreshOnes();
    void jsonHasContractFields();
    void liquidSyntaxErrorHasLineAndColumn();
    void runtimeErrorFallsBackToDefault();
    void preheaderAndFromNameVariants();
    void failingEnvelopeVariantFallsBack();
    void noRecommendationsSuppressesGrid();
    void campaignVersionsAreKept();
    void sampleInstallIsAtomicAndJoinsTransactions();

private:
    RenderResult render(int64_t id, RenderSession *session = nullptr);

    test::TempDir m_dir;
    Database m_db;
    std::optional<LoadedCampaign> m_campaign;
    std::unique_ptr<ServiceMembership> m_membership;
};

void TestRender::initTestCase()
{
    m_db = test::RenderFixture::create(m_dir.path(QStringLiteral("r.db")));
    auto c = CampaignLoader::load(m_db, SampleCampaign::name(), test::RenderFixture::kNow);
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
    m_campaign = *c;
    m_membership = std::make_unique<ServiceMembership>(m_db, test::RenderFixture::kNow);
}

RenderResult TestRender::render(int64_t id, RenderSession *session)
{
    SubscriberLoader loader(m_db);
    auto rec = loader.byId(id);
    if (!rec)
        qFatal("no subscriber %lld", static_cast<long long>(id));
    return m_campaign->renderer->render(*rec, m_membership.get(), session);
}

void TestRender::everyEmailIsWellFormed()
{
    for (int64_t id = 1; id <= 9; ++id) {
        const RenderResult r = render(id);
        const QStringList problems = HtmlCheck::problems(r.html);
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("subscriber %1: %2")
                                                    .arg(id)
                                                    .arg(problems.join(QStringLiteral("; ")))));
        QVERIFY(contains(r.html, "<!DOCTYPE html>"));
        QVERIFY(contains(r.html, "max-width:600px"));
        QVERIFY(contains(r.html, "12 Harbour Street, Leith"));                   // postal address
        QVERIFY(contains(r.html, "https://northwind.example/unsubscribe?sid=")); // unsubscribe link
        QVERIFY(contains(r.text, "Unsubscribe: https://northwind.example/unsubscribe?sid="));
        QVERIFY(!contains(r.html, "{{") && !contains(r.html, "{%")); // no Liquid left over
        QVERIFY(!contains(r.html, "Liquid error"));
    }
    // The checker itself catches what it should.
    QVERIFY(!HtmlCheck::problems("<table><tr><td>x</td></table>").isEmpty());
    QVERIFY(!HtmlCheck::problems("<p><img src=\"a.png\"></p>").isEmpty());
    QVERIFY(!HtmlCheck::problems("<p><script>x</script></p>").isEmpty());
    QVERIFY(!HtmlCheck::problems("<style>p{}</style>").isEmpty());
    QVERIFY(!HtmlCheck::problems("<p onclick=\"x\">a</p>").isEmpty());
    QVERIFY(HtmlCheck::problems("<p style=\"a:b\"><img src=\"a\" alt=\"\"><br></p>").isEmpty());
}

void TestRender::hostileNamesRenderAsText()
{
    const RenderResult script = render(6);
    QVERIFY(!contains(script.html, "<script"));
    QVERIFY(contains(script.html, "Hi &lt;script&gt;alert(1)&lt;/script&gt;,"));
    QVERIFY(
        contains(script.html, "<title>&lt;script&gt;alert(1)&lt;/script&gt;, your spring picks"));
    QVERIFY(HtmlCheck::problems(script.html).isEmpty());
    // Plain text and the subject header carry the name as it is (they are not HTML).
    QVERIFY(contains(script.text, "Hi <script>alert(1)</script>,"));
    QCOMPARE(QString::fromStdString(script.subject),
             QStringLiteral("<script>alert(1)</script>, your spring picks are here"));

    const RenderResult img = render(7);
    QVERIFY(!contains(img.html, "<img src=x"));
    QVERIFY(!contains(img.html, "\"><img src=x"));
    QVERIFY(contains(img.html, "Hi &quot;&gt;&lt;img src=x onerror=alert(1)&gt;,"));
    QVERIFY(HtmlCheck::problems(img.html).isEmpty());
}

void TestRender::missingFieldsBecomeWarnings()
{
    const RenderResult carla = render(3); // no first name
    QVERIFY(hasWarning(carla, QStringLiteral("missing_field"),
                       QStringLiteral("subscriber.first_name"), QStringLiteral("hero")));
    QVERIFY(hasWarning(carla, QStringLiteral("missing_field"),
                       QStringLiteral("subscriber.first_name"), QStringLiteral("intro")));
    QVERIFY(hasWarning(carla, QStringLiteral("missing_field"),
                       QStringLiteral("subscriber.first_name"), QStringLiteral("subject")));
    // ... and the defaults in the templates kept the email whole.
    QVERIFY(contains(carla.text, "Hi there,"));
    QCOMPARE(QString::fromStdString(carla.subject),
             QStringLiteral("Hello, your spring picks are here"));
    for (const RenderWarning &w : carla.warnings)
        QVERIFY(w.message.contains(w.field) && w.message.contains(w.block));
    // Anna has everything: no warnings at all.
    QVERIFY(render(1).warnings.empty());
}

void TestRender::fallbackIsRecordedInTrace()
{
    // Frank: purchase propensity 0.95 but no favourite category, which the
    // high-propensity hero needs -> default hero, recorded.
    const RenderResult r = render(8);
    const int hero = blockIndex(*m_campaign->compiled, QStringLiteral("hero"));
    QCOMPARE(r.outcomes[static_cast<size_t>(hero)].variant, -1);
    QVERIFY(r.outcomes[static_cast<size_t>(hero)].fallback);
    bool found = false;
    for (const RuleTraceEntry &e : r.trace)
        found =
            found ||
            (e.block == QLatin1String("hero") && e.outcome == QLatin1String("fallback: default") &&
             e.reason == QLatin1String("fallback because metrics.favorite_category is missing"));
    QVERIFY(found);
    QVERIFY(contains(r.text, "New arrivals for longer days outdoors."));
}

void TestRender::lifecycleVariantsAndVipSubject()
{
    const CompiledCampaign &c = *m_campaign->compiled;
    const RenderResult anna = render(1); // vip
    QCOMPARE(QString::fromStdString(anna.subject),
             QStringLiteral("VIP early access: your spring edit, Anna"));
    QVERIFY(contains(anna.html, "Your VIP early access starts today"));
    QVERIFY(contains(anna.html, "VIP20"));
    QVERIFY(contains(anna.html, "Your VIP edit: Outdoor"));
    QCOMPARE(anna.outcomes[static_cast<size_t>(blockIndex(c, QStringLiteral("review")))].kind,
             BlockDecision::Kind::Hidden);
    QVERIFY(!contains(anna.html, "Morag D."));

    const RenderResult dan = render(4); // at_risk
    QCOMPARE(QString::fromStdString(dan.subject),
             QStringLiteral("We saved you 15% - come back and see what's new"));
    QVERIFY(contains(dan.html, "We miss you, Dan"));
    QVERIFY(contains(dan.html, "COMEBACK15"));
    QVERIFY(contains(dan.html, "Morag D."));

    const RenderResult ben = render(2); // customer, propensity 0.8, Footwear
    QVERIFY(contains(ben.html, "Picked from what you love: Footwear."));
    QVERIFY(contains(ben.html, "SPRING10"));
    // Ben's grid starts with his favourite category's best-seller.
    const size_t grid = ben.html.find("Picked for you");
    QVERIFY(grid != std::string::npos);
    QVERIFY(ben.html.find("Trail runner", grid) < ben.html.find("Rain shell", grid));

    const RenderResult carla = render(3); // subscriber, no orders
    QVERIFY(contains(carla.html, "Your first order ships free."));
}

void TestRender::catalogueLinksAreSanitised()
{
    const RenderResult ben = render(2); // his grid includes the hiking boot with a javascript: url
    QVERIFY(contains(ben.html, "Hiking boot"));
    QVERIFY(!contains(ben.html, "javascript:"));
}

void TestRender::memoizedRendersEqualFreshOnes()
{
    RenderSession shared;
    std::vector<RenderResult> first;
    for (int64_t id = 1; id <= 9; ++id)
        first.push_back(render(id, &shared));
    for (int64_t id = 9; id >= 1; --id) {
        const RenderResult fresh = render(id);
        const RenderResult again = render(id, &shared);
        const RenderResult &before = first[static_cast<size_t>(id - 1)];
        QCOMPARE(again.html, fresh.html);
        QCOMPARE(before.html, fresh.html);
        QCOMPARE(again.text, fresh.text);
        QCOMPARE(again.subject, fresh.subject);
        QCOMPARE(again.warnings.size(), fresh.warnings.size());
    }
    // Different subscribers get different unsubscribe links even when everything else is equal.
    QVERIFY(render(5, &shared).html != render(9, &shared).html);
}

void TestRender::jsonHasContractFields()
{
    std::string out;
    render(3).appendJson(out, true, true);
    QJsonParseError pe;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(out), &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    for (const char *k : {"subscriber_id", "email", "subject", "preheader", "html", "html_sha256",
                          "bytes", "text", "trace", "warnings"})
        QVERIFY2(o.contains(QLatin1String(k)), k);
    QCOMPARE(o.value(QStringLiteral("subscriber_id")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("email")).toString(), QStringLiteral("carla@example.com"));
    QCOMPARE(o.value(QStringLiteral("bytes")).toInt(),
             o.value(QStringLiteral("html")).toString().toUtf8().size());
    QCOMPARE(o.value(QStringLiteral("html_sha256")).toString().toLatin1(),
             QCryptographicHash::hash(o.value(QStringLiteral("html")).toString().toUtf8(),
                                      QCryptographicHash::Sha256)
                 .toHex());
    const QJsonArray trace = o.value(QStringLiteral("trace")).toArray();
    QVERIFY(trace.size() > 12);
    for (const QJsonValue &t : trace)
        for (const char *k : {"block", "rule", "outcome", "reason"})
            QVERIFY2(t.toObject().contains(QLatin1String(k)), k);
    const QJsonObject w = o.value(QStringLiteral("warnings")).toArray().first().toObject();
    for (const char *k : {"kind", "field", "block", "message"})
        QVERIFY2(w.contains(QLatin1String(k)), k);
}

void TestRender::liquidSyntaxErrorHasLineAndColumn()
{
    CampaignDocument doc = SampleCampaign::document();
    doc.blocks[2].content.insert(QStringLiteral("text"),
                                 QStringLiteral("Hello\n\nthere {% if x %} no end"));
    CampaignRecord record;
    record.name = QStringLiteral("broken");
    auto c = CompiledCampaign::compile(1, record.name, doc);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, Error::Code::BadInput);
    QCOMPARE(c.error().line, 3);
    QVERIFY(c.error().column > 0);
    QVERIFY2(c.error().toString().startsWith(QStringLiteral("line 3, column ")),
             qPrintable(c.error().toString()));
    QVERIFY(c.error().message.contains(QLatin1String("blocks[2].content.text")));
}

void TestRender::runtimeErrorFallsBackToDefault()
{
    CampaignDocument doc = SampleCampaign::document();
    // The "prospect" hero variant divides by zero: a runtime error, never shown.
    for (BlockVariant &v : doc.blocks[1].variants)
        if (v.id == QLatin1String("prospect"))
            v.content.insert(QStringLiteral("subheadline"),
                             QStringLiteral("{{ 10 | divided_by: 0 }}"));
    CampaignRecord record;
    record.id = 1;
    record.name = QStringLiteral("runtime");
    auto loaded = CampaignLoader::fromDocument(m_db, record, doc, test::RenderFixture::kNow);
    QVERIFY(loaded.ok());
    SubscriberLoader loader(m_db);
    auto carla = loader.byId(3);
    const RenderResult r = loaded->renderer->render(*carla, m_membership.get());
    QVERIFY(!contains(r.html, "Liquid error"));
    QVERIFY(contains(r.html, "New arrivals for longer days outdoors."));
    QVERIFY(r.outcomes[1].fallback);
    bool warned = false;
    for (const RenderWarning &w : r.warnings)
        warned =
            warned || (w.kind == QLatin1String("render_error") && w.block == QLatin1String("hero"));
    QVERIFY(warned);
    QVERIFY(HtmlCheck::problems(r.html).isEmpty());
}

namespace {

bool hasTrace(const RenderResult &r, const QString &block, const QString &outcome)
{
    for (const RuleTraceEntry &t : r.trace)
        if (t.block == block && t.outcome == outcome)
            return true;
    return false;
}

bool hasTraceFor(const RenderResult &r, const QString &block)
{
    for (const RuleTraceEntry &t : r.trace)
        if (t.block == block)
            return true;
    return false;
}

} // namespace

void TestRender::preheaderAndFromNameVariants()
{
    const RenderResult plainAnna = render(1);
    const RenderResult plainCarla = render(3);
    // Without variants nothing about them is traced and the from name is the default.
    QVERIFY(!hasTraceFor(plainAnna, QStringLiteral("preheader")));
    QVERIFY(!hasTraceFor(plainAnna, QStringLiteral("from_name")));
    QCOMPARE(QString::fromStdString(plainAnna.fromName), QStringLiteral("Northwind Outfitters"));

    // The stored sample (library blocks resolved), as the campaign the other tests render.
    CampaignDocument doc = m_campaign->compiled->document;
    const QJsonObject vip{{QStringLiteral("segment"), QStringLiteral("vip")}};
    const QJsonObject never =
        QJsonDocument::fromJson(R"({"field":"metrics.lifecycle_stage","op":"=","value":"nobody"})")
            .object();
    doc.preheaderVariants = {{QStringLiteral("vip"), 5, vip,
                              QStringLiteral("VIP <preview> for {{ subscriber.first_name }}")},
                             {QStringLiteral("never"), 1, never, QStringLiteral("Never shown")}};
    doc.fromName =
        QStringLiteral("Northwind {{ campaign.name | size | at_least: 1 | at_most: 1 }}");
    doc.fromNameVariants = {{QStringLiteral("stylist"), 0, vip,
                             QStringLiteral("{{ subscriber.first_name }}'s stylist")}};
    CampaignRecord record;
    // Same id and name as the sample, so emails without variants are byte-identical.
    record.id = m_campaign->compiled->campaignId;
    record.name = m_campaign->compiled->name;
    auto loaded = CampaignLoader::fromDocument(m_db, record, doc, test::RenderFixture::kNow);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    QVERIFY(loaded->compiled->segments.contains(QStringLiteral("vip")));
    SubscriberLoader loader(m_db);

    auto annaRec = loader.byId(1); // vip
    const RenderResult anna = loaded->renderer->render(*annaRec, m_membership.get());
    QCOMPARE(QString::fromStdString(anna.preheader), QStringLiteral("VIP <preview> for Anna"));
    QCOMPARE(anna.preheaderVariant, 0);
    // The hidden preheader in the HTML carries the variant, escaped.
    QVERIFY(contains(anna.html, "VIP &lt;preview&gt; for Anna"));
    QVERIFY(!contains(anna.html, plainAnna.preheader.c_str()));
    QVERIFY(hasTrace(anna, QStringLiteral("preheader"), QStringLiteral("variant vip")));
    QCOMPARE(QString::fromStdString(anna.fromName), QStringLiteral("Anna's stylist"));
    QCOMPARE(anna.fromNameVariant, 0);
    QVERIFY(hasTrace(anna, QStringLiteral("from_name"), QStringLiteral("variant stylist")));
    QCOMPARE(anna.subject, plainAnna.subject);
    QVERIFY(HtmlCheck::problems(anna.html).isEmpty());

    auto carlaRec = loader.byId(3); // not vip
    const RenderResult carla = loaded->renderer->render(*carlaRec, m_membership.get());
    QCOMPARE(carla.preheader, plainCarla.preheader);
    QCOMPARE(carla.preheaderVariant, -1);
    QCOMPARE(carla.html, plainCarla.html); // same email as without variants
    QVERIFY(hasTrace(carla, QStringLiteral("preheader"), QStringLiteral("default")));
    // The default from name is Liquid too.
    QCOMPARE(QString::fromStdString(carla.fromName), QStringLiteral("Northwind 1"));
    QCOMPARE(carla.fromNameVariant, -1);
    QVERIFY(hasTrace(carla, QStringLiteral("from_name"), QStringLiteral("default")));

    // The single-subscriber JSON gains "from_name"; batch lines keep their keys.
    std::string single, batch;
    anna.appendJson(single, true, true, false, true);
    anna.appendJson(batch, false, true, true);
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(single)).object();
    QCOMPARE(o.value(QStringLiteral("from_name")).toString(), QStringLiteral("Anna's stylist"));
    QCOMPARE(o.value(QStringLiteral("preheader")).toString(),
             QStringLiteral("VIP <preview> for Anna"));
    QVERIFY(!QJsonDocument::fromJson(QByteArray::fromStdString(batch))
                 .object()
                 .contains(QStringLiteral("from_name")));

    // Insight counts their reach and names the variant that never fired.
    InsightCollector insight(*loaded->compiled);
    insight.add(anna, anna.htmlSha256());
    insight.add(carla, carla.htmlSha256());
    const RenderInsight in = insight.finish();
    QCOMPARE(in.preheader.size(), size_t(3));
    QCOMPARE(in.preheader[0].count, 1); // default
    QCOMPARE(in.preheader[1].name, QStringLiteral("variant vip"));
    QCOMPARE(in.preheader[1].count, 1);
    QCOMPARE(in.fromName.size(), size_t(2));
    QCOMPARE(in.fromName[1].count, 1);
    QVERIFY(in.neverFired.contains(QStringLiteral("preheader: variant never")));
    QVERIFY(in.toJson().contains(QStringLiteral("from_name")));
}

void TestRender::failingEnvelopeVariantFallsBack()
{
    // The stored sample (library blocks resolved), as the campaign the other tests render.
    CampaignDocument doc = m_campaign->compiled->document;
    const QJsonObject always{{QStringLiteral("always"), true}};
    doc.preheaderVariants = {
        {QStringLiteral("broken"), 0, always, QStringLiteral("{{ 10 | divided_by: 0 }}")}};
    doc.fromNameVariants = {
        {QStringLiteral("broken"), 0, always, QStringLiteral("x{{ 1 | divided_by: 0 }}")}};
    CampaignRecord record;
    // Same id and name as the sample, so emails without variants are byte-identical.
    record.id = m_campaign->compiled->campaignId;
    record.name = m_campaign->compiled->name;
    auto loaded = CampaignLoader::fromDocument(m_db, record, doc, test::RenderFixture::kNow);
    QVERIFY(loaded.ok());
    SubscriberLoader loader(m_db);
    auto carla = loader.byId(3);
    const RenderResult r = loaded->renderer->render(*carla, m_membership.get());
    const RenderResult plain = render(3);
    QCOMPARE(r.preheader, plain.preheader);
    QCOMPARE(r.preheaderVariant, -1);
    QCOMPARE(r.html, plain.html);
    QCOMPARE(QString::fromStdString(r.fromName), QStringLiteral("Northwind Outfitters"));
    QCOMPARE(r.fromNameVariant, -1);
    QVERIFY(hasWarning(r, QStringLiteral("render_error"), QString(), QStringLiteral("preheader")));
    QVERIFY(hasWarning(r, QStringLiteral("render_error"), QString(), QStringLiteral("from_name")));
    QVERIFY(!contains(r.html, "Liquid error"));
}

void TestRender::noRecommendationsSuppressesGrid()
{
    test::TempDir dir;
    Database db = test::RenderFixture::create(dir.path(QStringLiteral("empty.db")));
    QVERIFY(db.exec("DELETE FROM events"));
    auto c = CampaignLoader::load(db, SampleCampaign::name(), test::RenderFixture::kNow);
    QVERIFY(c.ok());
    SubscriberLoader loader(db);
    auto ben = loader.byId(2);
    ServiceMembership membership(db, test::RenderFixture::kNow);
    const RenderResult r = c->renderer->render(*ben, &membership);
    const int picks = blockIndex(*c->compiled, QStringLiteral("picks"));
    QCOMPARE(r.outcomes[static_cast<size_t>(picks)].kind, BlockDecision::Kind::Suppressed);
    QVERIFY(!contains(r.html, "Picked for you"));
    bool traced = false;
    for (const RuleTraceEntry &e : r.trace)
        traced = traced ||
                 (e.block == QLatin1String("picks") && e.outcome == QLatin1String("suppressed") &&
                  e.reason.contains(QLatin1String("recommendations is missing")));
    QVERIFY(traced);
    QVERIFY(HtmlCheck::problems(r.html).isEmpty());
}

void TestRender::campaignVersionsAreKept()
{
    CampaignStore store(m_db);
    auto before = store.find(SampleCampaign::name());
    QVERIFY(before.ok());
    QCOMPARE(before->version, 1);
    CampaignDocument doc = SampleCampaign::document();
    doc.preheader = QStringLiteral("Edited");
    auto id = store.save(SampleCampaign::name(), doc, QStringLiteral("test"),
                         QStringLiteral("edit"), test::RenderFixture::kNow + 60);
    QVERIFY(id.ok());
    auto after = store.find(SampleCampaign::name());
    QCOMPARE(after->version, 2);
    QCOMPARE(m_db.scalar("SELECT count(*) FROM campaign_versions WHERE campaign_id = ?1",
                         {QVariant::fromValue<qint64>(*id)})
                 ->toInt(),
             2);
    auto reloaded = store.document(*after);
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded->preheader, QStringLiteral("Edited"));
    // Library blocks resolve: the footer came from "Northwind footer".
    QCOMPARE(reloaded->blocks.back().content.value(QStringLiteral("company")).toString(),
             QStringLiteral("Northwind Outfitters Ltd."));
    QCOMPARE(m_db.scalar("SELECT status FROM blocks WHERE name = 'Northwind footer'")->toString(),
             QStringLiteral("approved"));
}

void TestRender::sampleInstallIsAtomicAndJoinsTransactions()
{
    test::TempDir dir;
    Database db = test::openFresh(dir.path(QStringLiteral("s.db")));
    {
        // Inside a caller's transaction (as init --sample does it) install joins it, so a
        // rollback leaves nothing behind.
        Transaction tx(db);
        QVERIFY(tx.begun().ok());
        const Status s = SampleCampaign::install(db);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(db.scalar("SELECT count(*) FROM campaigns")->toInt(), 1);
    } // rolled back
    QCOMPARE(db.scalar("SELECT count(*) FROM campaigns")->toInt(), 0);
    QCOMPARE(db.scalar("SELECT count(*) FROM blocks")->toInt(), 0);
    QVERIFY(SampleCampaign::install(db).ok());
    QCOMPARE(db.scalar("SELECT count(*) FROM campaigns WHERE name = 'spring-picks' AND version = 1")
                 ->toInt(),
             1);
    QCOMPARE(db.scalar("SELECT count(*) FROM block_versions")->toInt(), 2);
    // Every block type is used.
    QStringList types;
    for (const CampaignBlock &b : SampleCampaign::document().blocks)
        types << blockTypeName(b.type);
    for (BlockType t : allBlockTypes())
        QVERIFY2(types.contains(blockTypeName(t)), qPrintable(blockTypeName(t)));
}

QTEST_GUILESS_MAIN(TestRender)
#include "tst_render.moc"
