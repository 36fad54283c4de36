"""Run Lighthouse on a publish build of a digest: the home page, a topic, an article, search.

`make lighthouse` runs it. It builds the content folder with publishconf.py for a
SITEURL on 127.0.0.1, serves it with scripts/serve.py, runs the Lighthouse CLI from
node_modules against Debian's Chromium, prints each page's scores and exits 1 when a
page scores below the minimum. The machine is offline: publishers' images (https)
are blocked, so an unresolvable image host does not count as a console error.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from lxml import html as lxml_html

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from serve import make_server  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync --no-first-run"
)


def build(content: Path, output: Path, site_url: str) -> None:
    """Build content into output with publishconf.py for site_url."""
    env = {**os.environ, "SITEURL": site_url}
    cache = output.parent / "cache"
    command = [
        str(ROOT / ".venv" / "bin" / "pelican"),
        str(content),
        "-o",
        str(output),
        "-s",
        str(ROOT / "publishconf.py"),
        "--fatal",
        "errors",
        "-e",
        f'CACHE_PATH="{cache}"',
    ]
    subprocess.run(command, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)


def pages(output: Path, site_url: str) -> dict[str, str]:
    """Return {label: URL} for the home page, the busiest topic, the top article and search."""
    home = lxml_html.fromstring((output / "index.html").read_bytes())
    topics = lxml_html.fromstring((output / "topics" / "index.html").read_bytes())
    article = home.xpath("//main//article//h3/a/@href")[0]
    return {
        "home": site_url + "/",
        "topic": topics.xpath("//ol[contains(@class, 'index')]/li/a/@href")[0],
        "article": article,
        "search": site_url + "/search/?q=microsoft",
    }


def audit(lighthouse: Path, url: str, report: Path, chromium: str) -> dict[str, int]:
    """Run Lighthouse on url; return each category's score out of 100."""
    command = [
        str(lighthouse),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--blocked-url-patterns=https://*",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium})
    result = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def main(argv: list[str] | None = None) -> int:
    """Build, serve and audit; print the scores; fail below the minimum."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default=ROOT / "content", type=Path)
    parser.add_argument("--lighthouse", default=ROOT / "node_modules" / ".bin" / "lighthouse")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--minimum", type=int, default=100, help="best-practices score to reach")
    args = parser.parse_args(argv)
    if not Path(args.lighthouse).is_file():
        parser.error(f"{args.lighthouse} is missing: run `npm ci` (make lighthouse does)")
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as work:
        output = Path(work) / "output"
        output.mkdir()
        server = make_server(output, port=0, quiet=True)
        site_url = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            build(args.content, output, site_url)
            failed = []
            for label, url in pages(output, site_url).items():
                scores = audit(args.lighthouse, url, Path(work) / f"{label}.json", args.chromium)
                print(f"{label:8} {url}")
                print("         " + ", ".join(f"{name} {score}" for name, score in scores.items()))
                if scores["best-practices"] < args.minimum:
                    failed.append(label)
        finally:
            server.shutdown()
            server.server_close()
    if failed:
        print(f"best practices below {args.minimum} on: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
