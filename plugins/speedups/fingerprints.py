"""Fingerprints of what a page is rendered from, so unchanged pages need no rendering.

A page's fingerprint covers the template family's source, the settings, and
every context variable the templates name (found with ``jinja2.meta``), hashed
deeply: objects by their public attributes, content objects (articles, pages)
nested inside other values by their own attributes without following further
content references. Anything whose value cannot be read reliably (say, an
object whose repr holds a memory address) makes the fingerprint change every
build: that costs a render, never a stale page.

The one assumption: templates read their context only through names that
appear in them. A filter or global registered with ``pass_context`` that reads
other context variables would escape the fingerprint; set
``DIGEST_RENDER_CACHE = False`` when a theme needs one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, time
from typing import Any

from jinja2 import Environment, TemplateNotFound, meta

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_PRIMITIVES = frozenset({str, int, float, bool, type(None), bytes})


class Fingerprinter:
    """Hash values deeply and deterministically, memoising objects and big containers."""

    def __init__(self, is_content: Callable[[Any], bool], skip_attributes: Iterable[str] = ()):
        self._is_content = is_content
        self._skip = frozenset(skip_attributes)
        self._memo: dict[Any, bytes] = {}
        self._keep_alive: list[Any] = []

    def digest(self, value: Any) -> bytes:
        """Return a 16-byte digest of value."""
        hasher = hashlib.blake2b(digest_size=16)
        self._feed(hasher, value, inside=False)
        return hasher.digest()

    def _content(self, value: Any) -> bytes:
        """Return a content object's digest: its own attributes and its neighbours' own.

        Inside a content object, other content counts by its URL alone (its
        *shallow* digest), so that a change to one article does not ripple
        along the chain of newer/older links through every page.
        """
        key = ("full", id(value))
        full = self._memo.get(key)
        if full is None:
            attributes = public_attributes(value, self._skip)
            hasher = hashlib.blake2b(self._shallow(value, attributes), digest_size=16)
            for item in attributes.values():
                for element in item if isinstance(item, list | tuple) else (item,):
                    if self._is_content(element):
                        hasher.update(self._shallow(element))
            full = self._memo[key] = hasher.digest()
            self._keep_alive.append(value)
        return full

    def _shallow(self, value: Any, attributes: dict[str, Any] | None = None) -> bytes:
        key = ("shallow", id(value))
        shallow = self._memo.get(key)
        if shallow is None:
            attributes = attributes or public_attributes(value, self._skip)
            hasher = hashlib.blake2b(digest_size=16)
            hasher.update(type(value).__qualname__.encode())
            for name in sorted(attributes):
                hasher.update(name.encode() + b"=")
                self._feed(hasher, attributes[name], inside=True)
            shallow = self._memo[key] = hasher.digest()
            self._keep_alive.append(value)
        return shallow

    def _feed(self, hasher: Any, value: Any, inside: bool) -> None:
        kind = type(value)
        if kind in _PRIMITIVES:
            hasher.update(f"{kind.__name__}:{value!r};".encode())
        elif isinstance(value, date | time):
            hasher.update(f"{kind.__name__}:{value.isoformat()}|{value!r};".encode())
        elif kind is list or kind is tuple:
            if len(value) > 16:
                hasher.update(b"L" + self._memoised(value, inside))
            else:
                hasher.update(kind.__name__.encode() + b"[")
                for item in value:
                    self._feed(hasher, item, inside)
                hasher.update(b"]")
        elif isinstance(value, Mapping):
            if len(value) > 16:
                hasher.update(b"D" + self._memoised(value, inside))
            else:
                self._feed_mapping(hasher, value, inside)
        elif self._is_content(value):
            if inside:
                hasher.update(f"url:{getattr(value, 'url', None)!r};".encode())
            else:
                hasher.update(b"C" + self._content(value))
        elif isinstance(value, set | frozenset):
            hasher.update(b"S")
            for item in sorted(value, key=repr):
                self._feed(hasher, item, inside)
        elif hasattr(value, "__dict__") and not isinstance(value, type):
            hasher.update(b"O" + self._memoised(value, inside))
        else:
            hasher.update(_ADDRESS.sub("", repr(value)).encode())

    def _feed_mapping(self, hasher: Any, value: Mapping, inside: bool) -> None:
        hasher.update(b"{")
        for key in sorted(value, key=repr):
            self._feed(hasher, key, inside)
            self._feed(hasher, value[key], inside)
        hasher.update(b"}")

    def _memoised(self, value: Any, inside: bool) -> bytes:
        """Return the digest of a big container or an object, computed once per build."""
        key = (id(value), inside)
        found = self._memo.get(key)
        if found is None:
            hasher = hashlib.blake2b(digest_size=16)
            if isinstance(value, list | tuple):
                for item in value:
                    self._feed(hasher, item, inside)
            elif isinstance(value, Mapping):
                self._feed_mapping(hasher, value, inside)
            else:
                hasher.update(type(value).__qualname__.encode() + b"(")
                for name, item in sorted(public_attributes(value, self._skip).items()):
                    hasher.update(name.encode() + b"=")
                    self._feed(hasher, item, inside)
            found = self._memo[key] = hasher.digest()
            self._keep_alive.append(value)
        return found


def public_attributes(value: Any, skip: frozenset[str]) -> dict[str, Any]:
    """Return the instance attributes of value, private ones included, less those in skip.

    Private attributes count: a topic keeps its name in ``_name``, an article its
    body in ``_content``.
    """
    return {
        name: item
        for name, item in vars(value).items()
        if name not in skip and not (callable(item) and not hasattr(item, "__dict__"))
    }


def template_family(environment: Environment, name: str) -> tuple[frozenset[str], bytes] | None:
    """Return the variables a template and the templates it uses read, and their sources' digest.

    None when a template is chosen at render time (``{% include some_variable %}``):
    its dependencies cannot be known, so its pages are always rendered.
    """
    hasher = hashlib.blake2b(digest_size=16)
    seen: set[str] = set()
    variables: set[str] = set()
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            source = environment.loader.get_source(environment, current)[0]
        except TemplateNotFound:
            hasher.update(current.encode() + b"\0missing")
            continue
        hasher.update(current.encode() + b"\0" + source.encode())
        tree = environment.parse(source)
        variables |= meta.find_undeclared_variables(tree)
        referenced = list(meta.find_referenced_templates(tree))
        if None in referenced:
            return None
        pending.extend(referenced)
    return frozenset(variables), hasher.digest()


# Settings that decide how a build runs, never what a page says: a build with
# --ignore-cache or --delete-output-directory still renders the same pages.
RUN_ONLY_SETTINGS = frozenset(
    {
        "CACHE_CONTENT", "CACHE_PATH", "CHECK_MODIFIED_METHOD", "CONTENT_CACHING_LAYER",
        "DELETE_OUTPUT_DIRECTORY", "DIGEST_RENDER_CACHE", "DIGEST_WORKERS", "GZIP_CACHE",
        "LOAD_CONTENT_CACHE", "OUTPUT_RETENTION", "WRITE_SELECTED",
    }
)  # fmt: skip


def settings_digest(settings: Mapping[str, Any]) -> bytes:
    """Return a digest of the settings pages depend on, free of memory addresses."""
    text = "\n".join(
        f"{key}={_ADDRESS.sub('', repr(settings[key]))}"
        for key in sorted(settings)
        if key not in RUN_ONLY_SETTINGS
    )
    return hashlib.blake2b(text.encode(), digest_size=16).digest()
