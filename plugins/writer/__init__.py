"""The one output writer: every file of a build, written once, atomically, nothing stale.

Plugins write through ``write_file(site, relative_path, data, owner)``; see
``signals.write_file`` and the README's "Writing output files" section.
"""

from .signals import built, claim_file, closed, closing, register, write_file
from .store import OutputCollisionError

__all__ = [
    "OutputCollisionError",
    "built",
    "claim_file",
    "closed",
    "closing",
    "register",
    "write_file",
]
