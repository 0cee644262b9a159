// The batch renderer's fast paths give exactly the bytes of the plain ones: incremental
// SHA-256 over shared pieces (PrefixDigest) against one-shot SHA-256, the batch session's
// digest, length and pre-escaped text against a plain render, and the direct-I/O writer
// against the bytes it was given.
#include "content/samplecampaign.h"
#include "render/campaignloader.h"
#include "render/directfilewriter.h"
#include "render/jsonout.h"
#include "render/memotable.h"
#include "render/prefixdigest.h"
#include "render/segmentmembership.h"
#include "render/subscriberloader.h"
#include "renderfixture.h"
#include "testutils.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QtTest>

#include <set>

#include <fcntl.h>
#include <unistd.h>

using namespace mw;

class TestBatchOutput : public QObject {
    Q_OBJECT
private slots:
    void memoTableComparesKeysExactly();
    void prefixDigestEqualsOneShot();
    void batchSessionMatchesPlainRender_data();
    void batchSessionMatchesPlainRender();
    void directWriterWritesExactBytes_data();
    void directWriterWritesExactBytes();

private:
    test::TempDir m_dir;
};

void TestBatchOutput::memoTableComparesKeysExactly()
{
    MemoTable<int> table;
    QVERIFY(table.find("a", 1) == nullptr);
    // Equal hashes, different keys (also prefixes of each other): told apart by the bytes.
    table.insert("abc", 7, 1);
    table.insert("ab", 7, 2);
    table.insert(std::string_view("ab\0", 3), 7, 3);
    QCOMPARE(*table.find("abc", 7), 1);
    QCOMPARE(*table.find("ab", 7), 2);
    QCOMPARE(*table.find(std::string_view("ab\0", 3), 7), 3);
    QVERIFY(table.find("abd", 7) == nullptr);
    QVERIFY(table.find("abc", 8) == nullptr);
    // Many entries through several growths; values keep their addresses.
    const int *first = table.find("abc", 7);
    for (int i = 0; i < 5000; ++i) {
        const std::string key = "key" + std::to_string(i);
        table.insert(key, MemoTable<int>::hashOf(key), i);
    }
    QCOMPARE(table.find("abc", 7), first);
    for (int i = 0; i < 5000; ++i) {
        const std::string key = "key" + std::to_string(i);
        const int *v = table.find(key, MemoTable<int>::hashOf(key));
        QVERIFY(v != nullptr);
        QCOMPARE(*v, i);
    }
    QCOMPARE(table.size(), size_t{5003});
    table.clear();
    QCOMPARE(table.size(), size_t{0});
    QVERIFY(table.find("key1", MemoTable<int>::hashOf("key1")) == nullptr);
    table.insert("key1", MemoTable<int>::hashOf("key1"), 9);
    QCOMPARE(*table.find("key1", MemoTable<int>::hashOf("key1")), 9);
}

void TestBatchOutput::prefixDigestEqualsOneShot()
{
    QRandomGenerator rng(20261122);
    // A pool of shared pieces (id -> fixed bytes) of lengths around SHA-256's 64-byte
    // block, so resumed states sit at every offset within a block.
    std::vector<std::string> pool(40);
    for (std::string &p : pool) {
        p.resize(rng.bounded(0, 300));
        for (char &c : p)
            c = static_cast<char>(rng.bounded(256));
    }
    for (size_t maxEntries : {size_t{1}, size_t{3}, size_t{100000}}) {
        PrefixDigest digest(maxEntries);
        uint64_t total = 0;
        uint64_t skipped = 0;
        std::set<std::vector<uint64_t>> seen;
        for (int doc = 0; doc < 3000; ++doc) {
            struct Piece {
                uint64_t id;
                std::string bytes;
            };
            std::vector<Piece> pieces;
            const int n = rng.bounded(0, 8);
            for (int i = 0; i < n; ++i) {
                if (rng.bounded(6) == 0) { // personal: unique bytes, id 0
                    std::string b(rng.bounded(0, 200), '\0');
                    for (char &c : b)
                        c = static_cast<char>(rng.bounded(256));
                    pieces.push_back({0, std::move(b)});
                } else { // few distinct pieces, so runs repeat and are resumed
                    const int k = rng.bounded(0, doc % 2 ? 4 : 40);
                    pieces.push_back({static_cast<uint64_t>(k + 1), pool[static_cast<size_t>(k)]});
                }
            }
            std::string whole;
            for (const Piece &p : pieces)
                whole += p.bytes;
            // What a correct cache skips: the leading run of shared pieces, when that exact
            // sequence was seen before (and not evicted: only counted without eviction).
            std::vector<uint64_t> run;
            uint64_t runBytes = 0;
            for (const Piece &p : pieces) {
                if (p.id == 0)
                    break;
                run.push_back(p.id);
                runBytes += p.bytes.size();
            }
            if (!run.empty() && !seen.insert(run).second)
                skipped += runBytes;
            uint64_t length = 0;
            const PrefixDigest::Digest d = digest.compute(
                pieces.size(), [&](size_t i) { return pieces[i].id; },
                [&](size_t i) -> std::string_view { return pieces[i].bytes; }, length);
            QCOMPARE(PrefixDigest::hex(d), PrefixDigest::hex(PrefixDigest::oneShot(whole)));
            QCOMPARE(length, whole.size());
            total += whole.size();
            QCOMPARE(QByteArray::fromStdString(PrefixDigest::hex(d)),
                     QCryptographicHash::hash(QByteArray::fromStdString(whole),
                                              QCryptographicHash::Sha256)
                         .toHex());
        }
        if (maxEntries > 10) { // resumed runs were not hashed again
            QVERIFY(skipped > total / 10);
            QCOMPARE(digest.hashedBytes(), total - skipped);
        } else {
            QVERIFY(digest.entryCount() <= maxEntries);
        }
    }
    // Resuming really skips work: the same shared document twice hashes it once.
    PrefixDigest digest;
    uint64_t length = 0;
    const std::string big(100000, 'x');
    const auto id = [](size_t) { return uint64_t{7}; };
    const auto bytes = [&](size_t) -> std::string_view { return big; };
    const auto first = digest.compute(1, id, bytes, length);
    const auto second = digest.compute(1, id, bytes, length);
    QCOMPARE(first, second);
    QCOMPARE(digest.hashedBytes(), uint64_t{100000});
    QCOMPARE(length, uint64_t{100000});
}

void TestBatchOutput::batchSessionMatchesPlainRender_data()
{
    QTest::addColumn<bool>("envelopeVariants");
    QTest::newRow("sample campaign") << false;
    // Preheader and from-name variants: the chosen preheader goes through the same shared
    // piece as the default one.
    QTest::newRow("preheader and from-name variants") << true;
}

void TestBatchOutput::batchSessionMatchesPlainRender()
{
    QFETCH(bool, envelopeVariants);
    const QString path = m_dir.path(QStringLiteral("b%1.db").arg(envelopeVariants ? 1 : 0));
    Database db = test::RenderFixture::create(path);
    // Repeating names, stages and categories so memo hits and resumed digests occur, plus
    // text that needs JSON escaping in names.
    QVERIFY(db.exec(R"SQL(
        WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 699)
        INSERT INTO subscribers(id, email, first_name, country, created_at)
        SELECT i, 'user' || i || '@example.com',
               CASE WHEN i % 7 = 0 THEN NULL WHEN i % 13 = 0 THEN 'Q' || char(34) || '</b>' || char(92) || (i % 3)
                    ELSE 'Name' || (i % 20) END, 'DE', 1700000000 FROM n;
        WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 699)
        INSERT INTO subscriber_metrics(subscriber_id, lifecycle_stage, purchase_propensity,
                                       favorite_category, order_count, computed_at)
        SELECT i, CASE i % 5 WHEN 0 THEN 'vip' WHEN 1 THEN 'at_risk' WHEN 2 THEN 'customer'
                             ELSE 'subscriber' END,
               (i % 100) / 100.0, CASE i % 3 WHEN 0 THEN 'Outdoor' WHEN 1 THEN 'Footwear' END,
               i % 4, 1750000000 FROM n WHERE i % 11 != 0;)SQL"));
    auto campaign = CampaignLoader::load(db, SampleCampaign::name(), test::RenderFixture::kNow);
    QVERIFY(campaign.ok());
    if (envelopeVariants) {
        CampaignDocument doc = SampleCampaign::document();
        doc.preheaderVariants = {
            {QStringLiteral("vip"), 5,
             QJsonObject{{QStringLiteral("segment"), QStringLiteral("vip")}},
             QStringLiteral("VIP <preview> for {{ subscriber.first_name | default: \"you\" }}")},
            {QStringLiteral("outdoor"), 1,
             QJsonObject{{QStringLiteral("field"), QStringLiteral("metrics.favorite_category")},
                         {QStringLiteral("op"), QStringLiteral("=")},
                         {QStringLiteral("value"), QStringLiteral("Outdoor")}},
             QStringLiteral("Outdoor & more")}};
        doc.fromNameVariants = {{QStringLiteral("stylist"), 0,
                                 QJsonObject{{QStringLiteral("segment"), QStringLiteral("vip")}},
                                 QStringLiteral("{{ subscriber.first_name }}'s stylist")}};
        CampaignRecord record;
        record.id = 1;
        record.name = SampleCampaign::name();
        campaign = CampaignLoader::fromDocument(db, record, doc, test::RenderFixture::kNow);
        QVERIFY(campaign.ok());
    }
    int preheaderVariants = 0;
    auto membership =
        PreloadedMembership::load(db, campaign->compiled->segments, test::RenderFixture::kNow);
    QVERIFY(membership.ok());
    SubscriberLoader loader(db);
    std::vector<int64_t> ids;
    for (int64_t id = 1; id <= 9; ++id)
        ids.push_back(id);
    for (int64_t id = 100; id < 700; ++id)
        ids.push_back(id);

    RenderSession withHtml;
    withHtml.setBatchOutput(true);
    RenderSession withoutHtml;
    withoutHtml.setBatchOutput(false);
    RenderResult a, b;
    int compared = 0;
    for (int pass = 0; pass < 2; ++pass) { // the second pass resumes every digest
        const Status st = loader.forEach(ids, [&](SubscriberRecord &record) {
            const RenderResult plain = campaign->renderer->render(record, membership->get(),
                                                                  nullptr, TraceDetail::Outcomes);
            campaign->renderer->render(record, membership->get(), &withHtml, TraceDetail::Outcomes,
                                       a);
            campaign->renderer->render(record, membership->get(), &withoutHtml,
                                       TraceDetail::Outcomes, b);
            const std::string oneShot = PrefixDigest::hex(PrefixDigest::oneShot(plain.html));
            if (plain.preheaderVariant >= 0)
                ++preheaderVariants;
            if (a.preheader != plain.preheader || b.preheader != plain.preheader ||
                a.fromName != plain.fromName || b.fromName != plain.fromName ||
                a.preheaderVariant != plain.preheaderVariant ||
                b.fromNameVariant != plain.fromNameVariant) {
                qWarning() << "preheader or from name differ for subscriber" << record.id();
                return false;
            }
            if (a.html != plain.html || a.htmlSha256() != oneShot || b.htmlSha256() != oneShot ||
                b.htmlBytes() != static_cast<int64_t>(plain.html.size()) || !b.html.empty()) {
                qWarning() << "digest, length or html differ for subscriber" << record.id();
                return false;
            }
            std::string escaped;
            json::appendEscaped(escaped, plain.text);
            if (a.textJson != escaped || b.textJson != escaped) {
                qWarning() << "text differs for subscriber" << record.id();
                return false;
            }
            // The JSON lines are byte-identical to the plain path's.
            std::string plainLine, batchLine, htmlLine, plainHtmlLine;
            plain.appendJson(plainLine, false, true, true);
            b.appendJson(batchLine, false, true, true);
            plain.appendJson(plainHtmlLine, true, true, true);
            a.appendJson(htmlLine, true, true, true);
            if (plainLine != batchLine || plainHtmlLine != htmlLine) {
                qWarning() << "JSON line differs for subscriber" << record.id();
                return false;
            }
            ++compared;
            return true;
        });
        QVERIFY(st.ok());
    }
    QCOMPARE(compared, 2 * static_cast<int>(ids.size()));
    if (envelopeVariants) // the variants really were chosen, for many but not all
        QVERIFY(preheaderVariants > 100 && preheaderVariants < compared);
}

void TestBatchOutput::directWriterWritesExactBytes_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<int>("buffer");
    QTest::newRow("disk, 4 KiB buffer") << m_dir.path(QString()) << 4096;
    QTest::newRow("disk, odd buffer") << m_dir.path(QString()) << 10000;
    QTest::newRow("disk, 1 MiB buffer") << m_dir.path(QString()) << (1 << 20);
    // tmpfs refuses direct I/O on older kernels: the writer falls back to plain writes.
    if (QFileInfo(QStringLiteral("/dev/shm")).isWritable())
        QTest::newRow("tmpfs") << QStringLiteral("/dev/shm") << 65536;
}

void TestBatchOutput::directWriterWritesExactBytes()
{
    QFETCH(QString, dir);
    QFETCH(int, buffer);
    const QString path = dir + QStringLiteral("/mw-directwriter-%1.bin").arg(getpid());
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QVERIFY(fd >= 0);
    QRandomGenerator rng(7);
    std::string expected;
    {
        DirectFileWriter writer(fd, path, static_cast<size_t>(buffer));
        for (int i = 0; i < 300; ++i) {
            std::string piece(rng.bounded(0, 3 * buffer), '\0');
            for (char &c : piece)
                c = static_cast<char>('a' + rng.bounded(26));
            expected += piece;
            QVERIFY(writer.append(piece).ok());
        }
        QVERIFY(writer.finish().ok());
        // More after finish() goes on at the end (plain writes).
        QVERIFY(writer.append("tail").ok());
        QVERIFY(writer.finish().ok());
        expected += "tail";
    }
    ::close(fd);
    const QByteArray written = test::fileBytes(path);
    QFile::remove(path);
    QCOMPARE(static_cast<size_t>(written.size()), expected.size());
    QVERIFY(written == QByteArray::fromStdString(expected));
}

QTEST_GUILESS_MAIN(TestBatchOutput)
#include "tst_batchoutput.moc"
