"""Dates in the digest's time zone, whole seconds: units and a real build."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from clippings.dates import in_zone, settle_dates
from clippings.model import ERROR, Clipping, Related
from clippings.settings import ClippingSettings
from sitebuild import ROOT, build_site, page

MONTH_END = {
    "east.txt": "2021-12-01T08:44:00+10:00",  # 30 Nov 22:44 UTC
    "west.txt": "2021-11-30T21:28:00-08:00",  # 1 Dec 05:28 UTC
    "zulu.txt": "2021-12-05T12:00:00Z",
}


def write_month_end(folder):
    folder.mkdir()
    for name, when in MONTH_END.items():
        stem = name.removesuffix(".txt")
        (folder / name).write_text(
            f"---\ntitle: Story from the {stem}\npublishedDateTime: {when}\n"
            f"webUrl: https://example.com/{stem}\nexcerpt: Summary of the {stem} story.\n---\n",
            encoding="utf-8",
        )
    return folder


def test_in_zone_converts_and_drops_fractions_of_a_second():
    value = datetime(2021, 12, 1, 8, 44, 7, 497368, tzinfo=timezone(timedelta(hours=10)))
    assert in_zone(value, UTC).isoformat() == "2021-11-30T22:44:07+00:00"
    naive = datetime(2021, 7, 1, 12, 0, 0, 5)
    assert in_zone(naive, ZoneInfo("Europe/Berlin")).isoformat() == "2021-07-01T12:00:00+02:00"


def test_a_date_out_of_range_in_the_zone_is_an_error_not_a_crash():
    early = datetime(1, 1, 1, 2, tzinfo=timezone(timedelta(hours=10)))
    clip = Clipping(path="x.txt", shape="front_matter", title="x", date=early)
    clip = settle_dates(clip, UTC)
    assert not clip.usable
    assert any(p.level == ERROR and "DIGEST_TIMEZONE" in p.message for p in clip.problems)
    related = Related(title="r", url="https://a.example/", date=early)
    clip = Clipping(path="y.txt", shape="front_matter", date=datetime(2021, 1, 1, tzinfo=UTC))
    clip = settle_dates(dataclass_with_related(clip, related), UTC)
    assert clip.usable and clip.related[0].date is None


def dataclass_with_related(clip, related):
    import dataclasses

    return dataclasses.replace(clip, related=[related])


def test_digest_timezone_defaults_to_pelicans_timezone():
    assert ClippingSettings.from_settings({"TIMEZONE": "Australia/Sydney"}).timezone == (
        "Australia/Sydney"
    )
    assert ClippingSettings.from_settings({}).timezone == "UTC"
    assert (
        ClippingSettings.from_settings(
            {"TIMEZONE": "Asia/Tokyo", "DIGEST_TIMEZONE": "UTC"}
        ).timezone
        == "UTC"
    )


def test_offsets_around_a_month_end_build_into_the_right_months(tmp_path):
    # Near-identical texts on purpose: lists show every clipping, not stories.
    content = write_month_end(tmp_path / "content")
    output = build_site(content, tmp_path / "out", DIGEST_STORY_CLUSTER=False)
    november = page(output, "/archives/2021/11/")
    december = page(output, "/archives/2021/12/")
    assert november.xpath("//section[@class='latest']//h3/a/text()") == ["Story from the east"]
    assert sorted(december.xpath("//section[@class='latest']//h3/a/text()")) == [
        "Story from the west",
        "Story from the zulu",
    ]
    east = page(output, "/story-from-the-east/")
    assert east.xpath("string(//article//time/@datetime)") == "2021-11-30T22:44:00+00:00"


def test_in_sydney_the_same_clippings_are_all_in_december(tmp_path):
    output = build_site(
        write_month_end(tmp_path / "content"), tmp_path / "out", DIGEST_TIMEZONE="Australia/Sydney"
    )
    assert not (output / "archives/2021/11").exists()
    east = page(output, "/story-from-the-east/")
    assert east.xpath("string(//article//time/@datetime)") == "2021-12-01T09:44:00+11:00"


def test_check_and_build_agree_on_a_date_the_zone_cannot_hold(tmp_path):
    content = write_month_end(tmp_path / "content")
    (content / "ancient.txt").write_text(
        "---\ntitle: Ancient\npublishedDateTime: 0001-01-01T01:00:00+10:00\n---\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "clippings.check", str(content), "-s", str(ROOT / "pelicanconf.py")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "ancient.txt" in result.stdout and "DIGEST_TIMEZONE" in result.stdout
    output = build_site(content, tmp_path / "out")
    assert not (output / "ancient").exists()
    assert (output / "story-from-the-east/index.html").exists()
