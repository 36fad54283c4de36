"""Fingerprints change exactly when what a page is rendered from changes."""

from __future__ import annotations

from datetime import UTC, datetime

from jinja2 import DictLoader, Environment

from speedups.fingerprints import Fingerprinter, settings_digest, template_family


class Story:
    """Stands in for a Pelican content object."""

    def __init__(self, title: str, **extra) -> None:
        self.title = title
        self.url = title.lower().replace(" ", "-") + "/"
        self.date = datetime(2021, 2, 11, tzinfo=UTC)
        self.__dict__.update(extra)


def fingerprint(value) -> bytes:
    return Fingerprinter(is_content=lambda v: isinstance(v, Story)).digest(value)


def test_equal_data_gives_equal_fingerprints_and_any_change_a_new_one():
    assert fingerprint({"a": [1, "x", None]}) == fingerprint({"a": [1, "x", None]})
    assert fingerprint(Story("One", topics=["AI"])) == fingerprint(Story("One", topics=["AI"]))
    assert fingerprint(Story("One", topics=["AI"])) != fingerprint(Story("One", topics=["Cloud"]))
    assert fingerprint(Story("One")) != fingerprint(Story("Two"))
    assert fingerprint(list(range(100))) != fingerprint([*range(99), 100])


def test_a_neighbour_counts_by_its_own_fields_but_not_its_neighbours():
    first, second, third = Story("First"), Story("Second"), Story("Third")
    first.newer, second.newer = second, third
    before = fingerprint(first)
    third.title = "Third, retitled"
    assert fingerprint(first) == before
    second.title = "Second, retitled"
    assert fingerprint(first) != before


def test_private_attributes_count():
    class Topic:
        def __init__(self, name: str) -> None:
            self._name = name

    assert fingerprint(Topic("AI")) != fingerprint(Topic("Cloud"))


def test_memory_addresses_do_not_leak_into_fingerprints():
    def helper():
        return 1

    assert settings_digest({"F": helper, "N": 1}) == settings_digest({"F": helper, "N": 1})
    assert settings_digest({"N": 1}) != settings_digest({"N": 2})
    assert settings_digest({"N": 1, "LOAD_CONTENT_CACHE": False}) == settings_digest(
        {"N": 1, "LOAD_CONTENT_CACHE": True}
    )


def test_template_family_follows_extends_and_includes():
    environment = Environment(
        loader=DictLoader(
            {
                "base.html": "{{ SITENAME }}{% block content %}{% endblock %}",
                "_item.html": "{{ item.title }}",
                "page.html": '{% extends "base.html" %}{% block content %}'
                '{% for item in articles %}{% include "_item.html" %}{% endfor %}{% endblock %}',
                "dynamic.html": "{% include chosen %}",
            }
        )
    )
    variables, sources = template_family(environment, "page.html")
    assert {"SITENAME", "articles"} <= variables
    assert template_family(environment, "page.html")[1] == sources
    assert template_family(environment, "dynamic.html") is None
