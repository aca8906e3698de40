"""`mkdocs serve` picks up an edited praktijkvoorbeeld (outside docs_dir) without a restart, serves the
site search, and shows the editor's mistakes in the browser while the content cannot be built."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuilder import make_project


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # the error page comes with status 404
        return error.read().decode("utf-8")


def _serve(project: Path) -> tuple[subprocess.Popen[str], str, Path]:
    """The server, its address, and the file its terminal output goes to: what an editor running
    `mkdocs serve` reads. A file, not a pipe: an unread pipe fills up and stalls the server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    output = project.parent / "serve.log"
    with output.open("w", encoding="utf-8") as stream:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=stream,
            stderr=subprocess.STDOUT,
            text=True,
        )
    return server, f"http://127.0.0.1:{port}/", output


def _poll(read: Callable[[], str], text: str, seconds: float) -> str | None:
    """What read() gives once it contains text, or None when time runs out."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            found = read()
        except OSError:  # the server is not listening yet
            found = ""
        if text in found:
            return found
        time.sleep(0.3)
    return None


def _logged(output: Path, text: str, seconds: float = 30) -> str:
    """The server's output once it contains text."""
    log = _poll(lambda: output.read_text(encoding="utf-8"), text, seconds)
    if log is None:
        raise AssertionError(f"{text!r} not in the output of mkdocs serve:\n{output.read_text(encoding='utf-8')}")
    return log


def _wait_for(url: str, text: str, output: Path, seconds: float = 60) -> str:
    """The page at url once it contains text; if it never does, the server's output says why."""
    page = _poll(lambda: _get(url), text, seconds)
    if page is None:
        raise AssertionError(f"{text!r} not served at {url}. Output of mkdocs serve:\n{output.read_text(encoding='utf-8')}")
    return page


def test_serve_reloads_an_edited_entry(tmp_path):
    project = make_project(tmp_path / "project")
    server, base, output = _serve(project)
    try:
        url = f"{base}praktijkvoorbeelden/zwolle-ideeenmakelaar/"
        _wait_for(url, "Zwolle: de ideeënmakelaar", output)
        # serve writes the site search index too, so search works while editing
        assert '"page_count"' in _get(f"{base}pagefind/pagefind-entry.json")
        entry = project / "praktijkvoorbeelden" / "zwolle-ideeenmakelaar.md"
        entry.write_text(
            entry.read_text(encoding="utf-8").replace("Zwolle: de ideeënmakelaar", "Zwolle: de nieuwe titel"), encoding="utf-8"
        )
        html = _wait_for(url, "Zwolle: de nieuwe titel", output)
        assert "Zwolle: de ideeënmakelaar" not in html
        # the overview is rebuilt from the new records too: no stale state between rebuilds
        _wait_for(f"{base}praktijkvoorbeelden/", "Zwolle: de nieuwe titel", output)
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.browser
def test_serve_shows_the_mistakes_in_the_browser_and_recovers_by_itself(tmp_path, browser):
    project = make_project(tmp_path / "project")
    entry = project / "praktijkvoorbeelden" / "zwolle-ideeenmakelaar.md"
    good = entry.read_text(encoding="utf-8")
    # Broken before the server starts: the first build must not end the server.
    entry.write_text(good.replace("jaar: 2012", "jaar: 2099"), encoding="utf-8")
    server, base, output = _serve(project)
    try:
        url = base + "praktijkvoorbeelden/zwolle-ideeenmakelaar/"
        html = _wait_for(url, "kan niet worden gebouwd", output)
        # The terminal names the mistake too, and the server keeps running: no crash, no stop.
        log = _logged(output, "praktijkvoorbeelden/zwolle-ideeenmakelaar.md, regel 5, veld 'jaar'")
        assert "Traceback" not in log and "Aborted" not in log and server.poll() is None, log
        assert "praktijkvoorbeelden/zwolle-ideeenmakelaar.md, regel 5, veld &#x27;jaar&#x27;" in html
        assert "2099" in html and "tot en met" in html
        assert "kan niet worden gebouwd" in _get(base)  # every address shows the mistakes

        page = browser.new_page()
        try:
            page.goto(url)
            assert "veld 'jaar'" in page.locator("#kb-fouten").inner_text()
            entry.write_text(good, encoding="utf-8")
            # The page reloads by itself once the file is fixed.
            page.wait_for_function("document.title.includes('Zwolle')", timeout=60_000)
            assert page.locator("#kb-fouten").count() == 0
            entry.write_text(good.replace('titel: "Zwolle: de ideeënmakelaar"', "titel: [Zwolle"), encoding="utf-8")
            page.wait_for_selector("#kb-fouten", timeout=60_000)
            assert "geen geldige YAML" in page.locator("#kb-fouten").inner_text()
        finally:
            page.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
