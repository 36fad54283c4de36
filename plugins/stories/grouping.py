"""The stories of a set of members, as the build makes them (pure: no Pelican).

One function for the build (``signals.attach_stories``) and ``make check``
(``clippings.check``), so the check's override conflicts are the build's.

The clusterer (and with it NumPy, SciPy and scikit-learn) is imported only when
clustering runs; the build runs it in a forked child (``isolated``), so that the
libraries never sit in the build's memory or in its render workers.

With a ``cache`` folder, the last result is kept there, keyed by everything it
depends on (the members, the settings, the previous stories, the source of this
package and the versions of the libraries it uses): a rebuild whose clippings did
not change (a theme edit, a setting of another plugin) reuses it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from common.child import can_fork, run_in_child

from .ids import story_id
from .model import Member, Story
from .settings import StorySettings


def group_stories(
    members: Sequence[Member],
    settings: StorySettings,
    previous: Iterable[Story] = (),
    *,
    isolated: bool = False,
    cache: str | os.PathLike | None = None,
    reuse: bool = True,
) -> list[Story]:
    """Return the stories of members: clustered, or one per clipping when clustering is off.

    isolated: cluster in a forked child process (where the platform can fork).
    cache: a folder that keeps the last result (see the module docstring); reuse=False
    clusters again all the same (Pelican's ``--ignore-cache``) and refreshes it.
    """
    if not settings.cluster:
        return [Story(story_id(member), (member.key,)) for member in members]
    previous = list(previous)
    key = _input_key(members, settings.link_days, previous) if cache is not None else ""
    if key and reuse:
        found = _load(Path(cache, CACHE_NAME), key)
        if found is not None:
            return found
    if isolated and can_fork():
        stories = run_in_child(_cluster, members, settings.link_days, previous)
    else:
        stories = _cluster(members, settings.link_days, previous)
    if key:
        _save(Path(cache, CACHE_NAME), key, stories)
    return stories


CACHE_NAME = "stories-clusters.pickle"


LIBRARIES = ("numpy", "scipy", "scikit-learn", "rapidfuzz")  # what cluster.py computes with


def _input_key(members: Sequence[Member], link_days: float, previous: list[Story]) -> str:
    """Return a digest of everything clustering reads, this package's source included."""
    digest = hashlib.blake2b(digest_size=20)
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    for library in LIBRARIES:
        try:
            digest.update(f"{library}=={version(library)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{library} missing\0".encode())
    data = (sorted(members, key=lambda m: m.key), link_days, sorted(previous, key=lambda s: s.id))
    digest.update(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    return digest.hexdigest()


def _load(path: Path, key: str) -> list[Story] | None:
    try:
        with path.open("rb") as handle:
            stored_key, stories = pickle.load(handle)
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError, AttributeError):
        return None
    return stories if stored_key == key else None


def _save(path: Path, key: str, stories: list[Story]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps((key, stories), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)
    except OSError:
        pass  # a cache that cannot be written costs time, never correctness


def _cluster(members: Sequence[Member], link_days: float, previous: list[Story]) -> list[Story]:
    from .cluster import ClusterSettings, cluster_stories  # NumPy, SciPy, scikit-learn

    return cluster_stories(members, ClusterSettings(link_days=link_days), previous=previous)
