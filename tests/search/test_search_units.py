"""The search plugin's pure parts: its setting, Pagefind's bundle, and putting it in place."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from common.settings import SettingsError

from search.canonical import (
    BundleFormatError,
    canonical_bundle,
    content_hash,
    decode_chunk,
    encode_chunk,
    escape_value,
)
from search.pagefind_index import SearchIndex, html_files, index_site, indexed_pages
from search.service import PagefindService, PagefindServiceError
from search.settings import SearchSettings

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav>Topics Sources Archives navigationword</nav>
<main><article data-pagefind-body><h1>{title}</h1><p>{text}</p>
<div hidden data-pagefind-ignore><span data-pagefind-filter="topic">{topic}</span>
<span data-pagefind-filter="year">{year}</span><span data-pagefind-sort="date">{stamp}</span></div>
</article>
<aside>Top stories sidebarword</aside></main><footer>footerword</footer></body></html>
"""


def write_page(site: Path, slug: str, **fields: str) -> None:
    """Write one indexed page at site/slug/index.html."""
    (site / slug).mkdir(parents=True, exist_ok=True)
    (site / slug / "index.html").write_text(PAGE.format(**fields), encoding="utf-8")


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    """A built site of two indexed pages and one page without data-pagefind-body."""
    site = tmp_path / "site"
    write_page(
        site,
        "baidu",
        title="Baidu and Apollo",
        text="Robotaxis in Wuhan.",
        topic="AI",
        year="2021",
        stamp="1613000000",
    )
    write_page(
        site,
        "geely",
        title="Geely builds cars",
        text="Electric sedans.",
        topic="EV",
        year="2022",
        stamp="1650000000",
    )
    (site / "topics").mkdir()
    (site / "topics" / "index.html").write_text(
        "<!DOCTYPE html><html lang='en'><body><h1>Topics listing</h1></body></html>"
    )
    return site


def test_the_setting_defaults_to_on_and_takes_only_booleans() -> None:
    assert SearchSettings.from_settings({}).enabled is True
    assert SearchSettings.from_settings({"DIGEST_SEARCH": False}).enabled is False
    with pytest.raises(
        SettingsError, match="search: DIGEST_SEARCH must be True or False, got 'no'"
    ):
        SearchSettings.from_settings({"DIGEST_SEARCH": "no"})


def test_pagefind_indexes_only_pages_with_a_body_element(small_site: Path) -> None:
    index = index_site(small_site)
    assert index.pages == 2
    assert {"pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-entry.json"} <= set(
        index.files
    )
    assert any(path.startswith("fragment/") for path in index.files)
    assert any(path.startswith("filter/") for path in index.files)
    assert index.size == sum(len(data) for data in index.files.values()) > 100_000
    assert not (small_site / "pagefind").exists(), "the bundle is returned, never written"
    assert index.summary().startswith("2 pages indexed for search in ")


def test_pagefind_gives_the_same_bytes_for_the_same_site(small_site: Path) -> None:
    assert index_site(small_site).files == index_site(small_site).files


def test_only_the_pages_named_are_indexed(small_site: Path, tmp_path: Path) -> None:
    pages = ["baidu/index.html", "topics/index.html"]
    index = index_site(small_site, pages, scratch=tmp_path)
    assert index.pages == 1
    assert index.files == index_site(small_site, pages).files
    assert index.files != index_site(small_site).files
    assert list(tmp_path.iterdir()) == [small_site], "the scratch copy is removed"
    assert index_site(small_site, []).pages == 0


def test_when_the_pages_named_are_all_the_site_has_it_is_indexed_in_place(
    small_site: Path, tmp_path: Path
) -> None:
    every = sorted(html_files(small_site))
    assert "baidu/index.html" in every and "topics/index.html" in every
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    index = index_site(small_site, [*every, "gone/index.html"], scratch=scratch)
    assert index.files == index_site(small_site).files
    assert not any(scratch.iterdir())
    assert index_site(small_site, []).pages == 0


def test_indexed_pages_reads_the_entry_file() -> None:
    entry = {"version": "1", "languages": {"en": {"page_count": 7}, "de": {"page_count": 2}}}
    assert indexed_pages({"pagefind-entry.json": json.dumps(entry).encode()}) == 9
    assert indexed_pages({}) == 0
    assert indexed_pages({"pagefind-entry.json": b"not json"}) == 0


def test_search_index_size_and_summary() -> None:
    index = SearchIndex(files={"a": b"x" * 1_500_000, "b": b"y" * 500_000}, pages=12, seconds=1.26)
    assert index.size == 2_000_000
    assert index.summary() == "12 pages indexed for search in 1.3 s (2.0 MB in 2 files)"


def test_canonical_bundle_sorts_filter_values_and_renames_what_points_at_them(
    small_site: Path,
) -> None:
    files = index_site(small_site).files
    filters = {
        path: decode_chunk(data) for path, data in files.items() if path.startswith("filter/")
    }
    assert {name for name, _ in filters.values()} == {"topic", "year"}
    for path, (_, values) in filters.items():
        assert [value for value, _ in values] == sorted(value for value, _ in values)
        assert path == f"filter/en_{content_hash(files[path], 7)}.pf_filter"
    entry = json.loads(files["pagefind-entry.json"])
    meta_hash = entry["languages"]["en"]["hash"]
    meta = decode_chunk(files[f"pagefind.{meta_hash}.pf_meta"])
    assert sorted(f"filter/{hash_}.pf_filter" for _, hash_ in meta[3]) == sorted(filters)
    shuffled = {
        path: encode_chunk([name, list(reversed(values))])
        for path, (name, values) in filters.items()
    }
    assert canonical_bundle({**files, **shuffled}) == files


def test_the_chunk_codec_round_trips_and_refuses_what_pagefind_never_writes() -> None:
    value = ["topic", [["AI & Autos", [0, 23, 24, 255, 256, 65_536, 2**32]], ["é", []]]]
    assert decode_chunk(encode_chunk(value)) == value
    assert encode_chunk(value) == encode_chunk(value)
    with pytest.raises(BundleFormatError):
        encode_chunk([-1])
    with pytest.raises(BundleFormatError):
        encode_chunk([1.5])
    with pytest.raises(BundleFormatError, match="signature"):
        decode_chunk(gzip.compress(b"not a chunk"))


def test_filter_values_are_escaped_for_pagefinds_ui(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_page(
        site,
        "a",
        title="Hostile",
        text="Words.",
        topic="&lt;img src=x&gt; R&amp;D",
        year="2021",
        stamp="1",
    )
    files = index_site(site).files
    values = [decode_chunk(data)[1] for path, data in files.items() if path.startswith("filter/")]
    assert ["&lt;img src=x&gt; R&amp;D", [0]] in [pair for chunk in values for pair in chunk]
    assert escape_value("<b>\"x\" & 'y'</b>") == "&lt;b&gt;\"x\" &amp; 'y'&lt;/b&gt;"


def test_a_bundle_larger_than_two_mebibytes_comes_through(tmp_path: Path) -> None:
    # Pagefind's own asyncio client hangs on replies over 2 MiB; ours reads any size.
    site = tmp_path / "big"
    for number in range(1500):
        words = " ".join(f"w{number}x{k}q{(number * 7919 + k) % 100_003}" for k in range(60))
        write_page(
            site,
            f"p{number}",
            title=f"Page {number}",
            text=words,
            topic=f"T{number % 40}",
            year=str(2000 + number % 20),
            stamp=str(number),
        )
    index = index_site(site)
    assert index.pages == 1500
    assert index.size * 4 // 3 > 2 * 1024 * 1024, "the base64 reply must exceed 2 MiB"


def test_service_errors_are_reported_not_hung(tmp_path: Path) -> None:
    with PagefindService() as service, pytest.raises(PagefindServiceError, match="Pagefind"):
        service.request({"type": "AddDir", "index_id": 99, "path": str(tmp_path), "glob": None})
    with pytest.raises(PagefindServiceError, match="cannot run"), PagefindService(tmp_path / "x"):
        pass
    with pytest.raises(PagefindServiceError, match="not running"):
        PagefindService().request({"type": "GetFiles", "index_id": 0})
