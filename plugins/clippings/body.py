"""Render clipping bodies to HTML that is safe to put on our pages."""

from __future__ import annotations

from html import unescape

import nh3
from markdown import Markdown

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

    def __call__(self, source: str) -> str:
        html = self._markdown.reset().convert(source)
        return sanitise(html)


def sanitise(html: str) -> str:
    """Return html with every tag, attribute and URL scheme outside the allow-list gone."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def plain_text(html: str) -> str:
    """Return the text of an HTML fragment, with no markup left."""
    return " ".join(unescape(nh3.clean(html, tags=set())).split())
