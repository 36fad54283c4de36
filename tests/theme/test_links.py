"""Crawl the served demo digest: no broken link, every page reachable from home."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sitecrawl import crawl
from themesite import served_demo


def page_urls(output: Path, base: str) -> set[str]:
    """Return the URL of every HTML page but the 404 page."""
    return {
        f"{base}/{path.relative_to(output).as_posix().removesuffix('index.html')}"
        for path in output.rglob("*.html")
        if path.name != "404.html" or path.parent != output
    }


@pytest.mark.parametrize("prefix", ["/newsdigest", ""], ids=["sub-path", "root"])
def test_every_link_works_and_every_page_is_reachable(tmp_path: Path, prefix: str) -> None:
    output = tmp_path / "output"
    with served_demo(output, prefix=prefix) as base:
        from_home = crawl(base + "/")
        with_sitemap = crawl(base + "/", seeds=[base + "/robots.txt"])
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/no-such-page/")
    assert from_home.ok, from_home.report()
    assert with_sitemap.ok, with_sitemap.report()
    unreachable = page_urls(output, base) - from_home.visited
    assert not unreachable, sorted(unreachable)
    assert f"{base}/sitemap.xml" in with_sitemap.visited
    assert not [url for url in from_home.visited if not url.startswith(base + "/")]
    assert missing.value.code == 404 and b"Page not found" in missing.value.read()
    assert len(from_home.visited) > 40
