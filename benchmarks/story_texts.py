"""Render a generated story clipping as a file in one of the three clipping shapes."""

from __future__ import annotations

import json
import random

from story_phrases import SYNONYMS

_SMALL = frozenset(["a", "an", "the", "of", "in", "on", "for", "to", "and", "with", "as", "at",
                    "by", "from", "over", "after", "its"])  # fmt: skip


def reword(rng: random.Random, text: str) -> str:
    """Swap some words for synonyms, as a copy editor would."""
    words = text.split(" ")
    for n, word in enumerate(words):
        core = word.rstrip(".,;:")
        if core in SYNONYMS and rng.random() < 0.5:
            words[n] = rng.choice(SYNONYMS[core]) + word[len(core) :]
    return " ".join(words)


def title_case(title: str) -> str:
    """Return a headline in Title Case, as some outlets write them."""
    words = title.split(" ")
    return " ".join(
        w if n and w.lower() in _SMALL else (w[:1].upper() + w[1:]) for n, w in enumerate(words)
    )


def slug(title: str) -> str:
    """Return a URL slug of a title."""
    keep = "".join(ch if ch.isalnum() else "-" for ch in title.lower())
    return "-".join(part for part in keep.split("-") if part)[:70]


def _q(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def _excerpt(paragraphs: list[str]) -> str:
    first = paragraphs[0]
    cut = first.find(". ", 80)
    return first if cut < 0 else first[: cut + 1]


def _front_matter(clip) -> str:
    name, domain = clip.outlet
    lines = [
        "---",
        "category: news",
        f"title: {_q(clip.title)}",
        f"excerpt: {_q(_excerpt(clip.paragraphs))}",
        f"publishedDateTime: {clip.date:%Y-%m-%dT%H:%M:%SZ}",
        f"webUrl: {_q(clip.url)}",
    ]
    if "amp" not in clip.url:
        lines.append(f"ampWebUrl: {_q(clip.url + '/amp/')}")
    lines += ["type: article", "", "provider:", f"  name: {_q(name)}", f"  domain: {domain}"]
    if clip.related:
        lines += ["", "related:"]
        for title, url, (rname, rdomain) in clip.related:
            lines += [
                f"  - title: {_q(title)}",
                f"    webUrl: {_q(url)}",
                "    provider:",
                f"      name: {_q(rname)}",
                f"      domain: {rdomain}",
            ]
    lines += ["---", ""]
    return "\n".join(lines) + "\n" + "\n\n".join(clip.paragraphs) + "\n"


def clipping_file(clip) -> str:
    """Return the text of the clipping file for a generated clip."""
    if clip.shape == "front_matter":
        return _front_matter(clip)
    body = "\n\n".join(clip.paragraphs) + "\n"
    if clip.shape == "dated_text":
        return f" date {clip.date:%Y-%m-%d} {body}"
    return body
