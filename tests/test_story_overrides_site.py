"""Curator control on a built site: `story: <id>`, `story: none`, and `make check`'s conflicts."""

from __future__ import annotations

from pathlib import Path

from test_stories_site import FIRST, FOLLOW_UP, OTHER, SITEURL, build, copy_storysite, story_of

from clippings.check import check_folder, main
from sitebuild import page


def add_front_matter(path: Path, line: str) -> None:
    """Add one front-matter line to a clipping file, just after its opening ---."""
    text = path.read_text()
    assert text.startswith("---\n")
    path.write_text("---\n" + line + "\n" + text[4:])


def deal_id(tmp_path: Path) -> str:
    """Build the story fixtures as they are; return the id of the two-source deal story."""
    output = build(copy_storysite(tmp_path / "plain"), tmp_path / "plain-output")
    return story_of(output, "deal_first_report.txt")["id"]


def test_story_id_puts_a_clipping_into_that_story_and_none_keeps_one_alone(tmp_path):
    deal = deal_id(tmp_path)
    content = copy_storysite(tmp_path / "content")
    # The alliance is another event, so clustering keeps it apart; the curator says otherwise.
    add_front_matter(content / "same_companies_other_event.txt", f"story: {deal}")
    # The follow-up links the first report and would join it; the curator keeps it alone.
    add_front_matter(content / "deal_follow_up.txt", "story: None")
    output = build(content, tmp_path / "output")
    story = story_of(output, "deal_first_report.txt")
    assert story["id"] == deal
    assert [c["source"] for c in story["clippings"]] == [
        "deal_first_report.txt",
        "same_companies_other_event.txt",
    ]
    alone = story_of(output, "deal_follow_up.txt")
    assert len(alone["clippings"]) == 1 and alone["url"] == SITEURL + FOLLOW_UP
    tree = page(output, f"/stories/{deal}/")
    listed = tree.xpath("//section[@class='timeline']//h3/a/@href")
    assert listed == [SITEURL + FIRST, SITEURL + OTHER]
    assert not page(output, FOLLOW_UP).xpath("//p[@class='part-of']")
    # make check agrees with the build: no conflict to report.
    lines, stats = check_folder(content, previous_index=output / "stories.json")
    assert lines == [] and stats["warnings"] == 0 and stats["published"] == 3


def test_make_check_reports_an_unknown_id_and_a_merge_across_months(tmp_path, capsys):
    deal = deal_id(tmp_path)
    content = copy_storysite(tmp_path / "content")
    add_front_matter(content / "same_companies_other_event.txt", "story: s000000000000")
    late = content / "deal_much_later.txt"
    late.write_text(
        (content / "deal_follow_up.txt")
        .read_text()
        .replace("2023-03-13T15:00:00Z", "2023-06-20T15:00:00Z")
        .replace('nordwerk-picks-cirrus"\nprovider', 'nordwerk-q2"\nprovider')
    )
    add_front_matter(late, f"story: {deal}")
    lines, stats = check_folder(content)
    other = str(content / "same_companies_other_event.txt")
    assert lines == [
        f"{late}: story: {deal!r} forces a merge across 103 days (more than 31); "
        "is it the same event? [warning]",
        f"{other}: story: 's000000000000' names no story (use an id from /stories.json) [warning]",
    ]
    assert stats["warnings"] == 2 and stats["errors"] == 0 and stats["published"] == 4
    # The command line prints the same lines and counts them in the summary.
    capsys.readouterr()  # not what the build above printed
    assert main([str(content), "-o", str(tmp_path / "nowhere")]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        *lines,
        "clippings: 4 read, 4 published, 0 unpublished, 0 skipped, 0 errors, 2 warnings",
    ]
    # The build logs the same conflicts and still builds, honouring the forced merge.
    output = build(content, tmp_path / "output")
    merged = story_of(output, "deal_much_later.txt")
    assert merged["id"] == deal and len(merged["clippings"]) == 3
    assert len(story_of(output, "same_companies_other_event.txt")["clippings"]) == 1
