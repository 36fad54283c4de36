"""The one newest-first ordering the digest's lists, archives and feeds share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")

_DATE = attrgetter("date")


def newest_first(items: Iterable[T], key: Callable[[T], Any] = _DATE) -> list[T]:
    """Return items by key (their date unless given), newest first.

    The sort is stable: items with equal keys keep the order they came in, so a
    caller wants ties broken by some field sorts by that field first.
    """
    return sorted(items, key=key, reverse=True)
