"""Names the story fixtures draw from: companies, products, people, places, outlets."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


COMPANIES = _split(
    "Volkswagen, Microsoft, Baidu, Siemens, Nokia, Ericsson, Renault, Stellantis, Hyundai, "
    "Toyota, Sony, Philips, SAP, Infineon, Bosch, Continental, Oracle, Intel, Qualcomm, "
    "Cisco, Adobe, Salesforce, Uber, Lyft, Spotify, Zalando, Adyen, Vodafone, Orange, "
    "Telefonica, Deutsche Telekom, Airbus, Rolls-Royce, Unilever, Nestle, Novartis, "
    "Halvorsen Robotics, Quillon Energy, Marrow Bio, Tessaly Networks, Brightwater Foods, "
    "Corvane Motors, Lumeris Health, Ostrava Steel, Pelion Semiconductors, Vantor Logistics"
)
STARTUPS = _split(
    "Fernwave, Kiteline, Ordo Labs, Panthea AI, Quarry Health, Rivetly, Sablewing, Tidepool "
    "Robotics, Umbra Security, Veritext, Wrenly, Yarrow Climate, Zephyr Mobility, Arcadia "
    "Grid, Bluefin Data, Cobalt Ledger, Dapple, Emberlake, Fathom Bio, Glimmer Pay"
)
INVESTORS = _split(
    "Sequoia Capital, Accel, Index Ventures, Balderton, Lightspeed, General Catalyst, "
    "Northzone, Atomico, SoftBank Vision Fund, Tiger Global, Insight Partners, EQT Ventures"
)
REGULATORS = _split(
    "European Commission, Irish Data Protection Commission, CNIL, Bundeskartellamt, "
    "UK Competition and Markets Authority, Italian competition authority, Dutch data "
    "protection authority, Spanish privacy watchdog"
)
ISSUES = _split(
    "breaches of EU privacy rules, abuse of a dominant market position, misleading "
    "advertising, failing to protect children's data, anticompetitive bundling, "
    "illegal data transfers to the United States"
)
TECHS = _split(
    "an automated driving platform, cloud-based vehicle software, factory digital twins, "
    "5G private networks, a generative AI assistant for customers, battery management "
    "software, an over-the-air update system, AI chips for data centers, quantum-safe "
    "encryption, a robotaxi service, smart grid software, a satellite broadband service"
)
PRODUCTS = _split(
    "X9 smartphone, Aura smartwatch, Model Q electric SUV, Pulse earbuds, Nimbus laptop, "
    "Vista e-scooter, Halo smart speaker, Terra e-bike, Orbit tablet, Beacon home router, "
    "Strata gaming console, Lumen VR headset"
)
DEFECTS = _split(
    "a battery that can overheat, a faulty brake sensor, a charger that can short-circuit, "
    "a software bug that disables emergency calls, loose seat anchors, a cracked frame "
    "weld, a display that can detach"
)
SERVICES = _split(
    "email and calendar services, video streaming, online banking apps, the app store, "
    "cloud storage, payment terminals, voice assistants, multiplayer games"
)
CAUSES = _split(
    "a faulty configuration change, a power failure in a data center, a networking "
    "error, an expired security certificate, a software update that went wrong"
)
PLACES = _split(
    "Saxony, Ohio, Arizona, Valencia, Lower Silesia, Magdeburg, Texas, Bavaria, "
    "Hungary, Portugal, Ontario, Queensland"
)
PLANTS = _split(
    "chip factory, battery plant, data center campus, semiconductor fab, electric "
    "vehicle assembly plant, recycling facility"
)
FIELDS = _split(
    "cybersecurity, logistics software, payments, health data, industrial robotics, "
    "energy storage, developer tools, climate analytics"
)
DIVISIONS = _split("consumer, cloud, automotive, hardware, advertising, retail")
PEOPLE = _split(
    "Anna Lindqvist, Marco Bellini, Priya Raman, Jonas Weber, Claire Dubois, Kenji Sato, "
    "Elena Petrova, Samuel Okafor, Laura Martinez, Tomasz Nowak, Hannah Becker, Ravi Menon, "
    "Sofia Costa, Daniel Kim, Ingrid Holm, Lucas Moreau"
)
ANALYSTS = _split(
    "Mark Delaney, Julia Brandt, Omar Haddad, Karen Liu, Pieter de Vries, Rachel Stone"
)
BANKS = _split("Bernstein, Jefferies, Morgan Stanley, UBS, Barclays, Wedbush, Berenberg, Evercore")
CITIES = _split("Frankfurt, London, Paris, New York, San Francisco, Munich, Madrid, Stockholm")
ADJECTIVES = _split("a turning point, overdue, bold, a defensive move, expensive, smart")
TITLE_ROLES = _split("chief executive officer, president, chief technology officer")

# Outlets (name, domain). The first bank serves set A, the second set B.
OUTLETS = {
    "A": (
        ("Smarter Analyst", "smarteranalyst.com"),
        ("Tech Post", "techpost.example"),
        ("Orbit Observer", "orbitobserver.example"),
        ("Market Ledger", "marketledger.example"),
        ("Auto Circuit", "autocircuit.example"),
        ("Cloud Courier", "cloudcourier.example"),
        ("The Daily Byte", "dailybyte.example"),
        ("Finance Herald", "financeherald.example"),
        ("Gadget Rundown", "gadgetrundown.example"),
        ("Euro Business Review", "eurobusinessreview.example"),
        ("Nasdaq", "nasdaq.com"),
        ("Yahoo Finance", "finance.yahoo.com"),
    ),
    "B": (
        ("Silicon Signal", "siliconsignal.example"),
        ("Ledger Line", "ledgerline.example"),
        ("Motor Pulse", "motorpulse.example"),
        ("Newsroom Nine", "newsroomnine.example"),
        ("Chip Chronicle", "chipchronicle.example"),
        ("Capital Current", "capitalcurrent.example"),
        ("Device Digest", "devicedigest.example"),
        ("Boardroom Brief", "boardroombrief.example"),
        ("Continental Wire", "continentalwire.example"),
        ("Street Report", "streetreport.example"),
        ("MarketWatch", "marketwatch.com"),
        ("Business Insider", "businessinsider.com"),
    ),
}
FOREIGN_OUTLETS = {
    "de": ("Handelsblick", "handelsblick.example"),
    "fr": ("Les Échos Tech", "lesechostech.example"),
    "es": ("Expansión Digital", "expansiondigital.example"),
}
WIRES = ("Reuters", "AP", "AFP")


QUARTERS = ("first-quarter", "second-quarter", "third-quarter", "fourth-quarter")

PLANS = {
    "eval": {
        "bank": "A",
        "seed": 1301,
        "start": datetime(2021, 1, 4, tzinfo=UTC),
        "days": 330,
        "random_events": 58,
        "singletons": 0.3,
        "bare_share": 0.12,
        "same_partner": ("Volkswagen", "Baidu", "Microsoft"),
        "rival": "Oracle",
    },
    "dev": {
        "bank": "B",
        "seed": 2602,
        "start": datetime(2022, 2, 7, tzinfo=UTC),
        "days": 120,
        "random_events": 55,
        "singletons": 0.22,
        "bare_share": 0.2,
        "same_partner": ("Renault", "Hyundai", "Qualcomm"),
        "rival": "SAP",
    },
}


def slots(rng: random.Random, start: datetime, **fixed) -> dict:
    """Return the facts of one event: who, how much, when (``fixed`` overrides)."""
    a, b = rng.sample(COMPANIES, 2)
    person, old, person2 = rng.sample(PEOPLE, 3)
    slots = {
        "a": a,
        "b": b,
        "amount": f"{rng.randint(11, 390) / 10:g}",
        "small": str(rng.choice((12, 18, 25, 40, 55, 80, 120, 150, 210, 320))),
        "price": str(rng.choice((199, 299, 349, 499, 799, 999, 1199, 42990))),
        "count": f"{rng.choice((1, 2, 3, 5, 8, 12, 20, 45, 150)) * 1000:,}",
        "count_small": str(rng.randint(14, 180)),
        "pct": str(rng.randint(3, 38)),
        "pct2": str(rng.randint(10, 60)),
        "revenue": f"{rng.randint(40, 700) / 10:g}",
        "revenue_est": f"{rng.randint(40, 700) / 10:g}",
        "profit": f"{rng.randint(5, 120) / 10:g}",
        "valuation": str(rng.randint(90, 2500)),
        "quarter": rng.choice(
            ("first-quarter", "second-quarter", "third-quarter", "fourth-quarter")
        ),
        "startup": rng.choice(STARTUPS),
        "investor": rng.choice(INVESTORS),
        "regulator": rng.choice(REGULATORS),
        "issue": rng.choice(ISSUES),
        "tech": rng.choice(TECHS),
        "product": rng.choice(PRODUCTS),
        "defect": rng.choice(DEFECTS),
        "service": rng.choice(SERVICES),
        "cause": rng.choice(CAUSES),
        "place": rng.choice(PLACES),
        "plant": rng.choice(PLANTS),
        "field": rng.choice(FIELDS),
        "division": rng.choice(DIVISIONS),
        "person": person,
        "old_person": old,
        "person2": person2,
        "analyst": rng.choice(ANALYSTS),
        "bank": rng.choice(BANKS),
        "adjective": rng.choice(ADJECTIVES),
        "city": rng.choice(CITIES),
        "title_role": rng.choice(TITLE_ROLES),
        "series": rng.choice("ABCD"),
        "hours": str(rng.randint(2, 9)),
        "months": str(rng.randint(3, 14)),
        "nth": rng.choice(("third", "fourth", "fifth")),
        "year": str(start.year + rng.randint(1, 3)),
        "year0": str(start.year - rng.randint(1, 6)),
    }
    slots.update(fixed)
    slots["weekday"] = start.strftime("%A")
    slots["month"] = (start + timedelta(days=rng.randint(20, 90))).strftime("%B")
    slots["date_long"] = f"{start:%B} {start.day}, {start.year}"
    return slots
