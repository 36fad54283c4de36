"""Pelican glue: check a publish build's settings before anything is read or written."""

from __future__ import annotations

import logging
from typing import Any

from pelican import signals

from .guard import PublishError, publish_problems

logger = logging.getLogger(__name__)


def guard_publish(pelican: Any) -> None:
    """Fail a publish build without an absolute SITEURL; warn about placeholders."""
    errors, warnings = publish_problems(pelican.settings)
    for warning in warnings:
        logger.warning("%s", warning)
    if errors:
        raise PublishError("; ".join(errors))


def register() -> None:
    """Connect the publish guard to Pelican's start-up signal."""
    signals.initialized.connect(guard_publish)
