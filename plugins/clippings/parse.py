"""Parse a clipping file of any of the three shapes into a Clipping."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import PurePath

import yaml
from frontmatter.default_handlers import YAMLHandler

from . import fields, text
from .body import MarkdownRenderer, plain_text
from .decode import UndecodableError, decoded_text
from .fields import FieldError
from .model import ERROR, INFO, WARNING, Clipping, Image, Problem, Provider, Related

FRONT_MATTER = "front_matter"
DATED_TEXT = "dated_text"
BARE_TEXT = "bare_text"

KNOWN_KEYS = {
    "category", "title", "excerpt", "publishedDateTime", "originalUrl", "webUrl",
    "type", "quality", "heat", "published", "provider", "topics", "images", "related",
}  # fmt: skip
DROPPED_KEYS = {"secured", "ampWebUrl", "cdnAmpWebUrl"}

_DATED = re.compile(r"\A\s*date\s+(\S+)[ \t]*")
_YAML = YAMLHandler()


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML that leaves timestamps as text, so a bad date spoils one field only."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)

FallbackDate = Callable[[], tuple[datetime, str] | None]


@dataclass(frozen=True)
class ParseOptions:
    """Limits and defaults for parsing; built from the DIGEST_* settings."""

    timezone: tzinfo = UTC
    max_bytes: int = 2_000_000
    max_topics: int = 25
    title_length: int = 100
    max_title_length: int = 300
    excerpt_length: int = 600


def parse_clipping(
    data: bytes,
    path: str,
    options: ParseOptions | None = None,
    fallback_date: FallbackDate | None = None,
    render_markdown: Callable[[str], tuple[str, list[str]]] | None = None,
) -> Clipping:
    """Return the clipping in data; problems found are listed on it, never raised."""
    options = options or ParseOptions()
    clip = Clipping(path=path, shape=BARE_TEXT)
    if len(data) > options.max_bytes:
        return _fail(
            clip,
            None,
            f"file is {len(data):,} bytes, over the limit of "
            f"{options.max_bytes:,} (DIGEST_MAX_CLIPPING_BYTES)",
        )
    try:
        source, note = decoded_text(data)
    except UndecodableError as exc:
        return _fail(clip, None, str(exc))
    if note:
        clip.problems.append(Problem(path, None, note, INFO))
    if not source.strip():
        return _fail(clip, None, "file is empty")
    if _YAML.detect(source):
        clip.shape = FRONT_MATTER
        _read_front_matter(clip, source, options, render_markdown or MarkdownRenderer())
    else:
        match = _DATED.match(source)
        clip.shape = DATED_TEXT if match else BARE_TEXT
        _read_plain(clip, source, match, options)
    if clip.usable and clip.date is None:
        _date_from_fallback(clip, fallback_date)
    return clip


def _fail(clip: Clipping, line: int | None, message: str) -> Clipping:
    clip.problems.append(Problem(clip.path, line, f"{message}; clipping skipped", ERROR))
    return clip


def _read_plain(clip: Clipping, source: str, match: re.Match | None, options: ParseOptions) -> None:
    if match:
        try:
            clip.date = fields.moment(match.group(1), "date", options.timezone)
        except FieldError as exc:
            clip.problems.append(Problem(clip.path, 1, f"{exc}; date ignored"))
        source = source[match.end() :]
    parts = text.paragraphs(source)
    if not parts:
        _fail(clip, 1, "no text after the date")
        return
    clip.title = text.shorten(text.first_sentence(parts[0]), options.title_length)
    clip.excerpt = text.shorten(parts[0], options.excerpt_length)
    clip.body_html = text.paragraphs_html(parts[1:])


def _date_from_fallback(clip: Clipping, fallback_date: FallbackDate | None) -> None:
    found = fallback_date() if fallback_date else None
    if found is None:
        clip.problems.append(
            Problem(clip.path, None, "no date found anywhere; clipping skipped", ERROR)
        )
        return
    clip.date, origin = found
    clip.date_approximate = True
    level = INFO if clip.shape == BARE_TEXT else WARNING
    clip.problems.append(
        Problem(clip.path, None, f"no date in the file: using {origin} (approximate)", level)
    )


def _read_front_matter(
    clip: Clipping,
    source: str,
    options: ParseOptions,
    render_markdown: Callable[[str], tuple[str, list[str]]],
) -> None:
    try:
        header, body = _YAML.split(source)
    except ValueError:
        _fail(clip, 1, "front matter opened with '---' on line 1 is never closed")
        return
    try:
        meta = _YAML.load(header, Loader=_Loader)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        reason = (
            " ".join(
                part
                for part in (getattr(exc, "context", None), getattr(exc, "problem", None))
                if part
            )
            or str(exc).splitlines()[0]
        )
        _fail(
            clip,
            mark.line + 1 if mark else 1,
            f"front matter is not valid YAML ({reason})",
        )
        return
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        _fail(clip, 2, f"front matter is a {type(meta).__name__}, not 'key: value' lines")
        return
    _FrontMatter(clip, {str(k): v for k, v in meta.items()}, header, options).apply()
    if body.strip():
        clip.body_html, rejected = render_markdown(body.strip())
        if rejected:
            body_line = header.count("\n") + 2 + (len(body) - len(body.lstrip("\n")))
            shown = ", ".join(repr(u[:60]) for u in rejected[:3])
            clip.problems.append(
                Problem(
                    clip.path,
                    body_line,
                    f"{len(rejected)} link(s) in the body dropped: "
                    f"not absolute http/https ({shown})",
                )
            )
    if not clip.excerpt and clip.body_html:
        clip.excerpt = text.shorten(
            plain_text(clip.body_html.split("</p>", 1)[0]), options.excerpt_length
        )
    if not clip.title:
        _title_from_elsewhere(clip, options)


def _title_from_elsewhere(clip: Clipping, options: ParseOptions) -> None:
    if clip.excerpt:
        clip.title, origin = (
            text.title_from_text(clip.excerpt, options.title_length),
            "the excerpt",
        )
    elif clip.body_html:
        clip.title = text.title_from_text(plain_text(clip.body_html), options.title_length)
        origin = "the body"
    else:
        clip.title, origin = PurePath(clip.path).stem.replace("_", " "), "the file name"
    clip.problems.append(
        Problem(
            clip.path,
            None,
            f"no title: using the first sentence of {origin}"
            if origin != "the file name"
            else "no title: using the file name",
        )
    )


class _FrontMatter:
    """Apply the values of one front-matter mapping to a clipping."""

    def __init__(self, clip: Clipping, meta: dict, header: str, options: ParseOptions) -> None:
        self.clip, self.meta, self.options = clip, meta, options
        self.lines = _key_lines(header)

    def warn(self, key: str, message: str) -> None:
        self.clip.problems.append(Problem(self.clip.path, self.lines.get(key), message, WARNING))

    def value(self, key: str, convert: Callable[[object, str], object], what: str = "ignored"):
        if self.meta.get(key) is None:
            return None
        try:
            return convert(self.meta[key], key)
        except FieldError as exc:
            self.warn(key, f"{exc}; {what}")
            return None

    def apply(self) -> None:
        clip, opts = self.clip, self.options
        for key in sorted(set(self.meta) - KNOWN_KEYS - DROPPED_KEYS):
            self.warn(key, f"unknown key {key!r} ignored")
        clip.title = self._title()
        clip.excerpt = text.shorten(self.value("excerpt", fields.text) or "", opts.excerpt_length)
        clip.date = self.value("publishedDateTime", lambda v, k: fields.moment(v, k, opts.timezone))
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
        published = self.meta.get("published", True)
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
        for item in raw:
            try:
                topic = fields.text(item, "topic", limit=100)
            except FieldError as exc:
                self.warn("topics", f"{exc}; ignored")
                continue
            if topic and topic.casefold() not in (t.casefold() for t in topics):
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
            alt = entry.get("alt") or entry.get("caption")
            return Image(
                url,
                fields.dimension(entry.get("width")),
                fields.dimension(entry.get("height")),
                alt if isinstance(alt, str) and alt.strip() else title,
            )
        return None

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
