"""Write sitemap.xml and robots.txt listing every HTML page the build wrote."""

from .signals import register

__all__ = ["register"]
