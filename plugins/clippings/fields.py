"""Check and convert single front-matter values; raise FieldError when unusable."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time, tzinfo
from urllib.parse import urlsplit

from common.text import xml_safe

from .model import NO_STORY


class FieldError(ValueError):
    """A value that cannot be used; the message says why."""


class DateRangeError(FieldError):
    """A date some time zone cannot hold: the clipping cannot be placed in time at all."""


_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0, DEL and C1
MIN_YEAR, MAX_YEAR = 2, 9998  # a day's margin on either side of what datetime holds
_STORY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")  # ids look like s1a2b3c4d5e6f
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def text(value: object, name: str, limit: int = 5000) -> str:
    """Return value as one line of text (numbers are accepted as text)."""
    if isinstance(value, bool) or value is None:
        raise FieldError(f"{name} must be text, not {type(value).__name__}")
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(f"{name} must be text, not a {type(value).__name__}")
    value = " ".join(_CONTROLS.sub("", xml_safe(value)).split())
    if value and not any(_visible(c) for c in value):
        return ""  # only zero-width or formatting characters: invisible as link text
    if len(value) > limit:
        raise FieldError(f"{name} is {len(value)} characters long (limit {limit})")
    return value


def _visible(char: str) -> bool:
    # Letters, digits, punctuation, symbols; not controls, formats (zero-width),
    # separators or combining marks on their own.
    return unicodedata.category(char)[0] not in "CZM"


def web_url(value: object, name: str) -> str:
    """Return value if it is an absolute http or https URL."""
    url = text(value, name, limit=2048)
    if not url:
        raise FieldError(f"{name} is empty")
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise FieldError(f"{name} is not a valid URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise FieldError(f"{name} must be an http or https URL, not {scheme}")
    if not parts.hostname or any(c in url for c in "<>\"' `\\"):
        raise FieldError(f"{name} is not a valid URL")
    return url


def domain(value: object, name: str) -> str:
    """Return value as a lower-case host name."""
    host = text(value, name, limit=253).lower().removeprefix("www.")
    if not _DOMAIN.match(host):
        raise FieldError(f"{name} {host!r} is not a domain name")
    return host


def score(value: object, name: str) -> int:
    """Return a 0-100 ranking score; numeric strings are accepted."""
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", value):
        value = float(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(f"{name} must be a number from 0 to 100")
    if not 0 <= value <= 100:
        raise FieldError(f"{name} {value} is outside 0 to 100")
    return round(value)


def flag(value: object, name: str) -> bool:
    """Return a yes/no value; strings such as "no" and "false" are understood."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise FieldError(f"{name} must be true or false, not {value!r}")


def story(value: object, name: str) -> str:
    """Return a story id, or NO_STORY for ``none`` in any letter case."""
    if not isinstance(value, str):
        raise FieldError(f"{name} must be a story id or none, not {type(value).__name__}")
    value = value.strip()
    if value.lower() == NO_STORY:
        return NO_STORY
    if not _STORY_ID.fullmatch(value):
        shown = value if len(value) <= 40 else value[:40] + "..."
        raise FieldError(
            f"{name} {shown!r} is not a story id (such as s1a2b3c4d5e6f, from /stories.json) "
            "or none"
        )
    return value


def dimension(value: object) -> int | None:
    """Return a positive pixel size, or None when there is none."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 100_000:
        return None
    return value


def moment(value: object, name: str, zone: tzinfo = UTC) -> datetime:
    """Return a timezone-aware datetime; naive values are read in zone."""
    if isinstance(value, bool):
        raise FieldError(f"{name} must be a date, not {value!r}")
    if isinstance(value, int | float):
        try:
            return _representable(datetime.fromtimestamp(value, UTC), name)
        except DateRangeError:
            raise
        except (OverflowError, OSError, ValueError):
            raise FieldError(f"{name} {value} is not a valid timestamp") from None
    if isinstance(value, datetime):
        result = value
    elif isinstance(value, date):
        result = datetime.combine(value, time())
    elif isinstance(value, str):
        try:
            result = datetime.fromisoformat(value.strip())
        except ValueError:
            raise FieldError(f"{name} {value.strip()!r} is not an ISO 8601 date") from None
    else:
        raise FieldError(f"{name} must be a date, not a {type(value).__name__}")
    if result.tzinfo is None:
        result = result.replace(tzinfo=zone)
    return _representable(result, name)


def _representable(value: datetime, name: str) -> datetime:
    """Return value if every time zone can hold it; an offset with seconds becomes UTC.

    Years 1 and 9999 in one zone can be years 0 or 10000 in another, which
    Python cannot represent: feeds convert to UTC, pages to DIGEST_TIMEZONE.
    Pelican cannot parse an offset with seconds (+05:30:15): the same moment in
    UTC reads the same everywhere.
    """
    try:
        utc = value.astimezone(UTC)
    except (OverflowError, ValueError):
        utc = None
    if utc is None or not MIN_YEAR <= utc.year <= MAX_YEAR:
        raise DateRangeError(
            f"{name} {value.isoformat()} is outside the years {MIN_YEAR} to {MAX_YEAR} "
            "(DIGEST_TIMEZONE and the feeds' UTC must both hold it)"
        )
    offset = value.utcoffset()
    return utc if offset is not None and offset.seconds % 60 else value
