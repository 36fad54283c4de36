"""Put every date of a clipping in the digest's time zone, to the whole second.

Pelican groups month archives by each date's own local month while it walks a
list sorted by absolute time: a clipping at +10:00 and one at -08:00 around a
month's end would make two archives for one month and abort the build. Dates
converted once, here, to DIGEST_TIMEZONE agree everywhere (pages, archives,
feeds), and machine-readable dates never carry fractions of a second.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, tzinfo

from .model import ERROR, WARNING, Clipping, Problem


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
