"""Pelican glue: write every file of the theme's root/ folder to the output root.

Browsers ask for /favicon.ico whatever the page says, so the icon must live at the
top of the site, where Pelican's theme static files (under /theme/) never go. The
files go through the one output writer, so a file dropped from theme/root/ is
removed from the site at the next build.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import writer

logger = logging.getLogger(__name__)

ROOT_FOLDER = "root"
OWNER = "themeroot"  # how collision errors name this writer


def write_root_files(pelican: Any) -> None:
    """Write <THEME>/root/* to the top of the output folder."""
    source = Path(pelican.settings["THEME"]) / ROOT_FOLDER
    if not source.is_dir():
        return
    for path in sorted(p for p in source.iterdir() if p.is_file()):
        writer.write_file(pelican, path.name, path.read_bytes(), OWNER)
    logger.debug("themeroot: wrote the files of %s", source)


def register() -> None:
    """Connect the theme root files to the output writer's closing signal."""
    writer.register()
    writer.closing.connect(write_root_files)
