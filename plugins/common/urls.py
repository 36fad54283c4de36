"""The one test for "is this an absolute web address" every plugin shares."""

from __future__ import annotations

from urllib.parse import urlsplit


def is_absolute_url(url: object) -> bool:
    """Tell whether url is an absolute http(s) URL with a host."""
    if not isinstance(url, str):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)
