"""A Pelican Writer that skips pages whose inputs have not changed and renders the rest in parallel.

Pelican's ``write_file`` renders and writes each page at once. This writer lets
Pelican do everything else as usual (pagination, local contexts, overwrite
checks, the ``content_written`` signal) but holds back the rendering: each page
is recorded as a job (the hook is ``writer.pelican_internals.DeferringWriter``).
``flush()``, called once all generators have written, fingerprints every job,
keeps the pages whose fingerprint and file are unchanged since the last build
into this output folder, and renders the rest, split across worker processes,
writing them through the one output writer's ``write_if_changed``.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common.child import ChildError, result_of, start_child
from common.progress import build_progress

from writer.pelican_internals import FINGERPRINT_SKIP, DeferringWriter, is_content
from writer.store import write_if_changed

from .fingerprints import Fingerprinter, settings_digest, template_family

logger = logging.getLogger(__name__)

MIN_PARALLEL_JOBS = 64  # below this, forking costs more than it saves


@dataclass
class Job:
    """One page to write: where, with which template and context."""

    path: str
    template: Any
    context: dict[str, Any]


class FastWriter(DeferringWriter):
    """Writer with a render cache and parallel rendering (see module docstring)."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self._jobs: dict[str, Job] = {}
        self._families: dict[str, tuple[frozenset[str], bytes] | None] = {}
        self._settings_digest = b""
        self._progress: Any = None
        self.rendered = self.unchanged = 0

    def defer(self, path: str, template: Any, context: dict[str, Any]) -> None:
        """Record one page; flush() renders it."""
        self._progress = self._progress or build_progress(context)
        self._jobs[path] = Job(path, template, self._needed(template, context))

    def _needed(self, template: Any, context: dict[str, Any]) -> dict[str, Any]:
        """Return the part of a page's context its templates can read.

        Each page's context is a copy of Pelican's whole shared context; keeping
        twelve thousand of them until flush() would cost hundreds of megabytes.
        """
        family = self._family(template)
        if family is None:
            return context
        return {name: context[name] for name in family[0] if name in context}

    def _family(self, template: Any) -> tuple[frozenset[str], bytes] | None:
        name = template.name
        if name not in self._families:
            self._families[name] = template_family(template.environment, name)
        return self._families[name]

    def progress(self) -> Any:
        """Return the build's progress counter (kept in Pelican's shared context)."""
        return self._progress

    def flush(self, workers: int, use_cache: bool, cache_path: str) -> None:
        """Render and write every recorded page that changed since the last build."""
        progress = self.progress()
        jobs, self._jobs = list(self._jobs.values()), {}
        if progress is not None:
            progress.phase("pages made", total=len(jobs))
        parent = os.getpid()
        step = workers if runs_in_parallel(len(jobs), workers) else 1
        store_path = Path(cache_path) / render_store_name(self.settings, self.output_path)
        previous = _load_store(store_path) if use_cache else {}
        self._settings_digest = settings_digest(self.settings)

        root = self.store().output_path

        def write_share(share: list[Job]) -> list[list]:
            fingerprinter = Fingerprinter(is_content, FINGERPRINT_SKIP)
            results = []
            for job in share:
                key = os.path.relpath(job.path, root)
                fingerprint = self._fingerprint(job, fingerprinter) if use_cache else ""
                rendered = not (
                    fingerprint and _unchanged(job.path, fingerprint, previous.get(key))
                )
                changed = rendered and write_if_changed(
                    job.path, job.template.render(job.context).encode("utf-8")
                )
                results.append([key, fingerprint, rendered, changed, *_stat(job.path)])
                if progress is not None and os.getpid() == parent:
                    progress.advance(step)
            return results

        started = time.perf_counter()
        results = in_workers(write_share, jobs, workers)
        if progress is not None:
            # The parent counted its own share once per worker: make the count exact.
            progress.advance_to(len(results))
        self.rendered += sum(1 for r in results if r[2])
        self.unchanged += sum(1 for r in results if not r[2])
        changed = sum(1 for r in results if r[3])
        self.store().tally(written=changed, unchanged=len(results) - changed)
        logger.debug(
            "speedups: flushed %d pages in %.2f s", len(jobs), time.perf_counter() - started
        )
        if use_cache:
            _save_store(store_path, {r[0]: [r[1], *r[4:]] for r in results if r[1]})

    def _fingerprint(self, job: Job, fingerprinter: Fingerprinter) -> str:
        family = self._family(job.template)
        if family is None:
            return ""
        variables, sources = family
        used = {v: job.context[v] for v in sorted(variables) if v in job.context}
        return fingerprinter.digest((self._settings_digest, sources, used)).hex()


def in_workers(work: Callable[[list], list], items: list, workers: int) -> list:
    """Return work(share) for shares of items, run in forked worker processes.

    Results come back through a pipe (common.child); an exception in a worker is
    raised again here with the worker's traceback.
    """
    if not runs_in_parallel(len(items), workers):
        return work(items)
    shares = [items[i::workers] for i in range(workers)]
    # Move every object the parent holds out of the collector's reach while the
    # children run (the recipe of the gc.freeze documentation): a collection in
    # a child would otherwise write to the header of each inherited object and
    # copy the page it sits on, so the site's articles would end up once per worker.
    gc.freeze()
    try:
        return _fork_and_collect(work, shares)
    finally:
        gc.unfreeze()


def _fork_and_collect(work: Callable[[list], list], shares: list[list]) -> list:
    """Run work(share) for shares[1:] in forked children and shares[0] here; merge results."""
    children = [start_child(work, share) for share in shares[1:]]
    failure: BaseException | None = None
    try:
        results = work(shares[0])
    except BaseException as exc:
        failure, results = exc, []
    errors = []
    for child in children:
        try:
            results.extend(result_of(child))
        except ChildError as error:
            errors.append(str(error))
    if failure:
        raise failure
    if errors:
        raise RuntimeError("speedups: a render worker failed:\n" + "\n".join(errors))
    return results


def render_store_name(settings: dict[str, Any], output_path: str) -> str:
    """Return the render cache's file name for this content folder and output folder.

    One CACHE_PATH serves every build that uses pelicanconf.py; a record per
    (content, output) pair keeps one build's fingerprints from standing in for
    another's.
    """
    folders = f"{os.path.realpath(settings['PATH'])}\0{os.path.realpath(output_path)}"
    return f"speedups-pages-{hashlib.blake2b(folders.encode(), digest_size=8).hexdigest()}.json"


def runs_in_parallel(count: int, workers: int) -> bool:
    """Return whether in_workers splits count items across processes."""
    return workers > 1 and count >= MIN_PARALLEL_JOBS and hasattr(os, "fork")


def _stat(path: str) -> list[int]:
    stat = os.stat(path)
    return [stat.st_size, stat.st_mtime_ns]


def _unchanged(path: str, fingerprint: str, recorded: list | None) -> bool:
    if not recorded or recorded[0] != fingerprint:
        return False
    try:
        return _stat(path) == recorded[1:]
    except OSError:
        return False


def _load_store(path: Path) -> dict[str, list]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save_store(path: Path, records: dict[str, list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(records, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)
