"""Search the digest with Pagefind: index the built pages, serve /search/, no server needed."""

from .signals import register

__all__ = ["register"]
