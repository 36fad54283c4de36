"""Hostile clippings (issue 10) built with the demo through `make html`'s command line.

Files that cannot be committed (FIFOs, symlinks, names that are not UTF-8,
huge bodies) are made here; the rest are in tests/fixtures/hostile/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from lxml import html as lxml_html

from clippings.parse import parse_clipping
from sitebuild import FIXED_MTIME, FIXTURES, ROOT, article_pages

HOSTILE = FIXTURES / "hostile"
SECRETS = [b"SECRET-TOKEN-7f3a9c", b"OUTSIDE-MARKER", b"root:x:0:0", b"This must never reach"]
BAD_NAME = os.fsdecode(b"bad_name_\xff\xfe.txt")
ESC_NAME = "esc_\x1b[31mred.txt"


def _make_content(base: Path) -> Path:
    content = base / "site" / "content"
    shutil.copytree(ROOT / "content", content)
    for path in HOSTILE.iterdir():
        shutil.copyfile(path, content / path.name)
    (base / "site" / "outside.txt").write_text("OUTSIDE-MARKER: a file beside the content\n")
    os.mkfifo(content / "fifo.txt")
    os.symlink("/etc/passwd", content / "passwd_link.txt")
    os.symlink("../outside.txt", content / "outside_link.txt")
    os.symlink("nowhere.txt", content / "dangling.txt")
    os.symlink("000_7c45fdc0788920cc.txt", content / "inside_link.txt")
    os.symlink("..", content / "up")
    os.symlink(".", content / "self")
    (content / "sub").mkdir()
    os.symlink("..", content / "sub" / "loop")
    (content / BAD_NAME).write_text(" date 2021-02-13 A clipping with a bad file name. More.\n")
    (content / ESC_NAME).write_text(
        "---\npublishedDateTime: 2021-02-13T10:00:00Z\nwebUrl: https://esc.example.com/x\n---\n"
    )
    for path in content.iterdir():
        if path.is_file() and not path.is_symlink() and path.suffix == ".txt":
            os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    return content


def _tree(base: Path, skip: set[Path]) -> dict[str, float]:
    found = {}
    for dirpath, dirs, files in os.walk(base):
        dirs[:] = [d for d in dirs if Path(dirpath, d) not in skip]
        for name in files:
            path = Path(dirpath, name)
            if not path.is_symlink() and path.is_file():
                found[str(path)] = path.stat().st_mtime
    return found


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """Build demo + hostile content as `make html` does; return (output, log, seconds)."""
    base = tmp_path_factory.mktemp("hostile")
    _make_content(base)
    work = base / "site"
    output, cache = work / "build" / "output", base / "cache"
    before = _tree(base, {output, cache})
    started = time.monotonic()
    command = [str(ROOT / ".venv/bin/pelican"), "content", "-o", "build/output"]
    command += ["-s", str(ROOT / "pelicanconf.py"), "--fatal", "errors", "--cache-path", str(cache)]
    result = subprocess.run(
        command,
        cwd=work,
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=240,
        env={**os.environ, "COLUMNS": "400", "TERM": "dumb"},
    )
    seconds = time.monotonic() - started
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    assert _tree(base, {output, cache}) == before, "files written outside the output folder"
    return output, log, seconds


def _titles(output: Path) -> set[str]:
    return {tree.xpath("string(//h1)").strip() for tree in article_pages(output).values()}


def _output_bytes(output: Path):
    for path in output.rglob("*"):
        if path.is_file():
            yield path, path.read_bytes()


def test_build_is_quick_and_keeps_the_demo(hostile_build):
    output, _, seconds = hostile_build
    assert seconds < 120
    titles = _titles(output)
    for path in sorted((ROOT / "content").glob("*.txt")):
        clip = parse_clipping(path.read_bytes(), path.name)
        assert not clip.usable or not clip.published or clip.title in titles, path.name


def test_no_raw_source_secret_or_outside_file_in_the_output(hostile_build):
    output, _, _ = hostile_build
    sources = {p.name for p in output.parent.parent.joinpath("content").iterdir()}
    for path, data in _output_bytes(output):
        assert path.name not in sources, path
        assert not [s for s in SECRETS if s in data], path
        assert b"\n---\ntitle:" not in data, path
    assert not (output / "static").exists()
    assert not any(p.name.startswith("unpublished") for p in output.rglob("*"))


@pytest.mark.parametrize(
    ("file", "reason"),
    [
        ("fifo.txt", "FIFO"),
        ("passwd_link.txt", "outside the content folder"),
        ("outside_link.txt", "outside the content folder"),
        ("dangling.txt", "dangling symlink"),
        ("up", "outside the content folder"),
        ("self", "loop"),
        ("sub/loop", "loop"),
    ],
)
def test_files_that_are_not_regular_content_are_named_and_skipped(hostile_build, file, reason):
    _, log, _ = hostile_build
    assert any(file in line and reason in line for line in log.splitlines()), file


def test_a_symlink_to_a_clipping_inside_the_folder_is_read(hostile_build):
    _, log, _ = hostile_build
    assert "inside_link.txt: same source URL as" in log


def test_pelican_link_syntax_in_clipping_text_stays_text(hostile_build):
    output, _, _ = hostile_build
    pages = article_pages(output)
    page = next(t for t in pages.values() if "Leak attempt" in t.xpath("string(//h1)"))
    assert "{static}/." in page.xpath("string(//h1)")
    titles = page.xpath("//main//a/@title | //main//abbr/@title")
    assert any("{static}/." in t for t in titles), titles
    body = lxml_html.tostring(page, encoding="unicode")
    assert "{filename}/../../etc/passwd" in page.text_content()
    assert 'src="/' not in body.split("<main", 1)[-1] or "{static}" not in body
    abbr = next(t for t in pages.values() if "Abbreviation Attach" in t.xpath("string(//h1)"))
    assert "{attach}" in "".join(abbr.xpath("//abbr/@title | //a/@title"))


def test_file_names_are_printable_in_the_log(hostile_build):
    _, log, _ = hostile_build
    assert "\x1b" not in log
    assert "esc_\\x1b[31mred.txt" in log
