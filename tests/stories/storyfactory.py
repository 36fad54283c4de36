"""Members for story tests, built in one line each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stories.model import Member

T0 = datetime(2021, 2, 11, 9, 0, tzinfo=UTC)


def member(
    key: str,
    title: str = "",
    text: str = "",
    *,
    day: float | None = 0.0,
    url: str = "",
    urls: tuple[str, ...] = (),
    related: tuple[str, ...] = (),
    override: str | None = None,
    provider: str = "",
) -> Member:
    """Return a Member dated ``day`` days after T0 (None: an undated clipping)."""
    return Member(
        key=key,
        title=title,
        text=text,
        date=None if day is None else T0 + timedelta(days=day),
        provider=provider,
        source_url=url,
        source_urls=urls or ((url,) if url else ()),
        related_urls=related,
        override=override,
    )


def partition(stories) -> set[frozenset[str]]:
    """Return the stories as a set of sets of keys, to compare clusterings."""
    return {frozenset(story.members) for story in stories}
