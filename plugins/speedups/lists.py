"""A list whose membership test is a set lookup."""

from __future__ import annotations

from collections.abc import Iterable


class IndexedList(list):
    """A list of objects with an O(1) ``in`` by identity.

    Pelican's ``generate_tags``/``generate_categories``/``generate_authors`` run
    ``[a for a in self.dates if a in articles]`` for every tag, category and
    author: with plain lists that is quadratic in the number of clippings.
    Membership by identity matches what the plain list does for articles,
    which compare by identity.
    """

    def __init__(self, items: Iterable = ()) -> None:
        super().__init__(items)
        self._ids = {id(item) for item in self}

    def __contains__(self, item: object) -> bool:
        return id(item) in self._ids

    def append(self, item: object) -> None:
        super().append(item)
        self._ids.add(id(item))
