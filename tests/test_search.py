"""Realistic Dutch questions, typed into the header search box of the published site."""

from __future__ import annotations

import pytest

from browser import Watched, search, serve

pytestmark = pytest.mark.browser

QUERIES = [
    ("gekozen dorpsraad", "praktijkvoorbeelden/zwijndrecht-gekozen-dorpsraad-heerjansdam/"),
    ("loketten afgeschaft", "praktijkvoorbeelden/molenwaard-gemeente-zonder-gemeentehuis/"),
    ("energiecoöperatie", "praktijkvoorbeelden/lochem-energiecooperatie/"),
    ("energiecooperatie", "praktijkvoorbeelden/lochem-energiecooperatie/"),
    ("ideeenmakelaar Zwolle", "praktijkvoorbeelden/zwolle-ideeenmakelaar/"),
    ("burgerbegroting Emmerhout", "praktijkvoorbeelden/emmen-burgerbegroting/"),
    ("kernenfonds", "praktijkvoorbeelden/sudwest-fryslan-kernenfonds/"),
    ("Sudwest Fryslan", "praktijkvoorbeelden/sudwest-fryslan-kernenfonds/"),
    ("Singelpark", "praktijkvoorbeelden/leiden-singelpark/"),
    ("bodemdaling", "praktijkvoorbeelden/emmen-bodemdaling-nieuw-amsterdam/"),
    ("maatschappelijk aanbesteden", "praktijkvoorbeelden/maassluis-maatschappelijk-aanbesteden/"),
    ("mondmaskers", "praktijkvoorbeelden/emmen-mmondmaskers/"),
    ("noaberschap", "praktijkvoorbeelden/berkelland-samen-anders/"),
    ("Meitinkers", "praktijkvoorbeelden/boarnsterhim-meitinkers/"),
]


@pytest.fixture(scope="module")
def reader(real_site, browser):
    with serve(real_site.site) as base:
        watched = Watched(browser, base)
        watched.open("")
        yield watched
        watched.close()


@pytest.mark.parametrize("query, expected", QUERIES)
def test_query_puts_the_right_entry_in_the_top_three(reader, query, expected):
    hits = search(reader.page, query)
    assert any(hit.split("?")[0].split("#")[0].endswith(expected) for hit in hits[:3]), (query, hits[:5])
