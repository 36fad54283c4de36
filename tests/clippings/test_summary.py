"""One counting function for the build summary and `make check`."""

from __future__ import annotations

from clippings.check import report
from clippings.model import ERROR, INFO, WARNING, Clipping, Problem
from clippings.summary import count_clippings, summary_line


def clip(name: str, *levels: str, published: bool = True, url: str = "") -> Clipping:
    problems = tuple(Problem(name, 1, f"{level} here", level) for level in levels)
    return Clipping(
        name, "front_matter", published=published, problems=problems,
        source_url=url, source_urls=(url,) if url else (),
    )  # fmt: skip


CLIPPINGS = [
    clip("a.txt", WARNING, INFO, url="https://x.example/1"),
    clip("b.txt", ERROR),
    clip("c.txt", published=False),
    clip("d.txt", url="https://x.example/1"),  # same source as a.txt
    clip("e.txt", WARNING, WARNING),
]


def test_counts_cover_every_outcome():
    stats = count_clippings(CLIPPINGS, {"d.txt": "a.txt"}, unread=2)
    assert summary_line(stats) == (
        "clippings: 5 read, 2 published, 1 unpublished, 4 skipped, 2 errors, 5 warnings"
    )


def test_check_counts_with_the_same_function_as_the_build():
    lines, stats = report(CLIPPINGS)
    assert stats == count_clippings(CLIPPINGS, {"d.txt": "a.txt"})
    assert any("d.txt: same source URL as a.txt" in line for line in lines)
