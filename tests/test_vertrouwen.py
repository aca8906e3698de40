"""Trust: how current and how well founded each entry is, where to check it, and plain words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import frontmatter
import jsonschema
import pytest
import test_records

from kennisbank_participatie import content, dating, glossary
from kennisbank_participatie.problems import ContentError
from sitebuilder import ROOT, assert_reported, build, commit_dated, make_project, project_with


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def facts(html: str) -> dict[str, str]:
    """The facts box as label -> visible text."""
    box = html[html.index('class="kb-feiten"') : html.index("</aside>")]
    return {label: re.sub(r"<[^>]+>", "", value) for label, value in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", box)}


# How current -------------------------------------------------------------------------------------


def test_entry_says_near_the_top_when_it_was_described(basis_site):
    html = article(basis_site.page("praktijkvoorbeelden/zwolle-ideeenmakelaar"))
    described = '<p class="kb-beschreven" data-search-exclude>Beschreven in 2013, in <cite>Gemeente &amp; Gemeenschap</cite>.</p>'
    assert described in html
    assert html.index(described) < html.index('class="kb-feiten"') < html.index("<h2")


def test_status_is_dated_never_a_bare_present_tense(basis_site):
    box = facts(basis_site.page("praktijkvoorbeelden/zwolle-ideeenmakelaar"))
    assert box["Status"] == "lopend volgens de bron (2013)"


def test_facts_box_shows_grounding_period_participants_and_budget(basis_site):
    box = facts(basis_site.page("praktijkvoorbeelden/zwijndrecht-dorpsraad"))
    assert box["Onderbouwing"].startswith("Geëvalueerd")
    assert "De bron noemt een evaluatie of onderzoek naar de aanpak." in box["Onderbouwing"]
    assert box["Periode"] == "2015 tot en met 2018"
    assert box["Deelnemers"] == "1.250"
    assert box["Budget"] == "€ 25.000"
    assert "Periode" not in facts(basis_site.page("praktijkvoorbeelden/zwolle-ideeenmakelaar"))


def _wording() -> dating.Wording:
    return content.load(ROOT).indexes.wording


def test_old_notice_counts_from_a_fixed_now(tmp_path):
    entry = content.load(make_project(tmp_path / "p")).corpus.by_slug("praktijkvoorbeeld")["zwolle-ideeenmakelaar"]
    wording = _wording()
    assert wording.threshold == 5
    assert dating.source_year(entry) == 2013
    assert not dating.is_old(entry, 2018, wording)  # five years: not yet
    assert dating.is_old(entry, 2019, wording)
    assert "2013" in dating.notice(entry, wording)


def test_now_comes_from_the_last_commit_or_a_clear_fallback(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert dating.build_year(tmp_path, 2021) == 2021  # no git here: the newest source year
    commit_dated(tmp_path, "2019-06-01T12:00:00+00:00")
    assert dating.build_year(tmp_path, 2021) == 2019
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1262304000")  # 2010-01-01
    assert dating.build_year(tmp_path, 2021) == 2010


@pytest.mark.parametrize("epoch, zwolle_old", [("1546300800", True), ("1483228800", False)])  # 2019, 2017
def test_built_pages_carry_the_notice_for_the_build_year(tmp_path, monkeypatch, epoch, zwolle_old):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    site = build(make_project(tmp_path / "p"))
    assert site.returncode == 0, site.log
    assert ("Let op: oude beschrijving" in site.page("praktijkvoorbeelden/zwolle-ideeenmakelaar")) is zwolle_old
    assert "Let op: oude beschrijving" not in site.page("praktijkvoorbeelden/zwijndrecht-dorpsraad")


def test_the_wording_file_is_checked(tmp_path):
    project = make_project(tmp_path / "p")
    path = project / dating.DATA_FILE
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("drempel_jaren: 5", "drempel_jaren: vijf")
        .replace('{jaar}, in {bron}"', 'in {bron}"'),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        content.load(project)
    text = str(caught.value)
    assert "veld 'drempel_jaren': hier hoort een heel getal, zoals 5, maar er staat 'vijf'." in text
    assert "veld 'beschreven': de tekst mist {jaar}" in text


def test_catalogue_pages_sort_by_year_newest_first(basis_site):
    by_title = basis_site.page("catalogus/thema/leefbaarheid")
    assert 'href="nieuwste/">op jaar, nieuwste eerst</a>' in by_title
    newest = article(basis_site.page("catalogus/thema/leefbaarheid/nieuwste"))
    assert '<span aria-current="true">op jaar, nieuwste eerst</span>' in newest
    assert 'href="../">op titel</a>' in newest
    years = [int(y) for y in re.findall(r"· (\d{4})</span>", newest)]
    assert years == [2018, 2018, 2012]
    # Both Zuid-Holland examples are from 2018: no second order that would change nothing.
    assert "op jaar, nieuwste eerst" not in basis_site.page("catalogus/provincie/zuid-holland")
    assert not (basis_site.site / "catalogus" / "provincie" / "zuid-holland" / "nieuwste").exists()


# How well founded ---------------------------------------------------------------------------------

# The valid entry of the record tests, without the field these tests are about.
VALID = test_records.VALID.replace("onderbouwing: beschreven\n", "")


@pytest.mark.parametrize(
    "extra, expected",
    [
        ("", "veld 'onderbouwing': dit verplichte veld ontbreekt. Vul in: wat de bron laat zien"),
        (
            "onderbouwing: bewezen\n",
            "veld 'onderbouwing': 'bewezen' is geen toegestane waarde. Toegestaan: 'beschreven', 'resultaten', 'geevalueerd'.",
        ),
        ("onderbouwing: geëvalueerd\n", "'geëvalueerd' is geen toegestane waarde. Bedoelde je 'geevalueerd'?"),
        ("onderbouwing: [beschreven, resultaten]\n", "hier hoort één waarde, maar er staat een lijst."),
        (
            "onderbouwing: beschreven\nperiode: 2019-2021\n",
            "veld 'periode': hier horen de velden 'van', 'tot', maar er staat "
            "'2019-2021'. Schrijf bijvoorbeeld periode: {van: 2019, tot: 2021}.",
        ),
        ("onderbouwing: beschreven\nperiode: {van: 2021, tot: 2019}\n", "de periode eindigt (2019) voordat hij begint (2021)."),
        ("onderbouwing: beschreven\nperiode: {tot: 2019}\n", "bij de periode ontbreekt 'van'."),
        ("onderbouwing: beschreven\nperiode: {van: vorig jaar}\n", "'vorig jaar' is geen jaartal."),
        ("onderbouwing: beschreven\nperiode: {vanaf: 2019}\n", "'vanaf' is geen onderdeel van de periode. Bedoelde je 'van'?"),
        ("onderbouwing: beschreven\nbudget: € 25.000\n", "veld 'budget': '€ 25.000' is geen aantal."),
        ("onderbouwing: beschreven\ndeelnemers: ongeveer 25\n", "veld 'deelnemers': 'ongeveer 25' is geen aantal."),
    ],
)
def test_bad_new_fields_are_explained_in_dutch(tmp_path, extra, expected):
    project = make_project(tmp_path / "p")
    (project / "praktijkvoorbeelden" / "goed.md").write_text(VALID.format(extra=extra), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        content.load(project)
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 1 and problems[0].startswith("praktijkvoorbeelden/goed.md"), problems
    assert expected in problems[0], problems


def test_new_fields_are_read(tmp_path):
    project = make_project(tmp_path / "p")
    extra = 'onderbouwing: resultaten\nperiode: {van: 2019}\nbudget: "25.000"\ndeelnemers: 120\n'
    (project / "praktijkvoorbeelden" / "goed.md").write_text(VALID.format(extra=extra), encoding="utf-8")
    entry = content.load(project).corpus.by_slug("praktijkvoorbeeld")["goed"]
    assert entry.fields["onderbouwing"] == "resultaten"
    assert (entry.fields["periode"].van, entry.fields["periode"].tot) == (2019, None)
    assert entry.fields["budget"] == 25000 and entry.fields["deelnemers"] == 120


def test_exports_and_filter_index_carry_the_new_fields(basis_site):
    records = json.loads((basis_site.site / "open-data" / "praktijkvoorbeelden.json").read_text(encoding="utf-8"))
    jsonschema.validate(records, json.loads((basis_site.site / "open-data" / "praktijkvoorbeelden.schema.json").read_text()))
    zwijndrecht = next(r for r in records if r["slug"] == "zwijndrecht-dorpsraad")
    assert (zwijndrecht["onderbouwing"], zwijndrecht["periode"], zwijndrecht["budget"], zwijndrecht["deelnemers"]) == (
        "geevalueerd",
        {"van": 2015, "tot": 2018},
        25000,
        1250,
    )
    zwolle = next(r for r in records if r["slug"] == "zwolle-ideeenmakelaar")
    assert (zwolle["periode"], zwolle["budget"]) == (None, None)
    csv = (basis_site.site / "open-data" / "praktijkvoorbeelden.csv").read_text(encoding="utf-8-sig")
    assert "onderbouwing;deelnemers;budget;periode" in csv and ";geevalueerd;1250;25000;2015-2018;" in csv
    front = json.loads((basis_site.site / "schema" / "praktijkvoorbeeld.schema.json").read_text())
    assert "onderbouwing" in front["required"]
    assert front["properties"]["onderbouwing"]["enum"] == ["beschreven", "resultaten", "geevalueerd"]
    jsonschema.validate({"van": 2019, "tot": 2021}, front["properties"]["periode"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"tot": 2021}, front["properties"]["periode"])
    index = json.loads((basis_site.site / "zoekindex" / "praktijkvoorbeelden.json").read_text(encoding="utf-8"))
    assert next(e for e in index["praktijkvoorbeelden"] if e["slug"] == "zwijndrecht-dorpsraad")["onderbouwing"] == [
        "geevalueerd"
    ]


def test_grounding_is_a_catalogue_with_a_page_that_explains_the_levels(basis_site):
    page = article(basis_site.page("catalogus/onderbouwing"))
    for label in ("Beschreven", "Resultaten", "Geëvalueerd"):
        assert f"<dt>{label}</dt>" in page
    assert "Wat het niet betekent" in page and "geen cijfer voor de aanpak" in page
    assert 'href="../../../praktijkvoorbeelden/zwijndrecht-dorpsraad/"' in basis_site.page("catalogus/onderbouwing/geevalueerd")


# Where to check -----------------------------------------------------------------------------------


def test_sources_page_lists_the_entries_of_each_publication(basis_site):
    page = article(basis_site.page("bronnen"))
    assert page.count("<h2") == 5
    handreiking = page[page.index(">Handreiking kernendemocratie</h2>") :]
    handreiking = handreiking[: handreiking.index("<h2")]
    assert 'href="../praktijkvoorbeelden/zwijndrecht-dorpsraad/"' in handreiking
    assert "zwolle-ideeenmakelaar" not in handreiking
    gg = page[page.index(">Gemeente &amp; Gemeenschap</h2>") :]
    assert 'href="../praktijkvoorbeelden/zwolle-ideeenmakelaar/"' in gg[: gg.index("<h2")]


def test_every_link_in_real_content_comes_from_a_source():
    """A link to another site only where a source document gives that address: never invented."""
    # shared/ lies beside the clone, on developers' machines and in CI alike.
    folder = Path(__file__).resolve().parents[2] / "shared" / "bronnen"
    if not folder.is_dir():
        pytest.skip("the source documents are not beside this clone")
    sources = " ".join(p.read_text(encoding="utf-8") for p in folder.glob("*.txt"))
    flat = re.sub(r"\s+", "", sources)
    for path in CONTENT:
        for url in re.findall(r"\]\((https?://[^)\s]+)\)", path.read_text(encoding="utf-8")):
            bare = url.removeprefix("https://").removeprefix("http://").rstrip("/")
            assert bare in flat, (path.name, url)


# Corrections --------------------------------------------------------------------------------------

CONTENT = [
    *sorted((ROOT / "praktijkvoorbeelden").glob("*.md")),
    *sorted((ROOT / "docs" / "keuzemenu").glob("*.md")),
    *sorted((ROOT / "docs" / "toolbox").glob("*.md")),
    *sorted((ROOT / "docs" / "participatieladder").glob("*.md")),
]
# A sentence about what a source does or does not say, instead of about the subject.
ABOUT_THE_SOURCE = re.compile(
    r"\b(?:de|het|die|deze) (?:bron|bronnen|handreiking|blad|magazine|verslag)\b[^.!?\n]*?"
    r"\b(?:noem\w*|zeg\w*|zegt|beschrijf\w*|beschrijven|vertel\w*|geef\w*|geven|leg\w*|laat|laten|staat|staan)\b[^.!?:]{0,40}\b(?:niet|geen)\b"
    r"|\bniet in de bron|\buitleg is daarom kort",
    re.I,
)


def _body(path: Path) -> str:
    return frontmatter.loads(path.read_text(encoding="utf-8-sig")).content


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.stem)
def test_no_sentence_talks_about_what_the_sources_say(path):
    body = _body(path)
    assert not ABOUT_THE_SOURCE.search(body), ABOUT_THE_SOURCE.search(body).group(0)
    assert not re.search(r"\b[Dd]e bron(?:nen)?\b", body), path


def test_the_regex_catches_the_old_slips():
    for sentence in (
        "De bronnen beschrijven deze trede niet in detail.",
        "De bron noemt geen verdere voorwaarden.",
        "Deze uitleg is daarom kort.",
        "De handreiking legt het model zelf niet uit.",
        "Wie de steun betaalt, staat niet in de bron.",
    ):
        assert ABOUT_THE_SOURCE.search(sentence), sentence


def _read(rel: str) -> str:
    return (ROOT / rel).read_text(encoding="utf-8")


def test_named_corrections_hold():
    almere = _body(ROOT / "praktijkvoorbeelden/almere-de-wierden-bewonersbeheer.md")
    assert "gaat nu naar" not in almere and "ziet er nu veel netter uit" not in almere and "2013" in almere
    data = _read("docs/toolbox/data-wijken-en-dorpen.md")
    assert "In elke wijk of elk dorp kijken" not in data and "ten minste drie projecten" in data
    assert "weinig reden om aan te nemen" in _read("docs/participatieladder/loslaten.md")
    challenge = _read("praktijkvoorbeelden/emmen-uitdaagrecht.md")
    results = challenge.split("## Wat leverde het op?")[1].split("##")[0] if "## Wat leverde het op?" in challenge else ""
    assert "2021" not in results
    assert "door corona niet verder" in challenge and "Democratie in Actie" in challenge
    assert "echt gesprek" not in _read("praktijkvoorbeelden/emmen-college-op-locatie.md")
    assert "voordat je begint" not in _read("docs/toolbox/participatiekompas.md")
    assert "brengt dat thema dichter bij inwoners" not in _read("praktijkvoorbeelden/emmen-buurtcultuurfonds.md")
    molenwaard = _read("praktijkvoorbeelden/molenwaard-gemeente-zonder-gemeentehuis.md")
    assert "drie back-offices" in molenwaard and "zes à zeven" in molenwaard and "2018" in molenwaard
    poll = _read("docs/keuzemenu/peiling-enquete.md")
    assert "Quick Scan" in poll and "niet representatief" in poll
    for rel in ("praktijkvoorbeelden", "docs"):
        for path in (ROOT / rel).rglob("*.md"):
            text = path.read_text(encoding="utf-8").lower()
            assert "draagkracht" not in text and "kort-cyclisch" not in text, path


def test_classifications_the_sources_do_not_carry_are_gone():
    loaded = content.load(ROOT).corpus
    examples = loaded.by_slug("praktijkvoorbeeld")
    assert "adviseren" not in examples["emmen-college-op-locatie"].values("ladder")
    assert "adviseren" not in loaded.by_slug("keuzemenu")["college-op-locatie"].values("ladder")
    assert "coproduceren" not in examples["emmen-buurtcultuurfonds"].values("ladder")
    assert "coproduceren" not in loaded.by_slug("keuzemenu")["buurtcultuurfonds"].values("ladder")
    assert "meebeslissen" not in examples["molenwaard-gemeente-zonder-gemeentehuis"].values("ladder")
    assert "status" not in examples["molenwaard-herinrichting-groot-ammers"].fields
    assert "adviseren" not in examples["terneuzen-wijk-en-kernraden"].values("ladder")
    assert all("onderbouwing" in entry.fields for entry in examples.values())


# Plain words --------------------------------------------------------------------------------------


def test_glossary_terms_become_tooltips_in_entry_text(basis_site):
    html = article(basis_site.page("praktijkvoorbeelden/rotterdam-buurt-bestuurt"))
    assert re.search(
        r'<abbr title="Een commissie die de raad, het college of de burgemeester kan instellen[^"]*">'
        r"bestuurscommissie</abbr>",
        html,
    )
    assert re.search(r'<abbr title="Erkende Overlegpartner\.[^"]*">EOP</abbr>', html)
    assert "*[" not in html  # the definitions themselves never show


def test_glossary_page_lists_every_term(basis_site):
    page = article(basis_site.page("begrippen"))
    terms = content.load(ROOT).terms
    assert {"EOP", "bestuurscommissie", "PDCA", "participatieverordening", "overheidsparticipatie", "inwonerparticipatie"} <= {
        t.term for t in terms
    }
    for term in terms:
        assert f'<dt id="{term.anchor}">' in page


def test_glossary_mistakes_are_explained_in_dutch(tmp_path):
    project = project_with(
        tmp_path,
        {
            glossary.DATA_FILE: (
                "- begrip: EOP\n  uitleg: Een overlegpartner.\n  bron: Onbekend boek\n"
                "- begrip: eop\n  uitleg: Dubbel.\n  bron: Aanpak participatie\n"
                "- begrip: PDCA\n  bron: Aanpak participatie\n  extra: x\n"
                "- begrip: 'A]: <b>'\n  uitleg: Kapot.\n  bron: Aanpak participatie\n"
            )
        },
    )
    assert_reported(
        project,
        [
            "data/begrippen.yml, regel 3, veld '[1].bron': 'Onbekend boek' is geen bron uit data/publicaties.yml.",
            "regel 4, veld '[2].begrip': 'eop' staat al in de lijst (regel 1)",
            "regel 7, veld '[3].uitleg': dit verplichte veld ontbreekt.",
            "regel 9, veld '[3].extra': dit veld is onbekend.",
            "regel 10, veld '[4].begrip': 'A]: <b>' kan geen begrip zijn",
        ],
    )


def test_hostile_glossary_text_stays_text(tmp_path):
    project = make_project(tmp_path / "p")
    path = project / glossary.DATA_FILE
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Erkende Overlegpartner. Zo heten", 'Erkende"><script>window.kbXss=1</script> Zo heten'
        ),
        encoding="utf-8",
    )
    site = build(project)
    assert site.returncode == 0, site.log
    html = site.page("praktijkvoorbeelden/rotterdam-buurt-bestuurt")
    assert "<script>window.kbXss" not in html and "&lt;script&gt;window.kbXss=1" in site.page("begrippen")


@pytest.mark.browser
def test_reader_sees_the_explanation_of_a_term_when_pointing_at_it(basis_site, browser):
    from browser import Watched, serve

    with serve(basis_site.site) as base:
        watched = Watched(browser, base)
        try:
            page = watched.open("praktijkvoorbeelden/rotterdam-buurt-bestuurt/")
            page.locator("article abbr", has_text="bestuurscommissie").hover()
            tooltip = page.locator(".md-tooltip2--active")
            tooltip.wait_for(state="visible", timeout=5000)
            assert "Gemeentewet" in tooltip.inner_text()
            assert watched.errors == [] and watched.foreign == []
        finally:
            watched.close()


def test_lessons_are_marked_as_the_editors_reading(basis_site):
    html = article(basis_site.page("praktijkvoorbeelden/zwolle-ideeenmakelaar"))
    heading = html.index('id="wat-kun-je-ervan-leren"')
    note = html.index("Deze lessen trekt de redactie uit het voorbeeld.")
    assert heading < note < html.index("Een vast aanspreekpunt helpt inwoners.")
    assert "Deze lessen trekt de redactie" not in article(basis_site.page("praktijkvoorbeelden/zwijndrecht-dorpsraad"))


def test_glossary_is_found_by_search_but_catalogue_lists_are_not(basis_site):
    from test_search_index import _fragments

    fragments = _fragments(basis_site)
    assert "begrippen/" in fragments and "bronnen/" not in fragments and "catalogus/onderbouwing/" not in fragments
    assert "Erkende Overlegpartner" in fragments["begrippen/"]["content"]
    zwolle = fragments["praktijkvoorbeelden/zwolle-ideeenmakelaar/"]["content"]
    assert "Beschreven in" not in zwolle and "oude beschrijving" not in zwolle
