"""Run one function in a forked child process and take back its result.

For a step that needs large libraries only briefly: the child imports them and
does the work, and the build's own process never holds them. Story clustering
imports scikit-learn, SciPy and NumPy (about 110 MB); done in the build's process,
that memory stays for the rest of the build and is copied into every render worker.
"""

from __future__ import annotations

import os
import pickle
import traceback
from collections.abc import Callable
from typing import Any


class ChildError(RuntimeError):
    """The child raised an exception or died; the message holds its traceback."""


def can_fork() -> bool:
    """Return whether this platform can fork (not Windows)."""
    return hasattr(os, "fork")


def run_in_child(function: Callable[..., Any], *args: Any) -> Any:
    """Return function(*args), computed in a forked child; the result must pickle."""
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
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    try:
        kind, value = pickle.loads(data)
    except Exception as error:
        raise ChildError(f"a child process exited with status {status} and no result") from error
    if kind != "ok":
        raise ChildError(f"a child process failed:\n{value}")
    return value
