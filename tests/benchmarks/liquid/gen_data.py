#!/usr/bin/env python3
"""Writes N deterministic subscriber records (one JSON object per line) for the Liquid
benchmark: gen_data.py N OUT.jsonl"""
import json, random, sys

n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(42)
FIRST = ["ada", "Grace", " linus ", "Zoë", "María", "", None, "Søren", "Chen", "Amara", "O'Brien"]
CITIES = ["London", "Berlin", "Lyon", "São Paulo", "Oslo", None, "Kyoto", "Austin"]
TIERS = ["champion", "Loyal", "at_risk", "new", "cold", None, "promising"]
NAMES = [(a, b) for a in ["Merino", "Trail", "Linen", "Cast-iron", "Bamboo", "Vintage <Deluxe>", "Ultralight"]
         for b in ["Jacket", "Shoe", "Pan", "Lamp", "Socks & Liners", "Backpack"]]
PRODUCTS = [
    {"name": f"{adj} {noun}", "price_cents": rnd.randrange(199, 25000),
     "url": f"https://shop.example.com/p/{i}", "image": f"https://cdn.example.com/p/{i}.jpg",
     "rating": rnd.randrange(1, 6), "reviews": rnd.randrange(0, 900)}
    for i, (adj, noun) in enumerate(NAMES)
]
brand = {"name": "Acme & Co", "url": "https://acme.example", "logo": "https://cdn.example.com/logo.png",
         "address": "1 Main Street, Springfield"}
shop = {"currency": "EUR", "shipping_cents": 495}
with open(out, "w", encoding="utf-8") as fh:
    for i in range(n):
        recs = []
        for p in rnd.sample(PRODUCTS, rnd.randrange(0, 8)):
            q = dict(p)
            if rnd.random() < 0.4:
                q["sale_cents"] = q["price_cents"] * rnd.randrange(50, 95) // 100
            recs.append(q)
        rec = {
            "subscriber": {"id": 100000 + i, "first_name": rnd.choice(FIRST), "email": f"User{i}@Example.com",
                           "city": rnd.choice(CITIES), "country": rnd.choice(["gb", "de", "fr", "br", "no", "jp", "us"]),
                           "language": rnd.choice(["en", "de", "fr", None]), "token": f"{rnd.getrandbits(48):012x}",
                           "signup_date": f"20{rnd.randrange(18, 25)}-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}"},
            "metrics": {"tier": rnd.choice(TIERS), "orders": rnd.randrange(0, 40), "days_since_purchase": rnd.randrange(1, 400),
                        "free_shipping": rnd.random() < 0.3, "has_app": rnd.random() < 0.5},
            "campaign": {"subject": "Spring picks <just> for you & yours", "slug": "spring-2024",
                         "preheader": "New arrivals, hand-picked from what you loved, plus a little extra for the season ahead"},
            "offer": {"code": rnd.choice(["spring20", "", "vip15", "welcome10"]), "percent": rnd.choice([0, 10, 15, 20]),
                      "url": "https://acme.example/sale", "expires": "2024-04-30T23:59:59Z"},
            "brand": brand, "shop": shop, "recommendations": recs,
        }
        fh.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
