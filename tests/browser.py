"""Headless Debian chromium driven by Playwright, against a built site served on loopback."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """Silent when the browser drops a connection mid-answer (a page closed while its files still arrive)."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler, path: str = "/"):
    """The built site on a free loopback port; `path` is where the handler serves it (a sub-path like GitHub Pages')."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Watched:
    """A page whose requests to other hosts are blocked and recorded, with its console errors."""

    def __init__(self, browser, base: str):
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.base = base
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        host = urlparse(base).netloc
        self.context.route("**/*", self._route(host))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)

    def _route(self, host):
        def handle(route):
            url = route.request.url
            if urlparse(url).netloc != host and not url.startswith(("data:", "blob:")):
                self.foreign.append(url)
                return route.abort()
            return route.continue_()

        return handle

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str):
        self.page.goto(self.base + path, wait_until="load")
        return self.page

    def axe_violations(self, impacts=("serious", "critical")) -> list[str]:
        self.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        result = self.page.evaluate(
            """async () => await axe.run(document, {runOnly: {type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"]
            if v["impact"] in impacts
        ]

    def close(self):
        self.context.close()

    def __enter__(self) -> Watched:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def watching(browser, base: str, viewport: dict | None = None) -> Watched:
    """A Watched page at a viewport, for `with`: closed however the test ends."""
    watched = Watched(browser, base)
    if viewport:
        watched.page.set_viewport_size(viewport)
    return watched


def clean_reader(browser, base: str, viewport: dict) -> Iterator[Watched]:
    """For a fixture: a Watched page at a viewport that, after the test, must have logged no error
    and asked no other host; closed however the test ends."""
    with watching(browser, base, viewport) as reader:
        yield reader
        assert reader.errors == [] and reader.foreign == []


QUOTED_LENGTH = 80  # the status line quotes a longer query by its start (kb-zoeken.js)


def search(page, query: str) -> list[str]:
    """Open the header search and type as a reader does; the result links, best first (results())."""
    box = page.locator("#kb-zoek-vraag")
    if not box.is_visible():
        page.locator(".kb-zoek__open").click()  # the header button; a page may have a search form of its own
    box.fill("")
    page.wait_for_function("document.getElementById('kb-zoek-status').textContent === ''")
    box.press_sequentially(query, delay=20)
    shown = query.strip()
    if len(shown) > QUOTED_LENGTH:
        shown = shown[:QUOTED_LENGTH] + "…"
    return results(page, f"\u2018{shown}\u2019")


def results(page, words: str) -> list[str]:
    """The result links, best first, once the status line names these words and the list is complete:
    results show one by one, and the list is aria-busy until the last has arrived."""
    page.wait_for_function(
        "q => document.getElementById('kb-zoek-status').textContent.includes(q)"
        " && !document.getElementById('kb-zoek-resultaten').hasAttribute('aria-busy')",
        arg=words,
        timeout=10000,
    )
    return page.locator("#kb-zoek-resultaten a").evaluate_all("links => links.map(a => a.href)")
