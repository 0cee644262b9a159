// The Liquid-aware text field: highlighting, completion, live syntax errors, undo merging.
#include "campaign/campaigndraft.h"
#include "campaign/liquidtextedit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QProcess>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextLayout>
#include <QUndoStack>
#include <QtTest>

using namespace mw;
using namespace mw::ui;

namespace {

/// The character format the highlighter gave position pos of block line.
QTextCharFormat formatAt(const LiquidTextEdit &edit, int line, int pos)
{
    const QTextBlock block = edit.document()->findBlockByNumber(line);
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (pos >= r.start && pos < r.start + r.length)
            return r.format;
    }
    return {};
}

} // namespace

class TestLiquidTextEdit : public QObject {
    Q_OBJECT
private slots:
    void highlightsOutputTagsAndFilters();
    void completesFieldsAndFilters();
    void reportsErrorWithLineAndColumn_data();
    void reportsErrorWithLineAndColumn();
    void singleLineIgnoresEnter();

    void typingMergesIntoOneUndoStep();
};

void TestLiquidTextEdit::highlightsOutputTagsAndFilters()
{
    LiquidTextEdit edit;
    edit.setPlainText(QStringLiteral("Hi {{ subscriber.first_name | upcase }}!\n"
                                     "{% if metrics.order_count > 2 %}VIP{% endif %}"));
    QApplication::processEvents();
    const QTextCharFormat plain = formatAt(edit, 0, 0);   // "H"
    const QTextCharFormat field = formatAt(edit, 0, 8);   // inside "subscriber"
    const QTextCharFormat filter = formatAt(edit, 0, 32); // inside "upcase"
    const QTextCharFormat tagName = formatAt(edit, 1, 4); // "if"
    QVERIFY(plain.foreground() != field.foreground());
    QVERIFY(field.foreground() != filter.foreground());
    QVERIFY(filter.fontItalic());
    QCOMPARE(tagName.fontWeight(), int(QFont::Bold));
    QVERIFY(formatAt(edit, 1, 33).foreground() == plain.foreground()); // "VIP" is text
}

void TestLiquidTextEdit::completesFieldsAndFilters()
{
    LiquidTextEdit edit;
    edit.setCompletions({QStringLiteral("subscriber.first_name"), QStringLiteral("subscriber.city"),
                         QStringLiteral("metrics.order_count")},
                        {QStringLiteral("upcase"), QStringLiteral("default")});
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    auto *completer = edit.findChild<QCompleter *>();
    QVERIFY(completer);

    // Outside {{ }} nothing is offered.
    QTest::keyClicks(&edit, QStringLiteral("subscr"));
    QVERIFY(!completer->popup()->isVisible());

    edit.clear();
    QTest::keyClicks(&edit, QStringLiteral("{{ subscriber.f"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->currentCompletion(), QStringLiteral("subscriber.first_name"));
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(edit.toPlainText(), QStringLiteral("{{ subscriber.first_name"));

    // After a pipe, filters are offered instead of fields.
    QTest::keyClicks(&edit, QStringLiteral(" | up"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->currentCompletion(), QStringLiteral("upcase"));
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(edit.toPlainText(), QStringLiteral("{{ subscriber.first_name | upcase"));
}

void TestLiquidTextEdit::reportsErrorWithLineAndColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("unterminated output on line 2")
        << QStringLiteral("Hello\n  {{ subscriber.first_name") << 2 << 3;
    // Columns point at the offending tag's name.
    QTest::newRow("if never closed") << QStringLiteral("a\nb\n{% if x %}yes") << 3 << 4;
    QTest::newRow("endfor without for") << QStringLiteral("{% if a %}{% endfor %}") << 1 << 14;
    QTest::newRow("unknown filter on line 2")
        << QStringLiteral("Hi\n{{ subscriber.first_name | upcse }}") << 2 << 28;
    QTest::newRow("valid") << QStringLiteral("{% if a %}{{ a }}{% endif %}") << 0 << 0;
}

void TestLiquidTextEdit::reportsErrorWithLineAndColumn()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    LiquidTextEdit edit;
    QSignalSpy changed(&edit, &LiquidTextEdit::errorChanged);
    edit.setPlainText(text);
    QTRY_VERIFY(!changed.isEmpty() || line == 0); // debounced, then reported
    edit.validateNow();
    if (line == 0) {
        QVERIFY(!edit.syntaxError());
        QVERIFY(edit.errorText().isEmpty());
        QVERIFY(edit.extraSelections().isEmpty());
        return;
    }
    QVERIFY(edit.syntaxError());
    QCOMPARE(edit.syntaxError()->line, line);
    QCOMPARE(edit.syntaxError()->column, column);
    QVERIFY(
        edit.errorText().startsWith(QStringLiteral("line %1, column %2: ").arg(line).arg(column)));
    QCOMPARE(changed.last().first().toString(), edit.errorText());
    QCOMPARE(edit.extraSelections().size(), 1);
    QCOMPARE(edit.extraSelections().first().cursor.block().blockNumber(), line - 1);
    QCOMPARE(edit.extraSelections().first().format.underlineStyle(),
             QTextCharFormat::WaveUnderline);

    // The reference, ruby-liquid in strict mode, reports a syntax error on the same line
    // (it does not check filter names at parse time, so that row is ours alone).
    if (QByteArray(QTest::currentDataTag()).startsWith("unknown filter"))
        return;
    QProcess ruby;
    ruby.start(
        QStringLiteral("ruby"),
        {QStringLiteral("-rliquid"), QStringLiteral("-e"),
         QStringLiteral("begin; Liquid::Template.parse(STDIN.read, error_mode: :strict, "
                        "line_numbers: true); puts 'ok'; rescue => e; puts e.message; end")});
    QVERIFY(ruby.waitForStarted());
    ruby.write(text.toUtf8());
    ruby.closeWriteChannel();
    QVERIFY(ruby.waitForFinished(30000));
    const QString reference = QString::fromUtf8(ruby.readAllStandardOutput());
    QVERIFY2(reference.contains(QStringLiteral("(line %1)").arg(line)), qPrintable(reference));
}

void TestLiquidTextEdit::singleLineIgnoresEnter()
{
    LiquidTextEdit edit;
    edit.setSingleLine(true);
    QTest::keyClicks(&edit, QStringLiteral("Subject"));
    QTest::keyClick(&edit, Qt::Key_Return);
    QTest::keyClicks(&edit, QStringLiteral(" line"));
    QCOMPARE(edit.toPlainText(), QStringLiteral("Subject line"));
}

void TestLiquidTextEdit::typingMergesIntoOneUndoStep()
{
    CampaignDraft doc(QJsonObject{{QStringLiteral("subject"), QStringLiteral("Hi")}});
    LiquidTextEdit edit;
    edit.setTextQuietly(QStringLiteral("Hi"));
    connect(&edit, &LiquidTextEdit::edited, &doc,
            [&doc](const QString &t) { doc.pushValue({QStringLiteral("subject")}, t); });
    edit.moveCursor(QTextCursor::End);
    QTest::keyClicks(&edit, QStringLiteral(" there"));
    QCOMPARE(doc.value({QStringLiteral("subject")}).toString(), QStringLiteral("Hi there"));
    QCOMPARE(doc.undoStack()->count(), 1);
    // Typing back to the start leaves no undo step at all (net-zero change).
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(&edit, Qt::Key_Backspace);
    QCOMPARE(doc.value({QStringLiteral("subject")}).toString(), QStringLiteral("Hi"));
    QCOMPARE(doc.undoStack()->count(), 0);
}

QTEST_MAIN(TestLiquidTextEdit)
#include "tst_liquidtextedit.moc"
