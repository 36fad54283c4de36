"""The one settings shape: each plugin merges DEFAULTS and checks values with these.

Every plugin keeps its DIGEST_* defaults in one DEFAULTS dict and returns a frozen
dataclass from ``from_settings``; its ``initialized`` receiver calls that once, so a
bad value stops the build before any file is read, with the setting's name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class SettingsError(ValueError):
    """A DIGEST_* setting has a value a plugin cannot use."""


def merged(defaults: Mapping[str, Any], settings: Mapping[str, Any]) -> dict[str, Any]:
    """Return the defaults with the user's values for the same names over them."""
    return {name: settings.get(name, default) for name, default in defaults.items()}


def fail(plugin: str, name: str, wanted: str, value: Any) -> SettingsError:
    """Return the error for a setting: ``plugin: NAME must be wanted, got value``."""
    return SettingsError(f"{plugin}: {name} must be {wanted}, got {value!r}")


def positive_int(plugin: str, name: str, value: Any) -> int:
    """Return value if it is a whole number of 1 or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise fail(plugin, name, "a positive integer", value)
    return value


def count(plugin: str, name: str, value: Any) -> int:
    """Return value if it is a whole number of 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise fail(plugin, name, "a whole number 0 or more", value)
    return value


def number(plugin: str, name: str, value: Any, *, positive: bool = False) -> float:
    """Return value as a float if it is a number of 0 or more (above 0 if positive)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise fail(plugin, name, "a number", value)
    if value < 0 or (positive and value == 0):
        raise fail(plugin, name, "greater than 0" if positive else "0 or more", value)
    return float(value)


def flag(plugin: str, name: str, value: Any) -> bool:
    """Return value if it is True or False."""
    if not isinstance(value, bool):
        raise fail(plugin, name, "True or False", value)
    return value
