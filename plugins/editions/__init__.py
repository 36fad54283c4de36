"""Weekly (or daily) editions: numbered pages, an email version and feeds, from the stories."""

from .signals import register

__all__ = ["register"]
