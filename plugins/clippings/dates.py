"""Put every date of a clipping in the digest's time zone, to the whole second.

Pelican groups month archives by each date's own local month while it walks a
list sorted by absolute time: a clipping at +10:00 and one at -08:00 around a
month's end would make two archives for one month and abort the build. Dates
converted once, here, to DIGEST_TIMEZONE agree everywhere (pages, archives,
feeds), and machine-readable dates never carry fractions of a second.

A clipping without a date of its own gets an approximate one (the rule is in
the README): a date its text states near its start, else the day it was added
(first git commit), else its file time. Approximate dates are listed after
every exact one, so a guess never tops "Latest", a feed or the archives.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from typing import Any, TypeVar

from .model import ERROR, INFO, WARNING, Clipping, Problem

T = TypeVar("T")

STATED_IN_TEXT = "the date stated at the start of its text"
# How far into the text (title, then summary) a stated date still counts.
STATED_WITHIN = 200
_MONTHS = {
    name.lower(): number
    for number, names in enumerate(
        (
            "",
            "January Jan",
            "February Feb",
            "March Mar",
            "April Apr",
            "May",
            "June Jun",
            "July Jul",
            "August Aug",
            "September Sep Sept",
            "October Oct",
            "November Nov",
            "December Dec",
        )
    )
    for name in names.split()
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_STATED = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mm>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
)


class DateRangeError(ValueError):
    """A date that cannot be expressed in the digest's time zone."""


def in_zone(value: datetime, zone: tzinfo) -> datetime:
    """Return value in zone, whole seconds; a naive value is read in zone."""
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=zone)
    try:
        converted = value.astimezone(zone)
    except (OverflowError, ValueError):
        raise DateRangeError(f"{value.isoformat()} is out of range") from None
    # Pelican's SafeDatetime and friends become a plain datetime.
    return datetime(*converted.timetuple()[:6], tzinfo=converted.tzinfo)


def settle_dates(clip: Clipping, zone: tzinfo) -> Clipping:
    """Return clip with its date and its related items' dates in zone.

    A date that cannot be converted is a problem on the clipping, named after
    the setting, so ``make check`` fails on what would fail the build.
    """
    clip = with_stated_date(clip, zone)
    changes: dict = {}
    problems = list(clip.problems)
    if clip.date is not None:
        try:
            changes["date"] = in_zone(clip.date, zone)
        except DateRangeError as exc:
            changes["date"] = None
            problems.append(
                Problem(
                    clip.path,
                    None,
                    f"date {exc} in DIGEST_TIMEZONE ({zone}); clipping skipped",
                    ERROR,
                )
            )
    related = []
    for number, item in enumerate(clip.related, 1):
        if item.date is not None:
            try:
                item = dataclasses.replace(item, date=in_zone(item.date, zone))
            except DateRangeError as exc:
                item = dataclasses.replace(item, date=None)
                problems.append(
                    Problem(
                        clip.path,
                        None,
                        f"related item {number} date {exc} in DIGEST_TIMEZONE; date ignored",
                        WARNING,
                    )
                )
        related.append(item)
    changes["related"] = type(clip.related)(related)
    changes["problems"] = type(clip.problems)(problems)
    return dataclasses.replace(clip, **changes)


def stated_date(text: str, zone: tzinfo) -> datetime | None:
    """Return the first date text states in its first STATED_WITHIN characters, or None.

    Understood: 2021-03-04, March 4, 2021 (Mar. 4th 2021), 4 March 2021.
    """
    head = text[:STATED_WITHIN]
    found = []
    for pattern in _STATED:
        for match in pattern.finditer(head):
            parts = match.groupdict()
            month = int(parts["mm"]) if parts.get("mm") else _MONTHS[parts["month"].lower()]
            try:
                when = datetime(int(parts["year"]), month, int(parts["day"]), tzinfo=zone)
            except ValueError:
                continue
            if 1900 <= when.year < 2100:
                found.append((match.start(), when))
                break
    return min(found, key=lambda f: f[0])[1] if found else None


def with_stated_date(clip: Clipping, zone: tzinfo) -> Clipping:
    """Return clip dated by its text when its date is a guess and the text states one."""
    if not clip.date_approximate:
        return clip
    when = stated_date(f"{clip.title} {clip.excerpt}", zone)
    if when is None:
        return clip
    note = Problem(clip.path, None, f"using {STATED_IN_TEXT} ({when:%Y-%m-%d}) instead", INFO)
    return dataclasses.replace(
        clip,
        date=when,
        date_origin=STATED_IN_TEXT,
        problems=type(clip.problems)([*clip.problems, note]),
    )


def is_approximate(article: Any) -> bool:
    """Tell whether an article's date is a guess (from its frozen ``clipping``)."""
    return article.clipping.date_approximate


def exact_first(items: Iterable[T], approximate: Callable[[T], bool] = is_approximate) -> list[T]:
    """Return items with every exactly dated one first, the order otherwise kept.

    ``approximate`` is the hook for later rules (a clipping whose story has
    exactly dated members could count as dated by them).
    """
    items = list(items)
    return [i for i in items if not approximate(i)] + [i for i in items if approximate(i)]
