"""The start page's generated parts: a search box and the collection as it stands today.

The editor's docs/index.md says where they go with an empty placeholder element; the numbers and
the newest praktijkvoorbeelden come from the build, so nobody keeps them up to date by hand.
"""

from __future__ import annotations

from . import urls
from .html import heading, items, link, relative, text
from .indexes import FACET, Indexes
from .listing import facts_line
from .schema import KEUZEMENU, TOOLBOX

SEARCH_PLACEHOLDER = '<div id="kb-start-zoeken"></div>'
COLLECTION_PLACEHOLDER = '<div id="kb-start-collectie"></div>'
NEWEST_SIZE = 5


def search_box(action: str) -> str:
    """A plain GET form: the page it opens with ?q=... starts the site search with those words
    (kb-zoeken.js reads ?q= on load, and takes the words straight from the form where it runs)."""
    return (
        f'<form class="kb-zoekvak" action="{text(action)}" method="get" role="search" aria-label="Zoek in de kennisbank">'
        '<label for="kb-zoekvak-q">Zoek in de kennisbank</label>'
        '<span class="kb-zoekvak__rij"><input type="search" id="kb-zoekvak-q" name="q" autocomplete="off">'
        '<button type="submit" class="md-button md-button--primary">Zoeken</button></span></form>'
    )


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def collection(indexes: Indexes, page_url: str) -> str:
    examples = indexes.praktijkvoorbeelden
    municipalities = indexes.values(FACET["gemeente"])
    size = (
        f"De kennisbank heeft nu {_count(len(examples), 'praktijkvoorbeeld', 'praktijkvoorbeelden')} uit "
        f"{_count(len(municipalities), 'gemeente', 'gemeenten')}, "
        f"{_count(len(indexes.sorted_entries(KEUZEMENU.key)), 'vorm', 'vormen')} in het Keuzemenu en "
        f"{_count(len(indexes.sorted_entries(TOOLBOX.key)), 'instrument', 'instrumenten')} in de toolbox."
    )
    rows = [
        f'{link(relative(e.url, page_url), e.titel)} <span class="kb-rij">{text(facts_line(indexes, e))}</span>'
        f'<br><span class="kb-rij-tekst">{text(e.samenvatting)}</span>'
        for e in indexes.newest_praktijkvoorbeelden[:NEWEST_SIZE]
    ]
    parts = [heading(2, "collectie", "Wat staat er in de kennisbank?"), f'<p class="kb-aantal">{size}</p>']
    if rows:
        parts += [
            heading(3, "nieuwste-praktijkvoorbeelden", "De nieuwste praktijkvoorbeelden"),
            "<p>Gesorteerd op het jaar van het voorbeeld, het nieuwste eerst.</p>",
            items(rows, css="kb-lijst kb-nieuwste"),
            f"<p>{link(relative(urls.section(urls.PRAKTIJKVOORBEELDEN), page_url), f'Bekijk alle {len(examples)} praktijkvoorbeelden')}</p>",
        ]
    return "\n".join(parts)


class MissingPlaceholder(ValueError):
    pass


def fill(html: str, indexes: Indexes, page_url: str) -> str:
    """The start page with its placeholders filled; a missing placeholder stops the build, so a
    changed docs/index.md never loses the search box or the numbers without a word."""
    for placeholder in (SEARCH_PLACEHOLDER, COLLECTION_PLACEHOLDER):
        if placeholder not in html:
            raise MissingPlaceholder(
                f"docs/index.md: de regel {placeholder} ontbreekt. Zet hem terug op de plek waar "
                "de startpagina het zoekvak en de cijfers van de kennisbank moet tonen."
            )
    html = html.replace(SEARCH_PLACEHOLDER, search_box(relative(urls.HOME, page_url)), 1)
    return html.replace(COLLECTION_PLACEHOLDER, collection(indexes, page_url), 1)
