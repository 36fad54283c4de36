"""The render cache and the parallel writer build exactly what a plain cold build does."""

from __future__ import annotations

import logging
import os
import re
import shutil

import pytest

from sitebuild import ROOT, all_files, build_site
from speedups import writer


@pytest.fixture
def demo(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def rendered_counts(caplog) -> str:
    return next(
        r.getMessage() for r in caplog.records if r.getMessage().startswith("speedups: rendered")
    )


def retitle(content, old: str, new: str) -> None:
    path = next(p for p in content.glob("*.txt") if old in p.read_text())
    path.write_text(path.read_text().replace(old, new))


def test_warm_rebuild_equals_a_cold_build_and_skips_unchanged_pages(demo, tmp_path, caplog):
    cache = tmp_path / "cache"
    warm = tmp_path / "warm"
    with caplog.at_level(logging.INFO):
        build_site(demo, warm, CACHE_PATH=str(cache), LOAD_CONTENT_CACHE=True)
        retitle(demo, "Waymo Replays Dozens of Fatal Crashes", "Waymo Replays Many Fatal Crashes")
        caplog.clear()
        build_site(demo, warm, CACHE_PATH=str(cache), LOAD_CONTENT_CACHE=True)
    counts = rendered_counts(caplog)
    cold = build_site(demo, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert all_files(warm) == all_files(cold)
    rendered, unchanged = int(counts.split()[2]), int(counts.split(", ")[1].split()[0])
    assert rendered > 0 and unchanged > 0, counts
    # The retitled story's old page, and the search index chunks that changed with it.
    removed = [
        int(m[1])
        for r in caplog.records
        if (m := re.search(r"(\d+) left from the last build removed$", r.getMessage()))
    ]
    assert removed and removed[-1] >= 1


def test_unchanged_rebuild_renders_nothing(demo, tmp_path, caplog):
    cache = tmp_path / "cache"
    output = tmp_path / "output"
    build_site(demo, output, CACHE_PATH=str(cache), LOAD_CONTENT_CACHE=True)
    first = all_files(output)
    with caplog.at_level(logging.INFO):
        build_site(demo, output, CACHE_PATH=str(cache), LOAD_CONTENT_CACHE=True)
    assert rendered_counts(caplog).startswith("speedups: rendered 0 pages")
    assert all_files(output) == first


def test_a_theme_change_renders_every_page_again(demo, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    cache, output = tmp_path / "cache", tmp_path / "output"
    build_site(demo, output, CACHE_PATH=str(cache), THEME=str(theme))
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text().replace("</footer>", "<p>Changed footer</p></footer>"))
    build_site(demo, output, CACHE_PATH=str(cache), THEME=str(theme))
    # An edition's email.html is a standalone mail document, not built on base.html.
    pages = [
        data
        for name, data in all_files(output).items()
        if name.endswith(".html") and not name.endswith("/email.html")
    ]
    assert len(pages) > 30 and all(b"Changed footer" in data for data in pages)


def counted_forks(monkeypatch) -> list[int]:
    """Count the worker processes a build forks."""
    forks: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return forks


def test_workers_and_a_single_process_write_the_same_bytes(demo, tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "MIN_PARALLEL_JOBS", 1)
    forks = counted_forks(monkeypatch)
    one = build_site(demo, tmp_path / "one", DIGEST_WORKERS=1, DIGEST_RENDER_CACHE=False)
    others = len(forks)  # story clustering runs in a child of its own, workers or not
    assert others == 1
    two = build_site(demo, tmp_path / "two", DIGEST_WORKERS=2, DIGEST_RENDER_CACHE=False)
    assert len(forks) == 2 * others + 1, "two workers: one render worker forked"
    assert all_files(one) == all_files(two)


def test_an_error_in_a_worker_fails_the_build(demo, tmp_path, monkeypatch):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates" / "article.html"
    article.write_text(
        article.read_text().replace("{% block content %}", "{% block content %}{{ 1 // 0 }}", 1)
    )
    monkeypatch.setattr(writer, "MIN_PARALLEL_JOBS", 1)
    with pytest.raises((ZeroDivisionError, RuntimeError)):
        build_site(demo, tmp_path / "output", THEME=str(theme), DIGEST_WORKERS=2)


def test_parsing_in_worker_processes_reads_the_same_site(demo, tmp_path, monkeypatch, caplog):
    from speedups import adapter

    shutil.copyfile(
        ROOT / "tests" / "fixtures" / "bad" / "malformed_yaml.txt", demo / "malformed.txt"
    )
    monkeypatch.setattr(adapter, "MIN_PREFETCH", 1)
    monkeypatch.setattr(writer, "MIN_PARALLEL_JOBS", 10**6)
    forks = counted_forks(monkeypatch)
    one = build_site(demo, tmp_path / "one", DIGEST_WORKERS=1)
    others = len(forks)  # story clustering runs in a child of its own, workers or not
    assert others == 1
    with caplog.at_level(logging.WARNING):
        two = build_site(demo, tmp_path / "two", DIGEST_WORKERS=2)
    assert len(forks) == 2 * others + 2  # and the two parsing workers
    assert all_files(one) == all_files(two)
    assert any(
        "malformed.txt:2: front matter is not valid YAML" in r.getMessage() for r in caplog.records
    )
