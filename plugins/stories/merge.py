"""Average-linkage agglomeration over a sparse similarity graph, with a time-span limit.

Two groups merge while the mean similarity over *all* their member pairs (a pair that is
not a candidate counts as 0) is at least ``threshold``, best pair first, and only if the
merged group's dated members span at most ``max_span`` seconds. Missing pairs counting as
0 is what stops chaining: a bridge of one similar pair cannot glue two big groups.
Deterministic: ties are broken by the smaller node indexes.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping


def agglomerate(
    count: int,
    groups: Iterable[Iterable[int]],
    weights: Mapping[tuple[int, int], float],
    times: list[float],
    threshold: float,
    max_span: float,
) -> list[list[int]]:
    """Return the final groups of node indexes, starting from ``groups`` (a partition)."""
    owner = list(range(count))
    members: dict[int, list[int]] = {}
    for group in groups:
        group = sorted(group)
        root = group[0]
        members[root] = group
        for node in group:
            owner[node] = root
    span: dict[int, tuple[float, float]] = {}
    for root, group in members.items():
        dated = [times[n] for n in group if not math.isnan(times[n])]
        span[root] = (min(dated), max(dated)) if dated else (math.inf, -math.inf)
    links: dict[int, dict[int, float]] = {root: {} for root in members}
    for (i, j), weight in weights.items():
        a, b = owner[i], owner[j]
        if a != b:
            links[a][b] = links[a].get(b, 0.0) + weight
            links[b][a] = links[b].get(a, 0.0) + weight
    # Only pairs already at the threshold go on the heap; a pair's score changes only
    # when one side merges, and _merge pushes it again then.
    heap = []
    for a, row in links.items():
        for b, total in row.items():
            score = total / (len(members[a]) * len(members[b]))
            if a < b and score >= threshold:
                heap.append((-score, a, b))
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative < threshold:
            break
        if a not in members or b not in members or b not in links[a]:
            continue
        current = links[a][b] / (len(members[a]) * len(members[b]))
        if abs(current + negative) > 1e-9:
            continue  # stale entry: the pair was re-pushed with its new score
        low = min(span[a][0], span[b][0])
        high = max(span[a][1], span[b][1])
        if high - low > max_span:
            del links[a][b], links[b][a]  # never merge these two
            continue
        _merge(a, b, members, links, span, (low, high), heap, threshold)
    return [members[root] for root in sorted(members)]


def _merge(a, b, members, links, span, new_span, heap, threshold) -> None:
    keep, gone = (a, b) if a < b else (b, a)
    members[keep] = sorted(members[keep] + members.pop(gone))
    span[keep] = new_span
    row = links.pop(gone)
    row.pop(keep, None)
    links[keep].pop(gone, None)
    for other, total in row.items():
        links[other].pop(gone, None)
        merged = links[keep].get(other, 0.0) + total
        links[keep][other] = merged
        links[other][keep] = merged
    size = len(members[keep])
    for other, total in links[keep].items():
        score = total / (size * len(members[other]))
        if score >= threshold:
            low, high = sorted((keep, other))
            heapq.heappush(heap, (-score, low, high))
