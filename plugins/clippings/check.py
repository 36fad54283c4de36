"""Lint a folder of clippings without building: ``python -m clippings.check content``.

It runs the same parser as the reader, and groups stories with the same function as
the build, so it cannot disagree with the build.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from common.paths import content_key

from stories.grouping import group_stories
from stories.index import INDEX_SAVE_AS, previous_stories
from stories.members import member_from_clipping
from stories.overrides import override_conflicts
from stories.settings import StorySettings

from .body import MarkdownRenderer
from .dates import settle_dates
from .files import UnreadableFile, display_path, read_limited
from .gitdates import approximate_date, first_commit_dates
from .linking import duplicate_message, duplicate_sources
from .model import INFO, Clipping
from .options import ParseOptions, parse_options
from .parse import parse_clipping, unreadable_clipping
from .summary import count_clippings, summary_line


def keyed_clippings(folder: Path, options: ParseOptions) -> Iterator[tuple[str, Clipping]]:
    """Yield (path relative to folder, as stories key it; clipping) for every clipping."""
    committed = first_commit_dates(folder)
    render = MarkdownRenderer()
    root = os.path.realpath(folder)
    for path in sorted(folder.rglob("*.txt")):
        relative = path.relative_to(folder)
        if "pages" in relative.parts[:-1]:
            continue
        key = content_key(str(relative))

        def fallback(path: Path = path):
            return approximate_date(path, committed)

        try:
            data = read_limited(str(path), root, options.max_bytes + 1)
        except UnreadableFile as exc:
            yield key, unreadable_clipping(display_path(str(path)), str(exc))
            continue
        clip = parse_clipping(data, display_path(str(path)), options, fallback, render)
        yield key, settle_dates(clip, options.timezone)


def _repeated(clippings: list[Clipping]) -> dict[str, str]:
    """Return {path: earlier path} of the published clippings the build drops as repeats."""
    published = [c for c in clippings if c.usable and c.published]
    return duplicate_sources((c.path, c.source_urls) for c in published)


def report(clippings: list[Clipping], show_info: bool = False) -> tuple[list[str], Counter]:
    """Return one line per problem (``file:line: problem``) and the counts."""
    lines = []
    repeated = _repeated(clippings)
    for clip in clippings:
        for problem in sorted(clip.problems, key=lambda p: p.line or 0):
            if problem.level != INFO or show_info:
                lines.append(f"{problem} [{problem.level}]")
        if clip.usable and clip.published and clip.path in repeated:
            message = duplicate_message(clip.path, repeated[clip.path], clip.source_url)
            lines.append(f"{message} [error]")
    return lines, count_clippings(clippings, repeated)


def story_conflicts(
    keyed: list[tuple[str, Clipping]], settings: Mapping[str, Any], previous_index: Path | None
) -> list[str]:
    """Return one line per ``story:`` conflict, grouping the clippings as the build would.

    ``previous_index`` is the last build's /stories.json (its ids are the ones curators
    copy); without it, ids are the ones a first build would give.
    """
    repeated = _repeated([clip for _, clip in keyed])
    members = [
        replace(member_from_clipping(clip), key=key)
        for key, clip in keyed
        if clip.usable and clip.published and clip.path not in repeated
    ]
    if not any(member.override for member in members):
        return []  # nothing to check: spare the clustering
    previous = []
    if previous_index is not None and previous_index.is_file():
        previous = previous_stories(previous_index.read_bytes(), str(previous_index))
    stories = group_stories(members, StorySettings.from_settings(settings), previous).stories
    shown = {key: clip.path for key, clip in keyed}
    return [
        f"{shown[c.key]}: story: {c.message} [warning]"
        for c in override_conflicts(members, stories)
    ]


def check_folder(
    folder: Path,
    settings: Mapping[str, Any] | None = None,
    previous_index: Path | None = None,
    show_info: bool = False,
) -> tuple[list[str], Counter]:
    """Return the problem lines and summary counts of every clipping under folder."""
    settings = settings or {}
    keyed = list(keyed_clippings(folder, parse_options(settings)))
    lines, stats = report([clip for _, clip in keyed], show_info)
    conflicts = story_conflicts(keyed, settings, previous_index)
    stats["warnings"] += len(conflicts)
    return lines + conflicts, stats


def main(argv: list[str] | None = None) -> int:
    """Check the clippings of a folder; return 1 when any clipping would be skipped."""
    parser = argparse.ArgumentParser(prog="clippings.check", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the content folder to check")
    parser.add_argument("-s", "--settings", help="a Pelican settings file for DIGEST_* values")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="the last build's output folder, for its story ids (default: OUTPUT_PATH)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="also show info notes")
    args = parser.parse_args(argv)
    settings = {}
    if args.settings:
        from pelican.settings import read_settings

        settings = read_settings(args.settings)
    output = args.output or (Path(settings["OUTPUT_PATH"]) if settings else None)
    index = output / INDEX_SAVE_AS if output else None
    lines, stats = check_folder(args.folder, settings, index, args.verbose)
    for line in lines:
        print(line)
    print(summary_line(stats))
    return 1 if stats["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
