"""Lint a folder of clippings without building: ``python -m clippings.check content``.

It runs the same parser as the reader, so it cannot disagree with the build.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .body import MarkdownRenderer
from .dates import settle_dates
from .files import UnreadableFile, display_path, read_limited
from .gitdates import approximate_date, first_commit_dates
from .linking import duplicate_message, duplicate_sources
from .model import INFO, Clipping
from .options import ParseOptions, parse_options
from .parse import parse_clipping, unreadable_clipping
from .summary import count_clippings, summary_line


def checked_clippings(folder: Path, options: ParseOptions) -> Iterator[Clipping]:
    """Yield every .txt clipping under folder, parsed, in file-name order."""
    committed = first_commit_dates(folder)
    render = MarkdownRenderer()
    root = os.path.realpath(folder)
    for path in sorted(folder.rglob("*.txt")):
        if "pages" in path.relative_to(folder).parts[:-1]:
            continue

        def fallback(path: Path = path):
            return approximate_date(path, committed)

        try:
            data = read_limited(str(path), root, options.max_bytes + 1)
        except UnreadableFile as exc:
            yield unreadable_clipping(display_path(str(path)), str(exc))
            continue
        clip = parse_clipping(data, display_path(str(path)), options, fallback, render)
        yield settle_dates(clip, options.timezone)


def report(clippings: list[Clipping], show_info: bool = False) -> tuple[list[str], Counter]:
    """Return one line per problem (``file:line: problem``) and the counts."""
    lines = []
    published = [c for c in clippings if c.usable and c.published]
    repeated = duplicate_sources((c.path, c.source_urls) for c in published)
    for clip in clippings:
        for problem in sorted(clip.problems, key=lambda p: p.line or 0):
            if problem.level != INFO or show_info:
                lines.append(f"{problem} [{problem.level}]")
        if clip.usable and clip.published and clip.path in repeated:
            message = duplicate_message(clip.path, repeated[clip.path], clip.source_url)
            lines.append(f"{message} [error]")
    return lines, count_clippings(clippings, repeated)


def main(argv: list[str] | None = None) -> int:
    """Check the clippings of a folder; return 1 when any clipping would be skipped."""
    parser = argparse.ArgumentParser(prog="clippings.check", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the content folder to check")
    parser.add_argument("-s", "--settings", help="a Pelican settings file for DIGEST_* values")
    parser.add_argument("-v", "--verbose", action="store_true", help="also show info notes")
    args = parser.parse_args(argv)
    settings = {}
    if args.settings:
        from pelican.settings import read_settings

        settings = read_settings(args.settings)
    lines, stats = report(
        list(checked_clippings(args.folder, parse_options(settings))), args.verbose
    )
    for line in lines:
        print(line)
    print(summary_line(stats))
    return 1 if stats["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
