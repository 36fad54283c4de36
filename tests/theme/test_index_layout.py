"""The topic, source and month indexes in real Chromium: counts stay beside their names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clipfactory import clipping, write
from sitebuild import build_site
from sitecrawl import serve
from themesite import ARTIFACTS, chromium, local_only

pytestmark = pytest.mark.browser

# Publisher names and domains as long as real ones get.
SOURCES = [
    ("Auto Times", "autotimes.com"),
    ("The Wall Street Journal Technology and Business Desk", "wsj.com"),
    ("Süddeutsche Zeitung Wirtschaft", "sueddeutsche.de"),
    ("Automotive News International Weekly Edition", "automotive-news-international.example.com"),
    ("Nikkei Asia", "asia.nikkei.com"),
    ("Electrek", "electrek.co"),
    ("Frankfurter Allgemeine Zeitung für Deutschland", "faz.net"),
    ("South China Morning Post Technology", "scmp.com"),
    ("The Verge", "theverge.com"),
    ("Reuters", "reuters.com"),
    ("Agence France-Presse English Wire Service", "afp.example.org"),
    ("TechCrunch", "techcrunch.com"),
]
TOPICS = [
    "Autonomous Vehicles and Driver Assistance Systems",
    "Cloud Computing",
    "AI",
    "Electric Vehicle Batteries",
    "Semiconductor Supply Chain",
    "Microsoft AI",
]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}


def corpus() -> list[dict]:
    """Return 120 clippings over seven months, spread unevenly over sources and topics."""
    clippings = []
    for index in range(120):
        meta = clipping(index, hours_ago=index * 41)
        name, domain = SOURCES[index % (len(SOURCES) if index < 84 else 3)]
        meta["provider"] = {"name": name, "domain": domain}
        meta["topics"] = TOPICS[: 1 + (index * 7) % len(TOPICS)]
        clippings.append(meta)
    return clippings


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve a site with long source and topic names; yield its base URL."""
    base_dir = tmp_path_factory.mktemp("index-layout")
    output = base_dir / "output"
    output.mkdir()
    content = write(base_dir / "content", corpus())
    with serve(output, prefix="/newsdigest") as base:
        build_site(content, output, SITEURL=base)
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One Chromium for the module."""
    with chromium() as launched:
        yield launched


ROWS = """
(list) => [...document.querySelectorAll(list + ' > li')].map((li) => {
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  return {li: box(li), name: box(li.querySelector('a')), domain: box(li.querySelector('.domain')),
          count: box(li.querySelector('.count')), text: li.querySelector('.count').textContent};
})
"""


def overlap(a: dict, b: dict) -> bool:
    """Return whether two boxes share any area."""
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def check_rows(rows: list[dict], where: str) -> None:
    """Each count sits inside its own row, right of its name, overlapping nothing."""
    assert len(rows) >= 6, where
    for number, row in enumerate(rows):
        li, count = row["li"], row["count"]
        assert li["top"] <= count["top"] and count["bottom"] <= li["bottom"] + 0.5, (where, number)
        assert li["left"] <= count["left"] and count["right"] <= li["right"] + 0.5, (where, number)
        for part in ("name", "domain"):
            if row[part]:
                assert not overlap(row[part], count), (where, number, part)
                assert row[part]["right"] <= count["left"] + 0.5, (where, number, part)
                assert row[part]["left"] >= li["left"] - 0.5, (where, number, part)
        for other in rows[number + 1 :]:
            assert not overlap(li, other["li"]), (where, number)


@pytest.mark.parametrize("label", WIDTHS)
@pytest.mark.parametrize(
    ("path", "selector"),
    [("/providers/", "ul.index"), ("/topics/", "ol.index"), ("/archives/", "ul.index")],
    ids=["sources", "topics", "archives"],
)
def test_counts_stay_in_their_own_row(site, browser, label: str, path: str, selector: str) -> None:
    context = browser.new_context(viewport=WIDTHS[label])
    page = context.new_page()
    local_only(page, site)
    try:
        page.goto(site + path)
        check_rows(page.evaluate(ROWS, selector), f"{path} at {label}")
        ARTIFACTS.mkdir(exist_ok=True)
        name = path.strip("/").replace("/", "-")
        page.screenshot(path=str(ARTIFACTS / f"index-{name}-{label}.png"), full_page=True)
    finally:
        context.close()


def test_most_covered_first_reads_row_by_row_at_1280_px(site, browser) -> None:
    context = browser.new_context(viewport=WIDTHS["desktop"])
    page = context.new_page()
    local_only(page, site)
    try:
        page.goto(site + "/topics/")
        rows = page.evaluate(ROWS, "ol.index")
    finally:
        context.close()
    counts = [int(row["text"]) for row in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    first, second = rows[0]["li"], rows[1]["li"]
    # Several columns, filled across: the second topic is beside the first, not below it.
    assert second["left"] > first["right"] and abs(second["top"] - first["top"]) < 1
    reading_order = sorted(
        range(len(rows)), key=lambda i: (round(rows[i]["li"]["top"]), rows[i]["li"]["left"])
    )
    assert reading_order == list(range(len(rows)))
