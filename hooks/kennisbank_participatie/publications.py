"""The five publications the knowledge base is written from (data/publicaties.yml), and which pages use each.

Which pages use a publication is derived from their `bronnen` fields at build time, never kept by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import urls, yamlread
from .catalogue import entry_pages
from .generated import GeneratedPage
from .html import heading, link, relative, text
from .indexes import Indexes
from .kinds import YEARS_ALLOWED, year
from .listing import LIST_SIZE, entry_list
from .problems import ContentError
from .records import Entry
from .schema import COLLECTIONS, PRAKTIJKVOORBEELD
from .textutil import slugify

DATA_FILE = "data/publicaties.yml"
_KEYS = ("titel", "uitgever", "jaar", "soort", "inhoud")


@dataclass(frozen=True)
class Publication:
    titel: str
    uitgever: str
    jaar: int
    soort: str
    inhoud: str

    @property
    def anchor(self) -> str:
        return "bron-" + self.slug

    @property
    def slug(self) -> str:
        return slugify(self.titel)[:60].strip("-")

    @property
    def catalogue_url(self) -> str:
        """Where all praktijkvoorbeelden from this publication are listed, once they outgrow the sources page."""
        return urls.below(urls.CATALOGUES["bron"], self.slug)


def load(root: Path) -> tuple[Publication, ...]:
    """Read and check the publications; raise ContentError listing every mistake in the file."""
    data = yamlread.open_data_file(root / DATA_FILE, DATA_FILE, "er staat geen publicatie in dit bestand.")
    problems, report, raw = data.problems, data.report, data.root
    publications: list[Publication] = []
    for where, _, item in yamlread.groups(raw, "", report, {key: True for key in _KEYS}):
        values = yamlread.scalars(item, (key for key in _KEYS if key != "jaar"), where, report)
        year = _year(item["jaar"], f"{where}.jaar", report) if "jaar" in item else None
        if values is None or year is None:
            continue
        publication = Publication(values["titel"], values["uitgever"], year, values["soort"], " ".join(values["inhoud"].split()))
        # The title names the publication's place on the sources page and its catalogue page.
        same = next((other for other in publications if other.slug == publication.slug), None)
        if not publication.slug or same:
            why = f"geeft hetzelfde adres als '{same.titel}'" if same else "heeft geen letters of cijfers"
            report(
                item["titel"],
                f"{where}.titel",
                f"'{publication.titel}' {why}. Elke publicatie heeft een eigen titel met letters nodig.",
            )
            continue
        publications.append(publication)
    if problems:
        raise ContentError(problems)
    return tuple(publications)


def _year(node: yaml.Node, field: str, report: yamlread.Report) -> int | None:
    found = year(node.value) if isinstance(node, yaml.ScalarNode) else None
    if found is None:
        report(node, field, f"{yamlread.shown(node)} is geen jaartal. {YEARS_ALLOWED}")
    return found


def users(publication: Publication, indexes: Indexes) -> dict[str, tuple[Entry, ...]]:
    """Collection key -> entries citing the publication, in title order."""
    found = {}
    for collection in COLLECTIONS:
        citing = tuple(
            e
            for e in indexes.sorted_entries(collection.key)
            if any(s.titel == publication.titel and s.uitgever == publication.uitgever for s in e.fields.get("bronnen", ()))
        )
        if citing:
            found[collection.key] = citing
    return found


def page_html(indexes: Indexes, publications: tuple[Publication, ...], page_url: str) -> str:
    labels = {collection.key: collection.label_plural for collection in COLLECTIONS}
    parts = [
        "<p>De kennisbank is geschreven op basis van vijf openbare publicaties. Hieronder staat wat er in elke "
        "publicatie staat en welke pagina's eruit putten. Bij elke pagina staat onderaan de bron met de "
        f"pagina. Wat de niveaus van onderbouwing betekenen, lees je bij "
        f"{link(relative(urls.CATALOGUES['onderbouwing'], page_url), 'Onderbouwing')}.</p>"
    ]
    for publication in publications:
        citing = users(publication, indexes)
        total = sum(len(found) for found in citing.values())
        parts.append(heading(2, publication.anchor, publication.titel))
        parts.append(
            f"<p>{text(publication.uitgever)}, {publication.jaar}. {text(publication.soort.capitalize())}.</p>"
            f"<p>{text(publication.inhoud)}</p>"
        )
        parts.append(
            f'<p class="kb-aantal">{total} {"pagina gebruikt" if total == 1 else "pagina&#39;s gebruiken"} deze bron.</p>'
        )
        for key, found in citing.items():
            more = ""
            if len(found) > LIST_SIZE:  # the page stays light however large the corpus grows
                more = f"<p>{link(relative(publication.catalogue_url, page_url), f'Alle {len(found)} bekijken')}</p>"
            parts.append(
                f'<details class="kb-bron-gebruik"><summary>{text(labels[key])} ({len(found)})</summary>'
                f"{entry_list(indexes, found[:LIST_SIZE], page_url)}{more}</details>"
            )
    return "\n".join(parts)


def catalogue_pages(indexes: Indexes, publications: tuple[Publication, ...]) -> list[GeneratedPage]:
    """Paginated lists of the praktijkvoorbeelden from a publication, for those the sources page cannot hold."""
    pages = []
    for publication in publications:
        examples = users(publication, indexes).get(PRAKTIJKVOORBEELD.key, ())
        if len(examples) <= LIST_SIZE:
            continue

        def intro(page_url: str, publication: Publication = publication, count: int = len(examples)) -> str:
            return (
                f'<p class="kb-aantal">{count} praktijkvoorbeelden uit <cite>{text(publication.titel)}</cite>.</p>'
                f"<p>{link(relative(urls.SOURCES, page_url), 'Alle bronnen')}</p>"
            )

        src = urls.page_src(publication.catalogue_url)
        pages += entry_pages(indexes, src, f"Praktijkvoorbeelden uit {publication.titel}", examples, intro)
    return pages
