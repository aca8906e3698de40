"""Shared builds: each fixture corpus is built once per test run and read by many tests."""

from __future__ import annotations

import pytest

from sitebuilder import BuildResult, build, make_project


@pytest.fixture(scope="session")
def basis_site(tmp_path_factory) -> BuildResult:
    """The small fixture corpus in tests/fixtures/basis, hostile and awkward entries included."""
    result = build(make_project(tmp_path_factory.mktemp("basis")))
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The project's own content, as it will be published."""
    result = build(make_project(tmp_path_factory.mktemp("echt"), fixture=None))
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for the whole run (Playwright allows one sync driver at a time)."""
    from browser import chromium

    with chromium() as running:
        yield running
