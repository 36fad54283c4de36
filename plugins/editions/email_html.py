"""Turn an edition's email template output into one self-contained, size-capped HTML file.

CSS is inlined with css-inline; only the dark-mode ``@media`` rules stay in a
``<style>`` block (mail clients that support them apply them; the rest ignore them).
"""

from __future__ import annotations

from collections.abc import Callable

import css_inline

_INLINER = css_inline.CSSInliner(
    keep_style_tags=False,
    keep_at_rules=True,
    load_remote_stylesheets=False,
    keep_link_tags=False,
)


def inline_css(document: str) -> str:
    """Return document with its <style> rules inlined, keeping only at-rules in a <style>."""
    return _INLINER.inline(document)


def capped_email(
    render: Callable[[int | None], str], total: int, max_bytes: int
) -> tuple[str, int]:
    """Return (HTML, stories shown): render(limit) with the largest limit that fits max_bytes.

    render(None) shows every story; render(n) the first n and a link to the web edition.
    The result is at most max_bytes of UTF-8 unless even one story does not fit.
    """
    html = inline_css(render(None))
    if len(html.encode("utf-8")) <= max_bytes:
        return html, total
    low, high = 1, total - 1
    best = inline_css(render(1)), 1
    while low <= high:
        middle = (low + high) // 2
        candidate = inline_css(render(middle))
        if len(candidate.encode("utf-8")) <= max_bytes:
            best, low = (candidate, middle), middle + 1
        else:
            high = middle - 1
    return best
