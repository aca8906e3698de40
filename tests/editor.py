"""The web editor (Decap CMS at /admin/) with its pinned local backend, against a copy of the project."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from browser import serve
from sitebuilder import ROOT

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_project(target: Path) -> Path:
    """The project as an editor's clone holds it (never the worktree itself), with node_modules linked."""
    ignore = shutil.ignore_patterns("__pycache__", ".venv", "site", ".git", "node_modules", ".pytest_cache")
    shutil.copytree(ROOT, target, ignore=ignore)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def build_site(project: Path, port: int) -> Path:
    env = {**os.environ, "DECAP_SERVER_PORT": str(port), "NO_MKDOCS_2_WARNING": "1"}
    site = project.parent / f"{project.name}-site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@contextmanager
def decap_server(project: Path, port: int):
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(project), "LOG_LEVEL": "warn"}
    process = subprocess.Popen(
        ["node", str(DECAP_SERVER)], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.time() + 30
        while True:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/v1", data=b'{"action":"info"}', headers={"Content-Type": "application/json"}
                )
                urllib.request.urlopen(request, timeout=2).read()
                break
            except OSError:
                if time.time() > deadline or process.poll() is not None:
                    raise AssertionError("decap-server did not start")
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


class EditorPage:
    """A browser tab on /admin/ that records every request to a host other than the site and the backend."""

    def __init__(self, browser, site_url: str, backend_url: str, viewport=None):
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.site_url = site_url
        allowed = {urlparse(site_url).netloc, urlparse(backend_url).netloc}
        self.foreign: list[str] = []
        self.errors: list[str] = []

        def handle(route):
            url = route.request.url
            if urlparse(url).netloc not in allowed and not url.startswith(("data:", "blob:")):
                self.foreign.append(url)
                return route.abort()
            return route.continue_()

        self.context.route("**/*", handle)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.blocked: list[str] = []  # what the page's Content-Security-Policy stopped
        self.page.on("console", lambda message: "Content Security Policy" in message.text and self.blocked.append(message.text))

    def open(self, fragment: str = ""):
        self.page.goto(self.site_url + "admin/" + fragment, wait_until="load")
        return self.page

    def close(self):
        self.context.close()


@contextmanager
def editor_session(tmp: Path, extra: tuple[Path, ...] = ()):
    """A copy of the project (plus `extra` praktijkvoorbeelden), its site built for the local backend,
    the site served and decap-server running."""
    project = copy_project(tmp / "kloon")
    for path in extra:
        shutil.copy2(path, project / "praktijkvoorbeelden" / path.name)
    port = free_port()
    site = build_site(project, port)
    with decap_server(project, port) as backend_url, serve(site) as site_url:
        yield project, site_url, backend_url
