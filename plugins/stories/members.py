"""Turn a parsed clipping into the Member clustering reads (pure: no Pelican)."""

from __future__ import annotations

from clippings.body import plain_text
from clippings.model import Clipping

from .model import Member

TEXT_CHARS = 1200  # excerpt plus this much of the body's opening is plenty for clustering


def member_text(excerpt: str, body_html: str, limit: int = TEXT_CHARS) -> str:
    """Return the excerpt plus the opening of the body as plain text, at most ``limit`` chars."""
    body = plain_text(body_html[: limit * 4])
    if excerpt and body.startswith(excerpt[:60]):
        body = body[len(excerpt) :].lstrip()
    return " ".join(part for part in (excerpt, body) if part)[:limit]


def member_from_clipping(clip: Clipping) -> Member:
    """Return the Member of a clipping; an approximate (guessed) date becomes None."""
    return Member(
        key=clip.path,
        title=clip.title,
        text=member_text(clip.excerpt, clip.body_html),
        date=None if clip.date_approximate else clip.date,
        provider=clip.provider.name if clip.provider else "",
        source_url=clip.source_url,
        source_urls=tuple(clip.source_urls),
        related_urls=tuple(related.url for related in clip.related if related.url),
        override=clip.story,
    )
