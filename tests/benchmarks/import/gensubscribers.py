#!/usr/bin/env python3
"""Writes a deterministic subscriber CSV (N rows) for the import benchmark.

Columns: the known subscriber fields plus two custom attributes (one numeric, one text).
A few cities contain commas and quotes so the quoted-field path is exercised.
Usage: gensubscribers.py N OUT.csv
"""
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2]
rng = random.Random(20261122)
first = ["Anna", "Ben", "Chloé", "David", "Emma", "Felix", "Greta", "Hugo", "Ines", "Jonas",
         "Kai", "Lena", "Marco", "Nora", "Oskar", "Paula", "Quentin", "Rosa", "Sven", "Tomás"]
last = ["Müller", "Smith", "García", "Rossi", "Dubois", "Nowak", "Jensen", "Silva", "Kowalski",
        "Brown", "Schmidt", "Martin", "Bianchi", "Lefebvre", "Andersen", "O'Brien"]
places = [("Berlin", "DE", "de", "Europe/Berlin"), ("Munich", "DE", "de", "Europe/Berlin"),
          ("Paris", "FR", "fr", "Europe/Paris"), ("Madrid", "ES", "es", "Europe/Madrid"),
          ("New York", "US", "en-US", "America/New_York"),
          ("Washington, D.C.", "US", "en-US", "America/New_York"),
          ("São Paulo", "BR", "pt-BR", "America/Sao_Paulo"), ("Rome", "IT", "it", "Europe/Rome"),
          ("Toronto", "CA", "en-CA", "America/Toronto"), ("The \"Big\" Smoke", "GB", "en-GB", "Europe/London")]
statuses = ["subscribed"] * 90 + ["unsubscribed"] * 7 + ["bounced"] * 3
colors = ["red", "green", "blue", "teal", "black"]


def q(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\r\n') else s


with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("email,external_id,first_name,last_name,city,country,language,timezone,created_at,"
            "status,loyalty_points,favourite_color\r\n")
    lines = []
    for i in range(n):
        fn = rng.choice(first)
        ln = rng.choice(last)
        city, country, lang, tz = rng.choice(places)
        day = 1 + rng.randrange(28)
        month = 1 + rng.randrange(12)
        year = 2018 + rng.randrange(7)
        created = f"{year:04d}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z"
        email = f"{fn.lower()}.{i:07d}@Example{i % 97}.com".replace("é", "e").replace("á", "a")
        fields = [email, f"C{i:08d}", fn if rng.random() > 0.05 else "", ln, city, country, lang, tz,
                  created, rng.choice(statuses), str(rng.randrange(5000)), rng.choice(colors)]
        lines.append(",".join(q(x) for x in fields))
        if len(lines) == 10000:
            f.write("\r\n".join(lines) + "\r\n")
            lines = []
    if lines:
        f.write("\r\n".join(lines) + "\r\n")
