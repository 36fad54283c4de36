"""Pelican settings for a local preview of the digest in content/."""

from pathlib import Path

HERE = Path(__file__).resolve().parent

SITENAME = "newsdigest"
SITESUBTITLE = "Curated coverage of AI, cloud and the car industry"
SITEURL = ""

PATH = "content"
OUTPUT_PATH = "output"
THEME = str(HERE / "theme")
PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = [
    "common",  # shared helpers the others import: load it first
    "writer",
    "speedups",
    "clippings",
    "stories",
    "feeds",
    "ranking",
    "navigation",
    "sitemap",
    "publish",
    "search",
    "themeroot",
    "editions",
]

TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%d %b %Y"
DEFAULT_CATEGORY = "news"
USE_FOLDER_AS_CATEGORY = False

ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["pages"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []

# Autoescape everything: clipping text comes from the open web.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    # Each build makes a new environment, so templates never need re-checking on
    # disk: without this, every {% include %} of every page costs a stat().
    "auto_reload": False,
}

# Pretty URLs: every page is a folder with an index.html.
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "topics/{slug}/"
TAG_SAVE_AS = "topics/{slug}/index.html"
TAGS_URL = "topics/"
TAGS_SAVE_AS = "topics/index.html"
AUTHOR_URL = "providers/{slug}/"
AUTHOR_SAVE_AS = "providers/{slug}/index.html"
AUTHORS_URL = "providers/"
AUTHORS_SAVE_AS = "providers/index.html"
# Sections (Pelican categories) are off: a digest usually has one ("news"), whose
# page would repeat the home page. To turn them on, give both a path, e.g.
# CATEGORY_SAVE_AS = "sections/{slug}/index.html", CATEGORIES_SAVE_AS = "sections/index.html".
CATEGORY_URL = "sections/{slug}/"
CATEGORY_SAVE_AS = ""
CATEGORIES_URL = "sections/"
CATEGORIES_SAVE_AS = ""
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "archives/{date:%Y}/{date:%m}/index.html"
DRAFT_URL = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
INDEX_SAVE_AS = "index.html"

DEFAULT_PAGINATION = 20
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Pelican's own feeds are off: the feeds plugin writes every feed once.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None

# "C++" and "C#" must not both become "c".
SLUG_REGEX_SUBSTITUTIONS = [
    (r"\+", "-plus"),
    (r"#", "-sharp"),
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]

# Re-read only clippings whose bytes changed; mtimes mean nothing after a checkout.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "sha256"
CACHE_PATH = str(HERE / "cache")
GZIP_CACHE = False  # the cache is read on every build: gzip costs more time than it saves

DELETE_OUTPUT_DIRECTORY = False
RELATIVE_URLS = False

# Clippings have no translations; Pelican's translation grouping is also an N² scan.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

PAGINATED_TEMPLATES = {
    "index": None,
    "tag": None,
    "category": None,
    "author": None,
    "period_archives": None,
}

# Theme (theme/, plugins/ranking, navigation, sitemap): a 404 page for GitHub Pages,
# and the front page's ranking; defaults and checks live in plugins/ranking/settings.py.
DIRECT_TEMPLATES = ["tags", "categories", "authors", "archives", "404"]
DIGEST_RANK_HEAT_WEIGHT = 0.35
DIGEST_RANK_QUALITY_WEIGHT = 0.25
DIGEST_RANK_RECENCY_WEIGHT = 0.25
DIGEST_RANK_BREADTH_WEIGHT = 0.15
DIGEST_RANK_HALF_LIFE_HOURS = 168  # a week: the demo digest spans three months
DIGEST_RANK_HOME_TOP = 8

# Feeds (plugins/feeds): Atom, RSS and JSON Feed under /feeds/; defaults and
# checks live in plugins/feeds/config.py. Feed URLs are absolute: SITEURL, else
# FEED_DOMAIN, else DIGEST_FEED_BASE_URL (the `make serve` address).
DIGEST_FEED_MAX_ITEMS = 50
DIGEST_FEED_BASE_URL = "http://127.0.0.1:8000"
