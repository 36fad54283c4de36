"""Guessed dates: stable (first commit), labelled, never ahead of exact dates."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime

import feedparser

from clippings.dates import STATED_IN_TEXT, exact_first, stated_date
from clippings.gitdates import first_commit_dates
from clippings.model import Clipping
from sitebuild import build_site, page


def test_stated_dates_are_found_near_the_start_only():
    assert stated_date("WASHINGTON, March 3, 2021 - A deal", UTC) == datetime(
        2021, 3, 3, tzinfo=UTC
    )
    assert stated_date("Mar. 4th 2021: more", UTC) == datetime(2021, 3, 4, tzinfo=UTC)
    assert stated_date("Filed 4 September 2020.", UTC) == datetime(2020, 9, 4, tzinfo=UTC)
    assert stated_date("Not 2021-02-30 but 2021-03-04", UTC) == datetime(2021, 3, 4, tzinfo=UTC)
    assert stated_date("word " * 50 + "March 3, 2021", UTC) is None
    assert stated_date("No date at all.", UTC) is None


def test_exact_first_keeps_the_order_within_each_kind():
    class A:
        def __init__(self, name, approximate):
            self.name = name
            self.clipping = Clipping("x.txt", "bare_text", date_approximate=approximate)

    items = [A("g1", True), A("e1", False), A("g2", True), A("e2", False)]
    assert [a.name for a in exact_first(items)] == ["e1", "e2", "g1", "g2"]


def git(folder, *args, when=None):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", "-C", str(folder), *args], check=True, env=env, capture_output=True)


def test_the_date_of_a_file_is_its_first_commit_not_its_last(tmp_path):
    git(tmp_path, "init", "-q")
    clip = tmp_path / "clip.txt"
    clip.write_text("A story.\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "add", when="2021-03-01T10:00:00+00:00")
    clip.write_text("A story, typo fixed.\n")
    git(tmp_path, "commit", "-qam", "fix", when="2026-11-30T14:48:10+00:00")
    dates = first_commit_dates(tmp_path)
    assert dates[str(clip.resolve())] == datetime(2021, 3, 1, 10, tzinfo=UTC)


def exact(n: int, day: int) -> str:
    return (
        f"---\ntitle: Exact story {n}\nexcerpt: Exact summary {n}.\n"
        f"publishedDateTime: 2021-03-{day:02d}T10:00:00Z\n"
        f"webUrl: https://example.com/exact-{n}\ntopics: [Cars]\n---\n"
    )


def test_guessed_dates_come_last_everywhere_and_say_so(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for n in range(3):
        (content / f"exact_{n}.txt").write_text(exact(n, 10 + n), encoding="utf-8")
    (content / "guess.txt").write_text("A guessed story about cars.\n\nIts body.\n")
    (content / "stated.txt").write_text(
        "DETROIT, May 4, 2021 - A stated story about cars.\n\nIts body.\n"
    )
    late = datetime(2026, 11, 30, 14, 48, 10, 497368).timestamp()
    for name in ("guess.txt", "stated.txt"):
        os.utime(content / name, (late, late))
    # Near-identical texts on purpose: lists show every clipping, not stories.
    output = build_site(content, tmp_path / "out", DIGEST_STORY_CLUSTER=False)

    latest = page(output, "/").xpath("//section[@class='latest']//h3/a/text()")
    assert latest[:3] == ["Exact story 2", "Exact story 1", "Exact story 0"]
    assert len(latest) == 5

    archives = page(output, "/archives/")
    assert archives.xpath("//ul[contains(@class, 'months')]//a/@href") == ["/archives/2021/03/"]
    undated = archives.xpath("//section[@aria-labelledby='undated']//li")
    assert len(undated) == 2 and all("about" in li.text_content() for li in undated)
    assert not (output / "archives/2026").exists() and not (output / "archives/2021/05").exists()

    guess = page(output, "/a-guessed-story-about-cars/")
    meta = guess.xpath("string(//p[@class='meta'])")
    assert "about 30 Nov 2026" in meta and "first git commit" not in meta
    assert "modification time" in meta
    assert guess.xpath("string(//p[@class='meta']/time/@datetime)") == "2026-11-30T14:48:10+00:00"
    stated = page(output, "/detroit-may-4-2021-a-stated-story-about-cars/")
    assert "about 04 May 2021" in stated.xpath("string(//p[@class='meta'])")
    assert STATED_IN_TEXT in stated.xpath("string(//p[@class='meta'])")

    for name in ("all.atom.xml", "all.rss.xml"):
        feed = feedparser.parse((output / "feeds" / name).read_bytes())
        titles = [e.title for e in feed.entries]
        assert titles[:3] == ["Exact story 2", "Exact story 1", "Exact story 0"]
        for entry in feed.entries[3:]:
            assert "Date approximate" in entry.content[0].value
    items = json.loads((output / "feeds/all.json").read_text())["items"]
    assert all("Date approximate" in i["content_html"] for i in items[3:]) and len(items) == 5
