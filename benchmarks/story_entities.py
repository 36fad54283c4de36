"""Names the story fixtures draw from: companies, products, people, places, outlets."""

from __future__ import annotations


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
