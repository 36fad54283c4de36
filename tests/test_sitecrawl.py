"""Tests of the sitecrawl helper against a small hand-made site."""

import http.client
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitecrawl import crawl, serve

NEVER_FETCHED = "http://127.0.0.1:1/never-fetched/"

INDEX = """<!doctype html>
<html><head><title>Home</title>
<link rel="stylesheet" href="/newsdigest/theme/site.css">
<link rel="alternate" type="application/atom+xml" href="feeds/all.atom.xml">
<meta property="og:image" content="{base}/img/logo.png">
<script src="js/app.js"></script>
</head><body>
<a href="about">About (a folder URL without its slash)</a>
<a href="posts/first.html#comments">First post</a>
<a href="mailto:editor@example.org">Write to us</a>
<a href="https://example.org/story">A publisher's story</a>
<a href="{never}">Another host</a>
<img src="img/logo.png" srcset="img/logo.png 1x, img/logo@2x.png 2x" alt="">
</body></html>
"""

ABOUT = """<!doctype html>
<html><head><title>About</title></head><body>
<a href="../">Home</a>
<a href="missing.html">A page that was never written</a>
<a href="/elsewhere/">A link that forgot the sub-path</a>
</body></html>
"""

POST = """<!doctype html>
<html><head><title>First</title></head><body><a href="../">Home</a></body></html>
"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Demo</title><id>{base}/</id>
<link href="{base}/" rel="alternate"/>
<link href="{base}/feeds/all.atom.xml" rel="self"/>
<updated>2024-05-01T00:00:00Z</updated>
<entry><title>First</title><id>{base}/posts/first.html</id>
<link href="{base}/posts/second.html" rel="alternate"/>
<link href="https://example.org/story" rel="related"/>
<updated>2024-05-01T00:00:00Z</updated></entry>
</feed>
"""

SITEMAP = """<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/</loc></url>
<url><loc>{base}/posts/third.html</loc></url>
</urlset>
"""


def write(path: Path, text: str) -> None:
    """Write text to path, creating its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_site(root: Path, base: str) -> None:
    """Write a small site meant to be served at base (which ends in /newsdigest)."""
    write(root / "index.html", INDEX.format(base=base, never=NEVER_FETCHED))
    write(root / "about" / "index.html", ABOUT)
    for name in ("first", "second", "third"):
        write(root / "posts" / f"{name}.html", POST)
    write(root / "404.html", "<!doctype html><title>Not found</title><p>Lost?</p>")
    write(
        root / "theme" / "site.css",
        '@import "print.css";\nbody{background:url(bg.png)}',
    )
    write(root / "theme" / "print.css", "a{color:black}")
    (root / "theme" / "bg.png").write_bytes(b"\x89PNG")
    (root / "img").mkdir()
    (root / "img" / "logo.png").write_bytes(b"\x89PNG")
    (root / "img" / "logo@2x.png").write_bytes(b"\x89PNG")
    write(root / "js" / "app.js", "console.log('hi');")
    write(root / "feeds" / "all.atom.xml", FEED.format(base=base))
    write(root / "sitemap.xml", SITEMAP.format(base=base))
    write(root / "robots.txt", f"User-agent: *\nSitemap: {base}/sitemap.xml\n")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """Serve the hand-made site under /newsdigest; yield its base URL."""
    root = tmp_path / "site"
    (tmp_path / "secret.txt").write_text("outside the served folder")
    with serve(root) as base:
        make_site(root, base)
        yield base


def get(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """Fetch url without following redirects; return status, headers, body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        connection.request(method, parts.path or "/")
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_serve_yields_a_siteurl_on_loopback_at_a_free_port(tmp_path: Path) -> None:
    with serve(tmp_path) as first, serve(tmp_path, prefix="") as second:
        assert first.startswith("http://127.0.0.1:")
        assert first.endswith("/newsdigest")
        assert urlsplit(first).port != urlsplit(second).port
        assert urlsplit(second).path == ""


def test_serve_answers_like_github_pages(site: str) -> None:
    status, headers, body = get(site + "/")
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert b"<title>Home</title>" in body
    assert get(site + "/about/")[0] == 200
    status, headers, _ = get(site + "/about")
    assert (status, headers["Location"]) == (301, "/newsdigest/about/")
    assert get(site)[0] == 301
    assert get(site + "/posts/first")[0] == 200
    assert get(site + "/feeds/all.atom.xml")[1]["Content-Type"] == "application/xml"
    status, _, body = get(site + "/posts/fourth.html")
    assert (status, b"Lost?" in body) == (404, True)


def test_serve_refuses_paths_outside_the_prefix_and_the_folder(site: str) -> None:
    host = site.removesuffix("/newsdigest")
    assert get(host + "/")[0] == 404
    assert get(host + "/index.html")[0] == 404
    assert get(host + "/newsdigestx/index.html")[0] == 404
    status, _, body = get(site + "/../secret.txt")
    assert status == 404
    assert b"outside the served folder" not in body
    assert get(site + "/%2e%2e/secret.txt")[0] == 404


def test_serve_answers_head_without_a_body(site: str) -> None:
    status, headers, body = get(site + "/", method="HEAD")
    assert status == 200
    assert int(headers["Content-Length"]) > 0
    assert body == b""


def test_serve_at_the_domain_root(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<title>root</title>")
    with serve(tmp_path, prefix="/") as base:
        assert urlsplit(base).path == ""
        with urllib.request.urlopen(base + "/", timeout=5) as response:
            assert b"root" in response.read()
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/nope/", timeout=5)
        assert missing.value.code == 404


def test_crawl_reports_each_broken_link_with_the_page_linking_it(site: str) -> None:
    result = crawl(site + "/")
    host = site.removesuffix("/newsdigest")
    assert result.broken == [
        (host + "/elsewhere/", 404, [site + "/about/"]),
        (site + "/about/missing.html", 404, [site + "/about/"]),
    ]
    assert not result.ok
    assert "missing.html (linked from" in result.report()


def test_crawl_follows_every_kind_of_reference(site: str) -> None:
    result = crawl(site + "/")
    expected = {
        "/theme/site.css",
        "/theme/print.css",  # @import in CSS
        "/theme/bg.png",  # url() in CSS
        "/img/logo.png",
        "/img/logo@2x.png",  # srcset
        "/js/app.js",
        "/feeds/all.atom.xml",  # <link rel="alternate">
        "/posts/first.html",  # fragment dropped
        "/posts/second.html",  # only linked from the feed
    }
    assert {site + path for path in expected} <= result.visited
    assert result.redirects == {site + "/about": site + "/about/"}
    assert site + "/sitemap.xml" not in result.visited


def test_crawl_follows_seeds_robots_and_sitemaps(site: str) -> None:
    result = crawl(site + "/", seeds=[site + "/robots.txt"])
    assert site + "/sitemap.xml" in result.visited
    assert site + "/posts/third.html" in result.visited
    assert result.linked_from[site + "/posts/third.html"] == {site + "/sitemap.xml"}


def test_crawl_records_other_hosts_without_fetching_them(site: str) -> None:
    result = crawl(site + "/")
    assert set(result.external) == {"https://example.org/story", NEVER_FETCHED}
    assert result.external["https://example.org/story"] == {
        site + "/",
        site + "/feeds/all.atom.xml",
    }
    host = site.removesuffix("/newsdigest")
    assert not [url for url in result.visited if not url.startswith(host + "/")]
    assert not [url for url in result.visited if url.startswith("mailto:")]


def test_crawl_collects_every_url_in_xml_files(site: str) -> None:
    result = crawl(site + "/", seeds=[site + "/sitemap.xml"])
    assert result.xml_urls[site + "/feeds/all.atom.xml"] == {
        site + "/",
        site + "/feeds/all.atom.xml",
        site + "/posts/first.html",
        site + "/posts/second.html",
        "https://example.org/story",
    }
    assert result.xml_urls[site + "/sitemap.xml"] == {
        site + "/",
        site + "/posts/third.html",
    }


def test_crawl_reports_malformed_xml(site: str, tmp_path: Path) -> None:
    write(tmp_path / "site" / "feeds" / "all.atom.xml", "<feed><entry></feed>")
    result = crawl(site + "/")
    assert list(result.errors) == [site + "/feeds/all.atom.xml"]
    assert "not well-formed XML" in result.report()


def test_crawl_stops_at_max_pages(site: str) -> None:
    result = crawl(site + "/", max_pages=3)
    assert len(result.visited) == 3
    assert result.truncated
    assert "stopped early" in result.report()


def test_crawl_of_a_clean_site_is_ok(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<a href="page.html">p</a>')
    (tmp_path / "page.html").write_text('<a href="./">home</a>')
    with serve(tmp_path, prefix="/sub/path") as base:
        result = crawl(base + "/")
    assert result.ok, result.report()
    assert result.visited == {base + "/", base + "/page.html"}
    assert result.report() == "no problems"
