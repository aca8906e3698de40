"""The published knowledge base: the floors of the inventory, sources on every page, plain language."""

from __future__ import annotations

import re
from html import escape

import markupsafe
import pytest

from kennisbank_participatie import content as site_content
from kennisbank_participatie.records import Entry
from kennisbank_participatie.schema import KEUZEMENU, PRAKTIJKVOORBEELD, TOOLBOX, TREDE
from readability import sentences, words
from sitebuilder import ROOT


@pytest.fixture(scope="module")
def content():
    return site_content.load(ROOT).corpus


def test_floors_of_the_inventory(content):
    assert len(content.entries[PRAKTIJKVOORBEELD.key]) >= 60
    assert len(content.entries[KEUZEMENU.key]) >= 30
    assert len(content.entries[TOOLBOX.key]) >= 25
    assert len(content.entries[TREDE.key]) == 10


def test_praktijkvoorbeelden_reference_forms_and_tools_often(content):
    references = sum(len(e.values("vormen")) + len(e.values("instrumenten")) for e in content.praktijkvoorbeelden)
    assert references >= 60


def assert_cites_its_sources(html: str, entry: Entry) -> None:
    """The page's list of sources names each of the entry's sources, in order: title, publisher, year."""
    assert '<ol class="kb-bronnen">' in html, entry.slug
    listed = re.findall(r"<li>(.*?)</li>", html.split('<ol class="kb-bronnen">', 1)[1].split("</ol>", 1)[0])
    sources = entry.fields["bronnen"]
    assert len(listed) == len(sources), entry.slug
    for item, source in zip(listed, sources):
        assert item.startswith(f"<cite>{escape(source.titel)}</cite>. {escape(source.uitgever)}, {source.jaar}"), (
            entry.slug,
            item,
        )


def test_every_praktijkvoorbeeld_page_shows_title_and_sources(real_site, content):
    for entry in content.praktijkvoorbeelden:
        html = real_site.page(entry.url.rstrip("/"))
        assert f"<h1>{markupsafe.escape(entry.titel)}</h1>" in html, entry.slug
        assert_cites_its_sources(html, entry)


def test_plain_language_b1(content):
    measured = []
    for collection in (PRAKTIJKVOORBEELD, KEUZEMENU, TOOLBOX, TREDE):
        for entry in content.entries[collection.key]:
            measured += [words(s) for s in sentences(entry.samenvatting + "\n\n" + entry.body)]
    average = sum(measured) / len(measured)
    long_share = sum(1 for n in measured if n > 25) / len(measured)
    assert average <= 15, average
    assert long_share <= 0.10, long_share


def test_no_contact_details(content):
    for entries in content.entries.values():
        for entry in entries:
            text = entry.body + entry.samenvatting
            assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), entry.path
            assert not re.search(r"\b0\d{1,3}[- ]?\d{6,8}\b|\b06[- ]?\d{8}\b", text), entry.path


def test_every_rung_page_shows_its_sources_and_the_intro_warns_higher_is_not_better(real_site, content):
    for rung in content.entries[TREDE.key]:
        assert rung.fields["bronnen"], rung.slug
        assert_cites_its_sources(real_site.page(rung.url.rstrip("/")), rung)
    intro = real_site.page("participatieladder")
    assert '<h2 id="hoger-is-niet-altijd-beter">Hoger is niet altijd beter' in intro
    assert "De handreiking waarschuwt: hoger op de ladder is niet per definitie beter." in intro
