"""Render a generated story clipping as a file in one of the three clipping shapes."""

from __future__ import annotations

import json


def _q(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def _excerpt(paragraphs: list[str]) -> str:
    first = paragraphs[0]
    cut = first.find(". ", 80)
    return first if cut < 0 else first[: cut + 1]


def _front_matter(clip) -> str:
    name, domain = clip.outlet
    lines = [
        "---",
        "category: news",
        f"title: {_q(clip.title)}",
        f"excerpt: {_q(_excerpt(clip.paragraphs))}",
        f"publishedDateTime: {clip.date:%Y-%m-%dT%H:%M:%SZ}",
        f"webUrl: {_q(clip.url)}",
    ]
    if "amp" not in clip.url:
        lines.append(f"ampWebUrl: {_q(clip.url + '/amp/')}")
    lines += ["type: article", "", "provider:", f"  name: {_q(name)}", f"  domain: {domain}"]
    if clip.related:
        lines += ["", "related:"]
        for title, url, (rname, rdomain) in clip.related:
            lines += [
                f"  - title: {_q(title)}",
                f"    webUrl: {_q(url)}",
                "    provider:",
                f"      name: {_q(rname)}",
                f"      domain: {rdomain}",
            ]
    lines += ["---", ""]
    return "\n".join(lines) + "\n" + "\n\n".join(clip.paragraphs) + "\n"


def clipping_file(clip) -> str:
    """Return the text of the clipping file for a generated clip."""
    if clip.shape == "front_matter":
        return _front_matter(clip)
    body = "\n\n".join(clip.paragraphs) + "\n"
    if clip.shape == "dated_text":
        return f" date {clip.date:%Y-%m-%d} {body}"
    return body
