"""Phases, counts and timings of one build: live on a terminal, one summary line always."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


@dataclass
class Phase:
    name: str
    total: int | None
    done: int = 0
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0


class BuildProgress:
    """Count the work of each phase; draw a progress bar when a person is watching.

    The bar is refreshed by hand, never from a thread: worker processes are
    forked during the build, and a thread holding the console's lock at that
    moment would leave the child unable to print.
    """

    def __init__(self, console: Console, live: bool) -> None:
        self.started = time.perf_counter()
        self.phases: dict[str, Phase] = {}
        self.notes: list[str] = []
        self._current: Phase | None = None
        self._bar: Progress | None = None
        self._task = None
        self._last_refresh = 0.0
        if live:
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                auto_refresh=False,
                transient=True,
            )
            self._bar.start()

    def phase(self, name: str, total: int | None = None) -> None:
        """End the current phase and start another."""
        self._end_phase()
        self._current = self.phases[name] = Phase(name, total)
        if self._bar is not None:
            self._task = self._bar.add_task(name.capitalize(), total=total)
            self._bar.refresh()

    def advance(self, count: int = 1) -> None:
        """Count work done in the current phase."""
        if self._current is None:
            return
        self._current.done += count
        if self._bar is not None:
            self._bar.update(self._task, completed=self._current.done)
            now = time.perf_counter()
            if now - self._last_refresh > 0.1:
                self._last_refresh = now
                self._bar.refresh()

    def advance_to(self, done: int) -> None:
        """Set the current phase's count (forked workers' shares are only estimated)."""
        if self._current is not None:
            self.advance(done - self._current.done)

    def note(self, text: str) -> None:
        """Add a part of the summary line from another plugin (the search index's figures)."""
        self.notes.append(text)

    def finish(self, counts: dict[str, int] | None = None) -> str:
        """Stop the display and return the build's summary line."""
        self._end_phase()
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        parts = [
            f"{p.done} {p.name} in {p.seconds:.1f} s"
            if p.total is not None
            else f"{p.name} in {p.seconds:.1f} s"
            for p in self.phases.values()
        ]
        if counts and parts:
            parts[-1] += " (" + ", ".join(f"{v} {k}" for k, v in counts.items()) + ")"
        parts += self.notes
        return f"build: {'; '.join(parts)}; {time.perf_counter() - self.started:.1f} s in all"

    def _end_phase(self) -> None:
        if self._current is not None and not self._current.seconds:
            self._current.seconds = time.perf_counter() - self._current.started
            if self._bar is not None:
                self._bar.refresh()
                self._bar.remove_task(self._task)
        self._current = None
