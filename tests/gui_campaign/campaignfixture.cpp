#include "campaignfixture.h"

#include "testutils.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

namespace mw::test {

QJsonObject CampaignFixture::springSale()
{
    const QByteArray json = R"({
      "subject": "Hi {{ subscriber.first_name }}, spring is here",
      "preheader": "Fresh picks for {{ subscriber.city | default: 'you' }}",
      "from_name": "Acme Outdoor",
      "from_email": "news@acme.example",
      "blocks": [
        {"id": "hero", "type": "hero",
         "content": {"headline": "Hello {{ subscriber.first_name }}",
                     "subheadline": "New arrivals for the season.",
                     "cta_label": "Shop now", "cta_url": "https://acme.example/spring"}},
        {"id": "intro", "type": "text",
         "content": {"text": "Our spring collection is in."}},
        {"id": "footer", "type": "footer",
         "content": {"company": "Acme Outdoor Ltd",
                     "postal_address": "1 Trail Road, Boulder, CO 80302"}}
      ]})";
    return QJsonDocument::fromJson(json).object();
}

qint64 CampaignFixture::create(const QString &path)
{
    Database db = openFresh(path);
    if (!db.isOpen())
        return 0;
    const char *sql = R"SQL(
        INSERT INTO meta(key, value) VALUES ('reference_time', '1767225600');
        INSERT INTO subscribers(id, email, first_name, last_name, city, country, created_at)
        VALUES (1, 'anna@example.com', 'Anna', 'Berg', 'Oslo', 'NO', 1700000000),
               (2, 'ben@example.com', 'Ben', 'Carter', 'Leeds', 'GB', 1700000000),
               (3, 'chloe@example.com', 'Chloe', 'Dubois', NULL, 'FR', 1700000000);
    )SQL";
    if (!db.exec(sql))
        return 0;
    auto st = db.prepare("INSERT INTO campaigns(name, status, document, version, created_at, "
                         "updated_at) VALUES ('Spring sale', 'draft', ?1, 0, 1, 1)");
    if (!st)
        return 0;
    st->bind(1, QString::fromUtf8(QJsonDocument(springSale()).toJson(QJsonDocument::Compact)));
    if (!st->run())
        return 0;
    return static_cast<qint64>(db.lastInsertRowId());
}

namespace {

class SimpleRenderer : public ui::PreviewRenderer {
public:
    explicit SimpleRenderer(const QString &path)
    {
        Database::OpenOptions o;
        o.readOnly = true;
        auto db = Database::open(path, o);
        if (db)
            m_db = std::move(*db);
    }
    ui::PreviewRender render(const QJsonObject &doc, qint64 id) override
    {
        ui::PreviewRender r;
        r.subscriberId = id;
        auto st = m_db.prepare("SELECT email, first_name, last_name, city FROM subscribers "
                               "WHERE id = ?1");
        st->bind(1, static_cast<int64_t>(id));
        if (!st->step()) {
            r.error = QStringLiteral("no subscriber");
            return r;
        }
        QHash<QString, QString> values{{QStringLiteral("email"), st->text(0)},
                                       {QStringLiteral("first_name"), st->text(1)},
                                       {QStringLiteral("last_name"), st->text(2)},
                                       {QStringLiteral("city"), st->text(3)}};
        static const QRegularExpression out(QStringLiteral(
            "\\{\\{\\s*subscriber\\.(\\w+)\\s*(?:\\|\\s*default:\\s*'([^']*)')?\\s*\\}\\}"));
        auto sub = [&](QString s) {
            QString result;
            qsizetype last = 0;
            auto it = out.globalMatch(s);
            while (it.hasNext()) {
                const auto m = it.next();
                result += s.mid(last, m.capturedStart() - last);
                const QString v = values.value(m.captured(1));
                result += v.isEmpty() ? m.captured(2) : v;
                last = m.capturedEnd();
            }
            return result + s.mid(last);
        };
        r.email = values.value(QStringLiteral("email"));
        r.fromName = doc.value(QLatin1String("from_name")).toString();
        const QJsonValue subject = doc.value(QLatin1String("subject"));
        r.subject = sub(subject.isObject() ? subject[QLatin1String("default")].toString()
                                           : subject.toString());
        r.preheader = sub(doc.value(QLatin1String("preheader")).toString());
        r.html = QStringLiteral("<html><body>");
        for (const QJsonValue &b : doc.value(QLatin1String("blocks")).toArray()) {
            const QJsonObject content = b[QLatin1String("content")].toObject();
            r.html += QStringLiteral("<div id=\"%1\">").arg(b[QLatin1String("id")].toString());
            for (auto it = content.begin(); it != content.end(); ++it) {
                if (it.key() == QLatin1String("image_url") && !it.value().toString().isEmpty())
                    r.html +=
                        QStringLiteral("<img src=\"%1\" alt=\"x\">").arg(it.value().toString());
                else
                    r.html += QStringLiteral("<p>%1</p>").arg(sub(it.value().toString()));
            }
            r.html += QStringLiteral("</div>");
            r.shown.append({b[QLatin1String("id")].toString(), QString()});
        }
        r.html += QStringLiteral("</body></html>");
        r.text = r.html;
        return r;
    }

private:
    Database m_db;
};

} // namespace

ui::PreviewRendererFactory CampaignFixture::simpleRenderer()
{
    return [](const QString &path) -> std::unique_ptr<ui::PreviewRenderer> {
        return std::make_unique<SimpleRenderer>(path);
    };
}

} // namespace mw::test
