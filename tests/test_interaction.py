"""Clicking and typing as a reader does: the overview's filter, the Keuzehulp and the search box."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest

from browser import Watched, search, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(basis_site, browser):
    with serve(basis_site.site) as base:
        yield base, browser


@pytest.fixture
def reader(site):
    base, browser = site
    watched = Watched(browser, base)
    yield watched
    assert watched.errors == []
    assert watched.foreign == []
    watched.close()


def shown(page) -> list[str]:
    return page.locator("#kb-filter-resultaten li a").all_inner_texts()


def count_of(page, label: str) -> str:
    """The count next to a filter option, found by the option's label as a reader sees it."""
    return page.locator("li", has=page.get_by_label(label, exact=True)).locator(".kb-rij").inner_text()


def test_filter_on_rung_province_and_text(reader):
    page = reader.open("praktijkvoorbeelden/")
    page.wait_for_selector("#kb-filter-resultaten li")
    assert page.locator("#kb-overzicht-tabel").is_hidden()
    assert len(shown(page)) == 5
    page.get_by_label("Meebeslissen", exact=True).check()  # the vocabulary's label, not the raw value
    assert page.locator("#kb-filter-status").inner_text() == "2 praktijkvoorbeelden gevonden"
    assert shown(page) == ["Rotterdam: Buurt Bestuurt", "Zwijndrecht: gekozen dorpsraad in Heerjansdam"]
    assert parse_qs(urlparse(page.url).query) == {"ladder": ["meebeslissen"]}
    # OR within a facet, AND across facets
    page.get_by_label("Coproduceren", exact=True).check()
    assert len(shown(page)) == 3
    page.get_by_label("Zuid-Holland", exact=True).check()
    assert len(shown(page)) == 2
    assert count_of(page, "Overijssel") == "(1)"  # Zwolle, with the rung filter
    page.get_by_label("Zoek in titel, gemeente, samenvatting en thema").fill("rotter")
    assert shown(page) == ["Rotterdam: Buurt Bestuurt"]
    page.get_by_role("button", name="Wis filters").click()
    assert len(shown(page)) == 5
    assert urlparse(page.url).query == ""
    assert reader.axe_violations() == []  # the live filter controls too
    page.get_by_role("link", name="Zwolle: de ideeënmakelaar").click()
    page.wait_for_url("**/praktijkvoorbeelden/zwolle-ideeenmakelaar/")


def test_filtered_view_is_shared_by_url_and_downloaded(reader):
    page = reader.open("praktijkvoorbeelden/?ladder=meebeslissen&themas=lokale+democratie")
    page.wait_for_selector("#kb-filter-resultaten li")
    assert shown(page) == ["Zwijndrecht: gekozen dorpsraad in Heerjansdam"]
    assert page.get_by_label("Meebeslissen", exact=True).is_checked()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download deze selectie (CSV)").click()
    raw = open(download.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [r["slug"] for r in rows] == ["zwijndrecht-dorpsraad"]
    assert rows[0]["url"].endswith("/praktijkvoorbeelden/zwijndrecht-dorpsraad/")


def test_filter_with_keyboard_only(reader):
    page = reader.open("praktijkvoorbeelden/")
    page.wait_for_selector("#kb-filter-resultaten li")
    page.get_by_label("Zoek in titel, gemeente, samenvatting en thema").focus()
    page.keyboard.press("Tab")  # the first group's heading, which folds it
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    page.keyboard.press("Tab")  # the first checkbox: informeren
    page.keyboard.press("Space")
    assert shown(page) == ['<script>window.kbXss=1</script></title><img src=x onerror="window.kbXss=2"> Aanvalstest']
    assert page.evaluate("window.kbXss") is None


def _answer(page, choices):
    for question, answer in choices.items():
        page.locator(f"#kh-{question}-{answer}").check()
    page.get_by_role("button", name="Toon advies").click()
    return page.locator("#kb-advies")


def test_keuzehulp_answers_differently_and_links_to_forms(reader):
    page = reader.open("keuzehulp/")
    page.wait_for_selector("#kb-keuzehulp:not([hidden])")
    assert page.locator("fieldset legend").count() >= 3
    advice = _answer(page, {"doel": "weten", "besluit": "gemeente-alleen", "inzet": "weinig", "moment": "klaar"})
    assert "Ons advies: informeren" in advice.inner_text()
    page = reader.open("keuzehulp/")
    page.wait_for_selector("#kb-keuzehulp:not([hidden])")
    advice = _answer(page, {"doel": "zelf", "besluit": "inwoners", "inzet": "veel", "moment": "idee"})
    assert "Ons advies: meebeslissen" in advice.inner_text()
    assert reader.axe_violations() == []
    advice.get_by_role("link", name="Buurt Bestuurt", exact=True).click()
    page.wait_for_url("**/keuzemenu/buurt-bestuurt/")


def test_keuzehulp_result_is_shared_by_url(reader):
    page = reader.open("keuzehulp/?doel=advies&besluit=gemeente-na-advies&inzet=veel&moment=concept")
    page.wait_for_selector("#kb-advies h2")
    assert page.locator("#kb-advies h2").inner_text() == "Ons advies: adviseren"
    assert page.locator("#kh-doel-advies").is_checked()


def test_keuzehulp_without_javascript_explains_the_ladder(site):
    base, browser = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "keuzehulp/")
    assert page.locator("#kb-keuzehulp").is_hidden()
    assert page.get_by_role("link", name="Keuzemenu").first.is_visible()
    assert "De participatieladder in het kort" in page.locator("article").inner_text()
    context.close()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("ideeenmakelaar", "praktijkvoorbeelden/zwolle-ideeenmakelaar/"),
        ("ideeënmakelaar", "praktijkvoorbeelden/zwolle-ideeenmakelaar/"),
        ("gekozen dorpsraad", "praktijkvoorbeelden/zwijndrecht-dorpsraad/"),
        ("Heerjansdam", "praktijkvoorbeelden/zwijndrecht-dorpsraad/"),
    ],
)
def test_search_box_finds_the_entry_in_the_top_three(reader, query, expected):
    page = reader.open("")
    hits = search(page, query)
    assert any(hit.split("?")[0].endswith(expected) for hit in hits[:3]), hits[:5]


def test_booklet_prints_every_form_on_a4_without_site_chrome(reader, basis_site):
    page = reader.open("keuzemenu/boekje/")
    forms = sorted(p.stem for p in (basis_site.project / "docs" / "keuzemenu").glob("*.md") if p.name != "index.md")
    assert (
        sorted(s.get_attribute("aria-labelledby").removeprefix("vorm-") for s in page.locator("section.kb-vorm").all()) == forms
    )
    assert page.locator(".kb-inhoud li").count() == len(forms)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".kb-zoek"):
        assert page.locator(chrome).first.is_hidden(), chrome
    breaks = page.locator("section.kb-vorm").evaluate_all("s => s.map(e => getComputedStyle(e).breakBefore)")
    assert set(breaks) == {"page"}
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) >= len(forms) + 1  # contents, then a page per form


def test_downloaded_selection_runs_no_formula(reader):
    page = reader.open("praktijkvoorbeelden/?ladder=informeren")
    page.wait_for_selector("#kb-filter-resultaten li")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download deze selectie (CSV)").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert [r["slug"] for r in rows] == ["aanval-test"]
    assert rows[0]["samenvatting"].startswith("'=HYPERLINK(")
    assert '"quote", komma' in rows[0]["samenvatting"]


def test_search_shows_a_hostile_entry_as_text(reader):
    page = reader.open("")
    search(page, "Aanvalstest")
    title = page.locator(".kb-zoek__titel").first.inner_text()
    assert title.startswith("<script>window.kbXss=1</script>") and title.endswith("Aanvalstest")
    assert "Test&amp;stad" in page.locator(".kb-zoek__feiten").first.inner_text()
    assert page.evaluate("window.kbXss") is None and reader.dialogs == []
