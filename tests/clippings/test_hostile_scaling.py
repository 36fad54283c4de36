"""Inputs that used to stall the build (issue 10) now cost time linear in their size.

Each class is parsed at two sizes, four times apart: linear work grows about
4x, the quadratic behaviour these inputs used to trigger grows 16x. CPU time,
best of several runs, so a loaded machine does not decide the outcome.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from clippings.body import MarkdownRenderer
from clippings.budget import OverBudget, cpu_budget
from clippings.parse import parse_clipping

HEADER = "---\ntitle: Scaling\npublishedDateTime: 2021-02-13T11:00:00Z\n---\n"


def _front(body: str) -> str:
    return HEADER + "start\n" + body


def _nested(copies: int) -> str:
    return "\n".join("".join("    " * i + "- level\n" for i in range(100)) for _ in range(copies))


CLASSES: dict[str, Callable[[int], str]] = {
    "blank lines": lambda n: _front(" \n\n" * (n * 20)),
    "abbreviations": lambda n: " date 2021-02-13 " + "No. 1 Fig. 2 " * n,
    "distinct topics": lambda n: HEADER.replace(
        "title", "topics: [" + ", ".join(f"Topic {i}" for i in range(n)) + "]\ntitle"
    ),
    "unknown keys": lambda n: HEADER.replace(
        "title", "".join(f"k{i}: v\n" for i in range(n)) + "title"
    ),
    "brackets": lambda n: _front("[" * (n * 10)),
    "image brackets": lambda n: _front("![" * (n * 10)),
    "anchors": lambda n: _front("<a " * n),
    "brackets in text": lambda n: _front(("[ " + "word " * 20) * (n // 10)),
    "setext headings": lambda n: _front("a\n=\n" * n),
    "rules": lambda n: _front("***\n" * n),
    "definition lists": lambda n: _front("a\n: b\n" * n),
    "nested lists": lambda n: _front(_nested(n // 200)),
    "nested quotes": lambda n: _front("> " * n + "deep\n"),
}


def _cost(source: str) -> float:
    """Return the best CPU time of parsing source, with the cyclic collector paused.

    The collector's full passes walk every live object, so with thousands of
    YAML nodes alive they make any parse look superlinear: that is the
    interpreter, not the parser, and it would make the ratio flaky.
    """
    data, render = source.encode(), MarkdownRenderer()
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            parse_clipping(data, "scaling.txt", render_markdown=render)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return max(best, 1e-3)  # below a millisecond the ratio is noise


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_cost_grows_linearly(name):
    make = CLASSES[name]
    small, large = _cost(make(2_000)), _cost(make(8_000))
    assert large / small < 9, f"{name}: {small:.4f} s -> {large:.4f} s for 4x the input"


def test_the_cpu_budget_stops_a_runaway_parse():
    started = time.process_time()
    with pytest.raises(OverBudget), cpu_budget(0.2):
        while True:
            sum(range(1000))
    assert time.process_time() - started < 2


def test_a_yaml_merge_key_bomb_parses_in_linear_time():
    levels = ["a0: &a0 {k: v}"] + [
        f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}], k{i}: [*a{i - 1}, *a{i - 1}]}}"
        for i in range(1, 30)
    ]
    source = "---\ntitle: Bomb\npublishedDateTime: 2021-02-13T11:00:00Z\n"
    started = time.process_time()
    clip = parse_clipping((source + "\n".join(levels) + "\n---\nBody.\n").encode(), "bomb.txt")
    assert time.process_time() - started < 2
    assert clip.title == "Bomb" and any("unknown key 'a0'" in str(p) for p in clip.problems)
