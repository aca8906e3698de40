"""Realistic Dutch questions, typed into the header search of the published site (Pagefind with the
Dutch layer), and what a reader sees and can do with the results."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from browser import Watched, results, search, serve

pytestmark = pytest.mark.browser

QUERIES = [
    # word forms, accents both ways
    ("burgerbegrotingen", "praktijkvoorbeelden/emmen-burgerbegroting/"),
    ("enquete", "keuzemenu/peiling-enquete/"),
    ("enquêtes", "keuzemenu/peiling-enquete/"),
    ("ideeen", "keuzemenu/ideeenmakelaar/"),
    ("energiecoöperatie", "praktijkvoorbeelden/lochem-energiecooperatie/"),
    ("energiecooperatie", "praktijkvoorbeelden/lochem-energiecooperatie/"),
    ("wijkraden", "keuzemenu/dorpsraad-of-wijkraad/"),
    ("mondmasker", "praktijkvoorbeelden/emmen-mmondmaskers/"),
    # compounds both ways: a compound finds its parts, a part finds the compound
    ("burgerinitiatieven", "keuzemenu/inwonerinitiatief-raadsagenda/"),
    ("inwonersinitiatief", "keuzemenu/inwonerinitiatief-raadsagenda/"),
    ("makelaar", "keuzemenu/ideeenmakelaar/"),
    # synonyms from data/synoniemen.yml
    ("dorpsbudget", "keuzemenu/initiatievenfonds/"),
    ("leefbaarheidsbudget", "keuzemenu/initiatievenfonds/"),
    ("vragenlijsten", "keuzemenu/peiling-enquete/"),
    ("jeugd", "praktijkvoorbeelden/appingedam-jongerenparticipatie/"),
    # several words: most words matched first, title and summary above body
    ("jongeren betrekken", "praktijkvoorbeelden/appingedam-jongerenparticipatie/"),
    ("gekozen dorpsraad", "praktijkvoorbeelden/zwijndrecht-gekozen-dorpsraad-heerjansdam/"),
    ("loketten afgeschaft", "praktijkvoorbeelden/molenwaard-gemeente-zonder-gemeentehuis/"),
    ("ideeenmakelaar Zwolle", "praktijkvoorbeelden/zwolle-ideeenmakelaar/"),
    ("burgerbegroting Emmerhout", "praktijkvoorbeelden/emmen-burgerbegroting/"),
    ("Sudwest Fryslan", "praktijkvoorbeelden/sudwest-fryslan-kernenfonds/"),
    ("maatschappelijk aanbesteden", "praktijkvoorbeelden/maassluis-maatschappelijk-aanbesteden/"),
    ("right to challenge", "keuzemenu/uitdaagrecht/"),
    # a name written with euro signs for its e's ('Id€€ voor mijn buurt')
    ("idee voor mijn buurt", "keuzemenu/idee-voor-mijn-buurt/"),
    # one typo in a long word
    ("particpatieverordening", "toolbox/participatieverordening/"),
    ("kernenfons", "toolbox/kernenfonds/"),
    # rare words, deep in the body
    ("indianensessies", "praktijkvoorbeelden/zwolle-ideeenmakelaar/"),
    ("noaberschap", "praktijkvoorbeelden/berkelland-samen-anders/"),
    ("Meitinkers", "praktijkvoorbeelden/boarnsterhim-meitinkers/"),
    ("Singelpark", "praktijkvoorbeelden/leiden-singelpark/"),
    ("bodemdaling", "praktijkvoorbeelden/emmen-bodemdaling-nieuw-amsterdam/"),
]


@pytest.fixture(scope="module")
def reader(real_site, browser):
    with serve(real_site.site) as base:
        watched = Watched(browser, base)
        watched.open("")
        yield watched
        assert watched.foreign == [] and watched.errors == []
        watched.close()


def _path(url: str) -> str:
    return url.split("?")[0].split("#")[0].split("/", 3)[3]


@pytest.mark.parametrize("query, expected", QUERIES)
def test_query_puts_the_right_entry_in_the_top_three(reader, query, expected):
    hits = search(reader.page, query)
    assert expected in [_path(hit) for hit in hits[:3]], (query, [_path(hit) for hit in hits[:5]])


def test_results_show_kind_place_year_and_a_highlighted_snippet(reader):
    page = reader.page
    search(page, "Singelpark")
    first = page.locator(".kb-zoek__hit").first
    assert re.fullmatch(r"Praktijkvoorbeeld · Leiden · \d{4}", first.locator(".kb-zoek__feiten").inner_text())
    assert "Singelpark" in first.locator(".kb-zoek__titel mark").first.inner_text()
    search(page, "burgerbegrotingen")
    marks = page.locator(".kb-zoek__tekst mark").all_inner_texts()
    assert any(m.lower().startswith("burgerbegroting") for m in marks), marks
    assert "kbzoektermen" not in page.locator("#kb-zoek-resultaten").inner_text()


def test_results_can_be_narrowed_by_kind(reader):
    page = reader.page
    search(page, "burgerbegroting")
    everything = page.locator(".kb-zoek__feiten").all_inner_texts()
    assert {text.split(" · ")[0] for text in everything} >= {"Praktijkvoorbeeld", "Vorm uit het Keuzemenu"}
    page.get_by_label("Vormen").check()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.kb-zoek__feiten')].every(p => p.textContent === 'Vorm uit het Keuzemenu')"
    )
    assert page.locator("#kb-zoek-resultaten a").first.evaluate("a => a.href").endswith("keuzemenu/burgerbegroting/")
    page.get_by_label("Alles").check()


def test_no_result_says_so_and_offers_near_words_and_the_overview(reader):
    page = reader.page
    search(page, "qqbudget")  # two letters too many: too far for a typo, near enough to suggest
    assert page.locator("#kb-zoek-status").inner_text() == "Geen resultaten voor ‘qqbudget’."
    suggestion = page.get_by_role("button", name="budget", exact=True)
    overview = page.get_by_role("link", name="Bekijk alle praktijkvoorbeelden")
    assert overview.get_attribute("href").endswith("/praktijkvoorbeelden/")
    suggestion.click()
    assert results(page, "‘budget’")


def test_a_very_long_query_searches_its_first_ten_words_and_says_so(reader):
    words = ["budget"] + [f"woord{'x' * (n % 7)}{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}" for n in range(400)]
    page = reader.open("?q=" + quote(" ".join(words)))
    page.wait_for_function(
        "() => document.getElementById('kb-zoek-status').textContent.endsWith('Alleen de eerste 10 woorden zijn gezocht.')"
    )
    status = page.locator("#kb-zoek-status").inner_text()
    assert status.split(" ")[0].isdigit() and len(status) < 300, status  # results for 'budget'; the query quoted short
    assert "‘budget woord" in status and "…’" in status


def test_keyboard_only(reader):
    page = reader.open("over/")
    page.keyboard.press("/")
    box = page.locator("#kb-zoek-vraag")
    assert box.evaluate("el => el === document.activeElement")
    page.keyboard.type("kernenfonds", delay=20)
    results(page, "‘kernenfonds’")
    links = page.locator("#kb-zoek-resultaten a")
    page.keyboard.press("ArrowDown")
    assert links.nth(0).evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowDown")
    assert links.nth(1).evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert box.evaluate("el => el === document.activeElement")
    # Chromium fires a dialog's close event a task later; reopened before that, a busy machine saw it close again.
    page.evaluate(
        "() => { window.kbClosed = new Promise(done =>"
        " document.querySelector('dialog.kb-zoek__dialoog').addEventListener('close', done, {once: true})); }"
    )
    page.keyboard.press("Escape")
    assert page.locator("dialog.kb-zoek__dialoog").is_hidden()
    page.evaluate("() => window.kbClosed")
    page.keyboard.press("s")
    page.wait_for_function("() => document.activeElement === document.getElementById('kb-zoek-vraag')")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('#kb-zoek-resultaten a')")
    target = page.evaluate("() => document.activeElement.getAttribute('href')")
    with page.expect_navigation(url=re.compile(re.escape(target.strip("/").split("/")[-1]))):
        page.keyboard.press("Enter")


def test_results_are_announced_and_the_dialog_is_accessible(reader):
    page = reader.open("")
    search(page, "jongeren betrekken")
    status = page.locator("#kb-zoek-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert re.fullmatch(r"\d+ resultaten voor ‘jongeren betrekken’\..*", status.inner_text())
    assert page.get_by_role("dialog", name="Zoeken in de kennisbank").is_visible()
    assert page.get_by_label("Zoekwoorden").is_visible()
    assert reader.axe_violations() == []


def test_any_page_opened_with_q_opens_the_search(reader):
    page = reader.open("toolbox/?q=burgerbegrotingen")
    results(page, "‘burgerbegrotingen’")
    assert page.locator("dialog.kb-zoek__dialoog").is_visible()
    assert page.locator("#kb-zoek-vraag").input_value() == "burgerbegrotingen"
    assert (
        _path(page.locator("#kb-zoek-resultaten a").first.evaluate("a => a.href")) == "praktijkvoorbeelden/emmen-burgerbegroting/"
    )


def test_the_engine_is_fetched_once_each_file_and_only_the_scripts_a_page_uses(browser, real_site):
    with serve(real_site.site) as base, Watched(browser, base) as watched:
        asked: list[str] = []
        watched.page.on("request", lambda request: asked.append(request.url))
        page = watched.open("over/?q=budget")
        results(page, "‘budget’")
        engine = [url for url in asked if "/pagefind/" in url and "/fragment/" not in url or "/zoeken/" in url]
        assert len(engine) == len(set(engine)), engine  # what is fetched early is what Pagefind uses, not fetched twice
        assert not [url for url in asked if "-ui" in url or "worker" in url]
        # A page without a filter, Keuzehulp or Keuzemenu does not download their scripts.
        assert not [url for url in asked if url.endswith(("/filter.js", "/keuzehulp.js", "/keuzekaart.js"))]
        # Material fetches sitemap.xml, as large as the site, for every link[rel=alternate] (main.html).
        page.wait_for_load_state("networkidle")
        assert not [url for url in asked if url.endswith("sitemap.xml")]
        search(page, "ze")  # two letters: searched once the typing pauses
        assert page.locator("#kb-zoek-status").inner_text().endswith(" voor ‘ze’.")
        assert watched.errors == [] and watched.foreign == []


def test_pagefind_gets_its_files_unpacked_and_other_fetches_are_left_alone(reader):
    page = reader.open("?q=budget")
    results(page, "‘budget’")
    heads = page.evaluate(
        """async () => {
            const index = [...document.querySelectorAll('link[rel=preload]')].map(l => l.href).find(h => h.endsWith('.pf_meta'));
            const head = async url => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer()).slice(0, 12));
            return {meta: await head(index), language: await head('zoeken/taal.dat')};
        }"""
    )
    assert bytes(heads["meta"]) == b"pagefind_dcd"  # Pagefind's signature: unpacked by the browser's own gzip
    assert heads["language"][:2] == [0x1F, 0x8B]  # outside Pagefind's folder: as served


MATERIAL_AT_FIRST_RESULT = """new MutationObserver(() => {
    if (window.kbMaterialAtFirst === undefined && document.querySelector('#kb-zoek-resultaten a'))
        window.kbMaterialAtFirst = Boolean(window.document$);
}).observe(document, {subtree: true, childList: true});"""


def _material_has_set_up_the_page(page) -> bool:
    """Material's own script at work: scrolled down and a little up, the header casts a shadow and the
    back-to-top button shows."""
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)
    page.wait_for_function("() => !document.querySelector('.md-top').hidden")
    return "md-header--shadow" in (page.locator(".md-header").get_attribute("class") or "")


def test_a_page_opened_with_q_runs_materials_script_after_the_first_results(browser, real_site):
    with serve(real_site.site) as base, Watched(browser, base) as watched:
        page = watched.page
        page.add_init_script(MATERIAL_AT_FIRST_RESULT)
        watched.open("?q=kernenfonds")
        results(page, "‘kernenfonds’")
        assert page.evaluate("window.kbMaterialAtFirst") is False
        page.wait_for_function("() => window.document$ !== undefined")
        page.keyboard.press("Escape")
        assert _material_has_set_up_the_page(page)
        # Run once: the parser's script element held back, one copy added (closing the dialog adds none).
        assert page.locator('script[src*="/javascripts/bundle."][type="text/kb-wacht"]').count() == 1
        assert page.locator('script[src*="/javascripts/bundle."]:not([type])').count() == 1
        assert watched.errors == [] and watched.foreign == []


def test_a_page_without_q_runs_materials_script_as_it_is_read(browser, real_site):
    with serve(real_site.site) as base, Watched(browser, base) as watched:
        page = watched.page
        page.add_init_script(
            "document.addEventListener('DOMContentLoaded', () => { window.kbMaterialAtLoad = Boolean(window.document$); })"
        )
        watched.open("")
        assert page.evaluate("window.kbMaterialAtLoad") is True
        assert page.locator('script[type="text/kb-wacht"]').count() == 0
        assert _material_has_set_up_the_page(page)
        assert watched.errors == [] and watched.foreign == []


def test_materials_script_runs_even_when_the_search_never_arrives(browser, real_site):
    with serve(real_site.site) as base, Watched(browser, base) as watched:
        page = watched.page
        page.route("**/assets/kb-zoeken.js", lambda route: route.abort())
        watched.open("?q=kernenfonds")
        assert page.evaluate("window.document$ === undefined")  # waiting for results that do not come
        page.wait_for_function("() => window.document$ !== undefined", timeout=10000)
        assert _material_has_set_up_the_page(page)


def test_the_best_results_show_before_the_pages_below_them_have_arrived(browser, real_site):
    with serve(real_site.site) as base, Watched(browser, base) as watched:
        page = watched.page
        passed: list[str] = []
        held: list = []  # the text of every result page below the best three, held back by the "network"

        def best_then_hold(route):
            if len(passed) < 3:
                passed.append(route.request.url)
                route.continue_()
            else:
                held.append(route)

        page.route("**/pagefind/fragment/*", best_then_hold)
        watched.open("?q=burgerbegroting")
        page.wait_for_selector("#kb-zoek-resultaten li")
        page.wait_for_timeout(300)
        shown = page.locator("#kb-zoek-resultaten li")
        assert shown.count() == 3 and len(held) >= 2  # the best three together, the others not yet here
        assert page.locator("#kb-zoek-resultaten").get_attribute("aria-busy") == "true"
        assert re.fullmatch(r"\d+ resultaten voor ‘burgerbegroting’\.", page.locator("#kb-zoek-status").inner_text())
        for route in held:
            route.continue_()
        page.wait_for_function("() => !document.getElementById('kb-zoek-resultaten').hasAttribute('aria-busy')")
        assert shown.count() == len(passed) + len(held) == 10
        assert watched.errors == []


def test_hostile_queries_stay_text(reader):
    page = reader.page
    for query in ("<img src=x onerror=alert(1)>", '"; alert(1); //', "a" * 300, "((((", "\\"):
        search(page, query)
    assert reader.dialogs == []
    assert page.locator("#kb-zoek-resultaten img").count() == 0
