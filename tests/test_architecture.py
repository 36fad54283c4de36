"""docs/architecture.md stays true: its attribute tables, Clipping fields and reserved folders."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from pelican import signals

from clippings.hooks import ClippingArticle
from clippings.linking import RESERVED_SLUGS
from clippings.model import Clipping
from sitebuild import ROOT, build_site

DOC = (ROOT / "docs" / "architecture.md").read_text()
_seen: list = []


def table_names(marker: str) -> set[str]:
    """Return the backticked names in the first column of the table after marker."""
    rows = DOC.split(f"<!-- {marker} -->", 1)[1].strip().split("\n\n", 1)[0].splitlines()
    return {name for row in rows[2:] for name in re.findall(r"`(\w+)`", row.split("|")[1])}


def _keep_articles(generators) -> None:
    for generator in generators:
        _seen.extend(getattr(generator, "articles", ()))


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list:
    """Build the demo; return its articles as the last step left them."""
    _seen.clear()
    signals.all_generators_finalized.connect(_keep_articles)
    try:
        build_site(ROOT / "content", Path(tmp_path_factory.mktemp("architecture")) / "output")
    finally:
        signals.all_generators_finalized.disconnect(_keep_articles)
    return list(_seen)


def test_clipping_fields_are_the_documented_ones():
    assert table_names("clipping-fields") == {f.name for f in dataclasses.fields(Clipping)}


def test_reserved_folders_are_the_documented_ones():
    section = DOC.split("<!-- reserved-slugs -->", 1)[1].strip().split("\n\n", 1)[0]
    assert set(re.findall(r"`([^`]+)`", section)) == set(RESERVED_SLUGS)


def test_every_article_attribute_is_documented(articles):
    pelican_own = table_names("pelican-attributes")
    contract = table_names("contract-attributes")
    assert len(articles) == 14
    plain = {"_content", "_context", "_status", "_summary", "date_format", "in_default_lang"}
    plain |= {"lang", "locale_date", "metadata", "relative_source_path", "settings"}
    plain |= {"source_path", "template", "timezone", "translations"}
    for article in articles:
        assert isinstance(article, ClippingArticle)
        attributes = set(vars(article)) - plain
        assert attributes - pelican_own == contract, article.source_path


def test_nothing_after_the_reader_changes_a_clipping(articles):
    for article in articles:
        with pytest.raises(dataclasses.FrozenInstanceError):
            article.clipping.title = "changed"
        assert isinstance(article.clipping.related, tuple)
        assert isinstance(article.related_links, dict)
