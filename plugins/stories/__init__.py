"""Group clippings into stories: one per news event, from every source that covered it."""

from .signals import register

__all__ = ["register"]
