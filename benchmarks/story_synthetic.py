"""A labelled story set derived from the benchmark corpus (benchmarks/synthetic.py).

``synthetic.write_clippings(folder, n, seed, realistic=True)`` gives every clipping a
made-up company of its own (``_company(index)`` is unique below 160,000), so each of its
clippings is a different event: the ground truth is "every clipping alone". What makes
that corpus hard is that all its headlines are "<Company> <verb> <object>" from ten verbs
and twelve objects, and all its bodies are drawn from one ~100-word vocabulary, so two
unrelated clippings look alike in everything but the company's name.

To measure recall on the same material, :func:`write_labelled` adds follow-up coverage
of some of those events, as other outlets and the clipping service would produce it:
the same headline with "(Update 2)", "Analysis:", "UPDATE 1-" or Title Case, the company
moved out of first place ("Why X ..."), a body of the outlet's own (drawn from the same
vocabulary, so only the headline carries the event), within three days, in all three
shapes; and now and then a wire copy (the same text under another headline). The labels
follow from the generator: a follow-up belongs to the event it was written from.
"""

from __future__ import annotations

import hashlib
import os
import random
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from synthetic import (
    PROVIDERS,
    TOUCHED,
    Item,
    _paragraph,
    _sentence,
    clipping_text,
    realistic_items,
)

FOLLOW_SHARE = 0.2  # share of the corpus's events that get more coverage


def _headline(rng: random.Random, title: str) -> str:
    company, _, rest = title.partition(" ")
    roll = rng.random()
    if roll < 0.2:
        return f"{title} (Update {rng.randint(1, 3)})"
    if roll < 0.35:
        return f"Analysis: {title}"
    if roll < 0.45:
        return f"UPDATE 1-{title}"
    if roll < 0.65:
        return " ".join(w[:1].upper() + w[1:] for w in title.split())
    if roll < 0.8:
        return f"Why {company} {rest}"
    if roll < 0.9:
        return f"{company} {rest}, people familiar say"
    return title


def _follow_up(rng: random.Random, base: Item, stem: str, wire: bool) -> Item:
    title = _headline(rng, base.title)
    shape = rng.choices(("front_matter", "dated_text", "bare_text"), (70, 15, 15))[0]
    date = base.date + timedelta(hours=rng.randint(1, 72), minutes=rng.randint(0, 59))
    if wire:
        paragraphs = [p for p in base.paragraphs if p]
        if base.shape != "front_matter":  # drop the old headline sentence
            paragraphs[0] = paragraphs[0].split(". ", 1)[1]
        excerpt = base.excerpt or paragraphs[0].split(". ")[0] + "."
    else:
        paragraphs = [_paragraph(rng) for _ in range(rng.randint(1, 5))]
        excerpt = _sentence(rng, 15, 30)
    if shape != "front_matter":
        paragraphs = [f"{title}. {paragraphs[0]}", *paragraphs[1:]]
        date = date.replace(hour=0, minute=0) if shape == "dated_text" else date
        return Item(stem, shape, title, date, tuple(paragraphs))
    provider = rng.choice([p for p in PROVIDERS if p != base.provider])
    slug = "-".join(title.lower().replace(":", "").replace(",", "").split())
    return replace(
        base if base.shape == "front_matter" else Item(stem, shape, title, date, ()),
        stem=stem,
        shape=shape,
        title=title,
        date=date,
        paragraphs=tuple(paragraphs),
        provider=provider,
        excerpt=excerpt,
        url=f"https://www.{provider[1]}/news/{slug}",
        related=(),
        secured="",
    )


def write_labelled(
    folder: Path | str, n: int = 2000, seed: int = 7
) -> tuple[dict[str, str], list[list[str]]]:
    """Write the corpus plus follow-ups into folder; return (labels, wire groups).

    labels maps each file name to its event (the original clipping's stem).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"stories:{seed}")
    items = realistic_items(n, seed)
    labels: dict[str, str] = {}
    wires: list[list[str]] = []
    written: list[Item] = []
    for item in items:
        labels[f"{item.stem}.txt"] = item.stem
        written.append(item)
    for index, base in enumerate(items):
        if rng.random() >= FOLLOW_SHARE:
            continue
        wire_at = rng.randrange(4) if base.paragraphs and rng.random() < 0.3 else -1
        for k in range(rng.choice((1, 1, 2, 2, 3, 4))):
            digest = hashlib.sha256(f"{seed}:{index}:{k}".encode()).hexdigest()[:16]
            stem = f"{n + len(written):06d}_{digest}"
            follow = _follow_up(rng, base, stem, wire=k == wire_at)
            written.append(follow)
            labels[f"{stem}.txt"] = base.stem
            if k == wire_at:
                wires.append(sorted([f"{base.stem}.txt", f"{stem}.txt"]))
    for index, item in enumerate(written):
        path = folder / f"{item.stem}.txt"
        path.write_text(clipping_text(item), encoding="utf-8")
        stamp = TOUCHED.timestamp() + index
        os.utime(path, (stamp, stamp))
    return labels, sorted(wires)
