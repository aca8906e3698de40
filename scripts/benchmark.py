#!/usr/bin/env python3
"""Benchmark: build time, memory and sizes at 1,000 to 5,000 praktijkvoorbeelden, against plain Material.

Generates synthetic but valid corpora from the real entries (copies with varied titles,
municipalities and years), builds each with this project, and builds a plain mkdocs-material
site of the same Markdown (automatic navigation, search) in the same run. Prints a report.

Usage: python scripts/benchmark.py [--sizes 1000 5000] [--plain 1000 1500] [--search 1500] [--serve 1500]
"""

from __future__ import annotations

import argparse
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sitebuilder import make_project  # noqa: E402

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
            text = re.sub(r"^titel: (['\"]?)(.*?)\1$", lambda m: f'titel: "{m.group(2).replace(chr(34), "")} ({variant})"',
                          text, count=1, flags=re.M)
            text = re.sub(r"^jaar: (\d{4})$", lambda m: f"jaar: {2000 + (int(m.group(1)) + variant) % 25}", text, count=1, flags=re.M)
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
        encoding="utf-8")


def timed_build(project: Path) -> dict:
    site = project / "site"
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), "--quiet"],
                               cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    output = process.stdout.read().decode()
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
        "largest_entry_kb": max((p.stat().st_size for p in (site / "praktijkvoorbeelden").glob("*/index.html")), default=0) // 1024,
        "site": site,
    }


def index_sizes(site: Path) -> dict[str, str]:
    names = ["search/search_index.json", "zoekindex/praktijkvoorbeelden.json", "keuzehulp/adviezen.json", "feed.xml"]
    names += sorted(p.relative_to(site).as_posix() for p in (site / "open-data").glob("*.*"))
    return {name: f"{(site / name).stat().st_size / 1e6:.2f} MB" for name in names if (site / name).exists()}


def first_search_bytes(site: Path) -> int:
    """What a reader downloads before the first search result: the page, its CSS and JS, the search worker and index."""
    home = (site / "index.html").read_text(encoding="utf-8")
    assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', home)
    worker = re.search(r'"search": "([^"]+)"', home)
    files = [site / "index.html", site / "search" / "search_index.json"] + [site / a for a in assets]
    if worker:
        files.append(site / worker.group(1))
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    files += [lunr / "lunr.stemmer.support.min.js", lunr / "lunr.nl.min.js"]
    return sum(f.stat().st_size for f in files if f.exists())


_FIRST_RESULT = """
new MutationObserver((_, observer) => {
  if (document.querySelector('.md-search-result__item')) { window.kbFirstResult = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, childList: true});
"""


def search_timing(site: Path, queries: list[str]) -> dict[str, float]:
    """Measured in the page itself: from opening the page (navigation start) to the first result shown
    after the query is typed; later queries from the last keystroke to the updated result list."""
    from browser import chromium, serve

    timings: dict[str, float] = {}
    with serve(site) as base, chromium() as browser:
        firsts = []
        for query in queries:
            page = browser.new_page()
            page.add_init_script(_FIRST_RESULT)
            page.goto(base, wait_until="load")
            page.locator("input.md-search__input").click()
            page.locator("input.md-search__input").fill(query)
            page.wait_for_function("window.kbFirstResult !== undefined", timeout=60000)
            firsts.append(page.evaluate("window.kbFirstResult"))
            page.close()
        timings["first result after opening the page, slowest of the queries (ms)"] = round(max(firsts))
        page = browser.new_page()
        page.goto(base, wait_until="load")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(queries[0])
        page.wait_for_selector(".md-search-result__item", timeout=60000)
        for query in queries[1:]:
            box.fill(query[:-1])
            page.wait_for_timeout(500)
            before = page.locator(".md-search-result__meta").inner_text()
            top = page.locator(".md-search-result__item a").first.get_attribute("href") if page.locator(".md-search-result__item").count() else ""
            start = time.perf_counter()
            box.press(query[-1])
            page.wait_for_function(
                "([meta, top]) => { const m = document.querySelector('.md-search-result__meta');"
                " const a = document.querySelector('.md-search-result__item a');"
                " return m && (m.innerText !== meta || (a && a.getAttribute('href') !== top)); }",
                arg=[before, top], timeout=10000, polling=5)
            timings[f"later query '{query}', last keystroke to results (ms)"] = round((time.perf_counter() - start) * 1000)
    return timings


def serve_rebuild(project: Path) -> float:
    """Seconds `mkdocs serve` takes to rebuild after an editor saves one entry."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = project / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=ENV, stdout=out, stderr=subprocess.STDOUT)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 1500, 5000])
    parser.add_argument("--plain", type=int, nargs="*", default=[1000, 1500])
    parser.add_argument("--search", type=int, default=1500, help="corpus size for the search timing (0: skip)")
    parser.add_argument("--serve", type=int, default=1500, help="corpus size for the serve rebuild (0: skip)")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kb-benchmark-"))
    results: dict[int, dict] = {}
    plain: dict[int, dict] = {}
    for size in sorted(set(args.sizes) | set(args.plain)):
        corpus = work / f"corpus-{size}"
        synthetic_corpus(corpus, size)
        project = make_project(work / f"project-{size}", fixture=None)
        shutil.rmtree(project / "praktijkvoorbeelden")
        shutil.copytree(corpus, project / "praktijkvoorbeelden")
        if size in args.sizes:
            results[size] = timed_build(project)
            print(f"project {size}: {json.dumps({k: v for k, v in results[size].items() if k != 'site'})}", flush=True)
        if size in args.plain:
            plain_project = work / f"plain-{size}"
            plain_material(plain_project, corpus)
            plain[size] = timed_build(plain_project)
            print(f"plain   {size}: {json.dumps({k: v for k, v in plain[size].items() if k != 'site'})}", flush=True)
            shutil.rmtree(plain[size]["site"])

    print("\n## Report")
    for size, result in results.items():
        print(f"\n### {size} praktijkvoorbeelden")
        for key in ("seconds", "peak_mb", "site_mb", "pages", "largest_page", "largest_entry_kb"):
            print(f"- {key}: {result[key]}")
        if size in plain:
            ratio = result["seconds"] / plain[size]["seconds"]
            print(f"- plain Material: {plain[size]['seconds']} s, {plain[size]['peak_mb']} MB peak, "
                  f"{plain[size]['site_mb']} MB site, largest page {plain[size]['largest_page']}")
            print(f"- ratio project / plain Material: {ratio:.2f}")
        for name, size_text in index_sizes(result["site"]).items():
            print(f"- {name}: {size_text}")
        print(f"- bytes before the first search result: {first_search_bytes(result['site']) / 1e6:.2f} MB")
    sizes = sorted(results)
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        print(f"\n- time {large}/{small}: {results[large]['seconds'] / results[small]['seconds']:.2f} "
              f"(linear would be {large / small:.1f}); memory: {results[large]['peak_mb'] / results[small]['peak_mb']:.2f}")
    if args.search and args.search in results:
        timings = search_timing(results[args.search]["site"], ["dorpsraad", "ideeenmakelaar", "burgerbegroting", "energiecoöperatie"])
        print(f"\n### Search in headless Chromium at {args.search} entries")
        for key, value in timings.items():
            print(f"- {key}: {value}")
    if args.serve:
        project = work / f"project-{args.serve}"
        if project.exists():
            print(f"\n- mkdocs serve rebuild after editing one entry at {args.serve}: {serve_rebuild(project):.2f} s")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
