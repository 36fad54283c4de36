"""Atom, RSS and JSON feeds for the whole digest, each topic and each provider."""

from .signals import register

__all__ = ["register"]
