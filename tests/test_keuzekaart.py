"""The Keuzemenu as a choice card: each form once with its effort in words, filters, comparison,
shortlist and the printable gesprekskaart; as a board member uses it on a phone and at a desk."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from urllib.parse import parse_qs, urlparse

import pypdf
import pytest

from browser import Watched, clean_reader, serve, watching
from kennisbank_participatie import content, keuzekaart, sections, vocabulary
from kennisbank_participatie.effort import phrases
from kennisbank_participatie.indexes import Indexes
from kennisbank_participatie.problems import ContentError
from kennisbank_participatie.schema import KEUZEMENU, PRAKTIJKVOORBEELD
from sitebuilder import ROOT, commit_dated, make_project

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
FORMS = sorted(p.stem for p in (ROOT / "docs" / "keuzemenu").glob("*.md") if p.name != "index.md")


def card_slugs(html: str) -> list[str]:
    return re.findall(r'<li class="kb-vormkaart" id="vorm-([a-z0-9-]+)"', html)


# ---- Built HTML and data -----------------------------------------------------------------------------


def test_overview_shows_every_form_once_with_its_effort_in_words(real_site):
    html = real_site.page("keuzemenu")
    assert sorted(card_slugs(html)) == FORMS  # each form once, none repeated under every rung
    loaded = content.load(real_site.project).corpus
    for form in loaded.entries[KEUZEMENU.key]:
        card = html.split(f'id="vorm-{form.slug}"')[1].split("</li>", 1)[0]
        effort = form.fields["inzet"]
        level = loaded.vocabularies["inzet"].term(effort.tijd)
        assert f"<strong>Tijd: {level.label.lower()}</strong> — {level.meanings['tijd']}" in card.replace("&#x27;", "'")
        assert "Wie begint?" in card and "Trede:" in card
    # The cards come before the introduction and Emmen's history.
    assert html.index('class="kb-vormkaart"') < html.index('id="waar-komt-het-keuzemenu-vandaan"')
    assert len(html.encode("utf-8")) < 150_000


def test_effort_wording_is_the_same_on_every_page(basis_site):
    loaded = content.load(basis_site.project).corpus
    form = next(f for f in loaded.entries[KEUZEMENU.key] if f.slug == "dorpsraad-of-wijkraad")
    lines = phrases(loaded.vocabularies, form.fields["inzet"])
    assert lines[0] == "Tijd: veel — " + loaded.vocabularies["inzet"].term("veel").meanings["tijd"]
    form_page = basis_site.page("keuzemenu/dorpsraad-of-wijkraad")
    booklet = basis_site.page("keuzemenu/boekje")
    data = json.loads((basis_site.site / "keuzemenu" / "vormen.json").read_text(encoding="utf-8"))
    advice = json.loads((basis_site.site / "keuzehulp" / "adviezen.json").read_text(encoding="utf-8"))
    for line in lines:
        assert line in form_page and line in booklet
    assert next(v for v in data["vormen"] if v["slug"] == form.slug)["inzet"] == list(lines)
    assert advice["paginas"][form.url]["inzet"] == list(lines)
    # The Keuzehulp's question about capacity explains each answer in the same words.
    keuzehulp = basis_site.page("keuzehulp")
    assert "Tijd: " + loaded.vocabularies["inzet"].term("weinig").meanings["tijd"] in keuzehulp


def test_an_effort_level_without_its_meaning_stops_the_build(tmp_path):
    project = make_project(tmp_path)
    path = project / "data" / "vocabulaire.yml"
    text = path.read_text(encoding="utf-8")
    meaning = vocabulary.load(path)["inzet"].term("gemiddeld").meanings["geld"]
    path.write_text(text.replace(f"        geld: {meaning}\n", ""), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        content.load(project)
    assert "data/vocabulaire.yml, veld 'inzet': bij 'gemiddeld' ontbreekt de betekenis voor 'geld'" in str(error.value)


def test_card_quotes_whole_sentences_within_its_budget():
    blocks = [
        {"tekst": "Dat verschilt per gemeente. Een paar voorbeelden:"},
        {"lijst": ["Emmen: een eigen budget. " + "Lang verhaal. " * 40, "Zwijndrecht: een budget."]},
    ]
    assert keuzekaart.shortened(blocks, budget=100) == [{"tekst": "Dat verschilt per gemeente."}]
    short = [{"tekst": "Eén. Twee. Drie."}]
    assert keuzekaart.shortened(short, budget=100) == short
    assert keuzekaart.shortened([{"tekst": "A" * 500}], budget=100) == [{"tekst": "A" * 500}]  # at least one sentence


def test_overview_and_form_data_do_not_grow_with_the_praktijkvoorbeelden(tmp_path):
    checked = content.load(make_project(tmp_path))
    loaded, before = checked.corpus, checked.indexes
    example = next(e for e in loaded.entries[PRAKTIJKVOORBEELD.key] if e.slug == "zwolle-ideeenmakelaar")
    copies = tuple(
        dataclasses.replace(
            example,
            slug=f"kopie-{n}",
            url=f"praktijkvoorbeelden/kopie-{n}/",
            fields={**example.fields, "titel": f"Kopie {n:04d}"},
        )
        for n in range(5000)
    )
    many = dataclasses.replace(
        loaded, entries={**loaded.entries, PRAKTIJKVOORBEELD.key: loaded.entries[PRAKTIJKVOORBEELD.key] + copies}
    )
    after = Indexes(many)
    assert sections.keuzemenu_index(after, "keuzemenu/") == sections.keuzemenu_index(before, "keuzemenu/")
    data = json.loads(keuzekaart.data(after))
    form = next(v for v in data["vormen"] if v["slug"] == "ideeenmakelaar")
    assert form["aantal_voorbeelden"] == 5001 and len(form["voorbeelden"]) == keuzekaart.MAX_EXAMPLES
    assert len(keuzekaart.data(after)) < len(keuzekaart.data(before)) + 1000


# ---- In Chromium ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(real_site, browser):
    with serve(real_site.site) as base:
        yield base, browser


def open_reader(site, viewport) -> Watched:
    base, browser = site
    return watching(browser, base, viewport)


@pytest.fixture
def phone(site):
    base, browser = site
    yield from clean_reader(browser, base, PHONE)


@pytest.fixture
def desktop(site):
    base, browser = site
    yield from clean_reader(browser, base, DESKTOP)


def visible_cards(page) -> list[str]:
    return page.locator(".kb-vormkaart:visible h2").all_inner_texts()


def query(page) -> dict:
    """The URL's state as the page has it now (history.replaceState, read without a race)."""
    return parse_qs(urlparse(page.evaluate("location.href")).query)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_phone_shows_the_first_form_on_the_first_screen(phone):
    page = phone.open("keuzemenu/")
    page.wait_for_selector(".kb-kaartknoppen")
    first = page.locator(".kb-vormkaart h2").first.bounding_box()
    assert first["y"] + first["height"] <= PHONE["height"]
    assert len(visible_cards(page)) == len(FORMS)
    assert page.locator("#kb-vormen-status").inner_text() == f"{len(FORMS)} vormen"
    assert no_sideways_scroll(page)
    assert phone.axe_violations() == []


def test_filters_narrow_the_cards_with_live_counts_and_keep_their_state_in_the_url(phone):
    page = phone.open("keuzemenu/")
    page.locator("#kb-vormfilter summary").click()
    page.get_by_label("Adviseren", exact=True).check()
    adviseren = len(visible_cards(page))
    assert 0 < adviseren < len(FORMS)
    assert page.locator("#kb-vormen-status").inner_text().startswith(f"{adviseren} van de {len(FORMS)} vormen")
    # AND across groups: little time narrows further; the count next to each option follows.
    weinig_tijd = page.locator("#kb-vormfilter input[name=tijd][value=weinig]")
    expected = int(page.locator(f"#{weinig_tijd.get_attribute('id')}-n").inner_text().strip("()"))
    weinig_tijd.check()
    assert len(visible_cards(page)) == expected < adviseren
    for card in page.locator(".kb-vormkaart:visible").all():
        assert "adviseren" in card.get_attribute("data-ladder").split("|") and card.get_attribute("data-tijd") == "weinig"
    assert query(page) == {"ladder": ["adviseren"], "tijd": ["weinig"]}
    # The same URL gives the same view.
    shared = phone.open("keuzemenu/?ladder=adviseren&tijd=weinig")
    assert len(visible_cards(shared)) == expected
    assert "(2 aan)" in shared.locator("#kb-vormfilter summary").inner_text()
    shared.locator("#kb-vormfilter summary").click()
    shared.get_by_role("button", name="Wis filters").click()
    assert len(visible_cards(shared)) == len(FORMS)
    assert query(shared) == {}
    assert phone.axe_violations() == []


def test_filters_that_match_nothing_say_so(phone):
    page = phone.open("keuzemenu/?ladder=informeren&tijd=veel")
    assert visible_cards(page) == []
    assert page.locator("#kb-geen-vormen").is_visible()


def test_without_javascript_the_full_list_shows(site):
    base, browser = site
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base + "keuzemenu/?ladder=adviseren")
    assert len(visible_cards(page)) == len(FORMS)
    assert page.locator("#kb-vormfilter").is_hidden()
    page.goto(base + "keuzemenu/vergelijk/?vorm=klankbordgroep&vorm=expertgroep")
    assert page.get_by_role("link", name="Terug naar het Keuzemenu").is_visible()
    context.close()


def test_compare_two_forms_on_a_phone_and_share_the_link(phone):
    page = phone.open("keuzemenu/")
    page.get_by_label("Vergelijk Klankbordgroep").check()
    page.get_by_label("Vergelijk Expertgroep").check()
    page.locator("#kb-keuzebalk").get_by_role("link", name="Vergelijk").click()
    page.wait_for_selector("#kb-vergelijking .kb-vg-rij")
    assert query(page) == {"vorm": ["klankbordgroep", "expertgroep"]}
    rows = page.locator(".kb-vg-rij h2").all_inner_texts()
    assert rows == [
        "Vorm",
        "Trede",
        "Wie begint?",
        "Wat vraagt het?",
        "Wat biedt de gemeente?",
        "Wanneer past het?",
        "Voorbeelden uit de praktijk",
    ]
    asks = page.locator(".kb-vg-rij").nth(3).inner_text()
    assert "Klankbordgroep" in asks and "Expertgroep" in asks and "Tijd: gemiddeld —" in asks
    assert no_sideways_scroll(page)
    assert phone.axe_violations() == []
    # A third form from the page itself; a fourth is refused.
    page.locator(".kb-kiezer-blok summary").click()
    page.get_by_label("Dialoogtafel", exact=True).check()
    assert query(page)["vorm"] == ["klankbordgroep", "expertgroep", "dialoogtafel"]
    page.get_by_label("Kopgroep", exact=True).click()
    assert not page.get_by_label("Kopgroep", exact=True).is_checked()
    assert "hoogstens drie" in page.locator("#kb-vergelijk-status").inner_text()
    assert no_sideways_scroll(page)


def test_compare_stands_side_by_side_on_a_desktop(desktop):
    page = desktop.open("keuzemenu/vergelijk/?vorm=klankbordgroep&vorm=dorpsraad-of-wijkraad")
    page.wait_for_selector("#kb-vergelijking .kb-vg-cel")
    cells = page.locator(".kb-vg-rij").first.locator(".kb-vg-cel")
    left, right = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert left["y"] == right["y"] and left["x"] < right["x"]
    examples = page.locator(".kb-vg-rij").last
    examples.get_by_role("link").first.click()
    page.wait_for_url("**/praktijkvoorbeelden/**")


def test_shortlist_survives_a_reload_and_a_shared_link_and_prints_one_page(phone, site):
    page = phone.open("keuzemenu/")
    for name in ("Klankbordgroep", "Dorpsraad of wijkraad", "Werkgroep van bewoners"):
        page.get_by_role("button", name=f"Onze keuze: {name}").click()
    assert query(page) == {"keuze": ["klankbordgroep", "dorpsraad-of-wijkraad", "werkgroep-van-bewoners"]}
    page.goto(phone.base + "keuzemenu/")  # a reload without the URL: the browser's storage keeps it
    assert page.get_by_role("button", name="Onze keuze: Klankbordgroep").get_attribute("aria-pressed") == "true"
    assert page.get_by_role("button", name="Onze keuze: Expertgroep").get_attribute("aria-pressed") == "false"
    page.locator("#kb-keuzebalk").get_by_role("link", name="Maak de gesprekskaart").click()
    page.wait_for_selector(".kb-kaart-vorm")
    page.get_by_label("Naam van het project").fill("Nieuw dorpshuis")
    page.get_by_label("Op welke trede gaan jullie staan?").select_option("adviseren")
    assert phone.axe_violations() == []
    shared_url = page.evaluate("location.href")
    assert parse_qs(urlparse(shared_url).query) == {
        "vorm": ["klankbordgroep", "dorpsraad-of-wijkraad", "werkgroep-van-bewoners"],
        "trede": ["adviseren"],
        "project": ["Nieuw dorpshuis"],
    }

    # Another board member, another browser: the link alone brings the same card.
    other = open_reader(site, PHONE)
    try:
        card_page = other.page
        card_page.goto(shared_url)
        card_page.wait_for_selector(".kb-kaart-vorm")
        assert card_page.locator(".kb-kaart-vorm h3").all_inner_texts() == [
            "Klankbordgroep",
            "Dorpsraad of wijkraad",
            "Werkgroep van bewoners",
        ]
        card_page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".kb-kaart-invoer"):
            assert card_page.locator(chrome).first.is_hidden(), chrome
        pdf = pypdf.PdfReader(io.BytesIO(card_page.pdf(format="A4")))
        assert len(pdf.pages) == 1
        printed = " ".join(pdf.pages[0].extract_text().split())
        for expected in (
            "Klankbordgroep",
            "Dorpsraad of wijkraad",
            "Werkgroep van bewoners",
            "Project: Nieuw dorpshuis",
            "Adviseren.",
            "Afspraken",
            "Wie doet het?",
            "Tijd: veel —",
            "Kennisbank Participatie, http://127.0.0.1",
        ):
            assert expected in printed, expected
        assert re.search(r"Gemaakt op \d{1,2} \w+ \d{4}", printed)
        # The link to the overview carries no shortlist of its own: the stored one (from the link) shows.
        card_page.emulate_media(media="screen")
        card_page.goto(other.base + "keuzemenu/")
        assert card_page.get_by_role("button", name="Onze keuze: Werkgroep van bewoners").get_attribute("aria-pressed") == "true"
        assert other.errors == [] and other.foreign == []
    finally:
        other.close()


def test_five_forms_print_on_two_pages_at_most(desktop):
    longest = sorted(
        json.loads(desktop.page.context.request.get(desktop.base + "keuzemenu/vormen.json").text())["vormen"],
        key=lambda v: -len(json.dumps(v["biedt_kort"], ensure_ascii=False)) - len(v["titel"]),
    )
    for count, pages in ((3, 1), (5, 2)):
        query = "&".join(f"vorm={v['slug']}" for v in longest[:count])
        page = desktop.open(f"keuzemenu/gesprekskaart/?{query}")
        page.wait_for_selector(".kb-kaart-vorm")
        page.emulate_media(media="print")
        pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
        assert len(pdf.pages) <= pages, (count, len(pdf.pages))
        printed = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
        assert all(v["titel"] in printed for v in longest[:count])


def test_everything_works_with_the_keyboard(desktop):
    page = desktop.open("keuzemenu/")
    page.wait_for_selector(".kb-kaartknoppen")
    page.locator("#kb-vormfilter summary").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the first rung
    page.keyboard.press("Space")
    assert query(page) == {"ladder": ["informeren"]}
    first = page.locator(".kb-vormkaart:visible").first
    first.get_by_role("checkbox").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('kb-keuzeknop')")
    page.keyboard.press("Enter")
    assert first.get_by_role("button").get_attribute("aria-pressed") == "true"
    assert "Onze keuze: 1 vorm" in page.locator("#kb-keuzebalk").inner_text()
    assert desktop.axe_violations() == []


def test_booklet_has_page_numbers_a_date_line_and_its_contents_on_one_page(desktop):
    page = desktop.open("keuzemenu/boekje/")
    page.emulate_media(media="print")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    first = " ".join(pdf.pages[0].extract_text().split())
    assert f"Pagina 1 van {len(pdf.pages)}" in first
    assert "Stand van de kennisbank:" in first
    assert f"{len(FORMS)}. " in first  # the whole numbered contents is on the first page
    second = " ".join(pdf.pages[1].extract_text().split())
    assert f"Pagina 2 van {len(pdf.pages)}" in second and "1. " in second


def test_keuzehulp_advice_says_what_each_form_asks(phone):
    page = phone.open("keuzehulp/?doel=advies&besluit=gemeente-na-advies&inzet=veel&moment=concept")
    page.wait_for_selector("#kb-advies .kb-inzet")
    assert "Tijd: " in page.locator("#kb-advies .kb-inzet").first.inner_text()


def test_booklet_date_comes_from_the_last_commit(tmp_path):

    from kennisbank_participatie import booklet

    assert booklet.date_line(tmp_path) == booklet.UNKNOWN_DATE  # no git here
    commit_dated(tmp_path, "2024-03-05T12:00:00+00:00")
    assert booklet.date_line(tmp_path) == "Stand van de kennisbank: 5 maart 2024."


HOSTILE = '<img src=x onerror="window.kbXss=1"><script>window.kbXss=2</script>'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from sitebuilder import build

    project = make_project(tmp_path_factory.mktemp("vijandig"))
    form = project / "docs" / "keuzemenu" / "ideeenmakelaar.md"
    text = form.read_text(encoding="utf-8")
    text = re.sub(r"^titel: .*$", f"titel: '{HOSTILE}'", text, count=1, flags=re.M)
    text += f"\n## Wat biedt de gemeente?\n\n{HOSTILE} Tekst blijft.\n"
    form.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.log
    return result


def test_hostile_form_text_never_runs_on_the_card_pages(hostile_site, browser):
    with serve(hostile_site.site) as base:
        reader = Watched(browser, base)
        try:
            pages = [
                "keuzemenu/?keuze=ideeenmakelaar&keuze=__proto__",
                "keuzemenu/vergelijk/?vorm=ideeenmakelaar&vorm=buurt-bestuurt&vorm=constructor",
                "keuzemenu/gesprekskaart/?vorm=ideeenmakelaar&vorm=__proto__&trede=%3Cb%3E&project=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
            ]
            for path in pages:
                page = reader.open(path)
                page.wait_for_timeout(300)
                assert page.evaluate("window.kbXss") is None, path
            assert page.locator(".kb-kaart-vorm h3").all_inner_texts() == [HOSTILE]
            # The offer's text keeps its words; a script's text is dropped, as on the form page.
            assert page.locator(".kb-kaart-vorm p", has_text="Tekst blijft.").inner_text() == "Tekst blijft."
            assert "<img src=x onerror=alert(1)>" in page.locator(".kb-kaart-veld").first.inner_text()
            assert reader.dialogs == [] and reader.errors == [] and reader.foreign == []
        finally:
            reader.close()
