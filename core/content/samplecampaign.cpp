#include "samplecampaign.h"

#include "content/blocklibrary.h"
#include "content/campaignstore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

#include <sqlite3.h>

namespace mw {

namespace {

// Lifecycle stages come from MetricsCalculator: subscriber, customer, repeat, vip,
// at_risk, advocate. "vip" is also one of the sample segments.
constexpr const char *kCampaign = R"JSON({
  "subject": {
    "default": "{{ subscriber.first_name | default: 'Hello' }}, your spring picks are here",
    "variants": [
      { "id": "vip", "priority": 20, "when": { "segment": "vip" },
        "text": "VIP early access: your spring edit, {{ subscriber.first_name | default: 'friend' }}" },
      { "id": "win-back", "priority": 10,
        "when": { "field": "metrics.lifecycle_stage", "op": "=", "value": "at_risk" },
        "text": "We saved you 15% - come back and see what's new" }
    ]
  },
  "preheader": "Fresh arrivals picked for you{% if metrics.favorite_category %} in {{ metrics.favorite_category }}{% endif %}.",
  "from_name": "Northwind Outfitters",
  "from_email": "hello@northwind.example",
  "unsubscribe_base": "https://northwind.example/unsubscribe",
  "language": "en",
  "blocks": [
    { "id": "header", "type": "header", "library": "Northwind header" },
    { "id": "hero", "type": "hero",
      "content": {
        "image_url": "https://northwind.example/img/spring-hero.jpg",
        "image_alt": "Spring collection: light jackets and trail shoes",
        "headline": "Spring is here, {{ subscriber.first_name | default: 'friend' }}",
        "subheadline": "New arrivals for longer days outdoors.",
        "cta_label": "Shop new arrivals",
        "cta_url": "https://northwind.example/new?utm_campaign=spring"
      },
      "variants": [
        { "id": "vip", "priority": 30,
          "when": { "field": "metrics.lifecycle_stage", "op": "=", "value": "vip" },
          "content": { "headline": "Your VIP early access starts today",
                       "subheadline": "48 hours before everyone else, with free express shipping.",
                       "cta_label": "Shop early access" } },
        { "id": "win-back", "priority": 20,
          "when": { "field": "metrics.lifecycle_stage", "op": "=", "value": "at_risk" },
          "content": { "headline": "We miss you, {{ subscriber.first_name | default: 'friend' }}",
                       "subheadline": "Here is 15% off to welcome you back." } },
        { "id": "high-propensity", "priority": 10,
          "when": { "field": "metrics.purchase_propensity", "op": ">", "value": 0.75 },
          "content": { "subheadline": "Picked from what you love{% if metrics.favorite_category %}: {{ metrics.favorite_category }}{% endif %}." },
          "requires": [ "metrics.favorite_category" ] },
        { "id": "prospect", "priority": 5,
          "when": { "field": "metrics.order_count", "op": "=", "value": 0 },
          "content": { "subheadline": "Your first order ships free." } }
      ] },
    { "id": "intro", "type": "text",
      "content": { "text": "Hi {{ subscriber.first_name | default: 'there' }},\n\nThe days are getting longer and our **spring collection** has landed. We picked a few things we think you will like.\n\n- Lightweight layers\n- Trail-ready shoes\n- Packable rain gear" } },
    { "id": "picks", "type": "products",
      "content": { "title": "Picked for you", "columns": 2, "count": 4, "cta_label": "View" },
      "variants": [
        { "id": "vip", "priority": 10, "when": { "segment": "vip" },
          "content": { "title": "Your VIP edit: {{ metrics.favorite_category }}", "columns": 3, "count": 6 },
          "requires": [ "metrics.favorite_category" ] }
      ] },
    { "id": "cta", "type": "button",
      "content": { "label": "Shop the collection", "url": "https://northwind.example/spring" } },
    { "id": "offer", "type": "offer",
      "content": { "title": "10% off your next order", "code": "SPRING10",
                   "description": "Use the code at checkout.", "expires": "Valid until the end of the month.",
                   "cta_label": "Redeem now", "cta_url": "https://northwind.example/redeem?code=SPRING10" },
      "variants": [
        { "id": "vip", "priority": 20,
          "when": { "field": "metrics.lifecycle_stage", "op": "in", "value": ["vip", "advocate"] },
          "content": { "title": "20% off + free express shipping", "code": "VIP20",
                       "cta_url": "https://northwind.example/redeem?code=VIP20" } },
        { "id": "win-back", "priority": 10,
          "when": { "field": "metrics.lifecycle_stage", "op": "=", "value": "at_risk" },
          "content": { "title": "15% off to welcome you back", "code": "COMEBACK15",
                       "cta_url": "https://northwind.example/redeem?code=COMEBACK15" } }
      ] },
    { "id": "lookbook", "type": "image",
      "content": { "image_url": "https://northwind.example/img/lookbook.jpg",
                   "alt": "Spring lookbook: five outfits for changing weather",
                   "link_url": "https://northwind.example/lookbook" } },
    { "id": "review", "type": "testimonial",
      "content": { "quote": "The rain shell survived a week in the Highlands. Worth every penny.",
                   "author": "Morag D.", "role": "Verified buyer",
                   "image_url": "https://northwind.example/img/reviewer.jpg", "image_alt": "Photo of Morag" },
      "hide_when": { "field": "metrics.lifecycle_stage", "op": "in", "value": ["vip", "advocate"] } },
    { "id": "journal", "type": "articles",
      "content": { "title": "From the journal",
                   "items": [
                     { "title": "How to layer for spring hikes", "summary": "Three layers, five minutes, no more shivering.",
                       "url": "https://northwind.example/journal/layering",
                       "image_url": "https://northwind.example/img/layering.jpg", "image_alt": "Hiker adding a layer" },
                     { "title": "Caring for waterproof gear", "summary": "Keep your shell beading water for years.",
                       "url": "https://northwind.example/journal/care" }
                   ] } },
    { "id": "divider", "type": "divider", "content": {} },
    { "id": "spacer", "type": "spacer", "content": { "height": 16 } },
    { "id": "footer", "type": "footer", "library": "Northwind footer" }
  ]
})JSON";

constexpr const char *kHeader = R"JSON({ "type": "header",
  "content": { "logo_url": "https://northwind.example/img/logo.png", "logo_alt": "Northwind Outfitters",
               "logo_width": 160, "link_url": "https://northwind.example/" } })JSON";

constexpr const char *kFooter = R"JSON({ "type": "footer",
  "content": { "company": "Northwind Outfitters Ltd.",
               "postal_address": "12 Harbour Street, Leith, Edinburgh EH6 6QA, United Kingdom",
               "note": "You receive this e-mail because you subscribed at northwind.example." } })JSON";

Result<CampaignBlock> parseBlock(const char *json)
{
    return blockFromJson(QJsonDocument::fromJson(QByteArray(json)).object(), QString());
}

} // namespace

QString SampleCampaign::name()
{
    return QStringLiteral("spring-picks");
}

CampaignDocument SampleCampaign::document()
{
    auto doc = CampaignDocument::fromJsonText(QByteArray(kCampaign));
    // The document is a constant of this file; tests load it, so an error cannot ship.
    Q_ASSERT_X(doc.ok(), "SampleCampaign",
               qPrintable(doc.ok() ? QString() : doc.error().toString()));
    return doc.ok() ? *doc : CampaignDocument();
}

Status SampleCampaign::install(Database &db)
{
    const int64_t now = db.referenceTime();
    // All or nothing; inside a caller's transaction (init --sample) it simply joins it.
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    BlockLibrary library(db);
    auto header = parseBlock(kHeader);
    auto footer = parseBlock(kFooter);
    if (!header)
        return header.error();
    if (!footer)
        return footer.error();
    if (auto r = library.save(QStringLiteral("Northwind header"), *header,
                              QStringLiteral("approved"), now);
        !r)
        return r.error();
    if (auto r = library.save(QStringLiteral("Northwind footer"), *footer,
                              QStringLiteral("approved"), now);
        !r)
        return r.error();
    auto doc = CampaignDocument::fromJsonText(QByteArray(kCampaign));
    if (!doc)
        return doc.error();
    CampaignStore store(db);
    if (auto r = store.save(name(), *doc, QStringLiteral("Sample data"),
                            QStringLiteral("Example campaign"), now);
        !r)
        return r.error();
    return tx.commit();
    return {};
}

} // namespace mw
