"""Run one build as a child process and measure its time, memory and output."""

import contextlib
import os
import re
import subprocess
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

try:
    import psutil
except ImportError:  # pragma: no cover - the fallback measures one process only
    psutil = None

SAMPLE_INTERVAL_S = 0.05
RSS_METHOD = (
    "max(sum of RSS over the process tree sampled every 50 ms with psutil, "
    "largest single process's ru_maxrss from wait4); PSS: sum of PSS over the tree, "
    "every 250 ms (the memory target is checked against PSS)"
    if psutil
    else "largest single process's ru_maxrss from wait4 (psutil not installed)"
)
_PROCESSED = re.compile(r"Processed (\d+) articles?")
# The build summary's search part (plugins/search): pages, seconds, MB and files.
_SEARCH = re.compile(r"(\d+) pages indexed for search in ([\d.]+) s \(([\d.]+) MB in (\d+) files\)")
# The build summary's stories part (plugins/stories): clippings, stories, clustering seconds.
_STORIES = re.compile(r"(\d+) clippings in (\d+) stories \((?:clustered in ([\d.]+) s|[^)]*)\)")
_LEVEL = re.compile(r"^(?:\[[\d:]+\])?\s*(WARNING|ERROR|CRITICAL)\b")


@dataclass
class BuildResult:
    """What one build cost and produced."""

    name: str
    n: int
    exit_code: int
    skipped: bool = False
    wall_s: float = 0.0
    cpu_s: float = 0.0
    user_s: float = 0.0  # user CPU alone: system time swings by seconds between runs here
    peak_rss_mb: float = 0.0
    peak_pss_mb: float = 0.0
    files: int = 0
    written: int = 0
    articles: int | None = None
    warnings: int = 0
    errors: int = 0
    log_tail: list[str] = field(default_factory=list)
    search_pages: int | None = None  # pages in the Pagefind index, from the summary line
    search_s: float | None = None  # seconds the index took
    search_mb: float | None = None  # size of /pagefind/, MB
    stories: int | None = None  # stories of the build, from the summary line
    cluster_s: float | None = None  # seconds the build spent clustering (None: not clustered)

    @property
    def ok(self) -> bool:
        """Return True when the build exited with status 0."""
        return self.exit_code == 0 and not self.skipped

    @property
    def ms_per_clipping(self) -> float:
        """Return wall time per input item in milliseconds."""
        return 1000 * self.wall_s / self.n if self.n else 0.0

    def to_dict(self) -> dict:
        """Return the result as plain JSON-ready data."""
        return {**asdict(self), "ok": self.ok, "ms_per_clipping": self.ms_per_clipping}


def skipped(name: str, n: int, reason: str) -> BuildResult:
    """Return the result of a build that was not run."""
    return BuildResult(name, n, exit_code=-1, skipped=True, log_tail=[reason])


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Map every file under folder to its (mtime_ns, size)."""
    files = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            stat = os.stat(os.path.join(root, name))
            files[os.path.join(root, name)] = (stat.st_mtime_ns, stat.st_size)
    return files


class _TreeSampler(threading.Thread):
    """Sample the summed RSS of a process and its descendants until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.peak_pss = 0
        self.stop = threading.Event()

    def run(self) -> None:
        if psutil is None:
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        sample = 0
        while not self.stop.is_set():
            # PSS means reading smaps, which loads the machine: every fifth sample.
            rss, pss = self._tree_memory(root, with_pss=sample % 5 == 0)
            self.peak, self.peak_pss = max(self.peak, rss), max(self.peak_pss, pss)
            sample += 1
            self.stop.wait(SAMPLE_INTERVAL_S)

    @staticmethod
    def _tree_memory(root: "psutil.Process", with_pss: bool) -> tuple[int, int]:
        """Return the summed RSS and PSS of the tree.

        Forked workers share most of their pages with the parent: summed RSS
        counts those pages once per process, PSS divides them among the
        processes that share them, so summed PSS is the memory the build uses.
        """
        rss = pss = 0
        try:
            processes = [root, *root.children(recursive=True)]
        except psutil.Error:
            return 0, 0
        for process in processes:
            # A process may exit between listing and sampling.
            with contextlib.suppress(psutil.Error):
                info = process.memory_full_info() if with_pss else process.memory_info()
                rss += info.rss
                pss += getattr(info, "pss", 0 if not with_pss else info.rss)
        return rss, pss


def _log_counts(log: str) -> tuple[int, int]:
    levels = [m.group(1) for m in map(_LEVEL.match, log.splitlines()) if m]
    return levels.count("WARNING"), levels.count("ERROR") + levels.count("CRITICAL")


def run_build(
    name: str, n: int, cmd: list[str], output: Path, logs: Path, cwd: Path
) -> BuildResult:
    """Run cmd to build into output; measure wall, CPU, peak RSS and files written."""
    before = snapshot(output)
    logs.mkdir(parents=True, exist_ok=True)
    stem = name.replace(" ", "-")
    out_path, err_path = logs / f"{stem}.stdout", logs / f"{stem}.stderr"
    # Wide lines keep Pelican's rich log output one record per line.
    env = {**os.environ, "COLUMNS": "200"}
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, env=env)
        sampler = _TreeSampler(proc.pid)
        sampler.start()
        # wait4 reports CPU and max RSS of the child and its reaped descendants.
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    after = snapshot(output)
    stdout = out_path.read_text(errors="replace")
    stderr = err_path.read_text(errors="replace")
    log = stdout + "\n" + stderr
    warnings, errors = _log_counts(log)
    processed = _PROCESSED.search(log)
    search = _SEARCH.search(log)
    stories = _STORIES.search(log)
    return BuildResult(
        name=name,
        n=n,
        exit_code=proc.returncode,
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        user_s=usage.ru_utime,
        peak_rss_mb=max(sampler.peak / 2**20, usage.ru_maxrss / 1024),
        peak_pss_mb=sampler.peak_pss / 2**20 or usage.ru_maxrss / 1024,
        files=len(after),
        written=sum(1 for path, stamp in after.items() if before.get(path) != stamp),
        articles=int(processed.group(1)) if processed else None,
        warnings=warnings,
        errors=errors,
        log_tail=[line.rstrip() for line in log.strip().splitlines()[-15:]],
        search_pages=int(search.group(1)) if search else None,
        search_s=float(search.group(2)) if search else None,
        search_mb=float(search.group(3)) if search else None,
        stories=int(stories.group(2)) if stories else None,
        cluster_s=float(stories.group(3)) if stories and stories.group(3) else None,
    )
