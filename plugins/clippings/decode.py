"""Turn the bytes of a clipping file into text, whatever its encoding."""

from __future__ import annotations

import codecs
import re

from common.text import NOT_XML

# What no clipping means as text: what XML cannot hold, plus the C1 controls (U+0080 to
# U+009F). Those are valid XML but forbidden in HTML ("control character in input
# stream"); they come from double-encoded text, or from a byte Windows-1252 lacks
# (0x81, 0x8D, 0x8F, 0x90, 0x9D), when the file is read as Latin-1.
_NOT_TEXT = re.compile(NOT_XML.pattern[:-1] + "\x80-\x9f]")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we accept."""


def decoded_text(data: bytes) -> tuple[str, str | None]:
    """Return the text of data and a note when it was not plain UTF-8.

    A byte-order mark decides the encoding; without one, UTF-8 is tried and
    Windows-1252 (a superset of Latin-1 for printable text) is the fallback,
    because that is what older export tools write.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"not valid {encoding} text ({exc.reason})") from None
            return _checked(text), None if encoding == "utf-8-sig" else f"read as {encoding}"
    try:
        return _checked(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("cp1252")), "not UTF-8: read as Windows-1252/Latin-1"
    except UnicodeDecodeError:
        return _checked(data.decode("latin-1")), "not UTF-8: read as Latin-1"


def _checked(text: str) -> str:
    if "\x00" in text:
        raise UndecodableError("binary data (NUL bytes), not text")
    cleaned, removed = _NOT_TEXT.subn("", text)
    if removed > max(8, len(text) // 100):
        raise UndecodableError("binary data (control characters), not text")
    return cleaned.replace("\r\n", "\n").replace("\r", "\n")
