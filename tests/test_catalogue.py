"""Generated catalogues of the fixture corpus: exact membership and counts."""

from __future__ import annotations

import json
import re

import pytest


def slugs_in(html: str) -> list[str]:
    article = html[html.index("<article") : html.index("</article>")]
    return sorted(set(re.findall(r'praktijkvoorbeelden/([a-z0-9-]+)/"', article)))


@pytest.mark.parametrize(
    "url, expected, count",
    [
        ("catalogus/provincie/zuid-holland", ["rotterdam-buurt-bestuurt", "zwijndrecht-dorpsraad"], "2 praktijkvoorbeelden"),
        ("catalogus/provincie/overijssel", ["zwolle-ideeenmakelaar"], "1 praktijkvoorbeeld "),
        (
            "catalogus/thema/leefbaarheid",
            ["rotterdam-buurt-bestuurt", "zwijndrecht-dorpsraad", "zwolle-ideeenmakelaar"],
            "3 praktijkvoorbeelden",
        ),
        ("catalogus/thema/lokale-democratie", ["emmen-bom-crlf", "zwijndrecht-dorpsraad"], "2 praktijkvoorbeelden"),
        ("catalogus/gemeente/emmen", ["emmen-bom-crlf"], "1 praktijkvoorbeeld "),
    ],
)
def test_facet_page_lists_exactly_its_entries(basis_site, url, expected, count):
    html = basis_site.page(url)
    assert slugs_in(html) == expected
    assert count in html


def listed_on_rung_page(html: str, anchor: str, folder: str) -> list[str]:
    """The slugs in one generated list of a rung page; its own text may link to the same pages."""
    if f'id="{anchor}"' not in html:
        return []
    section = html.split(f'id="{anchor}"', 1)[1].split("</div>", 1)[0]
    return re.findall(rf'href="\.\./\.\./{folder}/([a-z0-9-]+)/"', section)


@pytest.mark.parametrize(
    "rung, forms, tools, examples",
    [
        ("informeren", [], [], ["aanval-test"]),
        ("adviseren", ["dorpsraad-of-wijkraad"], ["vijf-lessen-kernendemocratie"], ["zwijndrecht-dorpsraad"]),
        ("coproduceren", ["ideeenmakelaar"], [], ["zwolle-ideeenmakelaar"]),
        ("meebeslissen", ["buurt-bestuurt"], [], ["rotterdam-buurt-bestuurt", "zwijndrecht-dorpsraad"]),
        ("faciliteren", [], [], ["zwijndrecht-dorpsraad", "zwolle-ideeenmakelaar"]),
        ("loslaten", [], [], []),
    ],
)
def test_rung_page_lists_exactly_its_forms_tools_and_entries(basis_site, rung, forms, tools, examples):
    html = basis_site.page(f"participatieladder/{rung}")
    html = html[html.index("<article") : html.index("</article>")]
    assert listed_on_rung_page(html, "vormen-op-deze-trede", "keuzemenu") == forms
    assert listed_on_rung_page(html, "instrumenten-op-deze-trede", "toolbox") == tools
    assert listed_on_rung_page(html, "praktijkvoorbeelden-op-deze-trede", "praktijkvoorbeelden") == examples
    assert (
        f"Praktijkvoorbeelden bij {rung} ({len(examples)})" in html
        if examples
        else "Er zijn nog geen praktijkvoorbeelden bij deze trede." in html
    )


def test_form_and_tool_pages_list_their_praktijkvoorbeelden(basis_site):
    assert slugs_in(basis_site.page("keuzemenu/dorpsraad-of-wijkraad")) == ["zwijndrecht-dorpsraad"]
    assert slugs_in(basis_site.page("toolbox/vijf-lessen-kernendemocratie")) == ["zwijndrecht-dorpsraad"]
    # the form names the tool, so the tool page names the form
    assert 'href="../../keuzemenu/dorpsraad-of-wijkraad/"' in basis_site.page("toolbox/vijf-lessen-kernendemocratie")


def test_overview_lists_all_with_key_facts(basis_site):
    html = basis_site.page("praktijkvoorbeelden")
    table = html[html.index('<table id="kb-overzicht-tabel"') : html.index("</table>")]
    assert len(re.findall(r'<td><a href="[a-z0-9-]+/">', table)) == 5
    assert "<td>Zwolle</td><td>Overijssel</td><td>2012</td><td>Coproduceren</td><td>Leefbaarheid</td>" in html


def test_keuzemenu_index_shows_each_form_once_with_its_rungs(basis_site):
    html = basis_site.page("keuzemenu")
    html = html[html.index("<article") :]  # the sidebar's table of contents repeats the headings
    assert html.count('class="kb-vormkaart"') == 3 and html.count('href="dorpsraad-of-wijkraad/"') == 1
    card = html.split('id="vorm-dorpsraad-of-wijkraad"')[1].split("</li>", 1)[0]
    assert '<span class="kb-label">Adviseren</span>' in card
    assert "Wie begint?</span> Inwoners, Dorps- en wijkorganisaties" in card


def test_province_map_shows_every_province_and_links_those_with_examples(basis_site):
    html = basis_site.page("catalogus/provincie")
    assert html.count("<rect") == 12
    assert 'href="../../catalogus/provincie/zuid-holland/"' not in html  # relative to the page itself
    assert 'href="zuid-holland/"' in html
    assert 'href="fryslan/"' not in html  # no praktijkvoorbeeld in Fryslân: no link to an empty page
    assert not (basis_site.site / "catalogus" / "provincie" / "fryslan").exists()


def test_filter_index_covers_every_entry(basis_site):
    data = json.loads((basis_site.site / "zoekindex" / "praktijkvoorbeelden.json").read_text(encoding="utf-8"))
    assert len(data["praktijkvoorbeelden"]) == 5
    assert [f["veld"] for f in data["facetten"]] == ["ladder", "overheidsrol", "provincie", "themas", "onderbouwing"]
    zwolle = next(e for e in data["praktijkvoorbeelden"] if e["slug"] == "zwolle-ideeenmakelaar")
    assert zwolle["overheidsrol"] == ["faciliteren", "stimuleren"]
