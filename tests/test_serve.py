"""`mkdocs serve` picks up an edited praktijkvoorbeeld (outside docs_dir) without a restart, and serves the site search."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from sitebuilder import make_project


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.time() + seconds
    last = ""
    while time.time() < deadline:
        try:
            last = _get(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} not served at {url}")


def test_serve_reloads_an_edited_entry(tmp_path):
    project = make_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/praktijkvoorbeelden/zwolle-ideeenmakelaar/"
        _wait_for(url, "Zwolle: de ideeënmakelaar")
        # serve writes the site search index too, so search works while editing
        assert '"page_count"' in _get(f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json")
        entry = project / "praktijkvoorbeelden" / "zwolle-ideeenmakelaar.md"
        entry.write_text(entry.read_text(encoding="utf-8").replace("Zwolle: de ideeënmakelaar", "Zwolle: de nieuwe titel"),
                         encoding="utf-8")
        html = _wait_for(url, "Zwolle: de nieuwe titel")
        assert "Zwolle: de ideeënmakelaar" not in html
        # the overview is rebuilt from the new records too: no stale state between rebuilds
        _wait_for(f"http://127.0.0.1:{port}/praktijkvoorbeelden/", "Zwolle: de nieuwe titel")
    finally:
        server.terminate()
        server.wait(timeout=30)
