"""Deterministic synthetic clippings in the digest's three shapes, and as Markdown."""

import base64
import hashlib
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path


def _split(text: str, sep: str = ",") -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(sep) if part.strip())


TOPICS = _split(
    "AI, Cloud Computing, Electric Vehicles, Autonomous Driving, Microsoft AI, "
    "AI in Autos, Semiconductors, Machine Learning, Azure, Cybersecurity, Robotics, "
    "Data Centers, Generative AI, Batteries, Open Source, Startups, Regulation, "
    "Privacy, Amazon Web Services, Google AI, Nvidia, Tesla, Volkswagen, Baidu, "
    "Connected Cars, Lidar, Ride Hailing, Smart Cities, Edge Computing, "
    "Computer Vision, Natural Language Processing, Quantum Computing, 5G, "
    "Supply Chain, Earnings, Venture Capital, Mergers and Acquisitions, "
    "Digital Twins, Developer Tools, Chips Act"
)
PROVIDERS = tuple(
    (f"{first} {last}", f"{first}{last}.com".lower())
    for first in _split("Daily Global Tech Smarter Open Market Cloud Motor Silicon Capital", " ")
    for last in _split("Wire Times Analyst Insider Report Journal", " ")
)
CATEGORIES = ("news", "analysis", "opinion")
_SYLLABLES = _split(
    "ka lo mi ren tor vex zu bra cel dan fi gor hal jun kor lia mon nix pra sul", " "
)
_VERBS = _split(
    "unveils, expands, partners on, delays, invests in, tests, acquires, "
    "rethinks, launches, scales back"
)
_OBJECTS = _split(
    "cloud platform, driving software, battery plant, chip design, "
    "AI assistant, robotaxi fleet, data center, sensor suite, "
    "developer program, security update, charging network, "
    "language model"
)
_WORDS = _split(
    "the company said its new system would help drivers and engineers build "
    "safer cars faster while cloud services handle data from millions of "
    "vehicles analysts expect revenue to grow as software becomes central to "
    "every product chips batteries and sensors remain expensive but prices "
    "are falling regulators in Europe and China want more transparency about "
    "how models are trained tested and deployed on public roads investors "
    "welcomed the partnership shares rose in early trading executives "
    "described a platform that connects factories fleets and customers "
    "through one network of services updates arrive over the air within "
    "weeks rather than years according to people familiar with the plans",
    " ",
)
_START = datetime(2021, 1, 1, tzinfo=UTC)
_SPAN_S = 2 * 365 * 24 * 3600
_SHAPES = ("front_matter", "dated_text", "bare_text")


@dataclass(frozen=True)
class Item:
    """One synthetic clipping, independent of the file format it is written in."""

    stem: str
    shape: str
    title: str
    date: datetime
    paragraphs: tuple[str, ...]
    category: str = "news"
    provider: tuple[str, str] | None = None
    topics: tuple[str, ...] = ()
    excerpt: str = ""
    url: str = ""
    images: tuple[dict, ...] = ()
    related: tuple[dict, ...] = ()
    quality: int = 0
    heat: int = 0
    published: bool = True
    secured: str = ""


def _zipf_weights(count: int, s: float = 1.1) -> list[float]:
    return [1 / (rank + 1) ** s for rank in range(count)]


_TOPIC_WEIGHTS = _zipf_weights(len(TOPICS))
_PROVIDER_WEIGHTS = _zipf_weights(len(PROVIDERS), 0.8)
_WORD_WEIGHTS = _zipf_weights(len(_WORDS), 0.6)


def _company(index: int) -> str:
    """Return a made-up company name unique for every index below 160,000."""
    code = (index * 7919 + 54321) % len(_SYLLABLES) ** 4
    parts = []
    for _ in range(4):
        code, digit = divmod(code, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts).capitalize()


def _sentence(rng: random.Random, low: int = 6, high: int = 18) -> str:
    words = rng.choices(_WORDS, _WORD_WEIGHTS, k=rng.randint(low, high))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))


def _pick_topics(rng: random.Random) -> tuple[str, ...]:
    wanted = rng.choice((1, 1, 2, 2, 3, 4))
    chosen: list[str] = []
    while len(chosen) < wanted:
        topic = rng.choices(TOPICS, _TOPIC_WEIGHTS)[0]
        if topic not in chosen:
            chosen.append(topic)
    return tuple(chosen)


def _image(rng: random.Random, domain: str, date: datetime) -> dict:
    name = f"{rng.getrandbits(48):012x}.jpg"
    return {
        "url": f"https://www.{domain}/wp-content/uploads/{date:%Y/%m}/{name}",
        "width": rng.choice((640, 800, 1000, 1024, 1200)),
        "height": rng.choice((360, 450, 563, 768)),
        "isCached": rng.random() < 0.8,
    }


def _related(rng: random.Random, date: datetime, earlier: list[tuple]) -> dict:
    # About a quarter point at another clipping of the digest (internal links).
    if earlier and rng.random() < 0.25:
        url, title, (name, domain) = rng.choice(earlier)
    else:
        name, domain = rng.choices(PROVIDERS, _PROVIDER_WEIGHTS)[0]
        url = f"https://www.{domain}/news/{rng.getrandbits(40):010x}"
        title = _sentence(rng, 5, 12)[:-1]
    entry = {
        "title": title,
        "excerpt": _sentence(rng, 12, 30),
        "publishedDateTime": date + timedelta(hours=rng.randint(-48, 48)),
        "webUrl": url,
        "type": "article",
        "provider": {"name": name, "domain": domain},
        "quality": rng.randint(0, 100),
    }
    if rng.random() < 0.3:
        entry["images"] = [_image(rng, domain, date)]
    return entry


def _item(rng: random.Random, index: int, seed: int, earlier: list[tuple]) -> Item:
    shape = rng.choices(_SHAPES, (80, 10, 10))[0]
    title = f"{_company(index)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    date = _START + timedelta(seconds=rng.randrange(_SPAN_S) // 60 * 60)
    stem = hashlib.sha256(f"{seed}:{index}".encode()).hexdigest()[:16]
    paragraphs = [_paragraph(rng) for _ in range(rng.randint(0, 6))]
    if shape != "front_matter":
        # Text clippings have no title field: the body opens with it.
        date = date.replace(hour=0, minute=0) if shape == "dated_text" else date
        paragraphs = [f"{title}. {_paragraph(rng)}", *paragraphs[1:]]
        return Item(f"{index:06d}_{stem}", shape, title, date, tuple(paragraphs))
    provider = rng.choices(PROVIDERS, _PROVIDER_WEIGHTS)[0]
    url = f"https://www.{provider[1]}/news/{title.lower().replace(' ', '-')}"
    images = tuple(_image(rng, provider[1], date) for _ in range(rng.choice((0, 1, 1, 2))))
    related = tuple(_related(rng, date, earlier) for _ in range(rng.randint(0, 3)))
    earlier.append((url, title, provider))
    token = base64.b64encode(rng.randbytes(256)).decode()
    salt = base64.b64encode(rng.randbytes(16)).decode()
    return Item(
        stem=f"{index:06d}_{stem}",
        shape=shape,
        title=title,
        date=date,
        paragraphs=tuple(paragraphs),
        category=rng.choices(CATEGORIES, (85, 10, 5))[0],
        provider=provider,
        topics=_pick_topics(rng),
        excerpt=_sentence(rng, 15, 30),
        url=url,
        images=images,
        related=related,
        quality=rng.randint(0, 100),
        heat=rng.randint(0, 100),
        published=rng.random() >= 0.02,
        secured=f"{token};{salt}",
    )


def generate_items(n: int, seed: int = 0) -> list[Item]:
    """Return n synthetic items, the same for the same n and seed."""
    rng = random.Random(seed)
    earlier: list[tuple] = []
    return [_item(rng, index, seed, earlier) for index in range(n)]


# A realistic corpus writes its front-matter dates with these offsets ...
OFFSETS = tuple(timedelta(minutes=m) for m in (600, -480, 0, 330, -180))
# ... and its dateless files were last touched after every dated clipping, with
# a fraction of a second, as a checkout or an editor leaves them.
TOUCHED = datetime(2026, 11, 30, 14, 48, 10, 497368, tzinfo=UTC)


def realistic_items(n: int, seed: int = 0) -> list[Item]:
    """Return generate_items(n, seed) with mixed offsets, a third of them near a month's end."""
    rng = random.Random(f"realistic:{seed}")
    items = []
    for item in generate_items(n, seed):
        if item.shape == "front_matter":
            date = item.date
            if rng.random() < 0.35:
                after = datetime(date.year + (date.month == 12), date.month % 12 + 1, 1, tzinfo=UTC)
                date = after + timedelta(minutes=rng.randint(-14 * 60, 14 * 60))
            item = replace(item, date=date.astimezone(timezone(rng.choice(OFFSETS))))
        items.append(item)
    return items


def _q(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def _iso(date: datetime) -> str:
    return date.isoformat().replace("+00:00", "Z")


def _yaml_images(images: tuple[dict, ...] | list[dict], indent: str) -> list[str]:
    lines = []
    for image in images:
        lines += [
            f"{indent}- url: {_q(image['url'])}",
            f"{indent}  width: {image['width']}",
            f"{indent}  height: {image['height']}",
            f"{indent}  isCached: {str(image['isCached']).lower()}",
        ]
    return lines


def _yaml_related(entries: tuple[dict, ...]) -> list[str]:
    lines = []
    for entry in entries:
        lines += [
            f"  - title: {_q(entry['title'])}",
            f"    excerpt: {_q(entry['excerpt'])}",
            f"    publishedDateTime: {_iso(entry['publishedDateTime'])}",
            f"    webUrl: {_q(entry['webUrl'])}",
            f"    type: {entry['type']}",
            "    provider:",
            f"      name: {entry['provider']['name']}",
            f"      domain: {entry['provider']['domain']}",
            f"    quality: {entry['quality']}",
        ]
        if "images" in entry:
            lines += ["    images:", *_yaml_images(entry["images"], "      ")]
    return lines


def _front_matter(item: Item) -> str:
    assert item.provider is not None
    amp = item.url + "/amp/"
    lines = [
        "---",
        f"category: {item.category}",
        f"title: {_q(item.title)}",
        f"excerpt: {_q(item.excerpt)}",
        f"publishedDateTime: {_iso(item.date)}",
        f"originalUrl: {_q(item.url)}",
        f"webUrl: {_q(item.url)}",
        f"ampWebUrl: {_q(amp)}",
        f"cdnAmpWebUrl: {_q('https://cdn.ampproject.org/c/s/' + amp[8:])}",
        "type: article",
        f"quality: {item.quality}",
        f"heat: {item.heat}",
        f"published: {str(item.published).lower()}",
        "",
        "provider:",
        f"  name: {item.provider[0]}",
        f"  domain: {item.provider[1]}",
        "",
        "topics:",
        *(f"  - {topic}" for topic in item.topics),
    ]
    if item.images:
        lines += ["", "images:", *_yaml_images(item.images, "  ")]
    if item.related:
        lines += ["", "related:", *_yaml_related(item.related)]
    lines += ["", f"secured: {_q(item.secured)}", "---", ""]
    return "\n".join(lines) + "\n" + "\n\n".join(item.paragraphs) + "\n"


def clipping_text(item: Item) -> str:
    """Return the item as the text of a clipping file in its shape."""
    body = "\n\n".join(item.paragraphs) + "\n"
    if item.shape == "front_matter":
        return _front_matter(item)
    if item.shape == "dated_text":
        return f" date {item.date:%Y-%m-%d} {body}"
    return body


def markdown_text(item: Item) -> str:
    """Return the item as a Pelican Markdown file with header metadata."""
    headers = {
        "Title": item.title,
        "Date": f"{item.date:%Y-%m-%d %H:%M}",
        "Category": item.category,
        "Tags": ", ".join(item.topics),
        "Author": item.provider[0] if item.provider else "",
        "Summary": item.excerpt,
        "Status": "published" if item.published else "skip",
    }
    head = "".join(f"{key}: {value}\n" for key, value in headers.items() if value)
    return head + "\n" + "\n\n".join(item.paragraphs) + "\n"


def _write(path: Path, text: str, item: Item, stamp: float | None = None) -> None:
    path.write_text(text, encoding="utf-8")
    # Bare text is dated by its mtime: make that part of the data, not of the run.
    stamp = item.date.timestamp() if stamp is None else stamp
    os.utime(path, (stamp, stamp))


def write_clippings(
    folder: Path | str, n: int, seed: int = 0, realistic: bool = False
) -> list[Path]:
    """Write n synthetic clippings as .txt files into folder; return their paths.

    realistic: front-matter dates with mixed offsets, many around month ends,
    and every file touched at TOUCHED (plus its index in seconds), as after a
    fresh checkout: the dateless ones must not take over the digest.
    """
    if not realistic:
        return _write_items(Path(folder), n, seed, ".txt", clipping_text)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, item in enumerate(realistic_items(n, seed)):
        path = folder / f"{item.stem}.txt"
        _write(path, clipping_text(item), item, TOUCHED.timestamp() + index)
        paths.append(path)
    return paths


def write_markdown_items(folder: Path | str, n: int, seed: int = 0) -> list[Path]:
    """Write the same n items as Pelican Markdown files into folder."""
    return _write_items(Path(folder), n, seed, ".md", markdown_text)


def _write_items(
    folder: Path, n: int, seed: int, suffix: str, render: Callable[["Item"], str]
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for item in generate_items(n, seed):
        path = folder / f"{item.stem}{suffix}"
        _write(path, render(item), item)
        paths.append(path)
    return paths
