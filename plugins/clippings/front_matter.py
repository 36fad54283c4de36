"""Apply the values of a clipping's YAML front matter, field by field."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from . import fields, text
from .fields import DateRangeError, FieldError
from .model import ERROR, WARNING, ClippingDraft, Image, Problem, Provider, Related
from .options import ParseOptions
from .yaml_header import Duplicate

KNOWN_KEYS = {
    "category", "title", "excerpt", "publishedDateTime", "originalUrl", "webUrl",
    "type", "quality", "heat", "published", "provider", "topics", "images", "related",
    "story",
}  # fmt: skip
DROPPED_KEYS = {"secured", "ampWebUrl", "cdnAmpWebUrl"}
_BY_CASEFOLD = {key.casefold(): key for key in KNOWN_KEYS}


class FrontMatter:
    """Apply the values of one front-matter mapping to a clipping."""

    def __init__(
        self,
        clip: ClippingDraft,
        meta: dict,
        header: str,
        options: ParseOptions,
        duplicates: Sequence[Duplicate] = (),
    ) -> None:
        self.clip, self.meta, self.options = clip, meta, options
        self.lines = _key_lines(header)
        self.duplicates = duplicates

    def warn(self, key: str, message: str) -> None:
        self.clip.problems.append(Problem(self.clip.path, self.lines.get(key), message, WARNING))

    def value(self, key: str, convert: Callable[[object, str], object], what: str = "ignored"):
        if self.meta.get(key) is None:
            return None
        try:
            return convert(self.meta[key], key)
        except DateRangeError:
            raise
        except FieldError as exc:
            self.warn(key, f"{exc}; {what}")
            return None

    def apply(self) -> None:
        clip, opts = self.clip, self.options
        for key in sorted(set(self.meta) - KNOWN_KEYS - DROPPED_KEYS):
            meant = _BY_CASEFOLD.get(key.casefold())
            hint = f" (keys are case-sensitive: {meant!r}?)" if meant else ""
            self.warn(key, f"unknown key {key!r} ignored{hint}")
        for duplicate in self.duplicates:
            self._warn_duplicate(duplicate)
        clip.title = self._title()
        clip.excerpt = text.shorten(self.value("excerpt", fields.text) or "", opts.excerpt_length)
        clip.date = self._date()
        if clip.date and not 1900 <= clip.date.year < 2100:
            self.warn(
                "publishedDateTime", f"publishedDateTime {clip.date:%Y-%m-%d} looks wrong; kept"
            )
        urls = (
            self.value("webUrl", fields.web_url),
            self.value("originalUrl", fields.web_url),
        )
        clip.source_urls = tuple(dict.fromkeys(u for u in urls if u))
        clip.source_url = clip.source_urls[0] if clip.source_urls else ""
        clip.provider = self._provider(self.meta.get("provider"), "provider")
        clip.topics = self._topics()
        clip.category = self.value("category", fields.text) or ""
        clip.image = self._image(self.meta.get("images"), "images", clip.title)
        clip.related = self._related()
        clip.quality = self.value("quality", fields.score, "treated as missing")
        clip.heat = self.value("heat", fields.score, "treated as missing")
        clip.type = (self.value("type", fields.text) or "article").lower()
        clip.story = self.value("story", fields.story)
        published = self.meta.get("published", True)
        if self._ambiguous("published"):
            self.warn("published", "published is given twice with different values; not published")
            clip.published = False
            return
        try:
            clip.published = fields.flag(published, "published")
        except FieldError as exc:
            self.warn("published", f"{exc}; clipping not published")
            clip.published = False
        else:
            if not isinstance(published, bool):
                self.warn(
                    "published",
                    f"published is the string {published!r}; read as {clip.published}",
                )

    def _date(self):
        try:
            return self.value(
                "publishedDateTime", lambda v, k: fields.moment(v, k, self.options.timezone)
            )
        except DateRangeError as exc:  # as the trust rule has it: no date, no clipping
            self.clip.problems.append(
                Problem(
                    self.clip.path,
                    self.lines.get("publishedDateTime"),
                    f"{exc}; clipping skipped",
                    ERROR,
                )
            )
            return None

    def _warn_duplicate(self, duplicate: Duplicate) -> None:
        lines = ", ".join(str(n) for n in duplicate.lines)
        self.clip.problems.append(
            Problem(
                self.clip.path,
                duplicate.lines[-1],
                f"key {duplicate.key!r} appears {len(duplicate.lines)} times in one mapping "
                f"(lines {lines}); YAML allows it once: the last is used",
                WARNING,
            )
        )

    def _ambiguous(self, key: str) -> bool:
        """Return whether a repeated top-level key was given different values."""
        return any(
            d.top_level and d.key == key and len({v.strip().lower() for v in d.values}) > 1
            for d in self.duplicates
        )

    def _title(self) -> str:
        title = self.value("title", lambda v, k: fields.text(v, k, limit=100_000)) or ""
        if len(title) > self.options.max_title_length:
            self.warn("title", f"title is {len(title)} characters long; shortened")
            title = text.shorten(title, self.options.max_title_length)
        return title

    def _provider(self, raw: object, key: str) -> Provider | None:
        if raw is None:
            return None
        if isinstance(raw, str):
            raw = {"name": raw}
        if not isinstance(raw, dict) or not raw.get("name"):
            self.warn(key, f"{key} must have a name; ignored")
            return None
        try:
            name = fields.text(raw["name"], f"{key} name", limit=200)
        except FieldError as exc:
            self.warn(key, f"{exc}; ignored")
            return None
        domain = ""
        if raw.get("domain"):
            try:
                domain = fields.domain(raw["domain"], f"{key} domain")
            except FieldError as exc:
                self.warn(key, f"{exc}; domain ignored")
        return Provider(name, domain) if name else None

    def _topics(self) -> list[str]:
        raw = self.meta.get("topics")
        if raw is None:
            return []
        if isinstance(raw, str):
            self.warn("topics", "topics is a single string, not a list; read as one topic")
            raw = [raw]
        if not isinstance(raw, list):
            self.warn("topics", f"topics must be a list, not a {type(raw).__name__}; ignored")
            return []
        topics: list[str] = []
        seen: set[str] = set()  # casefolded: a set, so 40,000 topics cost 40,000 steps
        for item in raw:
            try:
                topic = fields.text(item, "topic", limit=100)
            except FieldError as exc:
                self.warn("topics", f"{exc}; ignored")
                continue
            if topic and topic.casefold() not in seen:
                seen.add(topic.casefold())
                topics.append(topic)
        if len(topics) > self.options.max_topics:
            self.warn(
                "topics",
                f"{len(topics)} topics; only the first {self.options.max_topics} "
                "kept (DIGEST_MAX_TOPICS)",
            )
            topics = topics[: self.options.max_topics]
        return topics

    def _image(self, raw: object, key: str, title: str) -> Image | None:
        if raw is None:
            return None
        items = raw if isinstance(raw, list) else [raw]
        for item in items:
            entry = {"url": item} if isinstance(item, str) else item
            if not isinstance(entry, dict):
                self.warn(
                    key,
                    f"an image must be a mapping with a url, not {type(entry).__name__}; ignored",
                )
                continue
            try:
                url = fields.web_url(entry.get("url"), "image url")
            except FieldError as exc:
                self.warn(key, f"{exc}; image ignored")
                continue
            return Image(
                url,
                fields.dimension(entry.get("width")),
                fields.dimension(entry.get("height")),
                self._alt(entry) or title,
            )
        return None

    def _alt(self, entry: dict) -> str:
        """Return an image's alt text, cleaned like every other field (controls removed)."""
        alt = entry.get("alt") or entry.get("caption")
        try:
            return fields.text(alt, "image alt", limit=1000) if isinstance(alt, str) else ""
        except FieldError as exc:
            self.warn("images", f"{exc}; the title is used")
            return ""

    def _related(self) -> list[Related]:
        raw = self.meta.get("related")
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.warn(
                "related",
                f"related must be a list, not a {type(raw).__name__}; ignored",
            )
            return []
        related = []
        for number, item in enumerate(raw, 1):
            if not isinstance(item, dict):
                self.warn("related", f"related item {number} is not a mapping; ignored")
                continue
            try:
                title = fields.text(item.get("title"), f"related item {number} title", limit=1000)
                url = fields.web_url(
                    item.get("webUrl") or item.get("originalUrl"),
                    f"related item {number} webUrl",
                )
            except FieldError as exc:
                self.warn("related", f"{exc}; related item ignored")
                continue
            when = None
            if item.get("publishedDateTime") is not None:
                try:
                    when = fields.moment(
                        item["publishedDateTime"],
                        f"related item {number} date",
                        self.options.timezone,
                    )
                except FieldError as exc:
                    self.warn("related", f"{exc}; date ignored")
            excerpt = item.get("excerpt")
            excerpt = (
                fields.text(excerpt, "related excerpt", 100_000) if isinstance(excerpt, str) else ""
            )
            related.append(
                Related(
                    title=text.shorten(title, self.options.max_title_length),
                    url=url,
                    provider=self._provider(item.get("provider"), "related"),
                    date=when,
                    excerpt=text.shorten(excerpt, self.options.excerpt_length)
                    if isinstance(excerpt, str)
                    else "",
                )
            )
        return related


def _key_lines(header: str) -> dict[str, int]:
    """Return the file line of every top-level key in the front matter."""
    lines = {}
    for number, line in enumerate(header.split("\n")):
        match = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if match and match.group(1) not in lines:
            lines[match.group(1)] = number + 1
    return lines
