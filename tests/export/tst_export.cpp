// mailwright-cli export, run as a user would. Expected values come from other commands
// and tools: `mailwright-cli render` (the single-subscriber path) for HTML, text and
// subject; `segment members` and SQL for who is exported; Python's email package to parse
// the .eml files; ruby-liquid's parse tree for the fields a Liquid template uses.
#include "content/campaignstore.h"
#include "content/samplecampaign.h"
#include "exportfixture.h"
#include "testutils.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <set>

using namespace mw;
using test::ExportFixture;

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void refusedBeforeApproval();
    void refusedAfterEdit();
    void htmlMatchesRender();
    void htmlSegmentAndLimit();
    void emlParsesWithPython();
    void liquidManifestListsTheTemplatesFields();
    void previousExportIsReplaced();
    void hostile_data();
    void hostile();
    void fullDiskLeavesNothing();
    void progressOnlyOnATerminal();

private:
    QStringList exportArgs(const QString &campaign, const QString &out) const
    {
        return {QStringLiteral("export"),
                QStringLiteral("--db"),
                m_db,
                QStringLiteral("--campaign"),
                campaign,
                QStringLiteral("--out"),
                out};
    }
    QStringList entries(const QString &dir) const
    {
        return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                                   QDir::Name);
    }
    std::vector<int64_t> subscribedIds(const QString &segment = {}) const;
    QString exportedId(const QString &file) const { return file.section(QLatin1Char('.'), 0, 0); }

    test::TempDir m_dir;
    QString m_db;
};

void TestExport::initTestCase()
{
    m_db = m_dir.path(QStringLiteral("sample.db"));
    QVERIFY(ExportFixture::createSample(m_db, 300));
    const test::CliRun r =
        test::runCli({QStringLiteral("campaign"), QStringLiteral("approve"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--campaign"), SampleCampaign::name(),
                      QStringLiteral("--by"), QStringLiteral("test")});
    QCOMPARE(r.exitCode, 0);
}

std::vector<int64_t> TestExport::subscribedIds(const QString &segment) const
{
    auto db = Database::open(m_db);
    std::set<int64_t> subscribed;
    auto st = db->prepare("SELECT id FROM subscribers WHERE status = 'subscribed'");
    while (st->step())
        subscribed.insert(st->int64(0));
    std::vector<int64_t> out;
    if (segment.isEmpty())
        return {subscribed.begin(), subscribed.end()};
    const test::CliRun m =
        test::runCli({QStringLiteral("segment"), QStringLiteral("members"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--name"), segment});
    for (const QString &line :
         QString::fromUtf8(m.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int64_t id = line.section(QLatin1Char('\t'), 0, 0).toLongLong();
        if (subscribed.count(id))
            out.push_back(id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void TestExport::refusedBeforeApproval()
{
    auto db = Database::open(m_db);
    QVERIFY(db);
    QVERIFY(
        ExportFixture::saveVariant(*db, QStringLiteral("unapproved"), [](CampaignDocument &) {}));
    const QString out = m_dir.path(QStringLiteral("unapproved-out"));
    const test::CliRun r = test::runCli(exportArgs(QStringLiteral("unapproved"), out));
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.startsWith("error: campaign \"unapproved\" is not approved"));
    QVERIFY(!QFileInfo::exists(out));
    QCOMPARE(entries(m_dir.path(QString())).filter(QStringLiteral("mw-export")), QStringList());
}

void TestExport::refusedAfterEdit()
{
    auto db = Database::open(m_db);
    QVERIFY(db);
    const QString name = QStringLiteral("edited");
    QVERIFY(ExportFixture::saveVariant(*db, name, [](CampaignDocument &) {}));
    QCOMPARE(test::runCli({QStringLiteral("campaign"), QStringLiteral("approve"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--campaign"), name,
                           QStringLiteral("--by"), QStringLiteral("test")})
                 .exitCode,
             0);
    const QString before = m_dir.path(QStringLiteral("edited-before"));
    QCOMPARE(
        test::runCli(exportArgs(name, before) << QStringLiteral("--limit") << QStringLiteral("1"))
            .exitCode,
        0);
    QVERIFY(ExportFixture::saveVariant(*db, name, [](CampaignDocument &d) {
        d.preheader = QStringLiteral("Edited after approval.");
    }));
    const QString after = m_dir.path(QStringLiteral("edited-after"));
    const test::CliRun r = test::runCli(exportArgs(name, after));
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.err, QByteArray("error: campaign \"edited\" is not approved (status draft); run "
                               "campaign approve first\n"));
    QVERIFY(!QFileInfo::exists(after));
    // Approved again, then the approved version is set back by hand: still refused.
    QVERIFY(db->exec("UPDATE campaigns SET status = 'approved' WHERE name = 'edited'"));
    const test::CliRun r2 = test::runCli(exportArgs(name, after));
    QCOMPARE(r2.exitCode, 3);
    QVERIFY(r2.err.contains("was edited after approval (approved version 1, current version 2)"));
    QVERIFY(!QFileInfo::exists(after));
}

void TestExport::htmlMatchesRender()
{
    const QString out = m_dir.path(QStringLiteral("html"));
    const test::CliRun r = test::runCli(exportArgs(SampleCampaign::name(), out)
                                        << QStringLiteral("--format") << QStringLiteral("html"));
    QCOMPARE(r.err, QByteArray()); // no progress when stderr is not a terminal
    QCOMPARE(r.exitCode, 0);
    const std::vector<int64_t> ids = subscribedIds();
    QStringList expected;
    for (int64_t id : ids)
        expected << QStringLiteral("%1.html").arg(id);
    expected << QStringLiteral("mailwright-export.json");
    std::sort(expected.begin(), expected.end());
    QCOMPARE(entries(out), expected);
    // Every 37th subscriber, compared byte for byte with `render --subscriber`.
    for (size_t i = 0; i < ids.size(); i += 37) {
        const test::CliRun one = test::runCli(
            {QStringLiteral("render"), QStringLiteral("--db"), m_db, QStringLiteral("--campaign"),
             SampleCampaign::name(), QStringLiteral("--subscriber"), QString::number(ids[i])});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(test::fileBytes(out + QStringLiteral("/%1.html").arg(ids[i])), one.out);
    }
    const QJsonObject marker =
        QJsonDocument::fromJson(test::fileBytes(out + QStringLiteral("/mailwright-export.json")))
            .object();
    QCOMPARE(marker.value(QStringLiteral("count")).toInteger(), qint64(ids.size()));
    QCOMPARE(marker.value(QStringLiteral("campaign")).toString(), SampleCampaign::name());
}

void TestExport::htmlSegmentAndLimit()
{
    const QString segment = QStringLiteral("engaged-30d");
    const std::vector<int64_t> members = subscribedIds(segment);
    QVERIFY(members.size() > 5);
    const QString out = m_dir.path(QStringLiteral("segment"));
    const test::CliRun r = test::runCli(exportArgs(SampleCampaign::name(), out)
                                        << QStringLiteral("--segment") << segment
                                        << QStringLiteral("--limit") << QStringLiteral("5"));
    QCOMPARE(r.exitCode, 0);
    QStringList expected{QStringLiteral("mailwright-export.json")};
    for (size_t i = 0; i < 5; ++i)
        expected << QStringLiteral("%1.html").arg(members[i]);
    std::sort(expected.begin(), expected.end());
    QCOMPARE(entries(out), expected);
}

void TestExport::emlParsesWithPython()
{
    // A campaign whose subject and from name are non-ASCII and long enough to need several
    // encoded-words.
    auto db = Database::open(m_db);
    QVERIFY(db);
    const QString name = QStringLiteral("unicode");
    QVERIFY(ExportFixture::saveVariant(*db, name, [](CampaignDocument &d) {
        d.subject = QStringLiteral("Grüße, {{ subscriber.first_name | default: 'Freund' }} — "
                                   "🌸 Frühlingsangebote für Sie: Jacken, Schuhe & Zelte");
        d.subjectVariants.clear();
        d.fromName = QStringLiteral("Nordwind Ausrüstung");
    }));
    QCOMPARE(test::runCli({QStringLiteral("campaign"), QStringLiteral("approve"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--campaign"), name,
                           QStringLiteral("--by"), QStringLiteral("test")})
                 .exitCode,
             0);
    const QString out = m_dir.path(QStringLiteral("eml"));
    const test::CliRun r =
        test::runCli(exportArgs(name, out) << QStringLiteral("--format") << QStringLiteral("eml")
                                           << QStringLiteral("--limit") << QStringLiteral("4"));
    QCOMPARE(r.exitCode, 0);
    const std::vector<int64_t> ids = subscribedIds();
    for (size_t i = 0; i < 4; ++i) {
        const QString id = QString::number(ids[i]);
        const QString eml = out + QStringLiteral("/%1.eml").arg(id);
        const QByteArray raw = test::fileBytes(eml);
        QVERIFY(!raw.isEmpty());
        QCOMPARE(raw.count('\n'), raw.count("\r\n")); // CRLF line ends only
        // The expected email: render --format json (subject, from name, text) and
        // --format html (the exact HTML).
        const test::CliRun json =
            test::runCli({QStringLiteral("render"), QStringLiteral("--db"), m_db,
                          QStringLiteral("--campaign"), name, QStringLiteral("--subscriber"), id,
                          QStringLiteral("--format"), QStringLiteral("json")});
        const test::CliRun html =
            test::runCli({QStringLiteral("render"), QStringLiteral("--db"), m_db,
                          QStringLiteral("--campaign"), name, QStringLiteral("--subscriber"), id});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(html.exitCode, 0);
        const QJsonObject expected = QJsonDocument::fromJson(json.out).object();
        const QString htmlFile =
            m_dir.writeFile(QStringLiteral("expected-%1.html").arg(id), html.out);
        const QString script = QStringLiteral(R"PY(
import email, email.policy, email.utils, json, sys
raw = open(sys.argv[1], 'rb').read()
m = email.message_from_bytes(raw, policy=email.policy.default)
assert not m.defects, m.defects
exp = json.loads(sys.argv[2])
assert m['MIME-Version'] == '1.0', m['MIME-Version']
assert m.get_content_type() == 'multipart/alternative', m.get_content_type()
name, addr = email.utils.parseaddr(str(m['From']))
assert name == exp['from_name'] and addr == 'hello@northwind.example', (name, addr)
assert str(m['To']) == exp['email'], str(m['To'])
assert str(m['Subject']) == exp['subject'], (str(m['Subject']), exp['subject'])
head = raw.split(b'\r\n\r\n')[0]
head.decode('ascii')  # RFC 2047: header bytes are ASCII only (raises otherwise)
subject_raw = head.split(b'\r\nSubject: ')[1].split(b'\r\nDate:')[0]
assert subject_raw.startswith(b'=?UTF-8?B?'), subject_raw
assert email.utils.parsedate_to_datetime(str(m['Date'])) is not None
assert m['Message-ID'].startswith('<') and '@northwind.example>' in m['Message-ID']
for line in raw.split(b'\r\n'):
    assert len(line) <= 998
parts = list(m.iter_parts())
assert [p.get_content_type() for p in parts] == ['text/plain', 'text/html']
for p in parts:
    assert p.get_content_charset() == 'utf-8'
    assert p['Content-Transfer-Encoding'] in ('base64', 'quoted-printable')
assert parts[0].get_content() == exp['text'], 'text part differs'
assert parts[1].get_payload(decode=True) == open(sys.argv[3], 'rb').read(), 'html differs'
print('ok')
)PY");
        QProcess py;
        py.start(test::systemPython(),
                 {QStringLiteral("-c"), script, eml, QString::fromUtf8(json.out), htmlFile});
        QVERIFY(py.waitForFinished(60000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        QCOMPARE(py.readAllStandardOutput(), QByteArray("ok\n"));
        QVERIFY(expected.value(QStringLiteral("subject"))
                    .toString()
                    .startsWith(QStringLiteral("Grüße")));
    }
}

void TestExport::liquidManifestListsTheTemplatesFields()
{
    const QString out = m_dir.path(QStringLiteral("liquid"));
    const test::CliRun r = test::runCli(exportArgs(SampleCampaign::name(), out)
                                        << QStringLiteral("--format") << QStringLiteral("liquid"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(entries(out),
             (QStringList{QStringLiteral("mailwright-export.json"), QStringLiteral("manifest.json"),
                          QStringLiteral("template.html"), QStringLiteral("template.txt")}));
    const QJsonObject manifest =
        QJsonDocument::fromJson(test::fileBytes(out + QStringLiteral("/manifest.json"))).object();
    QStringList fields;
    for (const QJsonValue &v : manifest.value(QStringLiteral("fields")).toArray())
        fields << v.toString();
    // ruby-liquid parses both templates and lists every variable lookup, minus loop
    // variables and assigned locals (the reference implementation, not our parser).
    const QString script = QStringLiteral(R"RB(
require 'liquid'
out = []
ARGV.each do |path|
  t = Liquid::Template.parse(File.read(path), error_mode: :strict)
  locals = ['forloop']
  Liquid::ParseTreeVisitor.for(t.root)
    .add_callback_for(Liquid::For) { |n| locals << n.variable_name; nil }
    .add_callback_for(Liquid::Assign) { |n| locals << n.to; nil }
    .visit
  lookups = Liquid::ParseTreeVisitor.for(t.root)
    .add_callback_for(Liquid::VariableLookup) { |n| ([n.name] + n.lookups).join('.') }
    .visit.flatten.compact.select { |s| s.is_a?(String) }
  out += lookups.reject { |s| locals.include?(s.split('.').first) }
end
puts out.uniq.sort
)RB");
    QProcess rb;
    rb.start(QStringLiteral("ruby"),
             {QStringLiteral("-e"), script, out + QStringLiteral("/template.html"),
              out + QStringLiteral("/template.txt")});
    QVERIFY(rb.waitForFinished(60000));
    QVERIFY2(rb.exitCode() == 0, rb.readAllStandardError().constData());
    const QStringList expected =
        QString::fromUtf8(rb.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(fields, expected);
    QVERIFY(fields.contains(QStringLiteral("subscriber.first_name")));
    QVERIFY(fields.contains(QStringLiteral("unsubscribe_url")));
    // The Liquid is kept, not rendered.
    QVERIFY(test::fileBytes(out + QStringLiteral("/template.html"))
                .contains("{{ subscriber.first_name | default: 'friend' }}"));
}

void TestExport::previousExportIsReplaced()
{
    const QString out = m_dir.path(QStringLiteral("again"));
    QCOMPARE(test::runCli(exportArgs(SampleCampaign::name(), out)
                          << QStringLiteral("--limit") << QStringLiteral("3"))
                 .exitCode,
             0);
    QCOMPARE(entries(out).size(), 4);
    QCOMPARE(test::runCli(exportArgs(SampleCampaign::name(), out)
                          << QStringLiteral("--format") << QStringLiteral("liquid"))
                 .exitCode,
             0);
    QCOMPARE(entries(out),
             (QStringList{QStringLiteral("mailwright-export.json"), QStringLiteral("manifest.json"),
                          QStringLiteral("template.html"), QStringLiteral("template.txt")}));
    // A file of the user's in it: no longer only our export, so refused and left alone.
    m_dir.writeFile(QStringLiteral("again/notes.txt"), "mine");
    const test::CliRun r = test::runCli(exportArgs(SampleCampaign::name(), out));
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(test::fileBytes(out + QStringLiteral("/notes.txt")), QByteArray("mine"));
    QCOMPARE(entries(out).size(), 5);
}

void TestExport::hostile_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("out");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("unknown segment")
        << QStringList{QStringLiteral("--segment"), QStringLiteral("nope")} << QStringLiteral("h1")
        << 2;
    QTest::newRow("limit 0") << QStringList{QStringLiteral("--limit"), QStringLiteral("0")}
                             << QStringLiteral("h2") << 1;
    QTest::newRow("limit -3") << QStringList{QStringLiteral("--limit"), QStringLiteral("-3")}
                              << QStringLiteral("h3") << 1;
    QTest::newRow("limit abc") << QStringList{QStringLiteral("--limit"), QStringLiteral("abc")}
                               << QStringLiteral("h4") << 1;
    QTest::newRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf")}
                                << QStringLiteral("h5") << 1;
    QTest::newRow("liquid with limit")
        << QStringList{QStringLiteral("--format"), QStringLiteral("liquid"),
                       QStringLiteral("--limit"), QStringLiteral("2")}
        << QStringLiteral("h6") << 1;
    QTest::newRow("out is a file") << QStringList{} << QStringLiteral("a-file") << 2;
    QTest::newRow("non-empty directory") << QStringList{} << QStringLiteral("full-dir") << 3;
    QTest::newRow("unwritable directory")
        << QStringList{} << QStringLiteral("/proc/self/mw-out") << 2;
    QTest::newRow("missing parent") << QStringList{} << QStringLiteral("no/such/dir") << 2;
}

void TestExport::hostile()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, out);
    QFETCH(int, exitCode);
    m_dir.writeFile(QStringLiteral("a-file"), "keep me");
    QVERIFY(QDir().mkpath(m_dir.path(QStringLiteral("full-dir"))));
    m_dir.writeFile(QStringLiteral("full-dir/keep.txt"), "keep me");
    const QString path = out.startsWith(QLatin1Char('/')) ? out : m_dir.path(out);
    const QStringList before = entries(m_dir.path(QString()));
    const test::CliRun r = test::runCli(exportArgs(SampleCampaign::name(), path) + extra);
    QCOMPARE(r.exitCode, exitCode);
    QCOMPARE(r.out, QByteArray());
    QVERIFY(r.err.startsWith("error: "));
    QCOMPARE(entries(m_dir.path(QString())), before); // nothing created, nothing left over
    QCOMPARE(test::fileBytes(m_dir.path(QStringLiteral("a-file"))), QByteArray("keep me"));
    QCOMPARE(test::fileBytes(m_dir.path(QStringLiteral("full-dir/keep.txt"))),
             QByteArray("keep me"));
}

void TestExport::fullDiskLeavesNothing()
{
    // A file size limit stands in for a full disk: RLIMIT_FSIZE of 96 blocks of 512 bytes
    // (48 KiB) leaves room for SQLite's 32 KiB shared-memory file but not for the emails of
    // a campaign with a 60 KB text block, so the first export file fails with EFBIG
    // (SIGXFSZ ignored, so write() reports it instead of killing the process).
    auto db = Database::open(m_db);
    QVERIFY(db);
    const QString name = QStringLiteral("big");
    QVERIFY(ExportFixture::saveVariant(*db, name, [](CampaignDocument &d) {
        for (CampaignBlock &b : d.blocks)
            if (b.id == QLatin1String("intro"))
                b.content.insert(QStringLiteral("text"), QString(60000, QLatin1Char('x')));
    }));
    QCOMPARE(test::runCli({QStringLiteral("campaign"), QStringLiteral("approve"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--campaign"), name,
                           QStringLiteral("--by"), QStringLiteral("test")})
                 .exitCode,
             0);
    const QString out = m_dir.path(QStringLiteral("full"));
    QProcess sh;
    sh.setProgram(QStringLiteral("/bin/sh"));
    sh.setArguments(QStringList{QStringLiteral("-c"),
                                QStringLiteral("trap '' XFSZ; ulimit -f 96; exec \"$0\" \"$@\""),
                                qEnvironmentVariable("MW_CLI")} +
                    exportArgs(name, out));
    sh.start();
    QVERIFY(sh.waitForFinished(120000));
    const QByteArray err = sh.readAllStandardError();
    QCOMPARE(sh.exitCode(), 2);
    QVERIFY2(err.startsWith("error: " + out.toUtf8() + "/") && err.contains("cannot write"),
             err.constData());
    QVERIFY(!QFileInfo::exists(out));
    QCOMPARE(entries(m_dir.path(QString())).filter(QStringLiteral("mw-export")), QStringList());
}

void TestExport::progressOnlyOnATerminal()
{
    // script(1) runs the export on a pseudo-terminal; htmlMatchesRender checks that
    // nothing is printed to a pipe.
    const QString out = m_dir.path(QStringLiteral("tty"));
    QStringList args = exportArgs(SampleCampaign::name(), out)
                       << QStringLiteral("--limit") << QStringLiteral("3");
    QString command = qEnvironmentVariable("MW_CLI");
    for (const QString &a : args)
        command += QStringLiteral(" '") + a + QLatin1Char('\'');
    QProcess script;
    script.start(QStringLiteral("script"),
                 {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
    QVERIFY(script.waitForFinished(60000));
    QCOMPARE(script.exitCode(), 0);
    QVERIFY2(script.readAllStandardOutput().contains("exported 3 / 3"), "no progress line");
    QCOMPARE(entries(out).size(), 4);
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
