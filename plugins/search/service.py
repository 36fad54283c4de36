"""Talk to the Pagefind binary of the installed ``pagefind_bin`` package in its service mode.

``pagefind --service`` reads requests on stdin and answers on stdout, each a
base64-encoded JSON message followed by a comma; this is the protocol the
``pagefind`` Python package speaks. Its asyncio client is not used because, at
the size of a real digest, it fails in two ways: it reads each reply as one
line of at most 2 MiB (the reply holding the bundle is larger, and the client
then waits forever), and after ``write_files`` it terminates the service while
files may still be being written (builds saw an empty ``wasm.unknown.pagefind``).
This client is synchronous, takes the bundle in memory (``GetFiles``) and
writes nothing. Imports no Pelican.
"""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path
from typing import Any


class PagefindServiceError(RuntimeError):
    """The Pagefind service could not be started, or answered with an error."""


def pagefind_executable() -> Path:
    """Return the Pagefind binary shipped in the pagefind_bin wheel."""
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        raise PagefindServiceError(
            'search: Pagefind is not installed; install newsdigest again (it needs "pagefind[bin]")'
        ) from error
    return Path(get_executable())


class PagefindService:
    """One ``pagefind --service`` process; use it as a context manager."""

    def __init__(self, executable: Path | None = None) -> None:
        self.executable = executable or pagefind_executable()
        self.process: subprocess.Popen[bytes] | None = None
        self._buffer = bytearray()
        self._last_id = 0

    def __enter__(self) -> PagefindService:
        try:
            self.process = subprocess.Popen(
                [str(self.executable), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:
            raise PagefindServiceError(f"search: cannot run {self.executable}: {error}") from error
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.process is None:
            return
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def request(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send one request and return the payload of its answer."""
        if self.process is None or self.process.stdin is None:
            raise PagefindServiceError("search: the Pagefind service is not running")
        self._last_id += 1
        message = json.dumps({"message_id": self._last_id, "payload": payload})
        try:
            self.process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            self.process.stdin.flush()
        except BrokenPipeError as error:
            raise PagefindServiceError("search: the Pagefind service stopped") from error
        while True:
            answer = self._read_message()
            if answer.get("message_id") in (self._last_id, None):
                break
        result = answer.get("payload") or {}
        if result.get("type") == "Error":
            raise PagefindServiceError(f"search: Pagefind: {result.get('message')}")
        return result

    def _read_message(self) -> dict[str, Any]:
        """Read one comma-terminated base64 JSON message from the service."""
        assert self.process is not None and self.process.stdout is not None
        searched = 0
        while (end := self._buffer.find(b",", searched)) < 0:
            searched = len(self._buffer)
            chunk = self.process.stdout.read1(1 << 20)
            if not chunk:
                raise PagefindServiceError("search: the Pagefind service stopped answering")
            self._buffer += chunk
        raw = bytes(self._buffer[:end])
        del self._buffer[: end + 1]
        return json.loads(base64.b64decode(raw))

    def index_directory(self, site: Path, language: str) -> dict[str, bytes]:
        """Index the HTML files under site; return the bundle as {path: bytes}."""
        # One language for the whole digest: Pagefind would otherwise split the
        # index by each page's <html lang>, and a clipping in another language
        # would land in an index that the search page never loads.
        created = self.request({"type": "NewIndex", "config": {"force_language": language}})
        index_id = created["index_id"]
        self.request({"type": "AddDir", "index_id": index_id, "path": str(site), "glob": None})
        answer = self.request({"type": "GetFiles", "index_id": index_id})
        # GetFiles paths are relative to the bundle folder ("fragment/en_1d67bef.pf_fragment").
        return {
            item["path"].lstrip("/"): base64.b64decode(item["content"]) for item in answer["files"]
        }
