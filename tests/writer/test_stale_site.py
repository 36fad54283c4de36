"""A rebuild into the same output folder leaves no file of the previous build behind."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest
import yaml

from sitebuild import ROOT, all_files, build_site
from writer import OutputCollisionError
from writer.store import MANIFEST_NAME

SITEURL = "https://digest.example.org"


def clip(folder: Path, name: str, title: str, topics: list[str], provider: str, **extra) -> Path:
    """Write one front-matter clipping; return its path."""
    meta = {
        "title": title,
        "excerpt": f"What {title} says.",
        "publishedDateTime": f"2024-05-{len(name):02d}T08:00:00Z",
        "webUrl": f"https://news.example.com/{name}",
        "provider": {"name": provider, "domain": provider.lower().replace(" ", "") + ".com"},
        "topics": topics,
        "published": True,
        **extra,
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\nA body.\n")
    return path


def digest(folder: Path) -> Path:
    """Write a small digest with a topic and a provider that one clipping alone has."""
    clip(folder, "alpha", "Alpha Motors Opens a Plant", ["Electric Vehicles"], "Reuters")
    clip(folder, "bravo", "Bravo Cloud Cuts Prices", ["Cloud Computing"], "The Verge")
    clip(folder, "charlie", "Charlie Chips Ships a Chip", ["Semiconductors"], "Lone Wire")
    clip(folder, "delta", "Delta Robotics Raises Money", ["Electric Vehicles", "Robots"], "Reuters")
    return folder


def build(content: Path, output: Path, cache: Path) -> dict[str, bytes]:
    """Build content into output with a kept cache, as `make html` does; return the files."""
    build_site(content, output, CACHE_PATH=str(cache), LOAD_CONTENT_CACHE=True, SITEURL=SITEURL)
    return all_files(output)


def cold(content: Path, tmp_path: Path, name: str) -> dict[str, bytes]:
    """Build content into a fresh folder with a fresh cache; return the files."""
    return build(content, tmp_path / name, tmp_path / f"{name}-cache")


def feed_links(output: Path, relative: str) -> set[str]:
    """Return the entry links of one feed."""
    return {entry.link for entry in feedparser.parse(output / relative).entries}


def test_a_renamed_topic_and_a_deleted_clipping_leave_nothing_behind(tmp_path):
    content, output, cache = digest(tmp_path / "content"), tmp_path / "output", tmp_path / "cache"
    before = build(content, output, cache)
    assert (
        "feeds/topics/robots.atom.xml" in before
        and "charlie-chips-ships-a-chip/index.html" in before
    )
    delta = content / "delta.txt"
    delta.write_text(delta.read_text().replace("- Robots", "- Robotics"))
    (content / "charlie.txt").unlink()

    after = build(content, output, cache)

    assert after == cold(content, tmp_path, "cold")
    gone = set(before) - set(after)
    for path in [
        "charlie-chips-ships-a-chip/index.html",
        "topics/robots/index.html",
        "topics/semiconductors/index.html",
        "providers/lone-wire/index.html",
        "feeds/topics/robots.atom.xml",
        "feeds/topics/robots.rss.xml",
        "feeds/topics/robots.json",
        "feeds/topics/semiconductors.json",
        "feeds/providers/lone-wire.atom.xml",
        "feeds/providers/lone-wire.rss.xml",
    ]:
        assert path in gone and not (output / path).exists(), path
    assert not (output / "topics" / "robots").exists()  # emptied folders go too
    sitemap = (output / "sitemap.xml").read_text()
    assert "/topics/robots/" not in sitemap and "/charlie-chips-ships-a-chip/" not in sitemap
    assert "/topics/robotics/" in sitemap


def test_an_unpublished_clipping_leaves_every_feed(tmp_path):
    content, output, cache = digest(tmp_path / "content"), tmp_path / "output", tmp_path / "cache"
    build(content, output, cache)
    url = f"{SITEURL}/delta-robotics-raises-money/"
    assert url in feed_links(output, "feeds/topics/electric-vehicles.atom.xml")
    delta = content / "delta.txt"
    delta.write_text(delta.read_text().replace("published: true", "published: false"))

    after = build(content, output, cache)

    assert after == cold(content, tmp_path, "cold")
    for name, data in after.items():
        assert b"delta-robotics-raises-money" not in data, name
    assert feed_links(output, "feeds/topics/electric-vehicles.atom.xml") == {
        f"{SITEURL}/alpha-motors-opens-a-plant/"
    }
    assert url not in feed_links(output, "feeds/providers/reuters.atom.xml")
    assert not (output / "feeds/topics/robots.atom.xml").exists()


def test_another_content_folder_with_the_same_settings_does_not_hide_a_deletion(tmp_path):
    """Issue 11 item 6: two content folders, one CACHE_PATH, then a delete and a rebuild."""
    cache = tmp_path / "cache"  # shared, as pelicanconf.py's CACHE_PATH is
    first, output = digest(tmp_path / "content"), tmp_path / "output"
    other = tmp_path / "other"
    clip(other, "echo", "Echo Phones Go Foldable", ["Phones"], "Reuters")
    build(first, output, cache)
    build(other, tmp_path / "other-output", cache)
    (first / "charlie.txt").unlink()

    after = build(first, output, cache)

    assert after == cold(first, tmp_path, "cold")
    assert not (output / "charlie-chips-ships-a-chip").exists()
    assert not (output / "feeds/providers/lone-wire.atom.xml").exists()


def test_building_another_folder_into_the_same_output_removes_the_first_ones_files(tmp_path):
    cache, output = tmp_path / "cache", tmp_path / "output"
    other = tmp_path / "other"
    clip(other, "echo", "Echo Phones Go Foldable", ["Phones"], "Reuters")
    build(digest(tmp_path / "content"), output, cache)

    after = build(other, output, cache)

    assert after == cold(other, tmp_path, "cold")


def test_files_the_build_did_not_write_are_left_alone(tmp_path):
    content, output, cache = digest(tmp_path / "content"), tmp_path / "output", tmp_path / "cache"
    build(content, output, cache)
    (output / "CNAME").write_text("digest.example.org\n")
    (content / "charlie.txt").unlink()
    build(content, output, cache)
    assert (output / "CNAME").read_text() == "digest.example.org\n"


def test_a_page_saved_over_the_sitemap_names_both_writers(tmp_path):
    content = digest(tmp_path / "content")
    (content / "pages").mkdir()
    (content / "pages" / "clash.md").write_text(
        "Title: Clash\nSave_as: sitemap.xml\n\nA page where the sitemap goes.\n"
    )
    with pytest.raises(
        OutputCollisionError, match=r"sitemap\.xml is written by both 'pages' and 'sitemap'"
    ):
        build_site(content, tmp_path / "output", SITEURL=SITEURL)


def test_a_page_saved_over_a_feed_names_both_writers(tmp_path):
    content = digest(tmp_path / "content")
    (content / "pages").mkdir()
    (content / "pages" / "clash.md").write_text(
        "Title: Clash\nSave_as: feeds/all.json\n\nA page where a feed goes.\n"
    )
    with pytest.raises(
        OutputCollisionError, match=r"feeds/all\.json is written by both 'pages' and 'feeds'"
    ):
        build_site(content, tmp_path / "output", SITEURL=SITEURL)


def test_a_publish_build_that_deletes_the_output_folder_keeps_the_record(tmp_path):
    content, output, cache = digest(tmp_path / "content"), tmp_path / "output", tmp_path / "cache"
    build(content, output, cache)
    (content / "charlie.txt").unlink()
    build_site(content, output, "publishconf.py", CACHE_PATH=str(cache), SITEURL=SITEURL)
    (content / "bravo.txt").unlink()
    after = build(content, output, cache)
    assert not (output / "bravo-cloud-cuts-prices").exists()
    assert after == cold(content, tmp_path, "cold")


def test_a_static_file_dropped_from_the_theme_leaves_the_output(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    extra = theme / "static" / "old" / "extra.css"
    extra.parent.mkdir(parents=True, exist_ok=True)
    extra.write_text("p { color: red; }\n")
    content, output, cache = digest(tmp_path / "content"), tmp_path / "output", tmp_path / "cache"
    build_site(content, output, CACHE_PATH=str(cache), THEME=str(theme))
    assert (output / "theme" / "old" / "extra.css").exists()
    manifest = json.loads((output / MANIFEST_NAME).read_text())["files"]
    assert manifest["theme/old/extra.css"] == "static"
    extra.unlink()
    build_site(content, output, CACHE_PATH=str(cache), THEME=str(theme))
    assert not (output / "theme" / "old").exists()
    assert any((output / "theme" / "css").iterdir())
