"""Make Pagefind's bundle byte-identical from build to build, and its filter values safe text.

Two fixes to the filter chunks, the only files that need them:

- Pagefind 1.5 writes each filter's values in hash-map order, which changes
  from run to run (upstream marks it "TODO: Change filter indexes to BTree to
  give them a stable hash"): the values are sorted here.
- Pagefind's Default UI inserts filter values into the page as HTML, and they
  come from clipping text (a topic named ``<img src=x>`` would become an
  image): the values are HTML-escaped here, so the UI shows them as text.

Each rewritten chunk is renamed after its new content, and the metadata file
that lists the chunks and the entry file that names it are rewritten to match;
nothing else is touched. Imports no Pelican.

Chunks are gzip streams of ``pagefind_dcd`` followed by CBOR built only from
unsigned integers, text strings and arrays, which is all the small codec here
reads and writes.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
from collections.abc import Mapping
from typing import Any

SIGNATURE = b"pagefind_dcd"
FILTER_NAME = re.compile(r"^filter/(?P<language>[^/_]+)_[0-9a-f]+\.pf_filter$")
META_NAME = re.compile(r"^pagefind\.(?P<hash>(?P<language>[^/_.]+)_[0-9a-f]+)\.pf_meta$")
META_FILTERS = 3  # MetaIndex fields: version, pages, index_chunks, filters, sorts, ...
META_SORTS = 4


class BundleFormatError(ValueError):
    """A Pagefind file is not in the format this module knows."""


def canonical_bundle(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return the bundle with filter values escaped and sorted, chunks named after content."""
    result = dict(files)
    renamed: dict[str, str] = {}  # old chunk hash -> new chunk hash
    for path in sorted(files):
        match = FILTER_NAME.match(path)
        if match is None:
            continue
        name, values = decode_chunk(files[path])
        escaped = sorted([escape_value(value), pages] for value, pages in values)
        data = encode_chunk([name, escaped])
        new_hash = f"{match['language']}_{content_hash(data, 7)}"
        del result[path]
        result[f"filter/{new_hash}.pf_filter"] = data
        renamed[path.removeprefix("filter/").removesuffix(".pf_filter")] = new_hash
    entry = json.loads(files["pagefind-entry.json"]) if "pagefind-entry.json" in files else None
    for path in sorted(files):
        match = META_NAME.match(path)
        if match is None:
            continue
        meta = decode_chunk(files[path])
        meta[META_FILTERS] = sorted(
            ([name, renamed.get(hash_, hash_)] for name, hash_ in meta[META_FILTERS]),
            key=lambda item: item[0],
        )
        meta[META_SORTS] = sorted(meta[META_SORTS], key=lambda item: item[0])
        data = encode_chunk(meta)
        new_hash = f"{match['language']}_{content_hash(data, 10)}"
        del result[path]
        result[f"pagefind.{new_hash}.pf_meta"] = data
        if entry is not None:
            entry["languages"][match["language"]]["hash"] = new_hash
    if entry is not None:
        text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        result["pagefind-entry.json"] = text.encode("utf-8")
    return dict(sorted(result.items()))


def escape_value(text: str) -> str:
    """Return text with &, < and > escaped (js/search.js undoes exactly this)."""
    return html.escape(text, quote=False)


def content_hash(data: bytes, length: int) -> str:
    """Return the first length hex digits of the SHA-1 of data (as Pagefind names chunks)."""
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:length]


def decode_chunk(data: bytes) -> Any:
    """Return the CBOR value inside one gzipped Pagefind chunk."""
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise BundleFormatError("search: a Pagefind chunk lacks its pagefind_dcd signature")
    value, end = _decode(raw, len(SIGNATURE))
    if end != len(raw):
        raise BundleFormatError("search: a Pagefind chunk has bytes after its CBOR value")
    return value


def encode_chunk(value: Any) -> bytes:
    """Return value as a gzipped Pagefind chunk, the same bytes for the same value."""
    return gzip.compress(SIGNATURE + _encode(value), compresslevel=9, mtime=0)


def _decode(raw: bytes, at: int) -> tuple[Any, int]:
    """Decode the CBOR item at raw[at:]; return it and where it ends."""
    major, info = raw[at] >> 5, raw[at] & 0x1F
    at += 1
    if info < 24:
        argument = info
    elif info <= 27:
        size = 1 << (info - 24)
        argument = int.from_bytes(raw[at : at + size], "big")
        at += size
    else:
        raise BundleFormatError(f"search: CBOR length form {info} is not used by Pagefind")
    if major == 0:
        return argument, at
    if major == 3:
        return raw[at : at + argument].decode("utf-8"), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = _decode(raw, at)
            items.append(item)
        return items, at
    raise BundleFormatError(f"search: CBOR major type {major} is not used by Pagefind")


def _head(major: int, argument: int) -> bytes:
    """Return the shortest CBOR head for a major type and its argument."""
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise BundleFormatError(f"search: {argument} is too large for CBOR")


def _encode(value: Any) -> bytes:
    """Encode an unsigned integer, a string or a list of them as CBOR."""
    if isinstance(value, bool) or not isinstance(value, int | str | list):
        raise BundleFormatError(f"search: cannot encode {type(value).__name__} as Pagefind CBOR")
    if isinstance(value, int):
        if value < 0:
            raise BundleFormatError("search: Pagefind CBOR has no negative numbers")
        return _head(0, value)
    if isinstance(value, str):
        encoded = value.encode("utf-8")
        return _head(3, len(encoded)) + encoded
    return _head(4, len(value)) + b"".join(_encode(item) for item in value)
