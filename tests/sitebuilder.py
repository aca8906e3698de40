"""Build the real site, with the real MkDocs, from the project's code and a fixture corpus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT = ("praktijkvoorbeelden", "docs/keuzemenu", "docs/toolbox", "docs/participatieladder")


@dataclass
class BuildResult:
    project: Path
    site: Path
    returncode: int
    log: str

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def make_project(target: Path, fixture: str | None = "basis") -> Path:
    """The project's code and static pages, with the content of a fixture (or of the project)."""
    target.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", ".venv", "site", ".git", "node_modules")
    for name in ("mkdocs.yml", "hooks", "overrides", "data", "docs"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    if fixture is None:
        shutil.copytree(ROOT / "praktijkvoorbeelden", target / "praktijkvoorbeelden")
        return target
    for folder in CONTENT:
        path = target / folder
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True, exist_ok=True)
        fixture_folder = FIXTURES / fixture / folder
        if fixture_folder.exists():
            shutil.copytree(fixture_folder, path, dirs_exist_ok=True)
    return target


def build(project: Path, *extra: str, env: dict[str, str] | None = None) -> BuildResult:
    """env: extra environment variables, e.g. SITE_URL as the publishing workflow sets it. Without
    it the build never inherits a SITE_URL from the shell, so every run builds the same site."""
    site = project / "site"
    environment = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), *extra],
        cwd=project, capture_output=True, text=True, env={**environment, **(env or {})},
    )
    return BuildResult(project, site, result.returncode, result.stdout + result.stderr)
