// segments_screenshot DATABASE DEFINITION.json OUT.png [NAME]
// Shows the segment builder with a definition, waits for its exact count, saves a PNG.
#include "segments/segmentdocument.h"
#include "segments/segmentspage.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 4) {
        qWarning("usage: segments_screenshot DATABASE DEFINITION.json OUT.png [NAME]");
        return 1;
    }
    QFile f(QString::fromLocal8Bit(argv[2]));
    if (!f.open(QIODevice::ReadOnly))
        return 2;
    const QJsonObject definition = QJsonDocument::fromJson(f.readAll()).object();
    mw::ui::SegmentsPage page;
    page.resize(1500, 820);
    page.setDatabase(QString::fromLocal8Bit(argv[1]));
    page.document()->reset(
        argc > 4 ? QString::fromLocal8Bit(argv[4]) : QString(), definition,
        QJsonObject{{QStringLiteral("purpose"),
                     QStringLiteral("Re-engage high-value buyers in North America")},
                    {QStringLiteral("kpi"), QStringLiteral("30-day repeat purchase rate")},
                    {QStringLiteral("owner"), QStringLiteral("lifecycle team")}});
    page.show();
    const QString out = QString::fromLocal8Bit(argv[3]);
    int shown = 0;
    QObject::connect(&page, &mw::ui::SegmentsPage::previewShown, &page, [&] {
        if (page.displayedCount() < 0 || ++shown < 1)
            return;
        // Let the catalog and saved list settle, then grab.
        QTimer::singleShot(1500, &page, [&] {
            page.grab().save(out);
            app.quit();
        });
    });
    QTimer::singleShot(120000, &app, [&] { app.exit(3); });
    return app.exec();
}
