"""The output store: claims, atomic write-if-changed, the manifest and stale-file removal."""

from __future__ import annotations

import os

import pytest

from writer.store import (
    MANIFEST_NAME,
    OutputCollisionError,
    OutputStore,
    load_manifest,
    write_if_changed,
)


def test_write_if_changed_leaves_identical_files_alone(tmp_path):
    path = tmp_path / "a" / "page.html"
    assert write_if_changed(str(path), b"one")
    mtime = path.stat().st_mtime_ns
    assert not write_if_changed(str(path), b"one")
    assert path.stat().st_mtime_ns == mtime
    assert write_if_changed(str(path), b"two") and path.read_bytes() == b"two"
    assert sorted(os.listdir(path.parent)) == ["page.html"]  # no temporary file left


def test_a_second_writer_is_refused_with_both_names(tmp_path):
    store = OutputStore(str(tmp_path))
    store.write("feeds/a.xml", b"one", "feeds")
    with pytest.raises(
        OutputCollisionError, match=r"feeds/a\.xml is written by both 'feeds' and 'search'"
    ):
        store.write("feeds/a.xml", b"two", "search")
    with pytest.raises(OutputCollisionError, match=r"feeds/a\.xml is written by 'feeds' twice"):
        store.write("./feeds//a.xml", b"two", "feeds")
    assert (tmp_path / "feeds" / "a.xml").read_bytes() == b"one"
    store.claim("p/index.html", "pages")
    store.claim("p/index.html", "pages", repeat_ok=True)  # Pelican's own override rules


@pytest.mark.parametrize("path", ["../outside.xml", "/etc/x", ".", "a/../../b", MANIFEST_NAME])
def test_paths_outside_the_output_folder_are_refused(tmp_path, path):
    with pytest.raises(OutputCollisionError, match="not a file of the output folder"):
        OutputStore(str(tmp_path / "out")).write(path, b"x", "feeds")
    assert not (tmp_path / "outside.xml").exists()


def test_finish_removes_what_the_last_build_wrote_and_this_one_did_not(tmp_path):
    first = OutputStore(str(tmp_path))
    for name in ["keep.html", "old/deep/page.html", "old/other.html"]:
        first.write(name, b"x", "pages")
    assert first.finish() == []
    (tmp_path / "CNAME").write_text("mine")  # never written by a build
    second = OutputStore(str(tmp_path))
    second.write("keep.html", b"x", "pages")
    assert second.unchanged == 1 and second.written == 0
    assert second.finish() == ["old/deep/page.html", "old/other.html"]
    assert sorted(os.listdir(tmp_path)) == sorted(["CNAME", "keep.html", MANIFEST_NAME])
    assert load_manifest(str(tmp_path)) == {"keep.html": "pages"}


def test_a_manifest_never_removes_files_outside_the_output_folder(tmp_path):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep")
    output = tmp_path / "output"
    output.mkdir()
    (output / "escape").symlink_to(tmp_path)
    (output / MANIFEST_NAME).write_text(
        '{"version": 1, "files": {"../precious.txt": "pages", "escape/precious.txt": "pages"}}'
    )
    assert OutputStore(str(output)).finish() == []
    assert outside.read_text() == "keep"


def test_a_damaged_manifest_counts_as_none(tmp_path):
    (tmp_path / MANIFEST_NAME).write_text("{not json")
    assert load_manifest(str(tmp_path)) == {}
    (tmp_path / MANIFEST_NAME).write_text('{"version": 1, "files": ["a"]}')
    assert load_manifest(str(tmp_path)) == {}
