"""Normalise article URLs so one article published under several addresses compares equal."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that track a reader rather than name an article.
_TRACKING = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "cmpid"})
_AMP_QUERY = frozenset({"amp", "outputtype", "amp_js_v", "usqp"})
# Host prefixes that serve the same article to another device class.
_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")
_AMP_CACHE = "cdn.ampproject.org"


def _strip_amp_cache(parts):
    """Return the publisher URL behind a Google AMP cache URL, or the parts unchanged."""
    host = parts.netloc.lower()
    if host != _AMP_CACHE and not host.endswith("." + _AMP_CACHE):
        return parts
    # https://www-example-com.cdn.ampproject.org/c/s/www.example.com/path -> https://www.example.com/path
    segments = parts.path.split("/")
    while segments and segments[0] in ("", "c", "v", "i", "s"):
        segments.pop(0)
    if not segments:
        return parts
    return urlsplit("https://" + "/".join(segments) + ("?" + parts.query if parts.query else ""))


def _host(netloc: str) -> str:
    host = netloc.lower().rsplit("@", 1)[-1]
    if host.endswith(":80") or host.endswith(":443"):
        host = host.rsplit(":", 1)[0]
    changed = True
    while changed:
        changed = False
        for prefix in _HOST_PREFIXES:
            if host.startswith(prefix) and host.count(".") > 1:
                host = host[len(prefix) :]
                changed = True
    return host


def _path(path: str) -> str:
    segments = [segment for segment in path.split("/") if segment]
    while segments and segments[-1].lower() in ("amp", "amp.html", "index.html"):
        segments.pop()
    if segments and segments[0].lower() == "amp":
        segments.pop(0)
    if segments and segments[-1].lower().endswith(".amp"):
        segments[-1] = segments[-1][: -len(".amp")]
    if segments and segments[-1].lower().endswith(".amp.html"):
        segments[-1] = segments[-1][: -len(".amp.html")] + ".html"
    return "/" + "/".join(segments)


def _query(query: str) -> str:
    if not query:
        return ""
    kept = [
        (name, value)
        for name, value in parse_qsl(query, keep_blank_values=True)
        if not name.lower().startswith("utm_")
        and name.lower() not in _TRACKING
        and name.lower() not in _AMP_QUERY
    ]
    return urlencode(sorted(kept))


def _plain(url: str) -> str | None:
    """Return the normal form of a URL with no query, fragment, port or AMP, else None."""
    low = url.lower()
    if "?" in url or "#" in url or "@" in url or "[" in url or "index.htm" in low:
        return None
    if "/amp" in low or "amp." in low or ".amp" in low or "-amp" in low:
        return None
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        return None
    host, _, path = rest.partition("/")
    if not host or ":" in host or "\\" in url or not url.isprintable():
        return None
    return "https://" + _host(host) + _path("/" + path)


@lru_cache(maxsize=65536)
def normalise_url(url: str) -> str:
    """Return a canonical form of an http(s) URL, or "" for anything else.

    Lower-cases the host, drops ``www.``/``m.``/``mobile.``/``amp.`` host prefixes,
    unwraps Google AMP cache URLs, drops a trailing ``/amp`` path segment and AMP query
    switches, ``utm_*`` and click-tracking parameters, the fragment, the port and the
    trailing slash, treats http and https alike and sorts the remaining query.
    """
    url = (url or "").strip()
    quick = _plain(url)
    if quick is not None:
        return quick
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    parts = _strip_amp_cache(parts)
    query = _query(parts.query)
    return urlunsplit(("https", _host(parts.netloc), _path(parts.path), query, ""))
