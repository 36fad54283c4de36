"""A CPU-time budget for parsing one clipping: a stall becomes one skipped clipping."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(Exception):
    """Parsing one clipping took more CPU time than it was given."""


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget in the block once it has used seconds of this process's CPU time.

    CPU time, not wall time, so a loaded machine does not turn a slow build
    into skipped clippings. The budget needs POSIX interval timers and the main
    thread (where Pelican and each parsing worker process parse); elsewhere the
    block runs unbounded.
    """
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expire(signum, frame):
        raise OverBudget(f"took over {seconds:g} s of CPU time")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
