"""Copy the theme's root files (favicon.ico, favicon.svg) to the top of the output folder."""

from .signals import register

__all__ = ["register"]
