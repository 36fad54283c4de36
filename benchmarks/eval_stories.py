"""Measure story clustering: quality on the labelled sets, speed on generated members.

    .venv/bin/python benchmarks/eval_stories.py            # quality (make eval)
    .venv/bin/python benchmarks/eval_stories.py --sizes 10000,100000   # speed too

Quality: B-cubed precision, recall and F1 and pairwise F1 against the labels in
tests/fixtures/stories/*.labels.json, and whether every labelled wire group ends up in
one story, side by side with baselines (every clipping alone; title TF-IDF only; the
links-and-URLs-only first version).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks")]

from clippings.parse import parse_clipping  # noqa: E402
from stories.cluster import ClusterSettings, cluster_stories  # noqa: E402
from stories.members import member_from_clipping  # noqa: E402
from stories.model import Member  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "stories"
TARGETS = {"precision": 0.95, "f1": 0.90}


def load_folder(folder: Path) -> list[Member]:
    """Return the members of the clipping files in a folder (bare text stays undated)."""
    guess = (datetime(2020, 1, 1, tzinfo=UTC), "a guess")
    members = []
    for path in sorted(folder.glob("*.txt")):
        clip = parse_clipping(path.read_bytes(), path.name, fallback_date=lambda: guess)
        members.append(member_from_clipping(clip))
    return members


def load_set(name: str) -> tuple[list[Member], dict[str, str], list[list[str]]]:
    """Return the members, gold labels and wire groups of one labelled set."""
    labels = json.loads((FIXTURES / f"{name}.labels.json").read_text("utf-8"))
    return load_folder(FIXTURES / name), labels["stories"], labels["wire_groups"]


def bcubed(found: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Return B-cubed precision, recall and F1 of a clustering against gold labels."""
    by_found, by_gold = Counter(found.values()), Counter(gold.values())
    both = Counter((found[k], gold[k]) for k in gold)
    precision = sum(both[found[k], gold[k]] / by_found[found[k]] for k in gold) / len(gold)
    recall = sum(both[found[k], gold[k]] / by_gold[gold[k]] for k in gold) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def pairwise_f1(found: dict[str, str], gold: dict[str, str]) -> float:
    """Return the F1 of same-story pairs."""

    def pairs(counter: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    both = pairs(Counter((found[k], gold[k]) for k in gold))
    p_found, p_gold = pairs(Counter(found.values())), pairs(Counter(gold.values()))
    if not both:
        return 0.0
    precision, recall = both / p_found, both / p_gold
    return 2 * precision * recall / (precision + recall)


def assignment(stories) -> dict[str, str]:
    """Return {member key: story id}."""
    return {key: story.id for story in stories for key in story.members}


def title_baseline(members: list[Member]) -> dict[str, str]:
    """Join clippings whose title TF-IDF cosine is at least 0.5 (all pairs, small sets only)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(stop_words="english").fit_transform([m.title for m in members])
    sims = (vectors @ vectors.T).tocoo()
    parent = list(range(len(members)))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for i, j, s in zip(sims.row, sims.col, sims.data, strict=True):
        if i < j and s >= 0.5:
            parent[max(find(i), find(j))] = min(find(i), find(j))
    return {m.key: str(find(n)) for n, m in enumerate(members)}


def links_only() -> ClusterSettings:
    """Settings that reduce the clusterer to related links and URLs (the first version)."""
    return ClusterSettings(threshold=0.29, link_bonus=1.0, floor=1.1, wire_ratio=1.01)


def score_row(name: str, found: dict[str, str], gold, wires) -> dict:
    precision, recall, f1 = bcubed(found, gold)
    whole = sum(len({found[k] for k in group}) == 1 for group in wires)
    return {
        "method": name,
        "P": precision,
        "R": recall,
        "F1": f1,
        "pairF1": pairwise_f1(found, gold),
        "wire": f"{whole}/{len(wires)}",
    }


def evaluate(name: str, settings: ClusterSettings | None = None) -> list[dict]:
    """Return the score rows of one labelled set: baselines, then the clusterer."""
    members, gold, wires = load_set(name)
    started = time.perf_counter()
    stories = cluster_stories(members, settings)
    elapsed = time.perf_counter() - started
    rows = [
        score_row("every clipping alone", {m.key: m.key for m in members}, gold, wires),
        score_row("title TF-IDF only", title_baseline(members), gold, wires),
        score_row(
            "links and URLs only", assignment(cluster_stories(members, links_only())), gold, wires
        ),
        score_row("stories.cluster", assignment(stories), gold, wires),
    ]
    rows[-1]["seconds"] = elapsed
    return rows


def print_quality(names: list[str]) -> bool:
    """Print the quality table of each set; return whether the targets are met."""
    ok = True
    for name in names:
        members, gold, _ = load_set(name)
        print(f"\n{name}: {len(members)} clippings, {len(set(gold.values()))} stories")
        head = ("method", "B3 P", "B3 R", "B3 F1", "pair F1", "wire groups whole")
        print("  {:<22} {:>6} {:>6} {:>6} {:>8} {:>18}".format(*head))
        for row in evaluate(name):
            print(
                f"  {row['method']:<22} {row['P']:6.3f} {row['R']:6.3f} {row['F1']:6.3f}"
                f" {row['pairF1']:8.3f} {row['wire']:>18}"
            )
        done, total = (int(x) for x in row["wire"].split("/"))
        ok &= row["P"] >= TARGETS["precision"] and row["F1"] >= TARGETS["f1"] and done == total
    wanted = f"B3 precision >= {TARGETS['precision']}, F1 >= {TARGETS['f1']}, wire groups whole"
    print(f"\ntargets ({wanted}):", "met" if ok else "NOT met")
    return ok


def synthetic_members(n: int, seed: int = 0) -> list[Member]:
    """Return n members from the benchmark generator (benchmarks/synthetic.py)."""
    from synthetic import generate_items

    members = []
    for item in generate_items(n, seed):
        text = " ".join([item.excerpt, *item.paragraphs])[:1200]
        members.append(
            Member(
                key=f"{item.stem}.txt",
                title=item.title,
                text=text,
                date=None if item.shape == "bare_text" else item.date,
                provider=item.provider[0] if item.provider else "",
                source_url=item.url,
                source_urls=(item.url,) if item.url else (),
                related_urls=tuple(r["webUrl"] for r in item.related),
            )
        )
    return members


def time_clustering(n: int) -> dict[str, float]:
    """Print and return the wall and CPU seconds cluster_stories takes on n generated members."""
    members = synthetic_members(n)
    wall, cpu = time.perf_counter(), time.process_time()
    stories = cluster_stories(members)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    largest = max((story.size for story in stories), default=0)
    print(
        f"  clustering {n:>7,} members: {wall:6.2f} s wall, {cpu:6.2f} s CPU"
        f"  ({len(stories):,} stories, largest {largest})",
        flush=True,
    )
    return {"wall_s": wall, "cpu_s": cpu}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="eval,dev")
    parser.add_argument("--sizes", default="", help="also time clustering at these sizes")
    args = parser.parse_args()
    ok = print_quality([name for name in args.sets.split(",") if name])
    if args.sizes:
        print("\nclustering time (benchmarks/synthetic.py members):")
        for size in args.sizes.split(","):
            time_clustering(int(size))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
