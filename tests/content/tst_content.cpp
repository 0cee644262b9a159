// Campaign documents and blocks: validation with JSON paths, round trip, rich text,
// block library statuses and versions.
#include "content/blocklibrary.h"
#include "content/campaigndocument.h"
#include "content/richtext.h"
#include "content/samplecampaign.h"
#include "testutils.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mw;

class TestContent : public QObject {
    Q_OBJECT
private slots:
    void invalidDocumentsNamePath_data();
    void invalidDocumentsNamePath();
    void roundTrip();
    void envelopeTextVariantsRoundTrip();
    void richText_data();
    void richText();
    void libraryVersionsAndStatus();
};

void TestContent::invalidDocumentsNamePath_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QString>("error");
    QTest::newRow("no subject") << QByteArray(R"({"blocks":[]})")
                                << "subject: missing subject line";
    QTest::newRow("unknown type") << QByteArray(R"({"subject":"s","blocks":[{"type":"video"}]})")
                                  << "blocks[0].type: unknown block type \"video\"";
    QTest::newRow("missing required")
        << QByteArray(R"({"subject":"s","blocks":[{"type":"button","content":{"label":"x"}}]})")
        << "blocks[0].content.url: missing required field";
    QTest::newRow("javascript link")
        << QByteArray(
               R"({"subject":"s","blocks":[{"type":"button","content":{"label":"x","url":"JavaScript:void"}}]})")
        << "blocks[0].content.url: only http, https and mailto links are allowed";
    QTest::newRow("image without alt")
        << QByteArray(
               R"({"subject":"s","blocks":[{"type":"hero","content":{"headline":"h","image_url":"https://x/y.png"}}]})")
        << "blocks[0].content.image_alt: an image needs alt text";
    QTest::newRow("columns out of range")
        << QByteArray(R"({"subject":"s","blocks":[{"type":"products","content":{"columns":5}}]})")
        << "blocks[0].content.columns: must be between 1 and 4";
    QTest::newRow("unknown field")
        << QByteArray(R"({"subject":"s","blocks":[{"type":"spacer","content":{"colour":"red"}}]})")
        << "blocks[0].content.colour: unknown field for a spacer block";
    QTest::newRow("bad colour")
        << QByteArray(R"({"subject":"s","blocks":[{"type":"divider","content":{"color":"red"}}]})")
        << "blocks[0].content.color: expected a colour like #1a73e8";
    QTest::newRow("duplicate ids")
        << QByteArray(
               R"({"subject":"s","blocks":[{"id":"a","type":"spacer"},{"id":"a","type":"divider"}]})")
        << "blocks[1].id: duplicate block id \"a\"";
    QTest::newRow("variant content checked")
        << QByteArray(
               R"({"subject":"s","blocks":[{"type":"spacer","variants":[{"id":"v","content":{"height":1}}]}]})")
        << "blocks[0].variants[0].content.height: must be between 4 and 200";
    QTest::newRow("article alt")
        << QByteArray(
               R"({"subject":"s","blocks":[{"type":"articles","content":{"items":[{"title":"t","image_url":"https://x/a.png"}]}}]})")
        << "blocks[0].content.items[0].image_alt: an image needs alt text";
    // Preheader and from name take the subject's two forms; errors name their paths
    // (%1 is the field, %2 how the default is named).
    struct Case {
        const char *name, *value, *error;
    };
    const Case cases[] = {
        {"variant without text", R"({"default":"p","variants":[{"id":"v"}]})",
         R"(%1.variants[0]: expected an object with "text")"},
        {"variant text not a string", R"({"default":"p","variants":[{"text":"a"},{"text":3}]})",
         R"(%1.variants[1]: expected an object with "text")"},
        {"without default", R"({"variants":[]})", "%1.default: expected the default %2"},
        {"variants not an array", R"({"default":"p","variants":{}})",
         "%1.variants: expected an array"},
        {"a number", "7", R"(%1: expected a string or an object with "default" and "variants")"},
        {"variant condition", R"({"default":"p","variants":[{"text":"x","when":[1]}]})",
         "%1.variants[0].when: expected a condition object"},
        {"variant priority", R"({"default":"p","variants":[{"text":"x","priority":"high"}]})",
         "%1.variants[0].priority: expected an integer"},
    };
    for (const auto &[field, what] :
         {std::pair{"preheader", "preheader"}, std::pair{"from_name", "from name"}}) {
        for (const Case &c : cases)
            QTest::newRow(QByteArray(field).append(' ').append(c.name).constData())
                << (QByteArray(R"({"subject":"s",")") + field + "\":" + c.value +
                    R"(,"blocks":[]})")
                << QString::fromUtf8(c.error)
                       .replace(QLatin1String("%1"), QLatin1String(field))
                       .replace(QLatin1String("%2"), QLatin1String(what));
    }
    QTest::newRow("subject variant without text")
        << QByteArray(R"({"subject":{"default":"s","variants":[{"id":"v"}]},"blocks":[]})")
        << "subject.variants[0]: expected an object with \"text\"";
    QTest::newRow("not json") << QByteArray("{")
                              << "invalid campaign JSON at offset 1: unterminated object";
}

void TestContent::invalidDocumentsNamePath()
{
    QFETCH(QByteArray, doc);
    QFETCH(QString, error);
    auto d = CampaignDocument::fromJsonText(doc);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().toString(), error);
    QCOMPARE(d.error().exitCode(), 2);
}

void TestContent::roundTrip()
{
    const CampaignDocument doc = SampleCampaign::document();
    QCOMPARE(doc.blocks.size(), size_t(12));
    const QJsonObject json = doc.toJson();
    auto again = CampaignDocument::fromJson(json);
    QVERIFY(again.ok());
    QCOMPARE(again->toJson(), json);
    QCOMPARE(again->subjectVariants.size(), size_t(2));
    QCOMPARE(again->block(QStringLiteral("hero"))->variants.size(), size_t(4));
    QCOMPARE(again->block(QStringLiteral("hero"))->variants[2].required,
             QStringList{QStringLiteral("metrics.favorite_category")});
    QVERIFY(again->block(QStringLiteral("review"))->hideWhen.isObject());
}

void TestContent::envelopeTextVariantsRoundTrip()
{
    // Plain strings stay plain strings: existing documents serialize byte-identically.
    const QByteArray plain = R"({"subject":"S","preheader":"P","from_name":"F","blocks":[]})";
    auto p = CampaignDocument::fromJsonText(plain);
    QVERIFY(p.ok());
    QVERIFY(p->preheaderVariants.empty());
    QVERIFY(p->fromNameVariants.empty());
    QCOMPARE(p->toJson().value(QStringLiteral("preheader")), QJsonValue(QStringLiteral("P")));
    QCOMPARE(p->toJson().value(QStringLiteral("from_name")), QJsonValue(QStringLiteral("F")));
    const QByteArray sampleJson = QJsonDocument(SampleCampaign::document().toJson()).toJson();
    auto sample = CampaignDocument::fromJsonText(sampleJson);
    QVERIFY(sample.ok());
    QCOMPARE(QJsonDocument(sample->toJson()).toJson(), sampleJson);

    // The object form for preheader and from name, like the subject's.
    const QByteArray varied = R"({"subject":"S",
        "preheader":{"default":"P","variants":[
            {"id":"vip","priority":5,"when":{"segment":"vip"},"text":"P vip"},
            {"priority":1,"text":"P any"}]},
        "from_name":{"default":"F","variants":[{"id":"team","when":{"always":true},"text":"F team"}]},
        "blocks":[]})";
    auto d = CampaignDocument::fromJsonText(varied);
    QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));
    QCOMPARE(d->preheader, QStringLiteral("P"));
    QCOMPARE(d->preheaderVariants.size(), size_t(2));
    QCOMPARE(d->preheaderVariants[0].id, QStringLiteral("vip"));
    QCOMPARE(d->preheaderVariants[0].priority, 5);
    QVERIFY(d->preheaderVariants[0].when.isObject());
    QCOMPARE(d->preheaderVariants[0].text, QStringLiteral("P vip"));
    QCOMPARE(d->preheaderVariants[1].id, QStringLiteral("variant2"));
    QVERIFY(d->preheaderVariants[1].when.isNull());
    QCOMPARE(d->fromName, QStringLiteral("F"));
    QCOMPARE(d->fromNameVariants.size(), size_t(1));
    QCOMPARE(d->fromNameVariants[0].text, QStringLiteral("F team"));
    QVERIFY(d->subjectVariants.empty());

    const QJsonObject json = d->toJson();
    QVERIFY(json.value(QStringLiteral("subject")).isString());
    const QJsonObject pre = json.value(QStringLiteral("preheader")).toObject();
    QCOMPARE(pre.value(QStringLiteral("default")).toString(), QStringLiteral("P"));
    QCOMPARE(pre.value(QStringLiteral("variants")).toArray().size(), 2);
    QCOMPARE(pre.value(QStringLiteral("variants"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QStringLiteral("id")),
             QJsonValue(QStringLiteral("variant2")));
    QVERIFY(json.value(QStringLiteral("from_name")).isObject());
    auto again = CampaignDocument::fromJson(json);
    QVERIFY(again.ok());
    QCOMPARE(again->toJson(), json);
    QCOMPARE(again->fromNameVariants[0].id, QStringLiteral("team"));
}

void TestContent::richText_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("html");
    const QString p =
        QStringLiteral("<p style=\"margin:0 0 12px 0;font-family:Arial,Helvetica,sans-serif;"
                       "font-size:16px;line-height:24px;color:#202124;text-align:left;\">");
    QTest::newRow("escapes markup")
        << "<script>x</script> & \"q\""
        << p + QLatin1String("&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;</p>\n");
    QTest::newRow("keeps liquid")
        << "Hi {{ subscriber.first_name | default: \"<you>\" }}"
        << p + QLatin1String("Hi {{ subscriber.first_name | default: \"<you>\" }}</p>\n");
    QTest::newRow("unclosed bold closes")
        << "**bold" << p + QLatin1String("<strong>bold</strong></p>\n");
    QTest::newRow("crossing markers stay balanced")
        << "**a *b** c*" << p + QLatin1String("<strong>a <em>b** c</em></strong></p>\n");
    QTest::newRow("line break") << "a\nb" << p + QLatin1String("a<br>b</p>\n");
    QTest::newRow("unsafe link is text")
        << "[x](data:text/html,hi)" << p + QLatin1String("[x](data:text/html,hi)</p>\n");
}

void TestContent::richText()
{
    QFETCH(QString, source);
    QFETCH(QString, html);
    QCOMPARE(RichText::toHtml(source), html);
}

void TestContent::libraryVersionsAndStatus()
{
    test::TempDir dir;
    Database db = test::openFresh(dir.path(QStringLiteral("lib.db")));
    BlockLibrary lib(db);
    auto block = blockFromJson(
        QJsonDocument::fromJson(R"({"type":"offer","content":{"title":"10% off"}})").object(), {});
    QVERIFY(block.ok());
    QVERIFY(lib.save(QStringLiteral("Spring offer"), *block, QStringLiteral("draft"), 100).ok());
    block->content.insert(QStringLiteral("title"), QStringLiteral("15% off"));
    QVERIFY(lib.save(QStringLiteral("Spring offer"), *block, QStringLiteral("approved"), 200).ok());
    auto found = lib.find(QStringLiteral("Spring offer"));
    QVERIFY(found.ok());
    QCOMPARE(found->version, 2);
    QCOMPARE(found->status, QStringLiteral("approved"));
    QCOMPARE(found->block.content.value(QStringLiteral("title")).toString(),
             QStringLiteral("15% off"));
    QCOMPARE(db.scalar("SELECT count(*) FROM block_versions")->toInt(), 2);
    QVERIFY(
        lib.setStatus(QStringLiteral("Spring offer"), QStringLiteral("needs_refresh"), 300).ok());
    QCOMPARE(lib.find(QStringLiteral("Spring offer"))->status, QStringLiteral("needs_refresh"));
    QCOMPARE(
        lib.setStatus(QStringLiteral("Spring offer"), QStringLiteral("gold"), 300).error().code,
        Error::Code::BadInput);
    QCOMPARE(lib.setStatus(QStringLiteral("nope"), QStringLiteral("draft"), 300).error().code,
             Error::Code::NotFound);
    QCOMPARE(lib.list()->size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestContent)
#include "tst_content.moc"
