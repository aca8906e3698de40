"""A first-time visitor finds their way: the start page by role, the navigation, the overview on a
phone, the Dutch 404 page (also below a sub-path, as on GitHub Pages) and pages that fit a phone."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import frontmatter
import pytest
import yaml
from test_browser import PAGE_TYPES
from test_site import article, parse

from browser import QuietHandler, clean_reader, results, serve, watching
from linkcheck import dead_links
from sitebuilder import FIXTURES, ROOT, build, make_project

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SUB_PATH = "/kennisbank/"
PUBLISHED_AT = "https://voorbeeld.nl" + SUB_PATH


def fixture_entries() -> list[dict]:
    folder = FIXTURES / "basis" / "praktijkvoorbeelden"
    return [frontmatter.loads(p.read_text(encoding="utf-8-sig")).metadata for p in sorted(folder.glob("*.md"))]


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


# --- The start page ---------------------------------------------------------------------------


def test_start_page_has_a_real_title_and_role_cards(basis_site):
    html = basis_site.page("")
    body = article(html)
    assert re.search(r"<h1[^>]*>Kennisbank Participatie", body)
    assert ">Home<" not in html
    assert re.search(r"<a href=\"\.\" class=\"md-tabs__link\">\s*Start\s*</a>", html)
    cards = body[body.index('<div class="grid cards">') :]
    cards = re.sub(r"</?abbr[^>]*>", "", cards)  # the glossary explains 'EOP' in a tooltip
    expected = {
        "Ik werk bij een gemeente": ["praktijkvoorbeelden/", "toolbox/", "participatieladder/"],
        "Ik zit in het bestuur van een dorps- of wijkvereniging (EOP)": ["keuzemenu/", "keuzehulp/", "participatieladder/"],
        "Ik ben raadslid": ["catalogus/provincie/", "participatieladder/", "keuzemenu/"],
    }
    for title, targets in expected.items():
        start = cards.index(f">{title}<")
        card = cards[start : cards.index("</li>\n</ul>", start)]
        assert re.findall(r'<a href="([^"#]+)">', card) == targets, title


def test_start_page_numbers_and_newest_come_from_the_build(basis_site):
    entries = fixture_entries()
    municipalities = {name for e in entries for name in as_list(e["gemeente"])}
    forms = [p for p in (FIXTURES / "basis" / "docs" / "keuzemenu").glob("*.md") if p.name != "index.md"]
    tools = [p for p in (FIXTURES / "basis" / "docs" / "toolbox").glob("*.md") if p.name != "index.md"]
    body = article(basis_site.page(""))
    assert (
        f"De kennisbank heeft nu {len(entries)} praktijkvoorbeelden uit {len(municipalities)} gemeenten, "
        f"{len(forms)} vormen in het Keuzemenu en {len(tools)} instrumenten in de toolbox."
    ) in body
    newest = body[body.index('<ul class="kb-lijst kb-nieuwste">') :]
    newest = newest[: newest.index("</ul>")]
    years = [int(year) for year in re.findall(r"· (\d{4})</span>", newest)]
    assert years == sorted((e["jaar"] for e in entries), reverse=True)[: len(years)] and len(years) == 5
    assert "Gesorteerd op het jaar van het voorbeeld" in body
    assert f"Bekijk alle {len(entries)} praktijkvoorbeelden" in body


def test_start_page_without_its_placeholder_stops_the_build_with_a_dutch_message(tmp_path):
    project = make_project(tmp_path / "project")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace('<div id="kb-start-collectie"></div>', ""), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert 'docs/index.md: de regel <div id="kb-start-collectie"></div> ontbreekt' in result.log


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_search_box_on_the_start_page_opens_the_site_search(basis_site, browser, viewport):
    with serve(basis_site.site) as base, watching(browser, base, viewport) as watched:
        page = watched.open("")
        page.evaluate("window.kbSamePage = true")  # gone if the page loads again
        page.get_by_role("searchbox", name="Zoek in de kennisbank").fill("Heerjansdam")
        page.keyboard.press("Enter")
        hits = results(page, "Heerjansdam")
        assert page.evaluate("window.kbSamePage") and page.get_by_role("dialog", name="Zoeken in de kennisbank").is_visible()
        assert any("praktijkvoorbeelden/zwijndrecht-dorpsraad/" in hit for hit in hits[:3]), hits
        assert watched.errors == [] and watched.foreign == []


@pytest.mark.browser
def test_search_box_on_the_start_page_works_without_scripts(basis_site, browser):
    with serve(basis_site.site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base)
        page.get_by_role("searchbox", name="Zoek in de kennisbank").fill("Heerjansdam")
        page.keyboard.press("Enter")
        page.wait_for_url("**/?q=Heerjansdam")  # the page that opens with these words, once scripts run
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_role_card_leads_an_eop_board_member_to_the_keuzemenu(basis_site, browser, viewport):
    with serve(basis_site.site) as base, watching(browser, base, viewport) as watched:
        page = watched.open("")
        card = page.locator(".grid.cards > ul > li", has_text="dorps- of wijkvereniging (EOP)")
        assert card.is_visible()
        card.get_by_role("link", name="Kies een vorm uit het Keuzemenu").click()
        page.wait_for_url("**/keuzemenu/")
        assert page.locator("h1").inner_text() == "Keuzemenu"


# --- Navigation -------------------------------------------------------------------------------


def _primary_nav(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary')
    return html[start : html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


def test_navigation_has_tabs_and_the_two_ladders_as_separate_groups(basis_site):
    html = basis_site.page("participatieladder/meebeslissen")
    assert 'class="md-tabs"' in html
    nav = _primary_nav(html)
    ladder = (
        nav[nav.index(">\n      De participatieladder") :]
        if ">\n      De participatieladder" in nav
        else nav[nav.index("De participatieladder") :]
    )
    ladder, trap = ladder.split("De overheidsparticipatietrap", 1)
    for rung in ("Informeren", "Raadplegen", "Adviseren", "Coproduceren", "Meebeslissen"):
        assert rung in ladder and rung not in trap
    for rung in ("Reguleren", "Regisseren", "Stimuleren", "Faciliteren", "Loslaten"):
        assert rung in trap and rung not in ladder


@pytest.mark.browser
def test_two_ladders_show_under_their_own_heading_in_the_sidebar(basis_site, browser):
    with serve(basis_site.site) as base, watching(browser, base, DESKTOP) as watched:
        page = watched.open("participatieladder/reguleren/")
        assert page.locator(".md-tabs").is_visible()
        groups = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
            '.md-sidebar--primary li.md-nav__item--section')].map(li => [
            li.querySelector(':scope > label, :scope > .md-nav__link').innerText.trim(),
            [...li.querySelectorAll(':scope > nav > ul > li > a.md-nav__link')].map(a => a.innerText.trim())]))""")
        assert groups["De participatieladder"] == ["Informeren", "Raadplegen", "Adviseren", "Coproduceren", "Meebeslissen"]
        assert groups["De overheidsparticipatietrap"] == ["Reguleren", "Regisseren", "Stimuleren", "Faciliteren", "Loslaten"]
        assert page.get_by_text("De overheidsparticipatietrap", exact=True).first.is_visible()
        watched.page.set_viewport_size(PHONE)
        assert page.locator(".md-tabs").is_hidden()  # on a phone the menu button opens the navigation
        page = watched.open("participatieladder/reguleren/")
        page.locator(".md-header label[for=__drawer]").click()
        page.wait_for_timeout(400)

        def on_screen(selector):  # the drawer stacks its levels: only what is on top is seen
            return page.evaluate(
                """selector => [...document.querySelectorAll(selector)].filter(e => {
                const r = e.getBoundingClientRect();
                const hit = r.width && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                return hit && e.contains(hit);
            }).map(e => e.innerText.trim())""",
                selector,
            )

        titles = on_screen(".md-sidebar--primary .md-nav__title")
        assert "De overheidsparticipatietrap" in titles, titles
        rungs = on_screen(".md-sidebar--primary .md-nav__link")  # the current page's is a label
        assert rungs == ["Reguleren", "Regisseren", "Stimuleren", "Faciliteren", "Loslaten"], rungs


def test_no_link_to_an_empty_facet_value_or_a_dead_end(basis_site):
    assert [link for link in dead_links(basis_site.site) if not link.startswith("/praktijkvoorbeelden/aanval-test/")] == []
    for page in basis_site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # a link whose words end in a count of nothing: "Reguleren (0)"
        assert not re.search(r"<a [^>]*>[^<]*</a>\s*(<span[^>]*>)?\(0\)", html), page
        assert "Catalogus" not in html, page  # one name per place: the praktijkvoorbeelden
        assert "Per vorm uit het Keuzemenu" not in html, page
    for facet in ("provincie", "thema", "trede", "overheidsrol", "gemeente"):
        for folder in (basis_site.site / "catalogus" / facet).iterdir():
            if folder.is_dir():
                assert "0 praktijkvoorbeelden" not in (folder / "index.html").read_text(encoding="utf-8"), folder
    assert not (basis_site.site / "catalogus" / "overheidsrol" / "reguleren").exists()
    assert "Nog geen praktijkvoorbeelden: Reguleren" in basis_site.page("catalogus/overheidsrol")


def test_no_english_in_the_chrome(basis_site):
    for page in basis_site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for english in (
            "Made with",
            "Material for MkDocs",
            'aria-label="Header"',
            'aria-label="Footer"',
            'aria-label="Tabs"',
            "404 - Not found",
        ):
            assert english not in html, (page, english)
        assert not re.search(r'(>[^<]*|title="[^"]*)\brepository', html, re.I), page  # in words, not class names
        assert '<html lang="nl"' in html


def test_plain_pages_show_their_title_once(basis_site):
    # A plain page's '# Title' stays its h1; it used to become an h2 below Material's own h1.
    for url, title in (("open-data", "Open data"), ("over", "Over deze kennisbank"), ("", "Kennisbank Participatie")):
        body = article(basis_site.page(url))
        assert len(re.findall(r"<h1\b", body)) == 1 and f">{title}<" in body.split("</h1>")[0] + "<", url
        assert not re.search(rf"<h2[^>]*>{title}<", body), url


def _toc(html: str) -> list[str]:
    start = html.index('<nav class="md-nav md-nav--secondary"')
    return re.findall(r'<a href="#([^"]+)" class="md-nav__link">', html[start : html.index("</nav>\n", start)])


def test_table_of_contents_lists_the_generated_headings(basis_site):
    toc = _toc(basis_site.page("praktijkvoorbeelden/zwijndrecht-dorpsraad"))
    assert {"vormen", "instrumenten", "gerelateerd", "bronnen"} <= set(toc), toc
    assert {"praktijkvoorbeelden", "instrumenten"} <= set(_toc(basis_site.page("keuzemenu/dorpsraad-of-wijkraad")))
    assert "praktijkvoorbeelden-op-deze-trede" in _toc(basis_site.page("participatieladder/meebeslissen"))
    assert "overzicht-overheidsrol" in _toc(basis_site.page("participatieladder"))
    keuzemenu = _toc(basis_site.page("keuzemenu"))
    assert [anchor for anchor in keuzemenu if anchor.startswith("kaart-")], keuzemenu  # one line per form card
    booklet = _toc(basis_site.page("keuzemenu/boekje"))
    forms = sorted(p.stem for p in (FIXTURES / "basis" / "docs" / "keuzemenu").glob("*.md") if p.name != "index.md")
    assert [f"vorm-{slug}" for slug in forms] == [anchor for anchor in booklet if anchor.startswith("vorm-")]
    assert (
        "¶" not in basis_site.page("praktijkvoorbeelden/zwijndrecht-dorpsraad").split("md-nav--secondary")[1].split("</nav>")[0]
    )


@pytest.mark.browser
def test_table_of_contents_shows_and_follows_generated_headings(basis_site, browser):
    with serve(basis_site.site) as base, watching(browser, base, DESKTOP) as watched:
        page = watched.open("praktijkvoorbeelden/zwijndrecht-dorpsraad/")
        toc = page.locator(".md-sidebar--secondary")
        toc.get_by_role("link", name="Bronnen").click()
        page.wait_for_url("**#bronnen")
        assert page.locator("#bronnen").is_visible()


# --- The 404 page, at the root and below a sub-path ---------------------------------------------


def test_404_page_is_dutch_with_search_and_sections(basis_site):
    html = (basis_site.site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Deze pagina bestaat niet</h1>" in html
    tags = parse(article(html))
    assert ("input", {"type": "search", "id": "kb-zoekvak-q", "name": "q", "autocomplete": "off"}) in tags
    assert any(tag == "form" and attrs.get("method") == "get" for tag, attrs in tags)
    for section in ("praktijkvoorbeelden/", "keuzemenu/", "keuzehulp/", "participatieladder/", "toolbox/"):
        assert f'href="/{section}"' in html


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    """The fixture corpus as the Pages workflow builds it: with the address it publishes to."""
    result = build(make_project(tmp_path_factory.mktemp("gepubliceerd")), env={"SITE_URL": PUBLISHED_AT})
    assert result.returncode == 0, result.log
    return result


class _PagesHandler(QuietHandler):
    """Like GitHub Pages: the site below SUB_PATH, and its 404.html for every missing address."""

    def translate_path(self, path):
        return super().translate_path("/" + path.split("?")[0].removeprefix(SUB_PATH))

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_below_sub_path(site: Path):
    return serve(site, _PagesHandler, SUB_PATH)


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_404_keeps_its_style_and_links_below_a_sub_path(published_site, browser, viewport):
    with serve_below_sub_path(published_site.site) as base, watching(browser, base, viewport) as watched:
        page = watched.page
        missing = base + "dit/adres/bestaat/niet/"
        failed: list[str] = []
        page.on("response", lambda r: r.status >= 400 and r.url != missing and failed.append(r.url))
        response = page.goto(missing, wait_until="load")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Deze pagina bestaat niet"
        # Material's stylesheet and ours are loaded: the header is coloured, the search box styled.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
        assert page.evaluate("getComputedStyle(document.querySelector('.kb-zoekvak__rij')).display") == "flex"
        assert watched.axe_violations() == []
        page.locator("article").get_by_role("link", name="Praktijkvoorbeelden").click()
        page.wait_for_url(base + "praktijkvoorbeelden/")
        assert page.locator("h1").inner_text() == "Praktijkvoorbeelden"
        page.go_back()
        page.get_by_role("searchbox", name="Zoek in de kennisbank").fill("Heerjansdam")
        page.keyboard.press("Enter")  # searches right here, with the engine below the sub-path
        assert results(page, "Heerjansdam")
        assert failed == []  # every stylesheet, script and the search index found below the sub-path
        assert [e for e in watched.errors if "status of 404" not in e] == [] and watched.foreign == []


# --- site_url: full addresses only when the site knows where it lives ----------------------------


def test_exports_carry_full_addresses_only_when_the_site_url_is_known(basis_site, published_site):
    def csv_urls(site):
        text = (site.site / "open-data" / "praktijkvoorbeelden.csv").read_text(encoding="utf-8-sig")
        return [row["url"] for row in csv.DictReader(io.StringIO(text), delimiter=";")]

    def feed_links(site):
        tree = ET.fromstring((site.site / "feed.xml").read_bytes())
        return [link.get("href") for link in tree.iter("{http://www.w3.org/2005/Atom}link")]

    assert all(url.startswith(PUBLISHED_AT + "praktijkvoorbeelden/") for url in csv_urls(published_site))
    assert all(link.startswith(PUBLISHED_AT) for link in feed_links(published_site))
    assert all(url.startswith("praktijkvoorbeelden/") for url in csv_urls(basis_site))  # not '/...': wrong below a sub-path
    assert not any(link.startswith(("/", "http")) for link in feed_links(basis_site))


def test_pages_workflow_publishes_with_its_own_address():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["publiceer"]["steps"]
    pages = next(step for step in steps if step.get("uses", "").startswith("actions/configure-pages@"))
    build_step = next(step for step in steps if "mkdocs build" in step.get("run", ""))
    assert build_step["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % pages["id"]
    assert steps.index(pages) < steps.index(build_step)
    assert "site_url: !ENV [SITE_URL, null]" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


# --- The overview of praktijkvoorbeelden on a phone ---------------------------------------------


@pytest.fixture(scope="module")
def fixture_site(basis_site):
    with serve(basis_site.site) as base:
        yield base


@pytest.fixture
def phone(fixture_site, browser):
    yield from clean_reader(browser, fixture_site, PHONE)


@pytest.fixture
def desktop(fixture_site, browser):
    yield from clean_reader(browser, fixture_site, DESKTOP)


@pytest.fixture(params=["phone", "desktop"])
def reader(request):
    """The same test on a phone and at a desk."""
    return request.getfixturevalue(request.param)


def _overview(reader, query: str = ""):
    """The overview of praktijkvoorbeelden, once its filter has listed the results."""
    page = reader.open(f"praktijkvoorbeelden/{query}")
    page.wait_for_selector("#kb-filter-resultaten li")
    return page


def _results(page) -> list[str]:
    return page.locator("#kb-filter-resultaten li a").all_inner_texts()


@pytest.mark.browser
def test_overview_on_a_phone_folds_the_groups_and_jumps_to_the_results(phone):
    page = _overview(phone)
    toggles = page.locator(".kb-facet__kop")
    assert toggles.count() >= 4
    for i in range(toggles.count()):
        assert toggles.nth(i).get_attribute("aria-expanded") == "false"
        assert toggles.nth(i).bounding_box()["height"] < 60  # one line per group
    assert page.get_by_label("Meebeslissen", exact=True).is_hidden()
    first = page.locator("#kb-filter-resultaten li").first.bounding_box()
    assert first["y"] < 2 * PHONE["height"], first  # within the first two screens
    assert phone.axe_violations() == []

    toggles.filter(has_text="Trede").click()  # open on tap
    assert toggles.filter(has_text="Trede").get_attribute("aria-expanded") == "true"
    page.get_by_label("Meebeslissen", exact=True).check()
    jump = page.get_by_role("button", name="Toon 2 voorbeelden")
    box = jump.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]  # stays in view while choosing
    assert "1 gekozen" in toggles.filter(has_text="Trede").inner_text()  # the folded line says what is chosen
    jump.click()
    page.wait_for_timeout(300)
    status = page.locator("#kb-filter-status").bounding_box()
    assert 0 <= status["y"] < PHONE["height"] / 2
    assert page.locator("#kb-filter-resultaten li").first.is_visible()
    assert page.evaluate("document.activeElement.id") == "kb-filter-status"
    assert phone.axe_violations() == []


@pytest.mark.browser
def test_overview_on_a_desktop_shows_every_group_open_without_the_jump_button(desktop):
    page = _overview(desktop)
    assert page.get_by_label("Meebeslissen", exact=True).is_visible()
    assert page.locator("#kb-toon").is_hidden()
    assert page.locator(".kb-facet__kop").first.get_attribute("aria-expanded") == "true"


@pytest.mark.browser
def test_each_result_shows_summary_rungs_and_year(reader):
    page = _overview(reader, "?tekst=Heerjansdam")
    item = page.locator("#kb-filter-resultaten li")
    assert item.count() == 1
    text = item.inner_text()
    assert "Zwijndrecht · Zuid-Holland · 2018" in text
    zwijndrecht = next(e for e in fixture_entries() if e["titel"].startswith("Zwijndrecht"))
    assert " ".join(zwijndrecht["samenvatting"].split()[:6]) in " ".join(text.split())
    assert "Trede: Adviseren, Meebeslissen" in text  # labels, not raw values
    assert "Rol van de overheid: Faciliteren" in text


@pytest.mark.browser
def test_sort_by_year_newest_first_or_by_title(desktop):
    from kennisbank_participatie.textutil import fold

    entries = fixture_entries()
    by_title = [e["titel"] for e in sorted(entries, key=lambda e: fold(e["titel"]))]
    by_year = [e["titel"] for e in sorted(entries, key=lambda e: (-e["jaar"], fold(e["titel"])))]
    assert by_title != by_year  # the fixture tells the two apart
    page = _overview(desktop)
    assert page.get_by_label("Sorteer op").input_value() == "jaar"
    assert _results(page) == by_year
    page.get_by_label("Sorteer op").select_option(label="Titel (A tot Z)")
    assert _results(page) == by_title
    assert "sorteer=titel" in page.url
    again = _overview(desktop, "?sorteer=titel")
    assert _results(again) == by_title


@pytest.mark.browser
def test_text_filter_searches_summaries_and_themes(desktop):
    page = _overview(desktop)
    box = page.get_by_label("Zoek in titel, gemeente, samenvatting en thema")
    box.fill("prioriteiten")  # only in Rotterdam's summary
    assert _results(page) == ["Rotterdam: Buurt Bestuurt"]
    box.fill("lokale democratie")  # a theme's label
    assert sorted(_results(page)) == ["Emmen: bom en crlf", "Zwijndrecht: gekozen dorpsraad in Heerjansdam"]
    box.fill("lokale zwijndrecht")  # every word must match
    assert _results(page) == ["Zwijndrecht: gekozen dorpsraad in Heerjansdam"]
    assert parse_qs(urlparse(page.url).query) == {"tekst": ["lokale zwijndrecht"]}  # not q: that opens the site search
    assert page.locator(".md-search__output").is_hidden()


@pytest.mark.browser
def test_no_toon_meer_without_more_and_no_empty_filter_options(reader):
    page = _overview(reader)
    assert page.locator("#kb-meer").is_hidden()
    page.evaluate("document.getElementById('kb-meer').hidden = false")
    assert page.locator("#kb-meer").is_visible()  # the rule is what hides it, not a missing button
    options = page.locator(".kb-facet label").all_text_contents()
    assert "Reguleren" not in options and "Loslaten" not in options  # no praktijkvoorbeeld has them


# --- Loose ends on a phone, and reflow (WCAG 1.4.10) ----------------------------------------------


@pytest.mark.browser
def test_province_map_fits_with_every_border_on_a_phone(phone):
    page = phone.open("catalogus/provincie/")
    svg = page.locator(".kb-kaart svg").bounding_box()
    assert svg["x"] >= 0 and svg["x"] + svg["width"] <= PHONE["width"]
    for rect in page.locator(".kb-kaart rect").all():
        box = rect.bounding_box()
        assert box["x"] >= svg["x"] and box["y"] >= svg["y"]
        assert box["x"] + box["width"] <= svg["x"] + svg["width"] and box["y"] + box["height"] <= svg["y"] + svg["height"]


@pytest.mark.browser
def test_open_data_needs_no_sideways_scrolling_on_a_phone(phone):
    page = phone.open("open-data/")
    wide = page.evaluate("""() => [...document.querySelectorAll('article *')]
        .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
        .map(e => e.tagName + '.' + e.className)""")
    assert wide == []
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert page.get_by_role("link", name="praktijkvoorbeelden.csv").is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 390])
def test_no_page_is_wider_than_the_screen(fixture_site, browser, width):
    watched = watching(browser, fixture_site, {"width": width, "height": 800})
    too_wide: dict[str, list[int]] = {}
    violations: dict[str, list[str]] = {}
    try:
        for name, path in PAGE_TYPES.items():
            page = watched.open(path)
            if path == "praktijkvoorbeelden/":
                page.wait_for_selector("#kb-filter-resultaten li")
                for toggle in page.locator(".kb-facet__kop").all():
                    toggle.click()  # every group open
            sizes = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
            if sizes[0] > sizes[1]:
                too_wide[name] = sizes
            if width == PHONE["width"]:
                violations[name] = watched.axe_violations()  # the phone layout is checked by axe too
    finally:
        watched.close()
    assert too_wide == {}
    assert {name: found for name, found in violations.items() if found} == {}


def test_printed_booklet_gives_full_addresses_only_when_the_site_address_is_known(published_site, basis_site):
    published = article(published_site.page("keuzemenu/boekje"))
    assert f">{PUBLISHED_AT.rstrip('/')}/keuzemenu/dorpsraad-of-wijkraad/</a>" in published
    unpublished = article(basis_site.page("keuzemenu/boekje"))
    assert 'class="kb-bron-link"' not in unpublished  # a bare path means nothing on paper
    assert ">keuzemenu/dorpsraad-of-wijkraad/<" not in unpublished
