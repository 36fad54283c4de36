"""The stories of a set of members, as the build makes them (pure: no Pelican).

One function for the build (``signals.attach_stories``) and ``make check``
(``clippings.check``), so the check's override conflicts are the build's.

The clusterer (and with it NumPy, SciPy and scikit-learn) is imported only when
clustering runs; the build runs it in a forked child (``isolated``), so that the
libraries never sit in the build's memory or in its render workers.

With a ``cache`` folder, the last result is kept there, keyed by everything it
depends on (the members, the settings, the previous stories, the source of this
package and the versions of the libraries it uses): a rebuild whose clippings did
not change (a theme edit, a setting of another plugin) reuses it. The next build's
"previous stories" are this build's (read back from ``/stories.json``), so the result
is kept under that key too: clustering the same members again, with its own result
as the previous stories, gives that result (the same groups claim the same ids).
Not when a curator override names an id, whose meaning can depend on the previous
stories: those builds cluster again once.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from common.child import can_fork, run_in_child

from .ids import story_id
from .model import Member, Story
from .settings import StorySettings


@dataclass(frozen=True)
class Grouping:
    """The stories of one build, and how they were made (for the build's summary line)."""

    stories: list[Story]
    how: str  # "clustered", "reused" (the cached result) or "off" (one story per clipping)
    seconds: float  # wall time, child process and cache included

    def summary(self) -> str:
        """Return e.g. '9831 clippings in 9640 stories (clustered in 2.8 s)'."""
        clippings = sum(len(story.members) for story in self.stories)
        done = {
            "clustered": f"clustered in {self.seconds:.1f} s",
            "reused": "the last build's clustering reused",
            "off": "clustering off",
        }[self.how]
        return f"{clippings} clippings in {len(self.stories)} stories ({done})"


def group_stories(
    members: Sequence[Member],
    settings: StorySettings,
    previous: Iterable[Story] = (),
    *,
    isolated: bool = False,
    cache: str | os.PathLike | None = None,
    reuse: bool = True,
) -> Grouping:
    """Return the stories of members: clustered, or one per clipping when clustering is off.

    isolated: cluster in a forked child process (where the platform can fork).
    cache: a folder that keeps the last result (see the module docstring); reuse=False
    clusters again all the same (Pelican's ``--ignore-cache``) and refreshes it.
    """
    started = time.perf_counter()
    if not settings.cluster:
        stories = [Story(story_id(member), (member.key,)) for member in members]
        return Grouping(stories, "off", time.perf_counter() - started)
    previous = list(previous)
    base = _members_key(members, settings.link_days) if cache is not None else ""
    if base and reuse:
        found = _load(Path(cache, CACHE_NAME), _input_key(base, previous))
        if found is not None:
            return Grouping(found, "reused", time.perf_counter() - started)
    if isolated and can_fork():
        stories = run_in_child(_cluster, members, settings.link_days, previous)
    else:
        stories = _cluster(members, settings.link_days, previous)
    if base:
        keys = {_input_key(base, previous)}
        if not any(member.override for member in members):
            keys.add(_input_key(base, as_indexed(stories)))
        _save(Path(cache, CACHE_NAME), keys, stories)
    return Grouping(stories, "clustered", time.perf_counter() - started)


CACHE_NAME = "stories-clusters.pickle"


LIBRARIES = ("numpy", "scipy", "scikit-learn", "rapidfuzz")  # what cluster.py computes with


def as_indexed(stories: Iterable[Story]) -> list[Story]:
    """Return stories as the next build reads them back from /stories.json (no wire groups)."""
    return [Story(story.id, story.members, absorbed=story.absorbed) for story in stories]


def _members_key(members: Sequence[Member], link_days: float) -> bytes:
    """Return a digest of what clustering reads besides the previous stories.

    That is the members, the setting, this package's source and the library versions.
    """
    digest = hashlib.blake2b(digest_size=20)
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    for library in LIBRARIES:
        try:
            digest.update(f"{library}=={version(library)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{library} missing\0".encode())
    data = (sorted(members, key=lambda m: m.key), link_days)
    digest.update(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    return digest.digest()


def _input_key(members_key: bytes, previous: Iterable[Story]) -> str:
    """Return the cache key of clustering members_key's members given the previous stories."""
    digest = hashlib.blake2b(members_key, digest_size=20)
    ordered = sorted(previous, key=lambda s: s.id)
    digest.update(pickle.dumps(ordered, protocol=pickle.HIGHEST_PROTOCOL))
    return digest.hexdigest()


def _load(path: Path, key: str) -> list[Story] | None:
    try:
        with path.open("rb") as handle:
            keys, stories = pickle.load(handle)
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError, AttributeError):
        return None
    return stories if isinstance(keys, (set, frozenset)) and key in keys else None


def _save(path: Path, keys: set[str], stories: list[Story]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps((keys, stories), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)
    except OSError:
        pass  # a cache that cannot be written costs time, never correctness


def _cluster(members: Sequence[Member], link_days: float, previous: list[Story]) -> list[Story]:
    from .cluster import ClusterSettings, cluster_stories  # NumPy, SciPy, scikit-learn

    return cluster_stories(members, ClusterSettings(link_days=link_days), previous=previous)
