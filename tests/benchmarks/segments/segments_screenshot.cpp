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
    bool counted = false;
    bool listed = false;
    auto grabWhenReady = [&] {
        if (counted && listed)
            QTimer::singleShot(500, &page, [&] {
                page.grab().save(out);
                app.quit();
            });
    };
    QObject::connect(&page, &mw::ui::SegmentsPage::previewShown, &page, [&] {
        if (page.displayedCount() >= 0 && !counted) {
            counted = true;
            grabWhenReady();
        }
    });
    QObject::connect(&page, &mw::ui::SegmentsPage::savedSegmentsReloaded, &page, [&] {
        if (!listed) {
            listed = true;
            grabWhenReady();
        }
    });
    QTimer::singleShot(300000, &app, [&] { app.exit(3); });
    return app.exec();
}
