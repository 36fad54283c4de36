"""Stories on the built site: story pages, lists, feeds, /stories.json, stable ids, redirects."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from test_feeds_site import check_every_feed

from sitebuild import FIXTURES, all_files, build_site, page

SITEURL = "https://example.org/digest"
STORYSITE = FIXTURES / "storysite"
FIRST = "/nordwerk-and-cirrus-sign-cloud-deal-for-driver-assist-software/"
FOLLOW_UP = "/nordwerk-picks-cirrus-to-run-its-driver-assist-data/"
OTHER = "/cirrus-and-lotushan-form-alliance-on-robotaxi-maps/"


def copy_storysite(target: Path, names: list[str] | None = None) -> Path:
    """Copy the story fixtures (all, or the named ones, in that order) into target."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names or sorted(p.name for p in STORYSITE.glob("*.txt")):
        shutil.copyfile(STORYSITE / name, target / name)
    return target


def build(content: Path, output: Path, **overrides) -> Path:
    return build_site(content, output, SITEURL=SITEURL, **overrides)


def stories(output: Path) -> list[dict]:
    """Return the stories of /stories.json."""
    return json.loads((output / "stories.json").read_bytes())["stories"]


def story_of(output: Path, source: str) -> dict:
    """Return the /stories.json story holding the clipping file source."""
    return next(s for s in stories(output) if source in [c["source"] for c in s["clippings"]])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("storysite")
    return build(copy_storysite(base / "content"), base / "output")


def test_one_event_from_two_sources_is_one_story_and_the_other_event_stays_apart(site):
    deal = story_of(site, "deal_first_report.txt")
    assert [c["source"] for c in deal["clippings"]] == [
        "deal_first_report.txt",
        "deal_follow_up.txt",
    ]
    other = story_of(site, "same_companies_other_event.txt")
    assert len(other["clippings"]) == 1 and other["id"] != deal["id"]
    assert deal["url"] == f"{SITEURL}/stories/{deal['id']}/"
    assert other["url"] == f"{SITEURL}{OTHER}"  # a story of one: its clipping's page
    assert deal["clippings"][1]["url"] == "https://www.circuitdaily.example/nordwerk-picks-cirrus"
    assert not (site / "stories" / other["id"]).exists()


def test_story_page_shows_lead_sources_timeline_related_and_topics(site):
    deal = story_of(site, "deal_first_report.txt")
    tree = page(site, f"/stories/{deal['id']}/")
    assert (
        tree.xpath("string(//h1)")
        == "Nordwerk and Cirrus Sign Cloud Deal for Driver-Assist Software"
    )
    assert tree.xpath("string(//p[@class='summary-line'])").startswith("2 sources · 2 articles")
    steps = tree.xpath("//section[@class='timeline']//li")
    assert [s.xpath("string(.//span[@class='when'])") for s in steps] == ["First", "+4 days"]
    assert [s.xpath("string(.//span[@class='provider'])") for s in steps] == [
        "Motor Ledger",
        "Circuit Daily",
    ]
    assert [s.xpath("string(.//h3/a/@href)") for s in steps] == [
        SITEURL + FIRST,
        SITEURL + FOLLOW_UP,
    ]
    assert all(s.xpath(".//time/@datetime") and s.xpath(".//p[@class='excerpt']") for s in steps)
    # Coverage outside the digest, once; the follow-up, which is in the digest, not at all.
    assert tree.xpath("//section[@class='related']//a/@href") == [
        "https://www.analystnotes.example/nordwerk-cloud-bet"
    ]
    assert tree.xpath("//span[@class='topics']/a/text()") == [
        "Cloud Computing",
        "Driver Assistance",
    ]


def test_each_clipping_page_links_its_story(site):
    deal = story_of(site, "deal_first_report.txt")
    for url in (FIRST, FOLLOW_UP):
        part = page(site, url).xpath("//p[@class='part-of']")[0]
        assert part.xpath("string(a/@href)") == f"{SITEURL}/stories/{deal['id']}/"
        assert part.xpath("string(.)").endswith(", 2 sources")
    assert not page(site, OTHER).xpath("//p[@class='part-of']")


def test_lists_show_each_story_once_with_its_other_sources(site):
    for url in ("/", "/topics/cloud-computing/", "/archives/2023/03/"):
        items = page(site, url).xpath("//section[@class='latest']//article")
        titles = [i.xpath("string(.//h3/a)") for i in items]
        assert sorted(titles) == [
            "Cirrus and Lotushan Form Alliance on Robotaxi Maps",
            "Nordwerk and Cirrus Sign Cloud Deal for Driver-Assist Software",
        ], url
        lead = items[titles.index("Nordwerk and Cirrus Sign Cloud Deal for Driver-Assist Software")]
        assert lead.xpath("string(.//p[@class='more'])").startswith("More: Circuit Daily ·")
    source = page(site, "/providers/circuit-daily/")
    more = source.xpath("//section[@class='latest']//p[@class='more']/a[last()]")[0]
    assert more.text == "2 sources, 2 articles"


def test_story_feeds_hold_every_clipping_and_the_story_page_links_them(site):
    deal = story_of(site, "deal_first_report.txt")
    counts = check_every_feed(site, SITEURL)
    for ext in ("atom.xml", "rss.xml", "json"):
        assert counts[f"feeds/stories/{deal['id']}.{ext}"] == 2
    parsed = feedparser.parse((site / f"feeds/stories/{deal['id']}.atom.xml").read_bytes())
    assert [e.link for e in parsed.entries] == [SITEURL + FOLLOW_UP, SITEURL + FIRST]
    head = page(site, f"/stories/{deal['id']}/").xpath("//link[@rel='alternate']/@href")
    assert f"{SITEURL}/feeds/stories/{deal['id']}.json" in head
    # The site feed keeps one entry per clipping, each naming its story.
    site_feed = feedparser.parse((site / "feeds/all.atom.xml").read_bytes())
    assert len(site_feed.entries) == 3
    follow_up = next(e for e in site_feed.entries if e.link == SITEURL + FOLLOW_UP)
    assert f"{SITEURL}/stories/{deal['id']}/" in follow_up.content[0].value


def test_ids_survive_a_rebuild_a_new_member_and_a_title_edit(tmp_path, site):
    deal = story_of(site, "deal_first_report.txt")["id"]
    content = copy_storysite(tmp_path / "content")
    output = tmp_path / "output"
    assert story_of(build(content, output), "deal_first_report.txt")["id"] == deal
    assert story_of(build(content, output), "deal_first_report.txt")["id"] == deal
    first = content / "deal_first_report.txt"
    first.write_text(first.read_text().replace("Sign Cloud Deal", "Agree a Cloud Deal"))
    assert story_of(build(content, output), "deal_first_report.txt")["id"] == deal
    # A new, earlier report that links the follow-up joins the story: same id.
    (content / "deal_earliest_wire.txt").write_text(
        (STORYSITE / "deal_follow_up.txt")
        .read_text()
        .replace("2023-03-13T15:00:00Z", "2023-03-08T06:00:00Z")
        .replace(
            'circuitdaily.example/nordwerk-picks-cirrus"\nprovider', 'wire.example/n1"\nprovider'
        )
        .replace(
            "Circuit Daily, domain: circuitdaily.example", "Wire Service, domain: wire.example"
        )
        .replace("Nordwerk Picks Cirrus to Run", "Wire: Nordwerk Picks Cirrus to Run")
    )
    joined = story_of(build(content, output), "deal_first_report.txt")
    assert joined["id"] == deal and len(joined["clippings"]) == 3
    assert joined["clippings"][0]["source"] == "deal_earliest_wire.txt"  # the lead is the earliest


def test_a_merge_turns_the_absorbed_story_into_a_redirect(tmp_path):
    content = copy_storysite(tmp_path / "content", ["deal_first_report.txt", "deal_follow_up.txt"])
    follow_up = content / "deal_follow_up.txt"
    right = follow_up.read_text()
    # Misdated by two weeks, the follow-up is too far from the first report to join it.
    follow_up.write_text(right.replace("2023-03-13T15:00:00Z", "2023-03-27T15:00:00Z"))
    output = build(content, tmp_path / "output")
    first = story_of(output, "deal_first_report.txt")["id"]
    second = story_of(output, "deal_follow_up.txt")["id"]
    assert first != second
    entry_ids = {
        e.id for e in feedparser.parse((output / "feeds/all.atom.xml").read_bytes()).entries
    }
    # The date is corrected: the two stories become one, and the later one's page redirects.
    follow_up.write_text(right)
    output = build(content, tmp_path / "output")
    merged = story_of(output, "deal_follow_up.txt")
    assert merged["id"] == first and merged["absorbed"] == [second]
    redirect = page(output, f"/stories/{second}/")
    target = f"{SITEURL}/stories/{first}/"
    assert redirect.xpath("//meta[@http-equiv='refresh']/@content") == [f"0; url={target}"]
    assert redirect.xpath("//a/@href") == [target]
    # The sitemap lists the surviving story, never the redirect.
    listed = etree.fromstring((output / "sitemap.xml").read_bytes()).xpath(
        "//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    )
    assert target in listed and f"{SITEURL}/stories/{second}/" not in listed
    assert not [url for url in listed if url.endswith(f"/{second}/")]
    after = {e.id for e in feedparser.parse((output / "feeds/all.atom.xml").read_bytes()).entries}
    assert after == entry_ids


def test_stories_are_the_same_whatever_the_worker_count_and_file_order(tmp_path, site):
    names = sorted(p.name for p in STORYSITE.glob("*.txt"))
    one = build(copy_storysite(tmp_path / "a", names), tmp_path / "one", DIGEST_WORKERS=1)
    two = build(copy_storysite(tmp_path / "b", names[::-1]), tmp_path / "two", DIGEST_WORKERS=2)
    built = [all_files(out) for out in (one, two, site)]
    wanted = [
        {k: v for k, v in files.items() if k.startswith(("stories", "feeds/stories"))}
        for files in built
    ]
    assert wanted[0] == wanted[1] == wanted[2] and "stories.json" in wanted[0]


def test_without_clustering_every_clipping_is_a_story_of_its_own(tmp_path):
    content = copy_storysite(tmp_path / "content")
    output = build(content, tmp_path / "output", DIGEST_STORY_CLUSTER=False)
    assert [len(s["clippings"]) for s in stories(output)] == [1, 1, 1]
    assert not (output / "stories").exists() and not (output / "feeds" / "stories").exists()
    assert len(page(output, "/").xpath("//section[@class='latest']//article")) == 3
