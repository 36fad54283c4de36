"""Parse a clipping file of any of the three shapes into a Clipping."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import PurePath

import yaml
from frontmatter.default_handlers import YAMLHandler

from . import fields, text
from .body import MarkdownRenderer, plain_text, too_complex
from .decode import UndecodableError, decoded_text
from .fields import DateRangeError, FieldError
from .front_matter import FrontMatter
from .model import ERROR, INFO, WARNING, Clipping, ClippingDraft, Problem
from .options import ParseOptions
from .yaml_header import load_header

MAX_PROBLEMS = 20  # per clipping, in the log
FRONT_MATTER = "front_matter"
DATED_TEXT = "dated_text"
BARE_TEXT = "bare_text"

_DATED = re.compile(r"\A\s*date\s+(\S+)[ \t]*")
_YAML = YAMLHandler()


FallbackDate = Callable[[], tuple[datetime, str] | None]


def parse_clipping(
    data: bytes,
    path: str,
    options: ParseOptions | None = None,
    fallback_date: FallbackDate | None = None,
    render_markdown: Callable[[str], tuple[str, list[str]]] | None = None,
) -> Clipping:
    """Return the clipping in data; problems found are listed on it, never raised."""
    clip = _parse(data, path, options or ParseOptions(), fallback_date, render_markdown)
    clip.problems = _at_most(clip.problems, MAX_PROBLEMS)
    return clip.freeze()


def _at_most(problems: list[Problem], limit: int) -> list[Problem]:
    """Return problems with all but the first few folded into one line.

    40,000 unknown keys would otherwise be 40,000 log lines: minutes of logging.
    Every error is kept, so a skipped clipping always says why.
    """
    if len(problems) <= limit:
        return problems
    errors = [p for p in problems if p.level == ERROR]
    kept = (errors + [p for p in problems if p.level != ERROR])[: max(limit - 1, len(errors))]
    shown = {id(p) for p in kept}
    folded = [p for p in problems if id(p) not in shown]
    notes = [p for p in folded if p.level == INFO]
    level = INFO if len(notes) == len(folded) else WARNING
    path = problems[0].path
    return [*kept, Problem(path, None, f"{len(folded)} more problem(s) not shown", level)]


def _parse(
    data: bytes,
    path: str,
    options: ParseOptions,
    fallback_date: FallbackDate | None,
    render_markdown: Callable[[str], tuple[str, list[str]]] | None,
) -> ClippingDraft:
    clip = ClippingDraft(path, BARE_TEXT)
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


def unreadable_clipping(path: str, reason: str) -> Clipping:
    """Return a clipping for a file that must not be read (reason says why)."""
    return failed_clipping(path, f"file {reason}")


def failed_clipping(path: str, message: str) -> Clipping:
    """Return a clipping that is skipped, with message saying why."""
    return _fail(ClippingDraft(path, BARE_TEXT), None, message).freeze()


def _fail(clip: ClippingDraft, line: int | None, message: str) -> ClippingDraft:
    clip.problems.append(Problem(clip.path, line, f"{message}; clipping skipped", ERROR))
    return clip


def _read_plain(
    clip: ClippingDraft, source: str, match: re.Match | None, options: ParseOptions
) -> None:
    if match:
        try:
            clip.date = fields.moment(match.group(1), "date", options.timezone)
        except DateRangeError as exc:
            _fail(clip, 1, str(exc))
            return
        except FieldError as exc:
            clip.problems.append(Problem(clip.path, 1, f"{exc}; date ignored"))
        source = source[match.end() :]
    parts = text.paragraphs(source)
    if not parts:
        _fail(clip, 1, "no text after the date")
        return
    clip.title, summary, rest = text.title_and_summary(parts, options.title_length)
    clip.excerpt = text.shorten(summary, options.excerpt_length)
    clip.body_html = text.paragraphs_html(rest)


def _date_from_fallback(clip: ClippingDraft, fallback_date: FallbackDate | None) -> None:
    found = fallback_date() if fallback_date else None
    if found is None:
        clip.problems.append(
            Problem(clip.path, None, "no date found anywhere; clipping skipped", ERROR)
        )
        return
    clip.date, origin = found
    clip.date_approximate = True
    clip.date_origin = origin
    level = INFO if clip.shape == BARE_TEXT else WARNING
    clip.problems.append(
        Problem(clip.path, None, f"no date in the file: using {origin} (approximate)", level)
    )


def _read_front_matter(
    clip: ClippingDraft,
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
        meta, duplicates = load_header(header)
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
    FrontMatter(clip, {str(k): v for k, v in meta.items()}, header, options, duplicates).apply()
    if body.strip():
        body_line = header.count("\n") + 2 + (len(body) - len(body.lstrip("\n")))
        _render_body(clip, body.strip(), body_line, render_markdown)
    if not clip.excerpt and clip.body_html:
        clip.excerpt = text.shorten(
            plain_text(clip.body_html.split("</p>", 1)[0]), options.excerpt_length
        )
    if not clip.title:
        _title_from_elsewhere(clip, options)


def _render_body(
    clip: ClippingDraft,
    body: str,
    line: int,
    render_markdown: Callable[[str], tuple[str, list[str]]],
) -> None:
    reason = too_complex(body)
    if reason is None:
        try:
            clip.body_html, rejected = render_markdown(body)
        except RecursionError:
            reason = "it nests too deeply"
    if reason:
        clip.problems.append(
            Problem(
                clip.path, line, f"body too complex for Markdown ({reason}); shown as plain text"
            )
        )
        clip.body_html, rejected = text.paragraphs_html(text.paragraphs(body)), []
    if rejected:
        shown = ", ".join(repr(u[:60]) for u in rejected[:3])
        more = ", ..." if len(rejected) > 3 else ""
        clip.problems.append(
            Problem(
                clip.path,
                line,
                f"{len(rejected)} link(s) in the body dropped: "
                f"not absolute http/https ({shown}{more})",
            )
        )


def _title_from_elsewhere(clip: ClippingDraft, options: ParseOptions) -> None:
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
