"""Benchmark newsdigest against stock Pelican on synthetic clippings (issue 7).

Usage: python benchmarks/run.py [--sizes 1000,10000] [--repeat 1] [--baseline REV]

Each round builds the clippings cold and warm, the same items as Markdown with
stock Pelican, then cold once per feature switched off (search, editions, story
clustering, all three), so that each feature's cost reads off one table. With
``--baseline REV`` the same clippings are also built cold and warm by the
project as it was at git revision REV (unpacked with ``git archive``).
"""

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import measure
import report
from eval_stories import time_clustering
from measure import BuildResult, run_build, skipped
from synthetic import write_clippings, write_markdown_items

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NEWSDIGEST_CONF = REPO / "pelicanconf.py"
STOCK_CONF = HERE / "stock_pelicanconf.py"
SITEURL = "https://bench.example"
SETTLE_S = 2.0  # pause before each timed build, after os.sync()


# Cold builds with one feature (or all three) switched off: name -> settings.
FEATURES_OFF = (
    ("search off", {"DIGEST_SEARCH": False}),
    ("editions off", {"DIGEST_EDITIONS": False}),
    ("clustering off", {"DIGEST_STORY_CLUSTER": False}),
    (
        "all three off",
        {"DIGEST_SEARCH": False, "DIGEST_EDITIONS": False, "DIGEST_STORY_CLUSTER": False},
    ),
)


def pelican_cmd(
    content: Path,
    settings: Path,
    output: Path,
    cache: Path | None,
    cold: bool,
    extra: dict | None = None,
) -> list[str]:
    """Return the pelican command line for one build (extra: more settings)."""
    cmd = [sys.executable, "-m", "pelican", str(content), "-s", str(settings)]
    cmd += ["-o", str(output)]
    if cold:
        cmd += ["--ignore-cache", "--delete-output-directory"]
    overrides = {"SITEURL": SITEURL, **(extra or {})}
    if cache is not None:
        overrides["CACHE_PATH"] = str(cache)
    # -e takes the rest of the line, so it goes last.
    return [*cmd, "-e", *(f"{key}={json.dumps(val)}" for key, val in overrides.items())]


def warm_target(paths: list[Path]) -> Path:
    """Return a published front-matter clipping from the middle of the set."""
    middle = len(paths) // 2
    for path in paths[middle:] + paths[:middle]:
        text = path.read_text(encoding="utf-8")
        if text.startswith("---") and "\npublished: true\n" in text:
            return path
    raise SystemExit("no published front-matter clipping to change for the warm build")


def retitle(path: Path) -> None:
    """Change the title of a front-matter clipping, as an editor would."""
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r'^title: "(.*)"$', r'title: "\1 (revised)"', text, count=1, flags=re.M)
    path.write_text(changed, encoding="utf-8")


def _fresh(*folders: Path) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def _timed(name: str, n: int, cmd: list[str], output: Path, logs: Path, cwd: Path) -> BuildResult:
    """Run one build once the disk has caught up with what came before it.

    Deleting the last build's 20,000 files (or writing the clippings) leaves the
    file system busy for seconds after the call returns; without the pause the
    next build would be charged for it, depending on which build came before.
    """
    os.sync()
    time.sleep(SETTLE_S)
    return run_build(name, n, cmd, output, logs, cwd)


def _announce(result: BuildResult) -> None:
    line = f"{result.name} N={result.n}: {report.status(result)}, {result.wall_s:.2f} s"
    print("  " + line, flush=True)


def one_round(
    base: Path, n: int, round_no: int, target: Path, args: argparse.Namespace
) -> dict[str, BuildResult]:
    """Build every variant once; return {build name: result}."""
    clippings, markdown, cache = base / "clippings", base / "markdown", base / "cache"
    ours, stock_out = base / "out-newsdigest", base / "out-stock"
    logs = base / "logs" / f"round{round_no}"
    original = target.read_bytes()
    results: dict[str, BuildResult] = {}

    def cold_and_warm(cold_name: str, warm_name: str, settings: Path) -> None:
        target.write_bytes(original)
        _fresh(cache, ours)
        cmd = pelican_cmd(clippings, settings, ours, cache, cold=True)
        cold = results[cold_name] = _timed(cold_name, n, cmd, ours, logs, base)
        _announce(cold)
        if cold.ok:
            retitle(target)
            cmd = pelican_cmd(clippings, settings, ours, cache, cold=False)
            warm = _timed(warm_name, n, cmd, ours, logs, base)
        else:
            warm = skipped(warm_name, n, "skipped: the cold build failed")
        results[warm_name] = warm
        _announce(warm)

    def stock() -> None:
        _fresh(stock_out)
        cmd = pelican_cmd(markdown, STOCK_CONF, stock_out, None, cold=True)
        results[report.STOCK] = _timed(report.STOCK, n, cmd, stock_out, logs, base)
        _announce(results[report.STOCK])

    def feature_off(label: str, extra: dict) -> None:
        target.write_bytes(original)
        name = f"{report.COLD}, {label}"
        _fresh(cache, ours)
        cmd = pelican_cmd(clippings, args.settings, ours, cache, cold=True, extra=extra)
        results[name] = _timed(name, n, cmd, ours, logs, base)
        _announce(results[name])

    steps = [lambda: cold_and_warm(report.COLD, report.WARM, args.settings), stock]
    steps += [
        lambda label=label, extra=extra: feature_off(label, extra)
        for label, extra in (FEATURES_OFF if args.features else ())
    ]
    if args.baseline_settings is not None:
        steps.append(
            lambda: cold_and_warm(report.BASE_COLD, report.BASE_WARM, args.baseline_settings)
        )
    # A build late in a round runs on a file system busier from the builds before
    # it; each round starts at another step, so that no variant is always last.
    offset = round_no * len(steps) // max(args.repeat, 1)
    for step in steps[offset:] + steps[:offset]:
        step()
    target.write_bytes(original)
    return results


def baseline_settings(revision: str, work: Path) -> Path | None:
    """Unpack the project at revision into work; return its pelicanconf.py (None: no git)."""
    tree = work / f"baseline-{revision}"
    _fresh(tree)
    tree.mkdir(parents=True)
    try:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", revision],
            capture_output=True,
            check=True,
            timeout=120,
        )
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        print(f"baseline {revision}: not built ({error} {detail.decode(errors='replace')})")
        return None
    return tree / "pelicanconf.py"


def bench_size(work: Path, n: int, args: argparse.Namespace) -> list[dict[str, BuildResult]]:
    """Generate n items and run every build repeat times; return the rounds."""
    base = work / f"n{n}"
    _fresh(base)
    print(f"N={n}: generating clippings and Markdown items", flush=True)
    paths = write_clippings(base / "clippings", n, args.seed)
    write_markdown_items(base / "markdown", n, args.seed)
    target = warm_target(paths)
    return [one_round(base, n, round_no, target, args) for round_no in range(args.repeat)]


def _machine() -> dict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "pelican": version("pelican"),
        "load_average_at_end": os.getloadavg(),
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated N")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; medians if > 1")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--settings", type=Path, default=NEWSDIGEST_CONF)
    parser.add_argument("--workdir", type=Path, help="keep inputs and sites here")
    parser.add_argument("--json", type=Path, default=REPO / ".bench" / "results.json")
    parser.add_argument("--baseline", default="", help="git revision to build alongside")
    parser.add_argument(
        "--no-features",
        dest="features",
        action="store_false",
        help="skip the cold builds with a feature switched off",
    )
    args = parser.parse_args(argv)
    args.sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size]
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table and ratios, write JSON; 1 on a failure."""
    args = parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="newsdigest-bench-"))
    by_size: dict[int, dict[str, BuildResult]] = {}
    runs: list[BuildResult] = []
    try:
        args.baseline_settings = baseline_settings(args.baseline, work) if args.baseline else None
        for n in args.sizes:
            rounds = bench_size(work, n, args)
            runs += [result for round_ in rounds for result in round_.values()]
            by_size[n] = {
                name: report.median_result([r[name] for r in rounds]) for name in rounds[0]
            }
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    medians = [result for builds in by_size.values() for result in builds.values()]
    ratio_rows, scaling_rows = report.ratios(by_size), report.scaling(by_size)
    print()
    print(report.table(medians))
    print(f"(medians of {args.repeat} rounds)" if args.repeat > 1 else "(one round)")
    print(f"peak RSS: {measure.RSS_METHOD}")
    # Other work on the machine stretches wall time; CPU time suffers much less.
    load, cpus = os.getloadavg()[0], os.cpu_count() or 1
    if load > cpus:
        print(f"warning: load average {load:.1f} on {cpus} CPUs: wall times are inflated")
    print()
    print("search index (Pagefind, plugins/search), from each build's summary line:")
    for result in medians:
        if result.search_pages is not None:
            print(
                f"  N={result.n} {result.name}: {result.search_pages} pages indexed in "
                f"{result.search_s:.1f} s, {result.search_mb:.1f} MB"
            )
    print()
    print("story clustering in the builds (fork, import, clustering), from the summary line:")
    print("\n".join(report.clustering_lines(medians)) or "  (no build clustered)")
    print()
    print("story clustering alone (benchmarks/eval_stories.py, generated members):")
    clustering = {n: time_clustering(n) for n in args.sizes}
    print()
    print(report.summary(ratio_rows, scaling_rows))
    comparison_rows = report.comparisons(by_size, args.baseline)
    if comparison_rows:
        print()
        print(report.comparison_summary(comparison_rows))
    failed = report.failures(runs)
    if failed:
        print("\nFailed builds:\n" + failed)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    results = {
        "sizes": args.sizes,
        "repeat": args.repeat,
        "seed": args.seed,
        "machine": _machine(),
        "rss_method": measure.RSS_METHOD,
        "builds": [result.to_dict() for result in medians],
        "runs": [result.to_dict() for result in runs],
        "ratios": ratio_rows,
        "baseline": args.baseline or None,
        "comparisons": comparison_rows,
        "scaling": scaling_rows,
        "clustering_s": clustering,
    }
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults written to {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
