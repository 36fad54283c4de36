"""Edition periods: ISO weeks (Monday to Sunday) or days, their keys, labels and numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

WEEK = "week"
DAY = "day"
KINDS = (WEEK, DAY)


@dataclass(frozen=True, order=True)
class Period:
    """One edition's stretch of time: an ISO week from its Monday, or one day."""

    start: date
    kind: str = WEEK

    @property
    def end(self) -> date:
        """Return the last day of the period (Sunday for a week)."""
        return self.start + timedelta(days=6 if self.kind == WEEK else 0)

    @property
    def key(self) -> str:
        """Return the period's URL key: "2021-W06" for a week, "2021-02-08" for a day."""
        if self.kind == DAY:
            return self.start.isoformat()
        year, week, _ = self.start.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def label(self) -> str:
        """Return the dates for readers: "8–14 Feb 2021", "29 Mar – 4 Apr 2021", "8 Feb 2021"."""
        start, end = self.start, self.end
        if start == end:
            return f"{start.day} {start:%b %Y}"
        if start.year != end.year:
            return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
        if start.month != end.month:
            return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
        return f"{start.day}–{end.day} {end:%b %Y}"


def period_of(moment: datetime | date, kind: str = WEEK) -> Period:
    """Return the period holding moment (already in DIGEST_TIMEZONE)."""
    day = moment.date() if isinstance(moment, datetime) else moment
    if kind == DAY:
        return Period(day, DAY)
    return Period(day - timedelta(days=day.weekday()), WEEK)


def edition_number(period: Period, first: Period) -> int:
    """Return the period's edition number, counting first as 1 and every period since.

    Counting periods rather than editions keeps a number stable when a clipping
    later fills an empty week: that week gets the number it always had.
    """
    step = 7 if period.kind == WEEK else 1
    return (period.start - first.start).days // step + 1
