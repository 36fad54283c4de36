"""Read news clippings into Pelican articles."""

from .reader import register

__all__ = ["register"]
