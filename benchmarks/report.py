"""Summarise benchmark builds: medians, the table, ratios and issue 7's targets."""

import itertools
import statistics
from dataclasses import replace

from measure import BuildResult

COLD, WARM, STOCK = "newsdigest cold", "newsdigest warm", "stock pelican cold"
BUILDS = (COLD, WARM, STOCK)
BASE_COLD, BASE_WARM = "baseline cold", "baseline warm"  # the project at --baseline REV
ALL_OFF = f"{COLD}, all three off"
_MEDIAN_FIELDS = ("wall_s", "cpu_s", "user_s", "peak_rss_mb", "peak_pss_mb", "files", "written")
_COLUMNS = (
    ("N", 7), ("build", 33), ("wall s", 8), ("cpu s", 8), ("RSS MB", 8), ("PSS MB", 8),
    ("files", 7), ("written", 8), ("articles", 9), ("ms/clip", 8), ("status", 0),
)  # fmt: skip


def median_result(runs: list[BuildResult]) -> BuildResult:
    """Return the first failed run, or one whose numbers are the runs' medians."""
    failed = [run for run in runs if not run.ok]
    if failed:
        return failed[0]
    medians = {key: statistics.median(getattr(r, key) for r in runs) for key in _MEDIAN_FIELDS}
    clustered = [r.cluster_s for r in runs if r.cluster_s is not None]
    if clustered:
        medians["cluster_s"] = statistics.median(clustered)
    return replace(runs[0], **medians)


def status(result: BuildResult) -> str:
    """Return ok, skipped or FAILED with the exit code, plus log noise counts."""
    if result.skipped:
        return "skipped"
    if not result.ok:
        return f"FAILED (exit {result.exit_code})"
    noise = f", {result.warnings} warnings" if result.warnings else ""
    return "ok" + (f", {result.errors} errors" if result.errors else "") + noise


def _row(result: BuildResult) -> list[str]:
    if result.skipped:
        numbers = ["-"] * 8
    else:
        numbers = [
            f"{result.wall_s:.2f}",
            f"{result.cpu_s:.2f}",
            f"{result.peak_rss_mb:.0f}",
            f"{result.peak_pss_mb:.0f}",
            str(result.files),
            str(result.written),
            "-" if result.articles is None else str(result.articles),
            f"{result.ms_per_clipping:.2f}",
        ]
    return [str(result.n), result.name, *numbers, status(result)]


def table(results: list[BuildResult]) -> str:
    """Return the results as a fixed-width text table."""
    lines = [[title for title, _ in _COLUMNS]] + [_row(r) for r in results]
    return "\n".join(
        "  ".join(
            cell.ljust(width) if i in (1, len(_COLUMNS) - 1) else cell.rjust(width)
            for i, (cell, (_, width)) in enumerate(zip(line, _COLUMNS, strict=True))
        ).rstrip()
        for line in lines
    )


def _check(value: float | None, limit: float) -> str:
    if value is None:
        return "n/a (a build failed)"
    return "met" if value <= limit else "NOT MET"


def _ratio(top: BuildResult, bottom: BuildResult, key: str = "wall_s") -> float | None:
    if top.ok and bottom.ok and getattr(bottom, key) > 0:
        return getattr(top, key) / getattr(bottom, key)
    return None


def _fmt(value: float | None, unit: str, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}{unit}"


def ratios(by_size: dict[int, dict[str, BuildResult]]) -> list[dict]:
    """Return, per N, the ratios and issue 7's targets with met / not met."""
    rows = []
    for n, builds in sorted(by_size.items()):
        cold, warm, stock = builds[COLD], builds[WARM], builds[STOCK]
        rss = max(cold.peak_pss_mb, warm.peak_pss_mb) if cold.ok and warm.ok else None
        rss_limit = 3000.0 if n >= 100_000 else 300.0
        cold_vs_stock, warm_vs_cold = _ratio(cold, stock), _ratio(warm, cold)
        rows.append(
            {
                "n": n,
                "cold_vs_stock": cold_vs_stock,
                "cold_vs_stock_target": _check(cold_vs_stock, 0.5),
                "cold_vs_stock_cpu": _ratio(cold, stock, "cpu_s"),
                "warm_vs_cold": warm_vs_cold,
                "warm_vs_cold_target": _check(warm_vs_cold, 0.25),
                "warm_vs_cold_cpu": _ratio(warm, cold, "cpu_s"),
                "peak_rss_mb": rss,
                "rss_limit_mb": rss_limit,
                "rss_target": _check(rss, rss_limit),
            }
        )
    return rows


def scaling(by_size: dict[int, dict[str, BuildResult]]) -> list[dict]:
    """Return ms per clipping of the cold build between consecutive sizes."""
    sizes = sorted(by_size)
    rows = []
    for small, large in itertools.pairwise(sizes):
        a, b = by_size[small][COLD], by_size[large][COLD]
        growth = b.ms_per_clipping / a.ms_per_clipping if a.ok and b.ok else None
        target = _check(growth, 1.2) if (small, large) == (10_000, 50_000) else "-"
        rows.append({"from": small, "to": large, "growth": growth, "target": target})
    return rows


def summary(ratio_rows: list[dict], scaling_rows: list[dict]) -> str:
    """Return the ratios and targets as readable lines."""
    lines = ["Ratios of wall time (CPU time in brackets); issue 7 targets are for N = 10,000:"]
    for row in ratio_rows:
        n, limit = row["n"], f"{row['rss_limit_mb']:.0f} MB"
        cold, warm = _fmt(row["cold_vs_stock"], "x"), _fmt(row["warm_vs_cold"], "x")
        cold_cpu = _fmt(row["cold_vs_stock_cpu"], "x")
        warm_cpu = _fmt(row["warm_vs_cold_cpu"], "x")
        rss = _fmt(row["peak_rss_mb"], " MB", 0)
        lines += [
            f"  N={n}: newsdigest cold / stock cold = {cold} (cpu {cold_cpu})"
            f"  (target <= 0.5x: {row['cold_vs_stock_target']})",
            f"  N={n}: newsdigest warm / newsdigest cold = {warm} (cpu {warm_cpu})"
            f"  (target <= 0.25x: {row['warm_vs_cold_target']})",
            f"  N={n}: newsdigest peak memory (PSS) = {rss}"
            f"  (target <= {limit}: {row['rss_target']})",
        ]
    for row in scaling_rows:
        line = f"  ms/clipping, cold, N={row['to']} vs N={row['from']}: "
        line += _fmt(row["growth"], "x")
        if row["target"] != "-":
            line += f"  (target <= 1.2x: {row['target']})"
        lines.append(line)
    return "\n".join(lines)


def _change(top: BuildResult | None, bottom: BuildResult | None) -> dict | None:
    """Return top against bottom: wall and CPU ratios, seconds added, both PSS peaks."""
    if top is None or bottom is None or not (top.ok and bottom.ok):
        return None
    return {
        "wall_ratio": _ratio(top, bottom),
        "cpu_ratio": _ratio(top, bottom, "cpu_s"),
        "wall_added_s": top.wall_s - bottom.wall_s,
        "cpu_added_s": top.cpu_s - bottom.cpu_s,
        "user_ratio": _ratio(top, bottom, "user_s"),
        "user_added_s": top.user_s - bottom.user_s,
        "pss_mb": [top.peak_pss_mb, bottom.peak_pss_mb],
    }


def comparisons(by_size: dict[int, dict[str, BuildResult]], baseline: str = "") -> list[dict]:
    """Return, per N, what each feature costs and how the build compares with the baseline.

    A feature's cost is the full cold build against the cold build with that
    feature off. "all three off" against the baseline is the build as it was,
    less what the later issues added.
    """
    rows = []
    for n, builds in sorted(by_size.items()):
        cold = builds.get(COLD)
        for name, result in builds.items():
            if name.startswith(f"{COLD}, ") and name != ALL_OFF:
                feature = name.removeprefix(f"{COLD}, ").removesuffix(" off")
                rows.append({"n": n, "what": f"cost of {feature}", **(_change(cold, result) or {})})
        if baseline:
            for what, top, bottom in (
                ("cold vs baseline", COLD, BASE_COLD),
                ("warm vs baseline", WARM, BASE_WARM),
                ("all three off vs baseline", ALL_OFF, BASE_COLD),
            ):
                change = _change(builds.get(top), builds.get(bottom))
                rows.append({"n": n, "what": f"{what} {baseline}", **(change or {})})
    return rows


def comparison_summary(rows: list[dict]) -> str:
    """Return the comparisons as readable lines."""
    lines = ["Features and baseline (cold builds unless named; CPU includes every process):"]
    for row in rows:
        if "wall_ratio" not in row:
            lines.append(f"  N={row['n']}: {row['what']}: n/a (a build failed or was skipped)")
            continue
        top, bottom = row["pss_mb"]
        lines.append(
            f"  N={row['n']}: {row['what']}: {_fmt(row['wall_ratio'], 'x')} wall "
            f"({row['wall_added_s']:+.1f} s), {_fmt(row['cpu_ratio'], 'x')} CPU "
            f"({row['cpu_added_s']:+.1f} s; user {_fmt(row['user_ratio'], 'x')}, "
            f"{row['user_added_s']:+.1f} s), peak PSS {top:.0f} vs {bottom:.0f} MB"
        )
    return "\n".join(lines)


def clustering_lines(results: list[BuildResult]) -> list[str]:
    """Return, per build that clustered, its clustering time beside its whole build."""
    return [
        f"  N={r.n} {r.name}: {r.stories} stories, clustered in {r.cluster_s:.1f} s "
        f"= {100 * r.cluster_s / r.wall_s:.1f}% of the build's {r.wall_s:.1f} s wall"
        for r in results
        if r.ok and r.cluster_s is not None and r.wall_s
    ]


def failures(results: list[BuildResult]) -> str:
    """Return the exit code and last log lines of every build that did not succeed."""
    blocks = []
    for result in results:
        if not result.ok:
            tail = "\n".join(f"    {line}" for line in result.log_tail)
            what = "skipped" if result.skipped else f"exit {result.exit_code}"
            blocks.append(f"{result.name}, N={result.n}: {what}\n{tail}")
    return "\n".join(blocks)
