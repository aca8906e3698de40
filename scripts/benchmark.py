#!/usr/bin/env python3
"""Benchmark: build time, memory and sizes at 1,000 to 5,000 praktijkvoorbeelden, against plain Material.

Generates synthetic but valid corpora from the real entries (copies with varied titles,
municipalities and years), builds each with this project, and builds a plain mkdocs-material
site of the same Markdown (automatic navigation, search) in the same run. Prints a report.

Usage: python scripts/benchmark.py [--sizes 1000 5000] [--plain 1000 5000] [--search 1000 5000] [--serve 1500]
The search is timed as a reader meets it with an empty cache, in headless Chromium against python's
http.server (no compression): typing in the search of the home page just opened, and opening the
home page with ?q=. Bytes are given as served and as a host that gzips text would send them.
Example, the search only: --sizes 70 1000 5000 --plain --search 70 1000 5000 --serve 0
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]  # the tests' site builder, and the hooks it reads content with

from sitebuilder import make_project  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def synthetic_corpus(target: Path, size: int) -> None:
    """`size` valid entries: the real ones, then copies with their own slug, title and municipality."""
    sources = sorted((ROOT / "praktijkvoorbeelden").glob("*.md"))
    target.mkdir(parents=True, exist_ok=True)
    for path in target.glob("*.md"):
        path.unlink()
    for number in range(size):
        source = sources[number % len(sources)]
        text = source.read_text(encoding="utf-8")
        if number >= len(sources):
            variant = number // len(sources)
            text = re.sub(
                r"^titel: (['\"]?)(.*?)\1$",
                lambda m: f'titel: "{m.group(2).replace(chr(34), "")} ({variant})"',
                text,
                count=1,
                flags=re.M,
            )
            text = re.sub(
                r"^jaar: (\d{4})$", lambda m: f"jaar: {2000 + (int(m.group(1)) + variant) % 25}", text, count=1, flags=re.M
            )
            text = _vary_municipality(text, variant)
            name = f"{source.stem}-{variant}.md"
        else:
            name = source.name
        (target / name).write_text(text, encoding="utf-8")


def _vary_municipality(text: str, variant: int) -> str:
    """One in three copies moves to another (synthetic) municipality, so catalogues grow as in reality."""
    if variant % 3:
        return text
    return re.sub(r"^gemeente: (.+)$", f"gemeente: Testgemeente {variant % 340}", text, count=1, flags=re.M)


def plain_material(target: Path, corpus: Path) -> None:
    """A plain Material site of the same Markdown: automatic navigation, search."""
    docs = target / "docs"
    shutil.copytree(corpus, docs / "praktijkvoorbeelden")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  language: nl\n  font: false\nplugins:\n  - search:\n      lang: nl\n",
        encoding="utf-8",
    )


def project_at(commit: str, target: Path, corpus: Path) -> Path:
    """The project's files as they were at `commit`, with the synthetic corpus."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    shutil.rmtree(target / "praktijkvoorbeelden")
    shutil.copytree(corpus, target / "praktijkvoorbeelden")
    return target


class BuildStats(TypedDict):
    seconds: float
    peak_mb: float
    site_mb: float
    pages: int
    largest_page: str  # its path and size
    largest_entry_kb: int
    site: Path


def timed_build(project: Path) -> BuildStats:
    site = project / "site"
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), "--quiet"],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    output = process.stdout.read().decode() if process.stdout else ""  # always piped, above
    if status != 0:
        raise SystemExit(f"build failed in {project}:\n{output[-3000:]}")
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    return {
        "seconds": round(seconds, 2),
        "peak_mb": round(usage.ru_maxrss / 1024, 1),
        "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6, 1),
        "pages": len(pages),
        "largest_page": f"{largest.relative_to(site)} ({largest.stat().st_size // 1024} KB)",
        "largest_entry_kb": max((p.stat().st_size for p in (site / "praktijkvoorbeelden").glob("*/index.html")), default=0)
        // 1024,
        "site": site,
    }


def index_sizes(site: Path) -> dict[str, str]:
    names = ["zoeken/taal.dat", "zoekindex/praktijkvoorbeelden.json", "keuzehulp/adviezen.json", "feed.xml"]
    names += sorted(p.relative_to(site).as_posix() for p in (site / "open-data").glob("*.*"))
    return {name: f"{(site / name).stat().st_size / 1e6:.2f} MB" for name in names if (site / name).exists()}


# How each search shows its results: the project's own (kb-zoeken.js) and plain Material's.
# `shown` is the element that changes when a query's results are shown.
KB_SEARCH = {"open": "button.kb-zoek__open", "box": "#kb-zoek-vraag", "hit": ".kb-zoek__hit", "shown": "#kb-zoek-status"}
MATERIAL_SEARCH = {
    "open": "input.md-search__input",
    "box": "input.md-search__input",
    "hit": ".md-search-result__item",
    "shown": ".md-search-result__list",
}

_FIRST_RESULT = """
selector => {
  document.addEventListener('keydown', () => { window.kbLastKey = performance.now(); }, {capture: true});
  new MutationObserver((_, observer) => {
    if (document.querySelector(selector)) { window.kbFirstResult = performance.now(); observer.disconnect(); }
  }).observe(document, {subtree: true, childList: true});
}
"""


_LATER_RESULT = """(() => {
  window.kbKeyAt = undefined; window.kbDoneAt = undefined;
  document.addEventListener('keydown', () => { window.kbKeyAt = performance.now(); }, {capture: true, once: true});
  const observer = new MutationObserver(() => {
    if (document.querySelector(HIT)) { window.kbDoneAt = performance.now(); observer.disconnect(); }
  });
  observer.observe(document.querySelector(SHOWN), {subtree: true, childList: true, characterData: true});
})()"""


# Response types a web host compresses (gzip) on the wire; Pagefind's own files are gzip inside already.
_COMPRESSED = ("text/", "javascript", "json", "xml", "svg")


def _first_result(browser: Browser, ui: dict[str, str], url: str, query: str | None) -> tuple[float, int, int, float] | None:
    """What a reader with an empty cache meets: open `url`, type `query` in the search (or, without one,
    let the page's `?q=` open it), wait for the first result. Returns the time from navigation start
    to the first result shown (ms), the bytes received until then as served (python's http.server
    does not compress) and as a host that gzips text would send them, and the time from the last
    keystroke to the first result (0 when it came earlier, or nothing was typed)."""
    from playwright.sync_api import TimeoutError

    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.add_init_script(f"({_FIRST_RESULT})({json.dumps(ui['hit'])})")
    try:
        page.goto(url, wait_until="load" if query else "commit")
        if query:
            if ui["open"]:
                page.locator(ui["open"]).click()
            page.locator(ui["box"]).press_sequentially(query)  # key events: Material's search listens to them
        page.wait_for_function("window.kbFirstResult !== undefined", timeout=30000)
    except TimeoutError:
        context.close()
        return None
    at = page.evaluate("window.kbFirstResult")
    after_typing = max(0.0, at - (page.evaluate("window.kbLastKey") or at))
    served = wire = 0
    for request in list(responses):
        sizes = request.sizes()
        response = request.response()
        body = response.body() if response and response.status == 200 else b""
        kind = response.headers.get("content-type", "") if response else ""
        served += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        wire += sizes["responseHeadersSize"] + (
            len(gzip.compress(body)) if body and any(k in kind for k in _COMPRESSED) else sizes["responseBodySize"]
        )
    context.close()
    return at, served, wire, after_typing


def search_timing(site: Path, queries: list[str], ui: dict[str, str]) -> dict[str, float | str]:
    """Measured in headless Chromium, each first query in a fresh browser context (empty cache), in two
    ways a reader starts: typing in the search of a page just opened, and opening a page with `?q=`.
    From navigation start to the first result shown, and the bytes that arrived until then (page, CSS,
    JS, index and all); typing adds the time Playwright takes to click and send the keys, so for it also
    the time from the last keystroke. Each query twice. Later queries: from the last keystroke to the
    updated list."""
    from playwright.sync_api import TimeoutError

    from browser import chromium, serve

    timings: dict[str, float | str] = {}
    with serve(site) as base, chromium() as browser:
        browser.new_context().close()  # the first context of a browser starts slower: not the reader's cost
        for way, url_of in (
            ("typed after opening the home page", lambda q: (base, q)),
            ("opening the home page with ?q=", lambda q: (f"{base}?q={quote(q)}", None)),
        ):
            found = []
            per_query: dict[str, list[float]] = {}
            for query in queries + queries:
                measured = _first_result(browser, ui, *url_of(query))
                if measured is None:
                    timings[f"{way}, '{query}': no result within 30 s"] = "-"
                else:
                    found.append(measured)
                    per_query.setdefault(query, []).append(measured[0])
            if "?q=" in way and per_query:
                timings[f"first result, {way}, per query, fastest / slowest (ms)"] = ", ".join(
                    f"{query} {round(min(times))} / {round(max(times))}" for query, times in per_query.items()
                )
            if found:
                times = sorted(m[0] for m in found)
                timings[f"first result, {way}: median / slowest (ms)"] = f"{round(times[len(times) // 2])} / {round(times[-1])}"
                if "typed" in way:
                    waits = sorted(m[3] for m in found)
                    timings[f"first result, {way}, after the last keystroke: median / slowest (ms)"] = (
                        f"{round(waits[len(waits) // 2])} / {round(waits[-1])}"
                    )
                timings[f"received until then, {way}, largest: as served / gzip on the wire (KB)"] = (
                    f"{round(max(m[1] for m in found) / 1024)} / {round(max(m[2] for m in found) / 1024)}"
                )
        context = browser.new_context()
        page = context.new_page()
        page.goto(base, wait_until="load")
        if ui["open"]:
            page.locator(ui["open"]).click()
        box = page.locator(ui["box"])
        box.press_sequentially(queries[0])
        page.wait_for_selector(ui["hit"], timeout=60000)
        page.wait_for_timeout(500)
        later = []
        for query in queries[1:]:
            box.fill("")
            box.press("Backspace")  # a key event, so Material's search notices the empty box too
            box.press_sequentially(query[:-1])
            page.wait_for_timeout(500)
            # Timed in the page, from the keydown to the DOM change that shows the new results, so the
            # time Playwright takes to send the key and to poll does not count.
            page.evaluate(_LATER_RESULT.replace("SHOWN", json.dumps(ui["shown"])).replace("HIT", json.dumps(ui["hit"])))
            box.press(query[-1])
            try:
                page.wait_for_function("window.kbDoneAt !== undefined", timeout=10000)
            except TimeoutError:
                continue  # no result for this query: already reported above
            later.append(page.evaluate("window.kbDoneAt - window.kbKeyAt"))
        if later:
            later.sort()
            timings["later query, last keystroke to results: median / slowest (ms)"] = (
                f"{round(later[len(later) // 2])} / {round(later[-1])}"
            )
        context.close()
    return timings


def serve_rebuild(project: Path) -> float:
    """Seconds `mkdocs serve` takes to rebuild after an editor saves one entry."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = project / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=ENV,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(log, 1)
        entry = next((project / "praktijkvoorbeelden").glob("*.md"))
        entry.write_text(entry.read_text(encoding="utf-8") + "\nEen extra zin.\n", encoding="utf-8")
        return _wait_for(log, 2)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(log: Path, builds: int, timeout: float = 900) -> float:
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text())
        if len(found) >= builds:
            return float(found[builds - 1])
        time.sleep(0.5)
    raise SystemExit(f"mkdocs serve did not finish build {builds}: {log.read_text()[-2000:]}")


# Rare and common words, a compound, a folded accent: the first result and later queries.
SEARCH_QUERIES = ["dorpsraad", "ideeenmakelaar", "burgerbegroting", "energiecoöperatie", "indianensessies"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 1500, 5000])
    parser.add_argument("--plain", type=int, nargs="*", default=[1000, 1500])
    parser.add_argument(
        "--search",
        type=int,
        nargs="*",
        default=[1000, 5000],
        help="corpus sizes for the search timing, beside Material's search (of --plain or --before)",
    )
    parser.add_argument(
        "--before",
        default="",
        metavar="COMMIT",
        help="also build each size with the project as it was at COMMIT (git archive) and time its "
        "Material search: plain Material at 5,000 entries writes gigabytes of navigation",
    )
    parser.add_argument("--serve", type=int, default=1500, help="corpus size for the serve rebuild (0: skip)")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kb-benchmark-"))
    results: dict[int, BuildStats] = {}
    plain: dict[int, BuildStats] = {}
    searchable_plain: dict[int, Path] = {}
    before: dict[int, Path] = {}
    for size in sorted(set(args.sizes) | set(args.plain)):
        corpus = work / f"corpus-{size}"
        synthetic_corpus(corpus, size)
        project = make_project(work / f"project-{size}", fixture=None)
        shutil.rmtree(project / "praktijkvoorbeelden")
        shutil.copytree(corpus, project / "praktijkvoorbeelden")
        if size in args.sizes:
            results[size] = timed_build(project)
            print(f"project {size}: {json.dumps({k: v for k, v in results[size].items() if k != 'site'})}", flush=True)
        if args.before and size in args.search:
            old = project_at(args.before, work / f"before-{size}", corpus)
            built = timed_build(old)
            print(f"before  {size}: {json.dumps({k: v for k, v in built.items() if k != 'site'})}", flush=True)
            before[size] = built["site"]
        if size in args.plain:
            plain_project = work / f"plain-{size}"
            plain_material(plain_project, corpus)
            plain[size] = timed_build(plain_project)
            print(f"plain   {size}: {json.dumps({k: v for k, v in plain[size].items() if k != 'site'})}", flush=True)
            if size in args.search:
                searchable_plain[size] = plain[size]["site"]
            else:
                shutil.rmtree(plain[size]["site"])

    print("\n## Report")
    for size, result in results.items():
        print(f"\n### {size} praktijkvoorbeelden")
        for key, value in result.items():
            if key != "site":
                print(f"- {key}: {value}")
        if size in plain:
            ratio = result["seconds"] / plain[size]["seconds"]
            print(
                f"- plain Material: {plain[size]['seconds']} s, {plain[size]['peak_mb']} MB peak, "
                f"{plain[size]['site_mb']} MB site, largest page {plain[size]['largest_page']}"
            )
            print(f"- ratio project / plain Material: {ratio:.2f}")
        for name, size_text in index_sizes(result["site"]).items():
            print(f"- {name}: {size_text}")
    sizes = sorted(results)
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        print(
            f"\n- time {large}/{small}: {results[large]['seconds'] / results[small]['seconds']:.2f} "
            f"(linear would be {large / small:.1f}); memory: {results[large]['peak_mb'] / results[small]['peak_mb']:.2f}"
        )
    for size in args.search:
        if size not in results:
            continue
        print(f"\n### Search in headless Chromium at {size} entries")
        for name, site, ui in (
            ("this project (Pagefind + Dutch layer)", results[size]["site"], KB_SEARCH),
            (f"the project at {args.before[:7]} (Material search, tuned)", before.get(size), MATERIAL_SEARCH),
            ("plain Material search", searchable_plain.get(size), MATERIAL_SEARCH),
        ):
            if site is None:
                continue
            for key, value in search_timing(site, SEARCH_QUERIES, ui).items():
                print(f"- {name}, {key}: {value}")
    if args.serve:
        project = work / f"project-{args.serve}"
        if project.exists():
            print(f"\n- mkdocs serve rebuild after editing one entry at {args.serve}: {serve_rebuild(project):.2f} s")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
