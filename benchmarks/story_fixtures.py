"""Write the labelled story sets in tests/fixtures/stories/ (run it again to regenerate).

Two sets, generated differently so that tuning on both does not fit one generator's
habits: ``eval`` (phrase bank A, outlets A, 2021, sparser) and ``dev`` (bank B, outlets
B, 2022, denser weeks, more bare text). Each set is a folder of clipping files in the
three shapes plus ``labels.json``: ``{"stories": {file: label}, "wire_groups": [[file,
...]]}``. The hard cases of issue 13 are planted on purpose (see ``_hard_cases``).

    .venv/bin/python benchmarks/story_fixtures.py
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import story_entities as E
from story_entities import PLANS, slots
from story_phrases import (
    ASIDES,
    BACKGROUND,
    BOILERPLATE,
    DETAILS,
    FOREIGN_HEADLINES,
    HEADLINES,
    KINDS,
    LEADS,
    PRESS_RELEASE,
    QUOTES,
    WIRE_DATELINE,
)
from story_texts import clipping_file, reword, slug, title_case

ROOT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "stories"


@dataclass
class Event:
    """One real-world event: what happened, when, and how many clippings cover it."""

    label: str
    kind: str
    start: datetime
    slots: dict
    size: int
    wire: str = ""  # "Reuters"/"AP"/"AFP": part of the coverage is one wire text
    release: bool = False  # part of the coverage republishes one press release
    twin: str = ""  # the label of a look-alike event (for wrong related links)


@dataclass
class Clip:
    """One clipping to write."""

    name: str
    label: str
    shape: str
    title: str
    paragraphs: list[str]
    date: datetime | None
    outlet: tuple[str, str] | None = None
    url: str = ""
    amp: bool = False
    related: list[tuple[str, str, tuple[str, str]]] = field(default_factory=list)
    wire_group: str = ""


def _fill(template: str, slots: dict) -> str:
    text = template.format(**slots)
    return text[0].upper() + text[1:]


def _fmt(template: str, slots: dict) -> str:
    slots = dict(slots, defect_cap=slots["defect"][0].upper() + slots["defect"][1:])
    return _fill(template, slots)


def _story_text(rng: random.Random, event: Event) -> list[str]:
    """Return one outlet's own write-up of the event, as paragraphs."""
    s = event.slots
    lead = _fmt(rng.choice(LEADS[event.kind]), s)
    details = rng.sample(DETAILS[event.kind], k=min(len(DETAILS[event.kind]), rng.randint(1, 3)))
    background = rng.sample(BACKGROUND, k=rng.randint(1, 3))
    quote = _fmt(rng.choice(QUOTES), s) if rng.random() < 0.7 else ""
    middle = [_fmt(t, s) for t in details]
    tail = [_fmt(t, s) for t in background]
    if rng.random() < 0.4:
        r1, r2 = rng.sample([c for c in E.COMPANIES if c not in (s["a"], s["b"])], 2)
        tail.insert(0, rng.choice(ASIDES).format(r1=r1, r2=r2))
    if rng.random() < 0.25:
        tail.append(rng.choice(BOILERPLATE))
    paragraphs = [" ".join([lead, *middle[:1]]), " ".join(middle[1:] + ([quote] if quote else []))]
    paragraphs.append(" ".join(tail))
    return [reword(rng, p) for p in paragraphs if p.strip()]


def _wire_text(rng: random.Random, event: Event) -> list[str]:
    s = event.slots
    dateline = WIRE_DATELINE[event.wire].format(**s)
    paragraphs = _story_text(rng, event)
    paragraphs[0] = dateline + paragraphs[0]
    return [*paragraphs, f"Reporting by {rng.choice(E.PEOPLE)}; editing by {rng.choice(E.PEOPLE)}"]


def _release_text(rng: random.Random, event: Event) -> list[str]:
    s = event.slots
    summary = _fmt(rng.choice(LEADS[event.kind]), s).rstrip(".")
    if summary.startswith(s["a"] + " "):
        summary = "that it " + summary[len(s["a"]) + 1 :]
    else:
        summary = "that " + summary[0].lower() + summary[1:]
    detail = _fmt(rng.choice(DETAILS[event.kind]), s)
    quote = "We look forward to creating value for customers, partners and shareholders"
    text = PRESS_RELEASE.format(**dict(s, summary=summary, detail=detail, quote_text=quote))
    return [text, "Media contact: press office, +1 555 0100."]


def _headline(rng: random.Random, bank: str, event: Event) -> str:
    title = _fmt(rng.choice(HEADLINES[bank][event.kind]), event.slots)
    roll = rng.random()
    if roll < 0.06:
        title += f" (Update {rng.randint(1, 3)})"
    elif roll < 0.1:
        title = "Analysis: " + title
    elif roll < 0.13:
        title = "UPDATE 1-" + title
    return title


def _foreign(rng: random.Random, event: Event) -> tuple[str, tuple[str, str]] | None:
    choices = [lang for lang, bank in FOREIGN_HEADLINES.items() if event.kind in bank]
    if not choices:
        return None
    lang = rng.choice(choices)
    return _fill(FOREIGN_HEADLINES[lang][event.kind], event.slots), E.FOREIGN_OUTLETS[lang]


def _shape(rng: random.Random, bare_share: float) -> str:
    roll = rng.random()
    if roll < bare_share:
        return "bare_text"
    return "dated_text" if roll < bare_share + 0.14 else "front_matter"


def _clips(rng: random.Random, bank: str, event: Event, bare_share: float) -> list[Clip]:
    """Return the coverage of one event."""
    shared_wire = _wire_text(rng, event) if event.wire else None
    shared_release = _release_text(rng, event) if event.release else None
    outlets = rng.sample(E.OUTLETS[bank], k=min(event.size, len(E.OUTLETS[bank])))
    title_case_outlets = E.OUTLETS[bank][::3]  # a third of the outlets title-case headlines
    clips = []
    for index in range(event.size):
        outlet = outlets[index % len(outlets)]
        hours = 0 if index == 0 else rng.choice((1, 2, 3, 5, 8, 14, 20, 26, 30, 44, 70, 90))
        when = event.start + timedelta(hours=hours, minutes=rng.randint(0, 59))
        shape = _shape(rng, bare_share) if index else "front_matter"
        title = _headline(rng, bank, event)
        group = ""
        if shared_wire and index in (0, 1, 2):
            paragraphs = list(shared_wire)
            if index == 2:
                paragraphs = paragraphs[:-1]  # an outlet trimmed the sign-off
            group = f"{event.label}-wire"
        elif shared_release and index in (0, 1):
            paragraphs = list(shared_release)
            group = f"{event.label}-release"
        else:
            paragraphs = _story_text(rng, event)
        foreign = _foreign(rng, event) if index and rng.random() < 0.12 else None
        if foreign:
            title, outlet = foreign
        elif outlet in title_case_outlets:
            title = title_case(title)
        clip = Clip(
            name="",
            label=event.label,
            shape=shape,
            title=title,
            paragraphs=paragraphs,
            date=when if shape != "bare_text" else None,
            outlet=outlet,
            url=f"https://www.{outlet[1]}/{when:%Y/%m}/{slug(title)}",
            wire_group=group,
        )
        clips.append(clip)
    if event.size >= 3 and rng.random() < 0.3:
        # The clipping service caught one article twice, under an AMP or tracking URL.
        twin = clips[1]
        variant = rng.choice(("amp/", "?utm_source=rss&utm_medium=feed", "?outputType=amp"))
        url = twin.url.replace("https://www.", "https://m.") if variant == "amp/" else twin.url
        copy = Clip(
            name="",
            label=event.label,
            shape="front_matter",
            title=twin.title + (" (Update 2)" if rng.random() < 0.5 else ""),
            paragraphs=list(twin.paragraphs),
            date=(twin.date or event.start) + timedelta(hours=3),
            outlet=twin.outlet,
            url=url + ("/" + variant if variant == "amp/" else variant),
            wire_group=twin.wire_group or f"{event.label}-dup",
        )
        twin.wire_group = copy.wire_group
        clips.append(copy)
    return clips


def _events(rng: random.Random, plan: dict) -> list[Event]:
    start = plan["start"]
    events = _hard_cases(rng, plan)
    count = plan["random_events"]
    used: dict[str, set[str]] = {}
    for index in range(count):
        kind = rng.choice(KINDS)
        day = rng.randint(0, plan["days"])
        when = start + timedelta(days=day, hours=rng.randint(5, 20))
        size = 1 if rng.random() < plan["singletons"] else rng.choice((2, 2, 3, 3, 4, 5, 6, 8))
        wire = rng.choice(E.WIRES) if size >= 3 and rng.random() < 0.3 else ""
        release = not wire and size >= 2 and rng.random() < 0.2
        # One company does not have two deals (or two outages) in one set: that would be
        # a labelling question, not a clustering one. The planted hard cases do that.
        fresh = [c for c in E.COMPANIES if c not in used.setdefault(kind, set())]
        a, b = rng.sample(fresh, 2)
        startup = rng.choice([s for s in E.STARTUPS if s not in used[kind]])
        used[kind] |= {a, b, startup}
        facts = slots(rng, when, a=a, b=b, startup=startup)
        events.append(Event(f"ev{index:03d}-{kind}", kind, when, facts, size, wire, release))
    return events


def _pair(rng, label, kind1, kind2, gap_days, when, size1, size2, **fixed) -> list[Event]:
    first = Event(f"{label}-1", kind1, when, slots(rng, when, **fixed), size1, twin=f"{label}-2")
    later = when + timedelta(days=gap_days, hours=rng.randint(-6, 6))
    slots2 = slots(rng, later, **{k: first.slots[k] for k in ("a", "b", "product", "tech")})
    slots2.update(fixed.get("second", {}))
    second = Event(f"{label}-2", kind2, later, slots2, size2, twin=f"{label}-1")
    first.slots.pop("second", None)
    return [first, second]


def _hard_cases(rng: random.Random, plan: dict) -> list[Event]:
    """Plant the look-alike pairs that must stay apart."""
    t = plan["start"] + timedelta(days=rng.randint(10, 30), hours=9)
    a1, a2, shared = plan["same_partner"]
    events = _pair(
        rng,
        "hard-partners",
        "partnership",
        "partnership",
        2,
        t,
        5,
        4,
        a=a1,
        b=shared,
        tech="an automated driving platform",
        second={"a": a2, "b": shared, "tech": "a self-driving cloud platform"},
    )
    t = plan["start"] + timedelta(days=rng.randint(40, 80), hours=14)
    events += _pair(rng, "hard-deal", "deal", "closing", rng.randint(35, 60), t, 5, 3)
    t = plan["start"] + timedelta(days=rng.randint(90, 130), hours=8)
    events += _pair(rng, "hard-recall", "launch", "recall", 42, t, 4, 4)
    t = plan["start"] + timedelta(days=rng.randint(140, 170), hours=21)
    events += _pair(
        rng,
        "hard-results",
        "results",
        "results",
        91,
        t,
        4,
        3,
        quarter="first-quarter",
        second={"quarter": "second-quarter"},
    )
    t = plan["start"] + timedelta(days=rng.randint(190, 220), hours=12)
    events += _pair(rng, "hard-sameweek", "layoffs", "partnership", 1, t, 3, 3)
    t = plan["start"] + timedelta(days=rng.randint(230, 250), hours=22)
    rivals = _pair(
        rng, "hard-rivals", "results", "results", 0, t, 3, 3, second={"a": plan["rival"]}
    )
    return events + rivals


def _related(rng: random.Random, clips: list[Clip], by_label: dict, events: dict) -> None:
    """Give front-matter clippings related links: mostly right, sometimes wrong."""
    for clip in clips:
        if clip.shape != "front_matter":
            continue
        mates = [c for c in by_label[clip.label] if c is not clip and c.outlet]
        if mates and rng.random() < 0.45:
            for mate in rng.sample(mates, k=min(len(mates), rng.randint(1, 2))):
                clip.related.append((mate.title, mate.url, mate.outlet))
        twin = events[clip.label].twin
        if twin and rng.random() < 0.15 and by_label.get(twin):
            wrong = rng.choice(by_label[twin])
            clip.related.append((wrong.title, wrong.url, wrong.outlet))
        for _ in range(rng.randint(0, 2)):
            name, domain = rng.choice(E.OUTLETS["A"] + E.OUTLETS["B"])
            title = _headline(rng, rng.choice("AB"), events[clip.label])
            url = f"https://www.{domain}/news/{rng.getrandbits(40):010x}"
            clip.related.append((title, url, (name, domain)))


def write_set(name: str) -> int:
    """Write one labelled set; return how many clippings it has."""
    plan = PLANS[name]
    rng = random.Random(plan["seed"])
    events = _events(rng, plan)
    clips: list[Clip] = []
    by_label: dict[str, list[Clip]] = {}
    for event in events:
        coverage = _clips(rng, plan["bank"], event, plan["bare_share"])
        by_label[event.label] = coverage
        clips += coverage
    _related(rng, clips, by_label, {event.label: event for event in events})
    rng.shuffle(clips)
    folder = ROOT / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    labels: dict[str, str] = {}
    wires: dict[str, list[str]] = {}
    for index, clip in enumerate(clips):
        clip.name = f"{index:03d}_{clip.shape}.txt"
        (folder / clip.name).write_text(clipping_file(clip), encoding="utf-8")
        labels[clip.name] = clip.label
        if clip.wire_group:
            wires.setdefault(clip.wire_group, []).append(clip.name)
    groups = sorted(sorted(g) for g in wires.values() if len(g) > 1)
    document = {"stories": dict(sorted(labels.items())), "wire_groups": groups}
    (ROOT / f"{name}.labels.json").write_text(json.dumps(document, indent=1) + "\n", "utf-8")
    return len(clips)


def main() -> None:
    """Regenerate every labelled set."""
    for name in PLANS:
        count = write_set(name)
        labels = json.loads((ROOT / f"{name}.labels.json").read_text("utf-8"))
        print(f"{name}: {count} clippings, {len(set(labels['stories'].values()))} stories")


if __name__ == "__main__":
    main()
