"""Helpers every plugin shares (settings, URLs, XML-safe text, order); first in PLUGINS.

Pelican imports a plugin from PLUGIN_PATHS without putting that folder on
``sys.path``, so a shared package is importable only once Pelican has loaded it
as a plugin itself. It connects nothing.
"""


def register() -> None:
    """Connect nothing: the package only shares helpers."""
