"""A clipping that takes too long to parse is skipped and named, in the parsing workers too."""

from __future__ import annotations

import logging

from benchmarks.synthetic import write_clippings
from sitebuild import article_pages, build_site

SLOW = "slow_but_linear.txt"


def test_a_clipping_over_its_cpu_budget_is_named_and_skipped(tmp_path):
    content = tmp_path / "content"
    write_clippings(content, 220)  # over the speedups' MIN_PREFETCH: parsed in workers
    lines = "".join(f"- *item* {n} with `code` and **bold**\n" for n in range(30_000))
    (content / SLOW).write_text(
        "---\ntitle: Slow But Linear\npublishedDateTime: 2021-02-13T11:00:00Z\n---\n" + lines
    )
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger().addHandler(handler)
    try:
        output = build_site(
            content, tmp_path / "output", DIGEST_WORKERS=2, DIGEST_PARSE_SECONDS=0.3
        )
    finally:
        logging.getLogger().removeHandler(handler)
    warnings = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    named = [w for w in warnings if SLOW in w]
    assert len(named) == 1 and "DIGEST_PARSE_SECONDS" in named[0], named
    assert not [w for w in warnings if "DIGEST_PARSE_SECONDS" in w and SLOW not in w]
    titles = {t.xpath("string(//h1)").strip() for t in article_pages(output).values()}
    assert "Slow But Linear" not in titles
    assert len(titles) >= 200
