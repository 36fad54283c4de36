"""Rank the digest's clippings: one pure scoring function and a thin Pelican adapter."""

from .signals import register

__all__ = ["register"]
