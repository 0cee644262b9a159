// The import dialog: preview, column mapping, import on a worker thread, cancel.
#include "import/importdialog.h"
#include "storage/database.h"
#include "testutils.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace mw;

namespace {

QByteArray sha256(const QString &path)
{
    return QCryptographicHash::hash(test::fileBytes(path), QCryptographicHash::Sha256).toHex();
}

QStringList column(const QString &dbPath, std::string_view sql)
{
    auto db = Database::open(dbPath);
    QStringList out;
    auto st = db->prepare(sql);
    while (st->step())
        out << st->text(0);
    return out;
}

template <typename T> T *child(QWidget &w, const char *name)
{
    return w.findChild<T *>(QString::fromLatin1(name));
}

} // namespace

class TestImportDialog : public QObject {
    Q_OBJECT
private slots:
    void init();
    void previewShowsFirstRows();
    void mappingChangesTarget();
    void importCompletesAndListsBadRows();
    void cancelLeavesDatabaseUnchanged();
    void mappingGetsTheRoom();

private:
    std::unique_ptr<test::TempDir> m_dir;
    QString m_db;
};

void TestImportDialog::init()
{
    m_dir = std::make_unique<test::TempDir>();
    m_db = m_dir->path(QStringLiteral("t.db"));
    QVERIFY(test::openFresh(m_db).isOpen());
}

void TestImportDialog::previewShowsFirstRows()
{
    QByteArray csv = "email,first_name,\"note, with comma\"\r\n";
    for (int i = 0; i < 30; ++i)
        csv +=
            "u" + QByteArray::number(i) + "@x.com,Name " + QByteArray::number(i) + ",\"a\nb\"\r\n";
    const QString path = m_dir->writeFile(QStringLiteral("s.csv"), csv);
    ui::ImportDialog dialog(m_db);
    dialog.setFile(path);
    auto *preview = child<QTableWidget>(dialog, "previewTable");
    QVERIFY(preview);
    QCOMPARE(preview->columnCount(), 3);
    QCOMPARE(preview->rowCount(), 20);
    QCOMPARE(preview->horizontalHeaderItem(2)->text(), QStringLiteral("note, with comma"));
    QCOMPARE(preview->item(0, 0)->text(), QStringLiteral("u0@x.com"));
    QCOMPARE(preview->item(19, 1)->text(), QStringLiteral("Name 19"));
    QCOMPARE(preview->item(3, 2)->text(), QStringLiteral("a\nb"));
    // Rows are labelled with their physical line (each record spans two lines here).
    QCOMPARE(preview->verticalHeaderItem(1)->text(), QStringLiteral("4"));
}

void TestImportDialog::mappingChangesTarget()
{
    const QString path = m_dir->writeFile(QStringLiteral("s.csv"),
                                          "Mail,Vorname,Stadt,Passwort\nA@x.com,Anna,Berlin,pw\n");
    ui::ImportDialog dialog(m_db);
    dialog.setFile(path);
    auto *importButton = child<QPushButton>(dialog, "importButton");
    // No column is called "email": nothing can be imported until one is mapped.
    QVERIFY(!importButton->isEnabled());
    QVERIFY(child<QLabel>(dialog, "mappingStatus")->text().contains(QStringLiteral("\"email\"")));
    QCOMPARE(dialog.mapping()[0], ColumnTarget::attribute(QStringLiteral("Mail")));

    auto pick = [&](int column, const QString &data) {
        auto *combo =
            child<QComboBox>(dialog, qPrintable(QStringLiteral("mappingCombo%1").arg(column)));
        QVERIFY(combo);
        const int index = combo->findData(data);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
    };
    pick(0, QStringLiteral("field:email"));
    pick(1, QStringLiteral("field:first_name"));
    pick(3, QStringLiteral("ignore"));
    QVERIFY(importButton->isEnabled());
    QCOMPARE(dialog.mapping(),
             (std::vector<ColumnTarget>{ColumnTarget::field(QStringLiteral("email")),
                                        ColumnTarget::field(QStringLiteral("first_name")),
                                        ColumnTarget::attribute(QStringLiteral("Stadt")),
                                        ColumnTarget::ignore()}));
    // Two columns on one field disable the import again.
    pick(1, QStringLiteral("field:email"));
    QVERIFY(!importButton->isEnabled());
    pick(1, QStringLiteral("field:first_name"));

    QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
    QTest::mouseClick(importButton, Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(
        column(m_db, "SELECT email || ' ' || first_name || ' ' || attributes FROM subscribers"),
        QStringList({QStringLiteral("a@x.com Anna {\"Stadt\":\"Berlin\"}")}));
}

void TestImportDialog::importCompletesAndListsBadRows()
{
    const QString path =
        m_dir->writeFile(QStringLiteral("s.csv"), "email,created_at\na@x.com,2024-01-01\nbad,\n"
                                                  "b@x.com,2024-02-30\nc@x.com,\n");
    ui::ImportDialog dialog(m_db);
    dialog.setFile(path);
    QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
    // Before an import the bar does not claim "0%".
    QVERIFY(!child<QProgressBar>(dialog, "progressBar")->isTextVisible());

    // Abort mode: nothing lands, every bad row is listed with its line.
    dialog.startImport();
    QVERIFY(child<QProgressBar>(dialog, "progressBar")->isTextVisible());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.takeFirst().first().toBool(), false);
    const QString summary = child<QPlainTextEdit>(dialog, "summaryText")->toPlainText();
    QVERIFY2(summary.contains(QStringLiteral("line 3: email has no @")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("line 4: created_at is not an ISO 8601 date")),
             qPrintable(summary));
    QCOMPARE(column(m_db, "SELECT count(*) FROM subscribers"), QStringList({QStringLiteral("0")}));

    // Skip mode: the good rows land.
    dialog.setSkipBadRows(true);
    dialog.startImport();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.takeFirst().first().toBool(), true);
    QVERIFY(dialog.lastReport().has_value());
    QCOMPARE(dialog.lastReport()->inserted, qint64(2));
    QCOMPARE(dialog.lastReport()->rejected, qint64(2));
    QCOMPARE(child<QProgressBar>(dialog, "progressBar")->value(), 100);
    QCOMPARE(column(m_db, "SELECT email FROM subscribers ORDER BY email"),
             QStringList({QStringLiteral("a@x.com"), QStringLiteral("c@x.com")}));
}

void TestImportDialog::cancelLeavesDatabaseUnchanged()
{
    {
        auto db = Database::open(m_db);
        QVERIFY(db->exec("INSERT INTO subscribers(email, created_at) VALUES ('old@x.com', 0)"));
    }
    const QByteArray before = sha256(m_db);
    QByteArray csv = "email,city\n";
    for (int i = 0; i < 200000; ++i)
        csv += "user" + QByteArray::number(i) + "@example.com,Berlin\n";
    const QString path = m_dir->writeFile(QStringLiteral("big.csv"), csv);

    ui::ImportDialog dialog(m_db);
    dialog.setFile(path);
    QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
    dialog.startImport();
    QVERIFY(dialog.isRunning());
    QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!dialog.lastReport().has_value());
    QVERIFY(child<QLabel>(dialog, "statusLabel")->text().contains(QStringLiteral("Cancelled")));
    QCOMPARE(sha256(m_db), before);
    QCOMPARE(column(m_db, "SELECT email FROM subscribers"),
             QStringList({QStringLiteral("old@x.com")}));
}

// The mapping is what has to be checked row by row: it gets more of the dialog's height
// than the preview, and the (empty) result box does not take it away.
void TestImportDialog::mappingGetsTheRoom()
{
    QByteArray csv = "email,first_name,last_name,country,city,language,plan,loyalty_points,"
                     "newsletter_source,birthday\n";
    for (int i = 0; i < 30; ++i)
        csv +=
            "u" + QByteArray::number(i) + "@x.com,Ann,Lee,DE,Berlin,de,free,3,spring,2000-01-01\n";
    const QString path = m_dir->writeFile(QStringLiteral("wide.csv"), csv);
    ui::ImportDialog dialog(m_db);
    dialog.setFile(path);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *mapping = child<QTableWidget>(dialog, "mappingTable");
    auto *preview = child<QTableWidget>(dialog, "previewTable");
    auto *summary = child<QPlainTextEdit>(dialog, "summaryText");
    QCOMPARE(mapping->rowCount(), 10);
    QTRY_VERIFY2(mapping->viewport()->height() > preview->viewport()->height(),
                 qPrintable(QStringLiteral("mapping %1 px, preview %2 px")
                                .arg(mapping->viewport()->height())
                                .arg(preview->viewport()->height())));
    QVERIFY(preview->viewport()->height() >= 3 * preview->rowHeight(0)); // still a glance
    QVERIFY(summary->height() <= summary->fontMetrics().lineSpacing() * 6 + 4);
    // The default size: as large as the dialog wants, within 90 % of the screen.
    const QSize screen = dialog.screen()->availableGeometry().size();
    QCOMPARE(dialog.width(), qMin(980, screen.width() * 9 / 10));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
