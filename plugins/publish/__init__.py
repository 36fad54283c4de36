"""Refuse a production build that would point every link and feed at the wrong site."""

from .signals import register

__all__ = ["register"]
