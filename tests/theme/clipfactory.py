"""Write small front-matter clippings for theme tests (ranking, pagination, budget)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

START = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
PROVIDERS = ["Reuters", "The Verge", "TechCrunch", "Financial Times", "CNBC", "Bloomberg"]
OWN_WORDS = ("harbor", "copper", "lantern", "meadow", "quartz", "violet", "walnut", "zephyr")
TOPICS = ["Artificial Intelligence", "Cloud Computing", "Electric Vehicles", "Semiconductors"]


def clipping(
    index: int,
    *,
    title: str | None = None,
    heat: int | None = 50,
    quality: int | None = 50,
    hours_ago: float | None = None,
    related: list[dict] | None = None,
    related_count: int = 0,
    long: bool = False,
) -> dict:
    """Return the front matter of clipping number index."""
    date = START - timedelta(hours=index if hours_ago is None else hours_ago)
    provider = PROVIDERS[index % len(PROVIDERS)]
    words = " and its partners announce a sweeping new plan" if long else ""
    filler = f"The plan{index} covers factories{index}, fleets{index} and software{index}. "
    meta = {
        "title": title or f"Story {index:02d}: Company {index} expands its platform{words}",
        # Words of this clipping alone, so that no two become one story.
        "excerpt": f"Summary {index}: "
        + " ".join(f"{word}{index}" for word in OWN_WORDS)
        + ". "
        + (filler * 3 if long else ""),
        "publishedDateTime": date.isoformat(),
        "webUrl": f"https://news{index % 4}.example.com/2024/05/story-{index}-with-a-long-path",
        "provider": {"name": provider, "domain": provider.lower().replace(" ", "") + ".com"},
        "topics": TOPICS[: 4 if long else 1 + index % 3],
        "images": [{"url": f"https://img.example.com/{index}.jpg", "width": 1200, "height": 675}],
        "related": related
        if related is not None
        else [
            {
                "title": f"Other outlet on story {index}, take {n} with a fairly long headline",
                "webUrl": f"https://other{n}.example.org/2024/05/{index}/coverage-{n}",
                "provider": {"name": PROVIDERS[(index + n + 1) % len(PROVIDERS)]},
                "publishedDateTime": date.isoformat(),
            }
            for n in range(related_count)
        ],
        "published": True,
    }
    if heat is not None:
        meta["heat"] = heat
    if quality is not None:
        meta["quality"] = quality
    return meta


def write(folder: Path, clippings: list[dict]) -> Path:
    """Write each front matter as NNN.txt in folder; return folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, meta in enumerate(clippings):
        text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"
        (folder / f"{number:03d}.txt").write_text(text + "A short body.\n", encoding="utf-8")
    return folder
