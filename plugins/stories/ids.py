"""Stable story ids: derived from a story's earliest member, kept across rebuilds and merges.

The rule (also in the README):

* A story's **earliest member** is the one with the smallest publication date; members
  whose date is only guessed (``Member.date is None``) come after every dated one, and
  ties are broken by ``Member.key`` (the clipping's path in the content folder).
* A new story's id is ``s`` followed by the first 12 hex digits of the SHA-256 of that
  member's key. The key, not the title or URL, so editing a title or fixing a URL keeps
  the id, and two clippings can never produce the same id.
* When the previous build's stories are given, each previous id goes to the story that
  now holds that previous story's earliest remaining member, so a rebuild, a new member
  joining (even an earlier one) or a title edit never renames a story. A story given
  several previous ids (a merge) keeps the one whose member is earliest and lists the
  others in ``Story.absorbed`` (with whatever those had absorbed before), so the site can
  redirect the old URLs to the survivor. A story given none gets a fresh id (the second
  rule); so does the part of a split story that lost the earliest member.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from .model import Member, Story

ID_PREFIX = "s"
_ID_HEX = 12


def _sort_key(member: Member) -> tuple:
    # datetime and None do not compare; the flag before it keeps them apart.
    when = member.date.timestamp() if member.date is not None else 0.0
    return (member.date is None, when, member.key)


def order_members(members: Iterable[Member]) -> list[Member]:
    """Return members earliest first (see the module docstring for the order)."""
    return sorted(members, key=_sort_key)


def story_id(member: Member) -> str:
    """Return the fresh id of a story whose earliest member is ``member``."""
    digest = hashlib.sha256(member.key.encode("utf-8")).hexdigest()
    return ID_PREFIX + digest[:_ID_HEX]


def assign_ids(
    groups: Sequence[Sequence[Member]], previous: Iterable[Story] = ()
) -> list[tuple[str, tuple[str, ...]]]:
    """Return ``(id, absorbed)`` for each group (each ordered earliest first)."""
    by_id: Mapping[str, Story] = {story.id: story for story in previous}
    group_of = {member.key: index for index, group in enumerate(groups) for member in group}
    rank = {member.key: _sort_key(member) for group in groups for member in group}
    # A previous id goes to the group holding that story's earliest remaining member.
    won: dict[int, list[tuple[tuple, str]]] = {}
    for old_id in sorted(by_id):
        present = [key for key in by_id[old_id].members if key in group_of]
        if present:
            first = min(present, key=rank.__getitem__)
            won.setdefault(group_of[first], []).append((rank[first], old_id))
    result = []
    for index, group in enumerate(groups):
        claims = [old_id for _, old_id in sorted(won.get(index, []))]
        if not claims:
            result.append((story_id(group[0]), ()))
            continue
        absorbed: set[str] = set(claims[1:])
        for old_id in claims:
            absorbed.update(by_id[old_id].absorbed)
        absorbed.discard(claims[0])
        result.append((claims[0], tuple(sorted(absorbed))))
    return result
