// TraceWords: the "Why this email?" panel shows the rules engine's English trace in the
// user's language, keeping the data (field paths, values, names) as it is.
#include "campaign/tracewords.h"
#include "translations.h"

#include <QtTest>

using mw::ui::TraceWords;
using mw::ui::Translations;

class TestTraceWords : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { Translations::uninstall(); }

    void englishStaysAsTheEngineWroteIt()
    {
        Translations::uninstall();
        const QString reason = QStringLiteral("condition does not hold: metrics.lifecycle_stage = "
                                              "\"subscriber\" (missing data: city)");
        QCOMPARE(TraceWords::reason(reason), reason);
        QCOMPARE(TraceWords::rule(QStringLiteral("variant vip: in segment \"vip\"")),
                 QStringLiteral("variant vip: in segment \"vip\""));
        QCOMPARE(TraceWords::outcome(QStringLiteral("not matched")), QStringLiteral("not matched"));
    }

    void germanTranslatesTheWordsAndKeepsTheData()
    {
        QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(TraceWords::outcome(QStringLiteral("not matched")),
                 QStringLiteral("nicht zutreffend"));
        QCOMPARE(TraceWords::outcome(QStringLiteral("variant win-back")),
                 QStringLiteral("Variante win-back"));
        QCOMPARE(TraceWords::rule(QStringLiteral("variant vip: not in segment \"vip\"")),
                 QStringLiteral("Variante vip: nicht im Segment „vip“"));
        QCOMPARE(TraceWords::rule(QStringLiteral("default: always")),
                 QStringLiteral("Standard: immer"));
        // Field tests are data: they stay as written.
        QCOMPARE(TraceWords::rule(QStringLiteral("variant hp: metrics.purchase_propensity >= 0.6")),
                 QStringLiteral("Variante hp: metrics.purchase_propensity >= 0.6"));
        QCOMPARE(TraceWords::reason(QStringLiteral(
                     "condition does not hold: metrics.order_count = 0 (missing data: city)")),
                 QStringLiteral(
                     "Bedingung nicht erfüllt: metrics.order_count = 0 (fehlende Daten: city)"));
        QCOMPARE(TraceWords::reason(QStringLiteral("condition holds: segment \"vip\": member")),
                 QStringLiteral("Bedingung erfüllt: segment \"vip\": Mitglied"));
        QCOMPARE(TraceWords::values(QStringLiteral("segment \"vip\": not a member")),
                 QStringLiteral("segment \"vip\": kein Mitglied"));
        QCOMPARE(TraceWords::reason(QStringLiteral("fallback because products.0.name is missing")),
                 QStringLiteral("Ersatz, weil products.0.name fehlt"));
        QCOMPARE(TraceWords::reason(QStringLiteral("no subject variant condition holds")),
                 QStringLiteral("keine Bedingung einer subject-Variante erfüllt"));
        // Something it does not know is shown as it is.
        QCOMPARE(TraceWords::reason(QStringLiteral("a future reason")),
                 QStringLiteral("a future reason"));
    }
};

QTEST_MAIN(TestTraceWords)
#include "tst_tracewords.moc"
