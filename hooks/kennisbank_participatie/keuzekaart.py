"""The Keuzemenu as a choice card: the data of every form for the comparison and the gesprekskaart.

Both pages are filled in the browser (keuzekaart.js) from one JSON file the build writes from the
same records that make the form pages, so no title or effort level is kept by hand in a script.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import TypedDict

import markdown

from . import urls
from .effort import phrases
from .generated import GeneratedPage
from .html import link, relative, sanitize
from .indexes import Indexes
from .records import Entry
from .schema import KEUZEMENU, PRAKTIJKVOORBEELD

CARD_BUDGET = 320  # characters of "Wat biedt de gemeente?" per form on the gesprekskaart: three forms fit one A4
MAX_EXAMPLES = 5  # per form, so the file stays the same size however many praktijkvoorbeelden there are
# The parts of a form's text the comparison and the card show, by their heading in every form.
SECTIONS = {"wanneer": "Wanneer kies je dit?", "biedt": "Wat biedt de gemeente?"}


class Block(TypedDict, total=False):
    """A paragraph or a list of a form's section, as keuzekaart.js reads it: one of the two keys."""

    tekst: str
    lijst: list[str]


class _Piece(TypedDict):
    blok: int  # the number of the block the sentences or items come from
    delen: list[str]


class _Blocks(HTMLParser):
    """Paragraphs and list items as plain text: the script sets them as text, never as HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._text: list[str] | None = None
        self._items: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol") and self._items is None:
            self._items = []
        elif tag in ("p", "li") and self._text is None:
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li") and self._text is not None:
            words = " ".join("".join(self._text).split())
            self._text = None
            if self._items is not None:
                self._items.append(words)
            elif words:
                self.blocks.append({"tekst": words})
        elif tag in ("ul", "ol") and self._items is not None:
            self.blocks.append({"lijst": self._items})
            self._items = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def section_blocks(body: str) -> dict[str, list[Block]]:
    """The text below each of SECTIONS' headings in a form's Markdown body."""
    parts = re.split(r"^##\s+(.+?)\s*$", body, flags=re.M)
    by_heading = {heading.strip(): content for heading, content in zip(parts[1::2], parts[2::2])}
    found = {}
    for key, heading in SECTIONS.items():
        parser = _Blocks()
        parser.feed(sanitize(markdown.markdown(by_heading.get(heading, ""))))  # as the form's own page does
        parser.close()
        found[key] = parser.blocks
    return found


def shortened(blocks: list[Block], budget: int = CARD_BUDGET) -> list[Block]:
    """The first whole sentences and list items, as many as fit the budget (at least one): the card
    quotes the form's own words and never cuts a sentence."""
    pieces = [
        (number, piece)
        for number, block in enumerate(blocks)
        for piece in (block["lijst"] if "lijst" in block else re.split(r"(?<=[.!?])\s+", block["tekst"]))
    ]
    kept: list[tuple[int, str]] = []
    used = 0
    for number, piece in pieces:
        if kept and used + len(piece) > budget:
            break
        kept.append((number, piece))
        used += len(piece)
    # A lead-in such as "Een paar voorbeelden:" says nothing without what follows it.
    while len(kept) > 1 and len(kept) < len(pieces) and kept[-1][1].endswith(":"):
        kept.pop()
    short: list[_Piece] = []
    for number, piece in kept:
        if short and short[-1]["blok"] == number:
            short[-1]["delen"].append(piece)
        else:
            short.append({"blok": number, "delen": [piece]})
    return [{"lijst": part["delen"]} if "lijst" in blocks[part["blok"]] else {"tekst": " ".join(part["delen"])} for part in short]


def _form(indexes: Indexes, form: Entry) -> dict[str, object]:
    examples = indexes.linked(form, PRAKTIJKVOORBEELD.key)
    sections = section_blocks(form.body)
    return {
        "slug": form.slug,
        "url": form.url,
        "titel": form.titel,
        "samenvatting": form.samenvatting,
        "ladder": list(form.values("ladder")),
        "initiatief": list(indexes.term_labels("partij", form.values("initiatief"))),
        "inzet": list(phrases(indexes.vocabularies, form.fields["inzet"])),
        **sections,
        "biedt_kort": shortened(sections["biedt"]),
        "voorbeelden": [{"titel": e.titel, "url": e.url} for e in examples[:MAX_EXAMPLES]],
        "aantal_voorbeelden": len(examples),
        "alle_voorbeelden": urls.usage_catalogue(form.collection, form.slug),
    }


def data(indexes: Indexes) -> str:
    forms = indexes.sorted_entries(KEUZEMENU.key)
    rungs = [
        {"waarde": t.value, "label": t.label, "uitleg": t.description, "url": urls.rung(t.value)}
        for t in indexes.vocabulary("ladder").terms
    ]
    payload = {"treden": rungs, "vormen": [_form(indexes, form) for form in forms]}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"


def _script_page(src_uri: str, title: str, page_id: str, intro: str, no_script: str) -> GeneratedPage:
    """A page keuzekaart.js fills in: where the script puts its work, and what shows without it."""

    def render(page_url: str) -> str:
        keuzemenu = urls.section(urls.KEUZEMENU)
        return (
            f"{intro}"
            f'<div id="{page_id}" class="kb-keuzekaart" data-vormen="{relative(urls.FORMS_DATA, page_url)}" '
            f'data-base="{relative(urls.HOME, page_url)}" data-keuzemenu="{relative(keuzemenu, page_url)}" hidden></div>'
            f'<p class="kb-zonder-script">{no_script} '
            f"{link(relative(keuzemenu, page_url), 'Terug naar het Keuzemenu')} of "
            f"{link(relative(urls.BOOKLET, page_url), 'bekijk alle vormen in het boekje')}.</p>"
        )

    return GeneratedPage(src_uri, title, render)


def compare_page() -> GeneratedPage:
    return _script_page(
        urls.COMPARE_SRC,
        "Vormen vergelijken",
        "kb-vergelijk",
        "<p>Zet twee of drie vormen naast elkaar: de trede, wie begint, wat het vraagt, wat de gemeente biedt, "
        "wanneer het past en voorbeelden uit de praktijk. Stuur de link van deze pagina naar de anderen in "
        "jullie bestuur.</p>",
        "Vergelijken werkt alleen met JavaScript.",
    )


def card_page() -> GeneratedPage:
    return _script_page(
        urls.CARD_SRC,
        "Gesprekskaart",
        "kb-gesprekskaart",
        '<p class="kb-niet-printen">Neem deze kaart mee naar het gesprek met de gemeente over één project. '
        "Vul de naam van het project in en kies de trede. Print de kaart of stuur de link.</p>",
        "De gesprekskaart werkt alleen met JavaScript.",
    )
