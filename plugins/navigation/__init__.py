"""Site navigation the theme shows: previous/next stories, topics and providers by count."""

from .signals import register

__all__ = ["register"]
