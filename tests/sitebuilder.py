"""Projects from the project's code and a fixture corpus: built with the real MkDocs, or put through the content gate."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kennisbank_participatie import content
from kennisbank_participatie.problems import ContentError

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


def project_with(tmp_path: Path, files: dict[str, str]) -> Path:
    """The fixture project with these files (path relative to the project -> text) added or replaced."""
    project = make_project(tmp_path / "project")
    for rel, text in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


def content_problems(project: Path) -> list[str]:
    """Every mistake the content gate reports in a project that must not pass it, one line each."""
    with pytest.raises(ContentError) as caught:
        content.load(project)
    return [str(problem) for problem in caught.value.problems]


def assert_reported(project: Path, expected: list[str]) -> None:
    """The content gate refuses the project with exactly these mistakes, in this order: each contains its text."""
    problems = content_problems(project)
    assert len(problems) == len(expected) and all(text in problem for text, problem in zip(expected, problems)), problems


def build(project: Path, *extra: str, env: dict[str, str] | None = None) -> BuildResult:
    """env: extra environment variables, e.g. SITE_URL as the publishing workflow sets it. Without
    it the build never inherits a SITE_URL from the shell, so every run builds the same site."""
    site = project / "site"
    environment = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env={**environment, **(env or {})},
    )
    return BuildResult(project, site, result.returncode, result.stdout + result.stderr)


def commit_dated(folder: Path, when: str) -> None:
    """A git repository in `folder` with one empty commit made at `when` (ISO 8601), for the dates the build reads."""
    env = {
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
        "HOME": str(folder),
    }
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", "x"], cwd=folder, check=True, env=env)
