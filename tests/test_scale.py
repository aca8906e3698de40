"""A larger generated corpus: long lists are paginated or capped, so no page grows with the corpus."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest

from kennisbank_participatie import content
from linkcheck import dead_links
from sitebuilder import ROOT, build, make_project

COPIES = 130


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("groot"))
    source = (project / "praktijkvoorbeelden" / "zwolle-ideeenmakelaar.md").read_text(encoding="utf-8")
    for number in range(COPIES):
        text = source.replace('titel: "Zwolle: de ideeënmakelaar"', f'titel: "Zwolle: kopie {number:03d}"')
        text = text.replace("gerelateerd: []", "")
        (project / "praktijkvoorbeelden" / f"kopie-{number:03d}.md").write_text(
            text.replace("status: lopend", "status: lopend\ngerelateerd: [zwolle-ideeenmakelaar]"), encoding="utf-8"
        )
    result = build(project)
    assert result.returncode == 0, result.log
    return result


def rows(html: str) -> int:
    return len(re.findall(r'<td><a href="', html))


def test_overview_is_paginated(large_site):
    total = COPIES + 5
    first, second = large_site.page("praktijkvoorbeelden"), large_site.page("praktijkvoorbeelden/pagina-2")
    assert rows(first) == 100 and rows(second) == total - 100
    assert 'href="pagina-2/"' in first and "Praktijkvoorbeelden (pagina 2 van 2)" in second


def test_form_page_is_capped_and_continues_in_its_catalogue(large_site):
    form = large_site.page("keuzemenu/ideeenmakelaar")
    assert "Praktijkvoorbeelden met deze vorm (131)" in form
    assert form.count('class="kb-rij">Zwolle · Overijssel') == 50
    assert 'href="../../catalogus/vorm/ideeenmakelaar/">Bekijk alle 131 praktijkvoorbeelden met deze vorm</a>' in form
    first = large_site.page("catalogus/vorm/ideeenmakelaar")
    second = large_site.page("catalogus/vorm/ideeenmakelaar/pagina-2")
    assert first.count("<li><a") + second.count("<li><a") >= 131


def test_related_list_is_capped(large_site):
    html = large_site.page("praktijkvoorbeelden/zwolle-ideeenmakelaar")
    assert "Verwante praktijkvoorbeelden (130)" in html
    assert len(re.findall(r'href="\.\./kopie-\d+/"', html)) == 50


def test_pages_stay_light_and_links_lead_somewhere(large_site):
    sizes = {p.relative_to(large_site.site).as_posix(): p.stat().st_size for p in large_site.site.rglob("*.html")}
    assert max(sizes.values()) < 300_000, max(sizes.items(), key=lambda item: item[1])
    assert [link for link in dead_links(large_site.site) if not link.startswith("/praktijkvoorbeelden/aanval-test/")] == []


def test_sources_page_is_capped_and_continues_in_a_catalogue(large_site):
    page = large_site.page("bronnen")
    assert 'href="../catalogus/bron/gemeente-gemeenschap/">Alle 131 bekijken</a>' in page
    first = large_site.page("catalogus/bron/gemeente-gemeenschap")
    second = large_site.page("catalogus/bron/gemeente-gemeenschap/pagina-2")
    assert first.count("<li><a") + second.count("<li><a") >= 131


def test_the_benchmark_runs_and_measures_valid_corpora(tmp_path):
    """scripts/benchmark.py starts (its imports resolve as in CI), and the synthetic corpus it times passes
    the content gate, so its figures are of a site that builds."""
    started = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "benchmark.py"), "--help"], capture_output=True, text=True, check=False
    )
    assert started.returncode == 0, started.stderr
    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    assert spec and spec.loader
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    project = make_project(tmp_path / "p", fixture=None)  # the real content, as the benchmark builds it
    benchmark.synthetic_corpus(project / "praktijkvoorbeelden", 150)
    loaded = content.load(project).corpus
    assert len(loaded.entries["praktijkvoorbeeld"]) == 150
