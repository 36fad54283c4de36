"""Make Pelican's per-tag, per-category and per-author scans linear."""

from .adapter import register

__all__ = ["register"]
