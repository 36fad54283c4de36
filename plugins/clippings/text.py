"""Turn plain clipping text into titles, summaries and paragraphs."""

from __future__ import annotations

import re
from html import escape

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "plc",
        "vs",
        "etc",
        "no",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "e.g",
        "i.e",
    ]
)
_WINDOW = 64  # longer than any abbreviation: a cut word is never taken for one
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"\s+")


def paragraphs(text: str) -> list[str]:
    """Return the blank-line separated paragraphs of text, whitespace folded."""
    parts = (_SPACES.sub(" ", p).strip() for p in _BLANK_LINE.split(text))
    return [p for p in parts if p]


def first_sentence(text: str) -> str:
    """Return the first sentence of a paragraph (the whole of it if it has one)."""
    for match in _SENTENCE_END.finditer(text):
        # Only the last word before the break matters: looking at a short window,
        # not the whole prefix, keeps a paragraph of abbreviations linear.
        start = match.start()
        words = text[max(0, start - _WINDOW) : start].rstrip("\"'”’)").split()
        last = words[-1].rstrip(".").lower() if words else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        return text[: match.start()].strip()
    return text.strip()


def shorten(text: str, limit: int) -> str:
    """Return text cut at a word boundary to at most limit characters."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def title_from_text(text: str, limit: int = 100) -> str:
    """Return a title taken from the first sentence of text."""
    first = paragraphs(text)
    return title_and_summary(first, limit)[0] if first else ""


def title_and_summary(parts: list[str], limit: int = 100) -> tuple[str, str, list[str]]:
    """Return (title, summary, other paragraphs) of a plain-text clipping.

    The title is the first sentence without its full stop; the summary is
    the rest of the first paragraph, or the next paragraph when the first is
    only the title, so the page never shows the title sentence twice. A title
    cut short keeps the whole first paragraph as the summary.
    """
    sentence = first_sentence(parts[0])
    title = shorten(sentence, limit)
    if title != sentence:
        return title, parts[0], parts[1:]
    title = without_full_stop(title)
    rest = parts[0][len(sentence) :].strip()
    if rest:
        return title, rest, parts[1:]
    if len(parts) > 1:
        return title, parts[1], parts[2:]
    return title, "", []


def without_full_stop(sentence: str) -> str:
    """Return sentence without one closing full stop ("..." and "?" stay)."""
    if sentence.endswith(".") and not sentence.endswith(".."):
        return sentence[:-1].rstrip()
    return sentence


def paragraphs_html(parts: list[str]) -> str:
    """Return paragraphs as escaped HTML <p> elements."""
    return "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in parts)
