"""URL normalisation: one article under several addresses compares equal."""

import pytest

from stories.urls import normalise_url

CANONICAL = "https://example.com/news/vw-microsoft"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/news/vw-microsoft/",
        "http://example.com/news/vw-microsoft",
        "https://m.example.com/news/vw-microsoft",
        "https://mobile.example.com/news/vw-microsoft?utm_source=x&utm_medium=rss",
        "https://amp.example.com/news/vw-microsoft",
        "https://www.example.com/news/vw-microsoft/amp/",
        "https://www.example.com/amp/news/vw-microsoft",
        "https://www.example.com/news/vw-microsoft?amp=1#comments",
        "https://WWW.Example.COM:443/news/vw-microsoft?fbclid=abc",
        "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/vw-microsoft/amp/",
        "https://cdn.ampproject.org/c/s/www.example.com/news/vw-microsoft/amp/",
    ],
)
def test_variants_of_one_article_normalise_alike(url):
    assert normalise_url(url) == CANONICAL


def test_meaningful_query_and_path_case_are_kept():
    assert normalise_url("https://example.com/a?id=2&page=1") == "https://example.com/a?id=2&page=1"
    assert normalise_url("https://example.com/a?page=1&id=2") == "https://example.com/a?id=2&page=1"
    assert normalise_url("https://example.com/A") != normalise_url("https://example.com/a")
    assert normalise_url("https://example.com/a?id=2") != normalise_url(
        "https://example.com/a?id=3"
    )


@pytest.mark.parametrize(
    "url", ["", "javascript:alert(1)", "mailto:a@b.c", "ftp://x.org/a", "/relative", "http://[::1"]
)
def test_non_http_urls_normalise_to_empty(url):
    assert normalise_url(url) == ""


def test_two_letter_domain_keeps_its_name():
    assert normalise_url("https://m.co/x") == "https://m.co/x"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/a/b/",
        "http://M.Example.com/x",
        "https://example.com",
        "https://example.com/a%20b",
        "https://news.example.co.uk/2021/02/vw-microsoft.html",
    ],
)
def test_the_fast_path_agrees_with_the_full_parse(url):
    from stories import urls

    quick = urls._plain(url)
    assert quick is not None
    # The same URL with an ignored tracking parameter takes the full parse.
    assert urls.normalise_url(url + "?utm_source=x") == quick
