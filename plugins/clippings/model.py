"""The typed contract between plugins: one frozen Clipping per clipping file.

The reader attaches the parsed Clipping to its Pelican article once, as
``article.clipping``; ranking, feeds, navigation, the sitemap and the theme
read it and nothing changes it. The parser fills a ClippingDraft and freezes it.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from datetime import datetime

ERROR = "error"
WARNING = "warning"
INFO = "info"
NO_STORY = "none"  # front matter `story: none`: the clipping stays a story of its own


@dataclass(frozen=True)
class Problem:
    """Something wrong with a clipping: where it is, what it is, what was done."""

    path: str
    line: int | None
    message: str
    level: str = WARNING

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Provider:
    name: str
    domain: str = ""


@dataclass(frozen=True)
class Image:
    url: str
    width: int | None = None
    height: int | None = None
    alt: str = ""


@dataclass(frozen=True)
class Related:
    title: str
    url: str
    provider: Provider | None = None
    date: datetime | None = None
    excerpt: str = ""


@dataclass(frozen=True)
class Clipping:
    """One news clipping, whatever shape its file had."""

    path: str
    shape: str
    title: str = ""
    excerpt: str = ""
    body_html: str = ""
    date: datetime | None = None
    date_approximate: bool = False
    # Where an approximate date came from, in words ("" for an exact date).
    date_origin: str = ""
    source_url: str = ""
    source_urls: tuple[str, ...] = ()
    provider: Provider | None = None
    topics: tuple[str, ...] = ()
    category: str = ""
    image: Image | None = None
    related: tuple[Related, ...] = ()
    quality: int | None = None
    heat: int | None = None
    type: str = "article"
    published: bool = True
    # Front matter `story:`: a story id the curator puts the clipping into, NO_STORY, or None.
    story: str | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def usable(self) -> bool:
        """Return whether the clipping can become a post at all."""
        return usable(self.problems)

    @property
    def identity(self) -> str:
        """Return an id that survives edits to the title, slug or theme."""
        return self.source_url or f"clipping:{self.path.rsplit('/', 1)[-1]}"


class ClippingDraft:
    """A Clipping while the parser fills it in: the same fields, lists for tuples."""

    def __init__(self, path: str, shape: str) -> None:
        for name, default in _DEFAULTS.items():
            setattr(self, name, list(default) if isinstance(default, tuple) else default)
        self.path, self.shape = path, shape

    @property
    def usable(self) -> bool:
        """Return whether the clipping can become a post at all."""
        return usable(self.problems)

    def freeze(self) -> Clipping:
        """Return the finished, frozen Clipping."""
        values = {name: getattr(self, name) for name in _DEFAULTS}
        return Clipping(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


_DEFAULTS = {f.name: None if f.default is MISSING else f.default for f in fields(Clipping)}


def usable(problems) -> bool:
    """Return whether a clipping with these problems can become a post at all."""
    return not any(p.level == ERROR for p in problems)
