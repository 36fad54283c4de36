"""Plain functions over plain lists for the theme's navigation; imports no Pelican."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
K = TypeVar("K")


@dataclass(frozen=True)
class Neighbours(Generic[T]):
    """The items just newer and just older than one item."""

    newer: T | None
    older: T | None


@dataclass(frozen=True)
class Group(Generic[K]):
    """One topic or provider with how many items it has and its display details."""

    key: K
    count: int
    domain: str = ""


def neighbours(newest_first: Sequence[T]) -> list[Neighbours[T]]:
    """Return the newer and older neighbour of each item of a newest-first list."""
    last = len(newest_first) - 1
    return [
        Neighbours(
            newer=newest_first[i - 1] if i > 0 else None,
            older=newest_first[i + 1] if i < last else None,
        )
        for i in range(len(newest_first))
    ]


@dataclass(frozen=True)
class MonthLink:
    """A month archive as a link: its label ("February 2021") and URL."""

    label: str
    url: str


def month_neighbours(
    months: Iterable[tuple[tuple[int, ...], MonthLink]],
) -> dict[tuple[int, ...], Neighbours[MonthLink]]:
    """Return, for each month's (year, month) key, the links to the months just newer and older."""
    newest_first = sorted(months, key=lambda month: month[0], reverse=True)
    found = neighbours([link for _, link in newest_first])
    return {key: near for (key, _), near in zip(newest_first, found, strict=True)}


def by_count(groups: Iterable[tuple[K, Sequence]], name: Callable[[K], str]) -> list[Group[K]]:
    """Return the groups largest first, ties in name order (case-insensitive)."""
    counted = [Group(key, len(items)) for key, items in groups]
    return sorted(counted, key=lambda g: (-g.count, name(g.key).casefold(), name(g.key)))


def by_name(
    groups: Iterable[tuple[K, Sequence[T]]],
    name: Callable[[K], str],
    domain: Callable[[T], str],
) -> list[Group[K]]:
    """Return the groups in name order, each with the first domain its items name."""
    found = [
        Group(key, len(items), next((d for d in map(domain, items) if d), ""))
        for key, items in groups
    ]
    return sorted(found, key=lambda g: (name(g.key).casefold(), name(g.key)))
