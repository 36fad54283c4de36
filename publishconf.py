"""Pelican settings for the production build: absolute URLs from the environment."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
FEED_DOMAIN = SITEURL
# plugins/publish refuses to build without an absolute SITEURL.
DIGEST_PUBLISH = True
DELETE_OUTPUT_DIRECTORY = True
