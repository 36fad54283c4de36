"""Render clipping bodies to HTML that is safe to put on our pages."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import nh3
from markdown import Markdown

from .text import paragraphs, paragraphs_html

# Plain paragraphs (most clipping bodies) need neither Markdown nor the sanitiser:
# escaping them gives the same HTML several times faster.
_MARKUP = re.compile(r"[\\`*_\[\]<>&#|~]|^\s*(?:[-+=]|\d+[.)])\s", re.MULTILINE)

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption",
    "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre",
    "q", "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


class MarkdownRenderer:
    """Render Markdown to sanitised HTML, reusing one Markdown instance."""

    def __init__(self) -> None:
        self._markdown = Markdown(extensions=["extra"], output_format="html")

    def __call__(self, source: str) -> tuple[str, list[str]]:
        """Return the sanitised HTML and the link targets that were dropped."""
        if not _MARKUP.search(source):
            return paragraphs_html(paragraphs(source)), []
        return sanitise(self._markdown.reset().convert(source))


def sanitise(html: str) -> tuple[str, list[str]]:
    """Return html with every tag, attribute and URL outside the allow-list gone.

    Also return the link targets that were dropped: relative links would point
    into our own site and other schemes (javascript:, data:) are unsafe, and
    the curator should hear about both.
    """
    rejected: list[str] = []

    def keep_safe_links(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "href" and not is_allowed_link(value):
            rejected.append(value)
            return None
        return value

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
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    return (scheme in ("http", "https") and bool(parts.hostname)) or (
        scheme == "mailto" and bool(parts.path)
    )


def plain_text(html: str) -> str:
    """Return the text of an HTML fragment, with no markup left."""
    return " ".join(unescape(nh3.clean(html, tags=set())).split())
