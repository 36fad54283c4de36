"""Wire copies: the same agency or press-release text carried under different headlines.

Candidates are the text-similar pairs the TF-IDF search already found (a copy is always
among a clipping's nearest neighbours), so no separate index is needed; each is checked
with rapidfuzz's normalised Indel similarity on the openings of the two texts, which
tolerates a dropped dateline, a trimmed sign-off and light copy-editing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Indel

from .model import Member
from .names import Names

OPENING = 600  # characters compared: enough to tell a copy from a rewrite


def _opening(member: Member) -> str:
    return " ".join(member.text[: OPENING * 2].lower().split())[:OPENING]


def wire_pairs(
    members: Sequence[Member], pairs: Iterable[tuple[int, int]], ratio: float, names: Names
) -> list[tuple[int, int]]:
    """Return the pairs whose texts open with (nearly) the same words and the same names.

    Requiring the same names keeps two rewrites of one template ("X said revenue rose
    12%" and "Y said revenue rose 10%") from passing for copies.
    """
    found: list[tuple[int, int]] = []
    if ratio > 1:
        return found  # wire detection switched off
    openings: dict[int, str] = {}
    for i, j in pairs:
        if i not in openings:
            openings[i] = _opening(members[i])
        if j not in openings:
            openings[j] = _opening(members[j])
        a, b = openings[i], openings[j]
        if len(a) < 80 or len(b) < 80:
            continue  # too short to call a copy
        n = min(len(a), len(b))
        if not Indel.normalized_similarity(a[:n], b[:n], score_cutoff=ratio):
            continue
        names_a, names_b = names.of(members[i].text[:n]), names.of(members[j].text[:n])
        if len(names_a ^ names_b) <= max(1, len(names_a | names_b) // 5):
            found.append((i, j))
    return found
