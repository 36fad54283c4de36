"""Plain data for one clipping, as the parser returns it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

ERROR = "error"
WARNING = "warning"
INFO = "info"


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


@dataclass
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
    topics: list[str] = field(default_factory=list)
    category: str = ""
    image: Image | None = None
    related: list[Related] = field(default_factory=list)
    quality: int | None = None
    heat: int | None = None
    type: str = "article"
    published: bool = True
    problems: list[Problem] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """Return whether the clipping can become a post at all."""
        return not any(p.level == ERROR for p in self.problems)

    @property
    def identity(self) -> str:
        """Return an id that survives edits to the title, slug or theme."""
        return self.source_url or f"clipping:{self.path.rsplit('/', 1)[-1]}"
