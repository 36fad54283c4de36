"""Run functions in forked child processes and take back their results.

Two uses: render workers (``speedups``), and steps that need large libraries only
briefly. Story clustering imports scikit-learn, SciPy and NumPy (about 110 MB);
done in the build's process, that memory would stay for the rest of the build
and be copied into every render worker.
"""

from __future__ import annotations

import os
import pickle
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class ChildError(RuntimeError):
    """The child raised an exception or died; the message holds its traceback."""


@dataclass(frozen=True)
class Child:
    """A started child: its process id and the pipe its result comes back on."""

    pid: int
    result_fd: int


def can_fork() -> bool:
    """Return whether this platform can fork (not Windows)."""
    return hasattr(os, "fork")


def start_child(function: Callable[..., Any], *args: Any) -> Child:
    """Fork a child that computes function(*args); collect it with :func:`result_of`."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_end)
        status = 0
        try:
            payload = pickle.dumps(("ok", function(*args)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            payload, status = pickle.dumps(("error", traceback.format_exc())), 1
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        os._exit(status)
    os.close(write_end)
    return Child(pid, read_end)


def result_of(child: Child) -> Any:
    """Wait for child and return its result; raise ChildError if it failed."""
    with os.fdopen(child.result_fd, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(child.pid, 0)
    try:
        kind, value = pickle.loads(data)
    except Exception as error:
        raise ChildError(
            f"process {child.pid} exited with status {status} and no result"
        ) from error
    if kind != "ok":
        raise ChildError(f"process {child.pid} failed:\n{value}")
    return value


def run_in_child(function: Callable[..., Any], *args: Any) -> Any:
    """Return function(*args), computed in a forked child; the result must pickle."""
    return result_of(start_child(function, *args))
