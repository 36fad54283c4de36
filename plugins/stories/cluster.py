"""Group clippings into stories: one per news event, from every source that covered it.

Entry point: :func:`cluster_stories`. Pure (no Pelican), offline, CPU only and
deterministic: members are put in key order first, so the result depends only on the
set of members, never on their order or on worker counts.

Evidence, and how it is used:

1. curator overrides: ``story: none`` keeps a clipping alone; ``story: <id>`` moves it
   into that story after clustering (see :mod:`stories.overrides` for the conflicts
   ``make check`` reports);
2. the same article (equal normalised source URLs, :mod:`stories.urls`) and wire copies
   (:mod:`stories.wire`) are joined outright;
3. text: TF-IDF cosine of title, excerpt and the opening of the body, searched without
   all-pairs comparison (:mod:`stories.text`), plus a bonus when one clipping's
   ``related`` lists the other (strong, but the clipping service is sometimes wrong, so
   a link alone does not join two clippings that share no words), scaled down when the
   two titles name different companies or people, or cite different figures
   (:mod:`stories.names`): in one week's coverage many unrelated clippings share most
   of their vocabulary, and the names are what tell them apart;
4. time: only clippings within ``window_days`` are compared, and a story's dated
   members never span more than ``max_span_days`` (undated clippings, whose date is
   only guessed, are compared by text alone, with a penalty, and cannot bridge months);
5. groups merge by average linkage (:mod:`stories.merge`) while the mean similarity of
   all their pairs is at least ``threshold``.

Story ids follow :mod:`stories.ids`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .ids import assign_ids, order_members
from .merge import agglomerate
from .model import NO_STORY, Member, Story
from .names import Names
from .overrides import apply_overrides
from .text import candidate_pairs, pair_cosines, vectorise
from .urls import normalise_url
from .wire import wire_pairs


@dataclass(frozen=True)
class ClusterSettings:
    """Tuning of the clusterer; every field has the documented default."""

    threshold: float = 0.22  # mean pair similarity two groups need to merge
    window_days: float = 5.0  # only clippings this close in time are compared
    max_span_days: float = 7.0  # a story's dated members span at most this
    link_bonus: float = 0.3  # added to the similarity of a related-linked pair
    link_days: float = 7.0  # a related link counts only this many days apart
    undated_penalty: float = 0.02  # taken off the similarity of a pair with an undated member
    name_conflict: float = 0.5  # similarity factor when each leads with a name the other lacks
    name_disjoint: float = 0.5  # further factor when no title name is in the other clipping
    figure_conflict: float = 0.5  # similarity factor when both cite figures, none shared
    wire_ratio: float = 0.9  # Indel similarity of openings that makes a wire copy
    wire_floor: float = 0.5  # cosine a pair needs before its openings are compared
    top_k: int = 20  # candidate neighbours kept per clipping
    floor: float = 0.1  # cosine below which a pair is not a candidate
    min_edge: float = 0.15  # a pair scoring less counts as 0 in the linkage (saves time)
    rare_df: int = 200  # undated clippings meet others through terms this rare
    text_chars: int = 1000  # characters of Member.text vectorised
    idf_floor: float = 1.0  # weight of a word found in every clipping (scikit-learn's is 1)


class _Union:
    """Disjoint sets over member indexes (the smaller index is the root: deterministic)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())


def _times(members: Sequence[Member]) -> np.ndarray:
    return np.array(
        [m.date.timestamp() if m.date is not None else math.nan for m in members], dtype=float
    )


def _urls(member: Member) -> set[str]:
    found = {normalise_url(url) for url in (member.source_url, *member.source_urls)}
    found.discard("")
    return found


def _link_pairs(members: Sequence[Member], times: np.ndarray, days: float):
    """Return (same-URL pairs, related-link pairs within ``days``), each i < j."""
    owners: dict[str, list[int]] = {}
    for index, member in enumerate(members):
        for url in sorted(_urls(member)):
            owners.setdefault(url, []).append(index)
    same = {(group[0], other) for group in owners.values() for other in group[1:]}
    linked = set()
    for index, member in enumerate(members):
        for url in {normalise_url(url) for url in member.related_urls} - {""}:
            for other in owners.get(url, ()):
                gap = abs(times[index] - times[other])
                if other != index and not gap > days * 86400:  # NaN (undated) passes
                    linked.add((min(index, other), max(index, other)))
    return same, linked


def cluster_stories(
    members: Sequence[Member],
    settings: ClusterSettings | None = None,
    *,
    previous: Iterable[Story] = (),
) -> list[Story]:
    """Return the stories of ``members``, each lead first, sorted by id.

    ``previous`` is the last build's stories (only ``id``, ``members`` and ``absorbed``
    are read): ids carry over and merged stories are listed in ``absorbed``.
    """
    settings = settings or ClusterSettings()
    ordered = sorted(members, key=lambda member: member.key)
    groups, wires = _group(ordered, settings)
    previous = list(previous)
    stories = _build([[ordered[i] for i in group] for group in groups], previous, wires, ordered)
    return apply_overrides(
        stories, ordered, previous, lambda g, prev: _build(g, prev, wires, ordered)
    )


def _group(members: list[Member], settings: ClusterSettings):
    """Return (groups of member indexes, wire pairs)."""
    if not members:
        return [], []
    alone = {i for i, m in enumerate(members) if m.override == NO_STORY}
    times = _times(members)
    vectors = vectorise(members, settings.text_chars, settings.idf_floor)
    i, j, cos = candidate_pairs(
        vectors, times, settings.window_days, settings.floor, settings.top_k, settings.rare_df
    )
    same, linked = _link_pairs(members, times, settings.link_days)
    n = len(members)
    codes = i * n + j
    extra = np.array(
        sorted({a * n + b for a, b in linked | same} - set(codes.tolist())), dtype=np.int64
    )
    if len(extra):
        i = np.r_[i, extra // n]
        j = np.r_[j, extra % n]
        cos = np.r_[cos, pair_cosines(vectors, extra // n, extra % n)]
        codes = np.r_[codes, extra]
    names = Names(members)
    # A copy shares nearly all its words: only pairs this similar are worth checking.
    close = cos >= settings.wire_floor
    wires = wire_pairs(
        members,
        list(zip(i[close].tolist(), j[close].tolist(), strict=True)),
        settings.wire_ratio,
        names,
    )
    union = _Union(n)
    for a, b in sorted(same | set(wires)):
        if a not in alone and b not in alone:
            union.union(a, b)
    link_codes = np.array(sorted(a * n + b for a, b in linked), dtype=np.int64)
    is_linked = np.isin(codes, link_codes)
    scored = _scores(i, j, cos, is_linked, alone, times, names, settings)
    groups = agglomerate(
        len(members),
        union.groups(),
        scored,
        times.tolist(),
        settings.threshold,
        settings.max_span_days * 86400,
    )
    return groups, wires


def _scores(i, j, cos, is_linked, alone, times, names: Names, settings: ClusterSettings):
    """Return {(i, j): score} from cosines, links, undated members, names and figures."""
    if alone:
        lone = np.array(sorted(alone))
        keep = ~(np.isin(i, lone) | np.isin(j, lone))
        i, j, cos, is_linked = i[keep], j[keep], cos[keep], is_linked[keep]
    # A link adds to shared words; a link between texts sharing none is the service's error.
    score = cos.astype(np.float64) + settings.link_bonus * (is_linked & (cos >= settings.floor))
    score[names.conflicts(i, j)] *= settings.name_conflict
    score[names.disjoint(i, j)] *= settings.name_disjoint
    score[names.figures_differ(i, j)] *= settings.figure_conflict
    score[np.isnan(times[i]) | np.isnan(times[j])] -= settings.undated_penalty
    score = np.minimum(score, 1.0)
    keep = score >= settings.min_edge
    pairs = zip(i[keep].tolist(), j[keep].tolist(), strict=True)
    return dict(zip(pairs, score[keep].tolist(), strict=True))


def _wire_groups(group: list[Member], wires, index) -> tuple[tuple[str, ...], ...]:
    inside = {index[m.key] for m in group}
    union: dict[int, int] = {}

    def find(x: int) -> int:
        while union.get(x, x) != x:
            x = union[x]
        return x

    for i, j in wires:
        if i in inside and j in inside:
            a, b = find(i), find(j)
            if a != b:
                union[max(a, b)] = min(a, b)
    found: dict[int, list[str]] = {}
    for m in group:
        found.setdefault(find(index[m.key]), []).append(m.key)
    return tuple(sorted(tuple(keys) for keys in found.values() if len(keys) > 1))


def _build(groups, previous, wires, members) -> list[Story]:
    index = {m.key: n for n, m in enumerate(members)}
    groups = [order_members(group) for group in groups]
    named = assign_ids(groups, previous)
    return sorted(
        (
            Story(
                id=story_id,
                members=tuple(m.key for m in group),
                wire_groups=_wire_groups(group, wires, index),
                absorbed=absorbed,
            )
            for group, (story_id, absorbed) in zip(groups, named, strict=True)
        ),
        key=lambda story: story.id,
    )
