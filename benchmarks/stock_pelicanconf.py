"""Stock Pelican 4.12 settings for the baseline: default theme, Markdown, Atom feeds."""

SITENAME = "stock pelican baseline"
SITEURL = ""
# No AUTHOR: items without a provider have no author, as in newsdigest.
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

# The Markdown items sit at the top of the content folder: no folder categories.
PATH = "content"
ARTICLE_PATHS = [""]
PAGE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []
PLUGINS: list[str] = []
THEME = "notmyidea"

DEFAULT_PAGINATION = 20

# Feeds for all items, per tag and per category (author feeds stay on, as by default).
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
