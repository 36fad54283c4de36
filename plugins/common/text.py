"""The one pattern of characters an XML 1.0 document cannot (or should not) carry.

Clipping text is cleaned with it when read, feed text again when written: lxml
refuses a document with one such character, so a stray one would stop the build.
"""

from __future__ import annotations

import re

# C0 controls but tab, newline and return; DEL; lone surrogates; U+FFFE and U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Return text without the characters XML 1.0 forbids (feeds would reject them)."""
    return NOT_XML.sub("", text)
