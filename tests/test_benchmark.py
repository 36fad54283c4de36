"""The benchmark harness runs end to end at a tiny N; no timing assertions."""

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.synthetic import generate_items, write_clippings, write_markdown_items

REPO = Path(__file__).resolve().parent.parent
BUILDS = ("newsdigest cold", "newsdigest warm", "stock pelican cold")
N = 30


def _table_rows(stdout: str) -> dict[str, list[float]]:
    """Map each build name to the numbers of its table row."""
    rows = {}
    for line in stdout.splitlines():
        for name in BUILDS:
            if line.split()[:1] == [str(N)] and f" {name} " in line:
                cells = line.split(name, 1)[1].split()[:7]
                rows[name] = [float(cell) for cell in cells]
    return rows


def test_benchmark_builds_both_sites_at_tiny_n(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", str(N),
         "--json", str(results), "--workdir", str(tmp_path / "work"), "--baseline", "HEAD"],
        capture_output=True, text=True, timeout=600, cwd=REPO,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = _table_rows(proc.stdout)
    assert set(rows) == set(BUILDS), proc.stdout
    for name, numbers in rows.items():
        # wall s, cpu s, RSS MB, files, written, articles, ms/clip
        assert all(number > 0 for number in numbers), (name, numbers)
    assert rows["newsdigest cold"][4] > N
    assert rows["stock pelican cold"][4] > N
    data = json.loads(results.read_text())
    assert set(BUILDS) <= {build["name"] for build in data["builds"]}
    assert all(build["ok"] for build in data["builds"])
    assert "newsdigest warm / newsdigest cold" in proc.stdout
    cold = next(build for build in data["builds"] if build["name"] == "newsdigest cold")
    assert cold["search_pages"] > 0 and cold["search_mb"] > 0
    assert f"N={N} newsdigest cold: {cold['search_pages']} pages indexed in " in proc.stdout
    # One cold build per feature switched off, and the project at a git revision.
    names = {build["name"] for build in data["builds"]}
    for feature in ("search", "editions", "clustering", "all three"):
        assert f"newsdigest cold, {feature} off" in names
    assert {"baseline cold", "baseline warm"} <= names
    search_off = next(b for b in data["builds"] if b["name"] == "newsdigest cold, search off")
    assert search_off["search_pages"] is None and search_off["files"] < cold["files"]
    whats = {row["what"]: row for row in data["comparisons"]}
    assert {"cost of search", "cold vs baseline HEAD", "all three off vs baseline HEAD"} <= set(
        whats
    )
    assert whats["cost of search"]["cpu_added_s"] == cold["cpu_s"] - search_off["cpu_s"]
    assert whats["cost of search"]["user_added_s"] == cold["user_s"] - search_off["user_s"]
    assert 0 < cold["user_s"] <= cold["cpu_s"]
    assert f"N={N}: cost of search: " in proc.stdout
    # Clustering time, from each build's summary line, beside the whole build.
    assert 0 < cold["stories"] <= N and cold["cluster_s"] > 0
    clustering_off = next(b for b in data["builds"] if b["name"].endswith("clustering off"))
    assert clustering_off["cluster_s"] is None and clustering_off["stories"] == cold["articles"]
    assert f"N={N} newsdigest cold: {cold['stories']} stories, clustered in " in proc.stdout


def test_synthetic_items_are_deterministic_and_cover_every_shape(
    tmp_path: Path,
) -> None:
    first = write_clippings(tmp_path / "a", 200, seed=3)
    second = write_clippings(tmp_path / "b", 200, seed=3)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.stat().st_mtime for p in first] == [p.stat().st_mtime for p in second]
    items = generate_items(200, seed=3)
    assert {item.shape for item in items} == {"front_matter", "dated_text", "bare_text"}
    assert len({item.title for item in items}) == len(items)
    markdown = write_markdown_items(tmp_path / "md", 200, seed=3)
    assert [p.stem for p in markdown] == [p.stem for p in first]
    assert markdown[0].read_text().startswith(f"Title: {items[0].title}\n")
