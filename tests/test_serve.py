"""`make serve`'s server: files and folders as GitHub Pages serves them, 404.html for misses."""

from __future__ import annotations

import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts.serve import make_server
from sitebuild import ROOT


@pytest.fixture
def site(tmp_path: Path):
    """Serve a tiny site from a thread; yield its base URL."""
    (tmp_path / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>Page not found</h1>", encoding="utf-8")
    (tmp_path / "topics").mkdir()
    (tmp_path / "topics" / "index.html").write_text("<h1>Topics</h1>", encoding="utf-8")
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "all.atom.xml").write_text("<feed/>", encoding="utf-8")
    server = make_server(tmp_path, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_missing_paths_get_the_sites_404_page(site):
    for path in ("/no-such-page/", "/topics/nothing/", "/favicon.ico"):
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(site + path)
        assert missing.value.code == 404
        assert missing.value.headers["Content-Type"] == "text/html; charset=utf-8"
        assert missing.value.read() == b"<h1>Page not found</h1>"
    request = urllib.request.Request(site + "/gone/", method="HEAD")
    with pytest.raises(urllib.error.HTTPError) as head:
        urllib.request.urlopen(request)
    assert head.value.code == 404 and head.value.read() == b""


def test_folders_files_and_feed_types(site):
    with urllib.request.urlopen(site + "/topics") as response:  # follows the redirect to /topics/
        assert response.url == site + "/topics/" and response.read() == b"<h1>Topics</h1>"
    with urllib.request.urlopen(site + "/feeds/all.atom.xml") as response:
        assert response.headers["Content-Type"] == "application/xml"
        assert response.headers["Cache-Control"] == "no-cache"


def test_refuses_a_missing_output_folder(tmp_path):
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), str(tmp_path / "output")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2 and "run `make html` first" in run.stderr
