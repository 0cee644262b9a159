#include "campaignfixture.h"

#include "testutils.h"

#include <QJsonArray>
#include <QJsonDocument>
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
         "content": {"text": "Our spring collection is in."},
         "variants": [{"id": "oslo", "priority": 10,
                       "when": {"field": "subscriber.city", "op": "=", "value": "Oslo"},
                       "content": {"text": "Hei from Oslo!"}}]},
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
    // Anna (NO) and Ben (GB): a segment of two with different emails.
    if (!db.exec(R"SQL(INSERT INTO segments(name, definition, created_at, updated_at) VALUES
        ('nordic-and-uk', '{"match": "all", "conditions": [{"field": "country", "op": "in",
         "value": ["NO", "GB"]}]}', 1, 1))SQL"))
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

} // namespace mw::test
