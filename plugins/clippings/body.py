"""Render clipping bodies to HTML that is safe to put on our pages."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from common.urls import is_absolute_url
from markdown import Markdown

from .text import paragraphs, paragraphs_html

# Plain paragraphs (most clipping bodies) need neither Markdown nor the sanitiser:
# escaping them gives the same HTML several times faster.
# (Leading blanks are [ \t]*, not \s*: \s would run on over every following blank
# line from every line start, quadratic in a body of blank lines.)
_MARKUP = re.compile(r"[\\`*_\[\]<>&#|~]|^[ \t]*(?:[-+=]|\d+[.)])\s", re.MULTILINE)

# What Python-Markdown handles in linear time. Beyond these it recurses (deep
# lists and quotes: RecursionError) or, for every '[' or '<' without its
# partner, rescans the rest of the paragraph (quadratic: 18,000 '[' took 90 s),
# so such a body is shown as plain text. The scan budget bounds the sum over
# paragraphs of openers x paragraph length; real articles use a few percent.
MAX_SCAN = 2_000_000
MAX_INDENT = 64  # columns of leading blanks: 16 levels of list
MAX_QUOTE_DEPTH = 16
_OPENERS = "[<"
# Headings and rules split their paragraph, and Markdown copies the rest of
# the paragraph at every split: quadratic in a paragraph of thousands of them.
_SPLITTER = re.compile(r"^ {0,3}(?:#|(?:[-=_*][ \t]*)+$)", re.MULTILINE)
_INDENT = re.compile(r"^[ \t]*(?=\S)", re.MULTILINE)
_QUOTES = re.compile(r"^(?:[ \t]*>)+", re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption",
    "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre",
    "q", "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def too_complex(source: str) -> str | None:
    """Return why source is beyond what Markdown renders in linear time, or None."""
    scan = 0
    for paragraph in _PARAGRAPH_BREAK.split(source):
        openers = sum(paragraph.count(c) for c in _OPENERS)
        splitters = len(_SPLITTER.findall(paragraph))
        scan += (openers + splitters // 8) * len(paragraph)
        if scan > MAX_SCAN:
            return (
                f"a paragraph of {len(paragraph):,} characters has {openers:,} '[' and '<' "
                f"and {splitters:,} headings or rules"
            )
    indent = max((len(m.group().expandtabs(4)) for m in _INDENT.finditer(source)), default=0)
    if indent > MAX_INDENT:
        return f"a line is indented {indent} columns (limit {MAX_INDENT})"
    depth = max((m.group().count(">") for m in _QUOTES.finditer(source)), default=0)
    if depth > MAX_QUOTE_DEPTH:
        return f"quotes are nested {depth} deep (limit {MAX_QUOTE_DEPTH})"
    return None


class MarkdownRenderer:
    """Render Markdown to sanitised HTML, reusing one Markdown instance."""

    def __init__(self) -> None:
        self._markdown = Markdown(extensions=["extra"], output_format="html")

    def __call__(self, source: str) -> tuple[str, list[str]]:
        """Return the sanitised HTML and the link targets that were dropped."""
        if not _MARKUP.search(source):
            return paragraphs_html(paragraphs(source)), []
        try:
            html = self._markdown.reset().convert(source)
        except BaseException:
            # Interrupted (RecursionError, the CPU budget) it may keep half its
            # parser state, which reset() leaves alone: start the next body afresh.
            self._markdown = Markdown(extensions=["extra"], output_format="html")
            raise
        return sanitise(html)


class _LinkTargets(HTMLParser):
    """Collect the href of every <a> and the src of every <img> in an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"a": "href", "img": "src"}.get(tag)
        self.targets += [v for k, v in attrs if k == wanted and v is not None]


def unsafe_links(html: str) -> list[str]:
    """Return the link and image targets in html that are not http(s) or mailto."""
    parser = _LinkTargets()
    parser.feed(html)
    parser.close()
    return [t for t in parser.targets if not is_allowed_link(t)]


def sanitise(html: str) -> tuple[str, list[str]]:
    """Return html with every tag, attribute and URL outside the allow-list gone.

    Also return the link targets that were dropped: relative links would point
    into our own site and other schemes (javascript:, data:) are unsafe, and
    the curator should hear about both.
    """
    # nh3 drops other schemes before any filter sees them: list them first.
    rejected = unsafe_links(html)

    def keep_safe_links(tag: str, attribute: str, value: str) -> str | None:
        return None if attribute == "href" and not is_allowed_link(value) else value

    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        attribute_filter=keep_safe_links,
    )
    return neutralise_link_syntax(clean), rejected


def neutralise_link_syntax(html: str) -> str:
    """Return html with every '{' and '|' as a character reference.

    Pelican rewrites quoted attribute values that start with {static},
    {attach}, {filename}, |static|... and copies the files they name into the
    output. Clipping text is data: written as references, the characters look
    the same in a browser but no pattern of Pelican's can match them.
    """
    return html.replace("{", "&#123;").replace("|", "&#124;")


def is_allowed_link(url: str) -> bool:
    """Return whether url is an absolute http(s) URL with a host, or a mailto: address."""
    url = url.strip()
    if is_absolute_url(url):
        return True
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme == "mailto" and bool(parts.path)


def plain_text(html: str) -> str:
    """Return the text of an HTML fragment, with no markup left."""
    return " ".join(unescape(nh3.clean(html, tags=set())).split())
