"""Progress: a live bar on a terminal, one summary line in every build log."""

from __future__ import annotations

import io
import re
import shutil

from rich.console import Console

from sitebuild import ROOT, build_site
from speedups import writer
from speedups.progress import BuildProgress


def test_live_progress_draws_phases_and_the_summary_counts_them():
    screen = io.StringIO()
    progress = BuildProgress(Console(file=screen, force_terminal=True, width=100), live=True)
    progress.phase("files read", total=3)
    for _ in range(3):
        progress.advance()
    progress.phase("pages made", total=2)
    progress.advance(2)
    line = progress.finish({"rendered": 2, "unchanged": 0})
    assert "Files read" in screen.getvalue() and "3/3" in screen.getvalue()
    assert line.startswith("build: 3 files read in ")
    assert "; 2 pages made in " in line and "(2 rendered, 0 unchanged)" in line


def test_quiet_progress_prints_nothing_until_the_summary():
    screen = io.StringIO()
    progress = BuildProgress(Console(file=screen, force_terminal=False), live=False)
    progress.phase("files read", total=1)
    progress.advance()
    assert screen.getvalue() == ""
    assert progress.finish().startswith("build: 1 files read in ")


def test_every_build_ends_with_one_summary_line(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    build_site(content, tmp_path / "output")
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("build: ")]
    files = len(list(content.rglob("*.txt")))
    assert len(lines) == 1 and lines[0].startswith(f"build: {files} files read in ")
    assert " pages made in " in lines[0] and lines[0].endswith(" s in all")


def test_the_pages_made_are_counted_exactly_when_workers_render_them(tmp_path, capsys, monkeypatch):
    """The parent counts its own share once per worker while they run; the line is exact."""
    monkeypatch.setattr(writer, "MIN_PARALLEL_JOBS", 1)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    build_site(content, tmp_path / "output", DIGEST_WORKERS=2, DIGEST_RENDER_CACHE=False)
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("build: "))
    made = re.search(r"; (\d+) pages made in [\d.]+ s \((\d+) rendered, (\d+) unchanged", line)
    assert made, line
    assert int(made[1]) == int(made[2]) + int(made[3]), line
    assert int(made[1]) % 2 == 1, "an odd count: two equal estimates would not add up to it"
