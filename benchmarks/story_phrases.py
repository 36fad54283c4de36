"""Phrase banks for the labelled story fixtures: headlines, leads and details per event kind.

Slots in braces are filled per event ({a}, {b}, {amount}, ...). Two banks exist, "A" and
"B", written in different registers, so the two generated sets do not share wording.
"""

from __future__ import annotations

KINDS = (
    "deal",
    "closing",
    "partnership",
    "launch",
    "recall",
    "results",
    "outage",
    "funding",
    "fine",
    "layoffs",
    "breach",
    "ceo",
    "plant",
)

HEADLINES = {
    "A": {
        "deal": [
            "{a} agrees to buy {b} for ${amount} billion",
            "{a} to acquire {b} in ${amount} billion deal",
            "{a} strikes ${amount}bn deal for {b}",
            "{b} accepts {a} takeover offer worth ${amount} billion",
            "{a} bets ${amount} billion on {b}",
            "Why {a} is paying ${amount} billion for {b}",
        ],
        "closing": [
            "{a} completes acquisition of {b}",
            "{a} closes ${amount} billion purchase of {b}",
            "{a} finalizes {b} takeover after regulators sign off",
            "{b} is now officially part of {a}",
            "Deal done: {a} wraps up {b} buy",
        ],
        "partnership": [
            "{a} and {b} team up on {tech}",
            "{a}, {b} ink {tech} partnership",
            "{a} taps {b} for {tech}",
            "{b} to power {a}'s {tech}",
            "{a} expands alliance with {b} around {tech}",
            "{a} picks {b} cloud for {tech} push",
        ],
        "launch": [
            "{a} launches {product}",
            "{a} unveils {product}, priced from ${price}",
            "Hands-on with the new {product} from {a}",
            "{a} takes the wraps off {product}",
            "{product} is here: {a} starts sales",
        ],
        "recall": [
            "{a} recalls {count} {product} units over {defect}",
            "{a} pulls {product} after reports of {defect}",
            "{defect_cap} problem forces {a} to recall {product}",
            "{a} issues recall for {product}",
        ],
        "results": [
            "{a} {quarter} revenue rises {pct}% to ${revenue} billion",
            "{a} beats estimates as {quarter} sales hit ${revenue} billion",
            "{a} {quarter} earnings: what Wall Street expected and what it got",
            "{a} shares move after {quarter} results",
            "{a} posts {quarter} profit of ${profit} billion",
        ],
        "outage": [
            "{a} cloud outage knocks {service} offline",
            "{service} down for hours after {a} outage",
            "{a} blames {cause} for {service} disruption",
            "Users report {a} {service} outage",
        ],
        "funding": [
            "{startup} raises ${small} million led by {investor}",
            "{investor} leads ${small}M round in {startup}",
            "{startup} lands ${small} million Series {series}",
            "{field} startup {startup} secures ${small} million",
        ],
        "fine": [
            "{regulator} fines {a} €{small} million over {issue}",
            "{a} hit with €{small}M penalty from {regulator}",
            "{regulator} penalises {a} for {issue}",
            "{a} to appeal €{small} million {regulator} fine",
        ],
        "layoffs": [
            "{a} to cut {count} jobs",
            "{a} lays off {count} workers in restructuring",
            "{a} announces {count} job cuts as demand slows",
            "{count} jobs to go at {a}",
        ],
        "breach": [
            "{a} discloses data breach affecting {count} customers",
            "Hackers stole data of {count} {a} users",
            "{a} confirms cyberattack exposed customer records",
            "{a} data breach: what we know",
        ],
        "ceo": [
            "{a} names {person} chief executive",
            "{person} to take over as {a} CEO",
            "{a} CEO steps down; {person} succeeds",
            "{a} appoints {person} to lead the company",
        ],
        "plant": [
            "{a} to build ${amount} billion {plant} in {place}",
            "{a} picks {place} for new {plant}",
            "{place} wins ${amount}bn {a} {plant}",
            "{a} breaks ground on {plant} in {place}",
        ],
    },
    "B": {
        "deal": [
            "Exclusive: {a} nears agreement to purchase {b}",
            "{a}-{b} merger: ${amount}B price tag announced",
            "{a} makes its biggest bet yet with {b} purchase",
            "In ${amount} billion move, {a} swoops on {b}",
            "{b} sold to {a}",
        ],
        "closing": [
            "{a} has closed its takeover of {b}",
            "Regulators clear path as {a} seals {b} buy",
            "{a} says {b} acquisition is complete",
            "It's official: {a} owns {b}",
        ],
        "partnership": [
            "{a} joins forces with {b} to speed up {tech}",
            "{b} lands {a} as {tech} partner",
            "How {a} and {b} plan to share {tech}",
            "{a} deepens ties with {b}",
        ],
        "launch": [
            "First look: {a}'s {product}",
            "{a} rolls out {product} to customers",
            "{a} debuts {product} at ${price}",
            "{a} goes after rivals with {product}",
        ],
        "recall": [
            "{product} owners told to stop using devices",
            "{a} orders recall of {count} units of {product}",
            "Safety regulator and {a} announce {product} recall",
            "{a} recalls {product}, citing {defect}",
        ],
        "results": [
            "{a} reports {quarter}: revenue ${revenue}B, up {pct}%",
            "{a} earnings top forecasts in {quarter}",
            "{a} stock jumps on strong {quarter} numbers",
            "{a}: {quarter} profit ${profit}B on sales of ${revenue}B",
        ],
        "outage": [
            "Widespread {a} outage disrupts {service}",
            "{a} restores {service} after hours-long outage",
            "What caused the {a} outage? The company points to {cause}",
        ],
        "funding": [
            "{startup} gets ${small}M to grow {field} business",
            "{startup} closes Series {series} at ${small} million",
            "Investors back {startup} with ${small} million",
        ],
        "fine": [
            "{a} penalised €{small}M by {regulator}",
            "{regulator} slaps {a} with fine over {issue}",
            "€{small} million fine for {a} in {issue} case",
        ],
        "layoffs": [
            "{a} layoffs: about {count} roles eliminated",
            "{a} trims workforce by {count}",
            "Restructuring at {a} hits {count} employees",
        ],
        "breach": [
            "{a} says attackers accessed {count} accounts",
            "Security incident at {a} exposes user data",
            "{a} hack affects {count} people, company says",
        ],
        "ceo": [
            "Leadership change at {a}: {person} named CEO",
            "{a} board picks {person} as new boss",
            "{person} becomes {a} chief executive",
        ],
        "plant": [
            "{a} commits ${amount}B to {place} {plant}",
            "New {a} {plant} coming to {place}",
            "{a} confirms {place} as site of {plant}",
        ],
    },
}

# Opening sentences: every clipping of an event starts with one of these.
LEADS = {
    "deal": [
        "{a} said on {weekday} it had agreed to acquire {b} for about ${amount} billion in cash, "
        "its largest purchase to date.",
        "{a} has reached a deal to buy {b}, valuing the {field} company at ${amount} billion.",
        "In a ${amount} billion agreement announced {weekday}, {a} will take over {b}, "
        "pending approval from regulators and shareholders.",
        "{b} has agreed to be bought by {a} for ${amount} billion, the companies said.",
    ],
    "closing": [
        "{a} said on {weekday} it had completed its acquisition of {b}, weeks after "
        "regulators approved the ${amount} billion deal.",
        "{a} has closed the purchase of {b}; {b} shares stopped trading this morning.",
        "The takeover of {b} by {a} is now complete, the companies confirmed {weekday}, "
        "and {b} will operate as a unit of {a}.",
        "{a} finalised its ${amount} billion acquisition of {b} after the last antitrust "
        "review ended without conditions.",
    ],
    "partnership": [
        "{a} and {b} announced on {weekday} a partnership to develop {tech}, with {b}'s "
        "cloud providing compute and data services.",
        "{a} will work with {b} on {tech}, the two companies said in a joint statement.",
        "{b} and {a} are expanding their collaboration to cover {tech}, building on work "
        "that began several years ago.",
        "Under a new agreement, {a} will rely on {b} to build and run {tech}.",
    ],
    "launch": [
        "{a} on {weekday} launched {product}, which goes on sale at ${price}.",
        "{a} introduced {product} at an event on {weekday}, promising longer battery life "
        "and a faster processor.",
        "The {product}, unveiled by {a} {weekday}, will reach stores in {month}.",
        "{a}'s new {product} is available to order from today at ${price}.",
    ],
    "recall": [
        "{a} is recalling {count} units of its {product} because of {defect}, the company "
        "said on {weekday}.",
        "Owners of the {product} should stop using it after {a} found {defect} in some units.",
        "{a} announced a recall of the {product}, launched only weeks ago, citing {defect}.",
        "A recall covering {count} {product} devices was announced by {a} after reports of "
        "{defect}.",
    ],
    "results": [
        "{a} reported {quarter} revenue of ${revenue} billion on {weekday}, up {pct}% from "
        "a year earlier, with net profit of ${profit} billion.",
        "Sales at {a} grew {pct}% in {quarter} to ${revenue} billion, ahead of analyst forecasts.",
        "{a} said {quarter} net income reached ${profit} billion as revenue climbed to "
        "${revenue} billion.",
        "For {quarter}, {a} posted revenue of ${revenue} billion and profit of ${profit} billion.",
    ],
    "outage": [
        "{service} was unavailable for several hours on {weekday} after an outage at {a}, "
        "which blamed {cause}.",
        "An outage at {a} took down {service} for thousands of customers on {weekday}.",
        "{a} said {cause} caused the disruption to {service}, which lasted about {hours} hours.",
    ],
    "funding": [
        "{startup}, a {field} startup, has raised ${small} million in a Series {series} round "
        "led by {investor}.",
        "{investor} led a ${small} million investment in {startup}, which builds {field} tools.",
        "{startup} said on {weekday} it had closed a ${small} million round from {investor} "
        "and existing backers.",
    ],
    "fine": [
        "{regulator} fined {a} €{small} million on {weekday} for {issue}.",
        "{a} must pay €{small} million after {regulator} found it guilty of {issue}.",
        "The {regulator} imposed a €{small} million penalty on {a} over {issue}; the company "
        "said it would appeal.",
    ],
    "layoffs": [
        "{a} will cut about {count} jobs as part of a restructuring, the company said {weekday}.",
        "{a} is laying off {count} employees, mostly in its {division} division.",
        "Around {count} people will lose their jobs at {a}, according to a memo sent to staff.",
    ],
    "breach": [
        "{a} said on {weekday} that attackers had accessed personal data of {count} customers.",
        "A cyberattack on {a} exposed names, emails and phone numbers of {count} users.",
        "{a} disclosed a security breach in which hackers copied customer records.",
    ],
    "ceo": [
        "{a} named {person} as chief executive on {weekday}, replacing {old_person}.",
        "{person} will become CEO of {a} next month, succeeding {old_person}.",
        "The board of {a} appointed {person} to lead the company after {old_person} "
        "announced plans to retire.",
    ],
    "plant": [
        "{a} will invest ${amount} billion to build a {plant} in {place}, creating about "
        "{count} jobs.",
        "{a} chose {place} for a new {plant}, a ${amount} billion project due to open in {year}.",
        "Construction of {a}'s ${amount} billion {plant} in {place} will begin this year.",
    ],
}

DETAILS = {
    "deal": [
        "The offer is a premium of {pct}% over {b}'s closing price on Friday.",
        "{a} expects the deal to close within {months} months.",
        "Analysts said the purchase gives {a} a foothold in {field}.",
        "{b} employs about {count} people and will keep its brand.",
        "The boards of both companies have approved the transaction.",
    ],
    "closing": [
        "{b}'s chief executive will report to {a}'s leadership team.",
        "The transaction was first announced earlier this year.",
        "{a} said integration work would start immediately.",
        "Shares of {b} have been delisted.",
        "Regulators in Europe cleared the deal last month.",
    ],
    "partnership": [
        "Financial terms were not disclosed.",
        "The first results are expected in vehicles and devices next year.",
        "{b}'s engineers will work alongside {a}'s software teams.",
        "The agreement covers {tech} in Europe and North America.",
        "{a} has struggled to build software in-house, analysts say.",
    ],
    "launch": [
        "The {product} has a larger screen and a new camera system.",
        "Reviewers praised the design but questioned the price.",
        "{a} hopes the {product} will win back market share from rivals.",
        "Preorders open this week, with deliveries starting in {month}.",
    ],
    "recall": [
        "No injuries have been reported, {a} said.",
        "Customers can return the {product} for a full refund.",
        "The recall affects units made before {month}.",
        "Regulators said they were reviewing the problem.",
    ],
    "results": [
        "Cloud revenue rose {pct2}%, faster than the company as a whole.",
        "{a} raised its forecast for the full year.",
        "Analysts had expected revenue of about ${revenue_est} billion.",
        "Operating margin improved for the {nth} straight quarter.",
    ],
    "outage": [
        "Services were fully restored by the evening.",
        "{a} apologised and said it would publish a review.",
        "Customers complained on social media that they could not log in.",
        "The outage also affected payment systems of several retailers.",
    ],
    "funding": [
        "The company was founded in {year0} and has {count_small} employees.",
        "{startup} plans to use the money to hire engineers and expand abroad.",
        "The round values {startup} at about ${valuation} million.",
    ],
    "fine": [
        "The investigation began in {year0}.",
        "{a} said it disagreed with the decision.",
        "It is one of the largest penalties imposed by the {regulator}.",
    ],
    "layoffs": [
        "The cuts represent about {pct}% of the workforce.",
        "{a} will take a restructuring charge this quarter.",
        "Employees will be notified over the coming weeks.",
    ],
    "breach": [
        "Payment card data was not affected, the company said.",
        "{a} has notified regulators and hired outside security experts.",
        "Customers were advised to change their passwords.",
    ],
    "ceo": [
        "{person} previously ran {a}'s {division} business.",
        "{old_person} had led the company for {months} years.",
        "Shares rose slightly after the announcement.",
    ],
    "plant": [
        "The {place} site was chosen over locations in two other countries.",
        "Local officials offered tax incentives for the project.",
        "Production is expected to start in {year}.",
    ],
}

QUOTES = [
    '"This is an important step for our customers," said {person2}, a spokesperson for {a}.',
    '"We are excited about what comes next," {a} executive {person2} said in a statement.',
    '"The market has been waiting for this," said {analyst}, an analyst at {bank}.',
    "{analyst} of {bank} called the news {adjective}.",
    '"It makes strategic sense," said {analyst} at {bank}.',
]

# Background that any story of a sector might carry: the shared vocabulary that makes
# different events of one company look alike.
BACKGROUND = [
    "{a} has been investing heavily in software and artificial intelligence.",
    "Competition in the industry has intensified over the past year.",
    "{a} shares have risen about {pct}% this year.",
    "The company reports its next quarterly results in {month}.",
    "{a} is one of the largest companies in its market.",
    "Investors have been watching closely how {a} spends its cash.",
    "The move comes as rivals pour money into cloud computing and self-driving technology.",
    "Supply chain problems have weighed on the sector since the pandemic.",
]

# Articles name other companies too (rivals, earlier deals): names one clipping of a
# story has and its siblings lack.
ASIDES = [
    "Rivals {r1} and {r2} have made similar moves in recent months.",
    "{r1} announced a comparable plan last year.",
    "The news follows a deal between {r1} and {r2} in the same market.",
    "Analysts compared the move with {r1}'s strategy.",
]

# Copy-editing that makes two write-ups of one event share fewer words.
SYNONYMS = {
    "said": ("said", "announced", "stated", "confirmed"),
    "company": ("company", "firm", "group", "business"),
    "acquire": ("acquire", "buy", "purchase", "take over"),
    "acquisition": ("acquisition", "purchase", "takeover", "deal"),
    "agreed": ("agreed", "reached a deal", "signed an agreement"),
    "customers": ("customers", "clients", "users"),
    "announced": ("announced", "unveiled", "disclosed", "revealed"),
    "billion": ("billion", "bn"),
    "expected": ("expected", "forecast", "anticipated"),
    "jobs": ("jobs", "positions", "roles"),
    "launched": ("launched", "released", "introduced"),
    "partnership": ("partnership", "alliance", "collaboration", "tie-up"),
    "analysts": ("analysts", "market watchers", "industry observers"),
    "shares": ("shares", "stock"),
    "revenue": ("revenue", "sales", "turnover"),
}

BOILERPLATE = [
    "Sign up for our daily newsletter to get the top stories in your inbox.",
    "This article was updated with comment from the company.",
    "Image: company handout.",
    "Disclosure: the author holds no position in the stocks mentioned.",
    "Read more: our full coverage of the sector.",
]

PRESS_RELEASE = (
    "{city}, {date_long} /PRNewswire/ -- {a} today announced {summary}. {detail} "
    '"{quote_text}," said {person2}, {title_role} of {a}. About {a}: {a} is a global '
    "provider of {field} solutions serving customers in more than {count_small} countries."
)

WIRE_DATELINE = {"Reuters": "{city} (Reuters) - ", "AP": "{city} (AP) — ", "AFP": "{city} (AFP) - "}

FOREIGN_HEADLINES = {
    "de": {
        "partnership": "{a} und {b} arbeiten bei {tech} zusammen",
        "deal": "{a} übernimmt {b} für {amount} Milliarden Dollar",
        "launch": "{a} stellt {product} vor",
        "results": "{a} steigert Umsatz im {quarter} um {pct} Prozent",
        "layoffs": "{a} streicht {count} Stellen",
        "recall": "{a} ruft {product} zurück",
    },
    "fr": {
        "partnership": "{a} et {b} s'allient dans {tech}",
        "deal": "{a} rachète {b} pour {amount} milliards de dollars",
        "launch": "{a} lance {product}",
        "results": "{a} : chiffre d'affaires en hausse de {pct} % au {quarter}",
        "fine": "{a} condamné à une amende de {small} millions d'euros",
    },
    "es": {
        "partnership": "{a} y {b} se alían en {tech}",
        "deal": "{a} compra {b} por {amount} mil millones de dólares",
        "launch": "{a} lanza {product}",
        "breach": "{a} sufre un ciberataque que afecta a {count} clientes",
        "outage": "Caída de {a} deja sin {service} a miles de usuarios",
    },
}
