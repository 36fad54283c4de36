"""What makes a production (publish) build unfit to ship, from its settings alone."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from common.settings import flag, merged
from common.urls import is_absolute_url

# Every setting the plugin reads, with its default (the README documents each).
DEFAULTS: dict[str, Any] = {
    # publishconf.py sets it: this build is the one that ships.
    "DIGEST_PUBLISH": False,
}
# The feeds plugin's default tag: authority (plugins/feeds/config.py).
PLACEHOLDER_TAG_AUTHORITY = "newsdigest.invalid,2024"
HOW_TO_SET = (
    "set it to the site's address, e.g. `SITEURL=https://USER.github.io/REPO make publish` "
    "(publishconf.py reads the SITEURL environment variable), or pass "
    "`-e SITEURL='\"https://USER.github.io/REPO\"'` to pelican"
)


class PublishError(RuntimeError):
    """A publish build whose settings would ship a broken site."""


@dataclass(frozen=True)
class PublishSettings:
    """The validated publish settings."""

    publish: bool

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> PublishSettings:
        """Merge the user's settings over the defaults and validate them."""
        values = merged(DEFAULTS, settings)
        return cls(publish=flag("publish", "DIGEST_PUBLISH", values["DIGEST_PUBLISH"]))


def publish_problems(settings: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """Return (errors, warnings) for a build; both empty unless DIGEST_PUBLISH is on."""
    if not PublishSettings.from_settings(settings).publish:
        return [], []
    errors, warnings = [], []
    siteurl = str(settings.get("SITEURL") or "")
    if not is_absolute_url(siteurl):
        shown = f"is {siteurl!r}" if siteurl else "is not set"
        errors.append(
            f"publish: SITEURL {shown}, so every feed, the sitemap and robots.txt would "
            f"point at a local address; {HOW_TO_SET}"
        )
    authority = settings.get("DIGEST_FEED_TAG_AUTHORITY", PLACEHOLDER_TAG_AUTHORITY)
    if authority == PLACEHOLDER_TAG_AUTHORITY:
        warnings.append(
            f"publish: DIGEST_FEED_TAG_AUTHORITY is still the placeholder {authority!r}; "
            "set it to 'a-domain-you-own,YYYY' in pelicanconf.py before the first publish "
            "(changing it later changes the feed ids of clippings without a source URL)"
        )
    return errors, warnings
