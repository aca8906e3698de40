"""In headless Chromium, as a reader sees it: pages render, nothing injected runs, no other host
is asked, and axe-core finds no serious or critical WCAG 2.1 AA violation."""

from __future__ import annotations

import pytest

from browser import Watched, serve

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "praktijkvoorbeeld": "praktijkvoorbeelden/zwijndrecht-dorpsraad/",
    "overzicht": "praktijkvoorbeelden/",
    "provincie-kaart": "catalogus/provincie/",
    "facetpagina": "catalogus/provincie/zuid-holland/",
    "thema": "catalogus/thema/leefbaarheid/",
    "trede": "participatieladder/meebeslissen/",
    "ladder": "participatieladder/",
    "keuzemenu": "keuzemenu/",
    "vorm": "keuzemenu/dorpsraad-of-wijkraad/",
    "boekje": "keuzemenu/boekje/",
    "toolbox": "toolbox/",
    "instrument": "toolbox/vijf-lessen-kernendemocratie/",
    "keuzehulp": "keuzehulp/",
    "open-data": "open-data/",
    "toegankelijkheid": "over/toegankelijkheid/",
    "oude-beschrijving": "praktijkvoorbeelden/zwolle-ideeenmakelaar/",
    "bronnen": "bronnen/",
    "begrippen": "begrippen/",
    "onderbouwing": "catalogus/onderbouwing/",
    "nieuwste-eerst": "catalogus/thema/leefbaarheid/nieuwste/",
    "404": "404.html",
}


@pytest.fixture(scope="module")
def site(basis_site, browser):
    with serve(basis_site.site) as base:
        yield base, browser


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_page_type_is_accessible_and_self_contained(site, name):
    base, browser = site
    watched = Watched(browser, base)
    try:
        page = watched.open(PAGE_TYPES[name])
        assert page.locator("h1").count() == 1
        assert watched.axe_violations() == []
        assert watched.foreign == []
        assert watched.errors == []
    finally:
        watched.close()


def test_injected_script_never_runs(site):
    base, browser = site
    watched = Watched(browser, base)
    try:
        page = watched.open("praktijkvoorbeelden/aanval-test/")
        page.hover("text=Tekst blijft staan.")
        page.click("text=Tekst blijft staan.")
        page.wait_for_timeout(200)
        assert page.evaluate("window.kbXss") is None
        assert watched.dialogs == []
        assert watched.foreign == []  # an editor's image from another host is not fetched
        assert "Aanvalstest" in page.locator("h1").inner_text()
        assert "<script>" in page.locator("h1").inner_text()  # shown as text, not run
    finally:
        watched.close()


REAL_PAGES = [
    "",
    "praktijkvoorbeelden/",
    "praktijkvoorbeelden/haarlemmermeer-dorps-en-wijkraden/",
    "praktijkvoorbeelden/sudwest-fryslan-kernenfonds/",
    "praktijkvoorbeelden/emmen-burgerbegroting/",
    "catalogus/provincie/",
    "catalogus/gemeente/emmen/",
    "participatieladder/",
    "participatieladder/meebeslissen/",
    "keuzemenu/",
    "keuzemenu/dorpsraad-of-wijkraad/",
    "keuzemenu/boekje/",
    "toolbox/",
    "toolbox/participatierollen-haarlemmermeer/",
    "toolbox/bestuurscommissie/",
    "keuzehulp/",
    "open-data/",
    "praktijkvoorbeelden/almere-de-wierden-bewonersbeheer/",
    "bronnen/",
    "begrippen/",
    "catalogus/onderbouwing/",
]


@pytest.fixture(scope="module")
def published(real_site, browser):
    with serve(real_site.site) as base:
        yield base, browser


@pytest.mark.parametrize("path", REAL_PAGES)
def test_published_pages_are_accessible(published, path):
    base, browser = published
    watched = Watched(browser, base)
    try:
        watched.open(path)
        assert watched.axe_violations() == []
        assert watched.foreign == [] and watched.errors == []
    finally:
        watched.close()
