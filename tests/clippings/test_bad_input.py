"""Bad clippings never break the digest: each bad input, built together with the demo."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys

import pytest
from lxml import html as lxml_html

from sitebuild import FIXED_MTIME, FIXTURES, ROOT, all_files, article_pages, build_site

BAD = FIXTURES / "bad"


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory):
    """Build the demo digest plus every bad fixture; return (output, warnings, titles)."""
    base = tmp_path_factory.mktemp("bad-site")
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    for path in BAD.iterdir():
        shutil.copyfile(path, content / path.name)
    (content / "huge_body.txt").write_text(" date 2021-02-16 Huge. " + "word " * 600_000)
    topics = "\n".join(f"  - Topic number {n}" for n in range(3000))
    (content / "many_topics.txt").write_text(
        f"---\ntitle: Thousands Of Topics\npublishedDateTime: 2021-02-17T10:00:00Z\n"
        f"webUrl: https://example.com/many-topics\ntopics:\n{topics}\n---\n"
    )
    for path in content.glob("*.txt"):
        os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger().addHandler(handler)
    try:
        output = build_site(content, base / "output")
    finally:
        logging.getLogger().removeHandler(handler)
    warnings = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    titles = {t.xpath("string(//h1)"): url for url, t in article_pages(output).items()}
    return output, warnings, titles


def warned(warnings: list[str], file: str, text: str) -> bool:
    return any(f"{file}" in w and text in w for w in warnings)


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        ("malformed_yaml.txt", 2, "not valid YAML"),
        ("unterminated_front_matter.txt", 1, "never closed"),
        ("front_matter_list.txt", 2, "front matter is a list"),
        ("front_matter_scalar.txt", 2, "front matter is a str"),
        ("empty.txt", None, "file is empty"),
        ("whitespace_only.txt", None, "file is empty"),
        ("binary.txt", None, "binary data"),
        ("huge_body.txt", None, "over the limit"),
    ],
)
def test_unusable_clipping_is_skipped_with_one_warning(bad_site, file, line, message):
    _, warnings, _ = bad_site
    where = f"{file}:{line}:" if line else f"{file}:"
    matching = [w for w in warnings if where in w]
    assert (
        len(matching) == 1 and message in matching[0] and matching[0].endswith("clipping skipped")
    )


@pytest.mark.parametrize(
    ("file", "message", "title"),
    [
        ("unknown_keys.txt", "unknown key 'mood' ignored", "Clipping With Unknown Keys"),
        ("wrong_types.txt", "title must be text, not a list", "Wrong types everywhere"),
        ("wrong_types.txt", "heat -5 is outside 0 to 100", "Wrong types everywhere"),
        ("wrong_types.txt", "topics is a single string", "Wrong types everywhere"),
        (
            "missing_title.txt",
            "no title: using the first sentence",
            "Missing titles fall back to the excerpt",
        ),
        ("date_invalid.txt", "'2021-13-45' is not an ISO 8601 date", "Invalid Date Clipping"),
        ("date_far_future.txt", "2999-01-01 looks wrong; kept", "Far Future Clipping"),
        (
            "hostile_links.txt",
            "webUrl must be an http or https URL, not vbscript:",
            "Hostile Links Clipping",
        ),
        (
            "hostile_links.txt",
            "image url must be an http or https URL, not data:",
            "Hostile Links Clipping",
        ),
        (
            "hostile_links.txt",
            "related item 2 webUrl must be an http or https URL, not javascript:",
            "Hostile Links Clipping",
        ),
        ("hostile_links.txt", "link(s) in the body dropped", "Hostile Links Clipping"),
        (
            "very_long_title.txt",
            "characters long; shortened",
            "Extraordinarily " * 17 + "Extraordinarily…",
        ),
        ("many_topics.txt", "3000 topics; only the first 25 kept", "Thousands Of Topics"),
    ],
)
def test_bad_field_is_dropped_and_the_clipping_published(bad_site, file, message, title):
    _, warnings, titles = bad_site
    assert warned(warnings, file, message), [w for w in warnings if file in w]
    assert title.strip() in titles


@pytest.mark.parametrize(
    "file", ["published_no_string.txt", "published_false_string.txt", "published_maybe.txt"]
)
def test_published_as_a_string_is_understood_and_unpublished(bad_site, file):
    output, warnings, titles = bad_site
    assert warned(warnings, file, "published")
    title = "Published Says " + file.split("_")[1].capitalize()
    assert title not in titles
    assert not [n for n, d in all_files(output).items() if title.encode() in d]


@pytest.mark.parametrize(
    ("title", "datetime"),
    [
        ("Date Only Clipping", "2021-02-07T00:00:00+00:00"),
        ("Date With Offset Clipping", "2021-02-08T04:30:00+00:00"),  # in DIGEST_TIMEZONE
        ("Epoch Date Clipping", "2021-02-07T12:00:00+00:00"),
        ("Year 1900 Clipping", "1900-01-01T00:00:00+00:00"),
        ("Naive Time Clipping", "2021-02-08T09:15:00+00:00"),
    ],
)
def test_dates_in_every_form(bad_site, title, datetime):
    output, _, titles = bad_site
    tree = lxml_html.fromstring((output / titles[title].strip("/") / "index.html").read_bytes())
    assert tree.xpath("string(//p[@class='meta']/time/@datetime)") == datetime


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("UTF-8 With BOM Clipping", None),
        ("UTF-16 clipping about Škoda and Zürich", None),
        ("Latin-1 clipping about a café in Besançon", None),
        ("CRLF Line Endings Clipping", "Body line two."),
    ],
)
def test_encodings_and_line_endings_are_read(bad_site, title, text):
    output, _, titles = bad_site
    tree = lxml_html.fromstring((output / titles[title].strip("/") / "index.html").read_bytes())
    if text:
        assert tree.xpath("//div[@class='body']/p/text()")[-1] == text


def test_colliding_and_path_like_names_keep_every_topic_reachable(bad_site):
    output, _, titles = bad_site
    for url in (
        "/topics/ai/",
        "/topics/c-plus-plus/",
        "/topics/c-sharp/",
        "/topics/etcpasswd/",
        "/topics/ab/",
    ):
        assert (output / url.strip("/") / "index.html").is_file(), url
    for title in ("Colliding Topic Names", "Names That Look Like Paths", "Emoji Provider Clipping"):
        tree = lxml_html.fromstring((output / titles[title].strip("/") / "index.html").read_bytes())
        links = tree.xpath("//p[@class='meta']//a/@href")
        for href in links:
            target = output / href.strip("/") / "index.html"
            assert target.is_file() and target.resolve().is_relative_to(output.resolve()), href
    assert all(p.resolve().is_relative_to(output.resolve()) for p in output.rglob("*"))
    assert not (output.parent / "etc").exists() and not (output.parent / "outside").exists()
    assert (output / "topics" / "index.html").read_bytes().count(b"<li>") >= 9


def test_duplicates(bad_site):
    output, warnings, titles = bad_site
    for url in ("/shared-headline/", "/shared-headline-2/"):
        assert (output / url.strip("/") / "index.html").is_file()
    assert warned(warnings, "duplicate_source_b.txt", "same source URL as")
    assert any("duplicate_source_a.txt" in w for w in warnings if "duplicate_source_b.txt" in w)
    assert "Original Source Clipping" in titles and "Repeated Source Clipping" not in titles


def test_every_good_demo_clipping_is_still_published(bad_site):
    _, _, titles = bad_site
    demo = ROOT / "content"
    good = [p for p in demo.glob("*.txt") if b"published: false" not in p.read_bytes()]
    titled = [p for p in good if p.read_bytes().startswith(b"---")]
    for path in titled:
        title = next(line for line in path.read_text().splitlines() if line.startswith("title:"))
        assert title.split(":", 1)[1].strip().strip('"') in titles, path.name
    assert len(titles) >= len(good) + 20


def test_hostile_links_never_reach_href_or_src(bad_site):
    output, _, _ = bad_site
    for name, data in all_files(output).items():
        if not name.endswith(".html"):
            continue
        tree = lxml_html.fromstring(data)
        for url in tree.xpath("//@href | //@src"):
            assert url.startswith(
                ("/", "#", "http://", "https://", "mailto:")
            ) and not url.startswith("//"), (name, url)
        executable = tree.xpath(
            "//script[not(@type='application/ld+json')] | //iframe | //@*[starts-with(name(), 'on')]"
        )
        # /search/ loads Pagefind's and the theme's own script files (tests/search checks which).
        if name == "search/index.html":
            executable = [
                e for e in executable if not (getattr(e, "tag", "") == "script" and e.get("src"))
            ]
        assert not executable, name


def test_make_check_reports_every_problem_and_fails():
    result = subprocess.run(
        [sys.executable, "-m", "clippings.check", str(BAD)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "plugins")},
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(
        line.endswith(
            "malformed_yaml.txt:2: front matter is not valid YAML (while scanning a quoted scalar found unexpected end of stream); clipping skipped [error]"
        )
        for line in lines
    )
    assert any("duplicate_source_b.txt: same source URL as" in line for line in lines)
    assert lines[-1].startswith("clippings: 33 read, 22 published, 3 unpublished, 8 skipped")
    # Errors and warnings are counted apart, each as often as it is listed.
    errors = sum(line.endswith("[error]") for line in lines)
    warnings = sum(line.endswith("[warning]") for line in lines)
    assert errors >= 8 and warnings > 0
    assert lines[-1].endswith(f", {errors} errors, {warnings} warnings")


def test_make_check_passes_on_the_demo():
    result = subprocess.run(
        [sys.executable, "-m", "clippings.check", "content", "-s", "pelicanconf.py"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "plugins")},
    )
    assert result.returncode == 0 and result.stdout.endswith("0 skipped, 0 errors, 0 warnings\n")


def test_strict_mode_fails_the_build(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copyfile(BAD / "unknown_keys.txt", content / "unknown_keys.txt")
    with pytest.raises(RuntimeError, match="DIGEST_STRICT"):
        build_site(content, tmp_path / "output", DIGEST_STRICT=True)
