"""Generated catalogue pages: the overview of praktijkvoorbeelden and one page per facet value.

Long lists are split into pages of PAGE_SIZE, so no page grows with the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from . import urls
from .generated import GeneratedPage
from .html import items, link, relative, text
from .indexes import FACET, Facet, Indexes, newest_first
from .listing import LIST_SIZE, entry_list
from .records import Entry
from .schema import COLLECTIONS, PRAKTIJKVOORBEELD

PAGE_SIZE = 100
CATALOGUE_FACETS = ("ladder", "overheidsrol", "provincie", "themas", "gemeente", "onderbouwing")
BROWSE_FACETS = ("provincie", "themas", "gemeente")  # the ladder's two have their own section


def _paged(
    base_src: str,
    title: str,
    entries: Sequence[Entry],
    intro: Callable[[str], str],
    listing: Callable[[Sequence[Entry], str], str],
) -> list[GeneratedPage]:
    """One page per PAGE_SIZE entries: base_src, then the next ones in its folder (urls.paginated)."""
    chunks = [entries[i : i + PAGE_SIZE] for i in range(0, len(entries), PAGE_SIZE)] or [entries]
    srcs = urls.paginated(base_src, len(chunks))
    addresses = [urls.page_url(src) for src in srcs]
    pages = []
    for number, (src, chunk) in enumerate(zip(srcs, chunks), start=1):

        def render(page_url: str, chunk: Sequence[Entry] = chunk, number: int = number) -> str:
            return intro(page_url) + listing(chunk, page_url) + _pager(addresses, number, page_url)

        suffix = f" (pagina {number} van {len(chunks)})" if len(chunks) > 1 else ""
        pages.append(GeneratedPage(src, title + suffix, render))
    return pages


def _pager(addresses: list[str], current: int, page_url: str) -> str:
    if len(addresses) < 2:
        return ""
    links = []
    for number, url in enumerate(addresses, start=1):
        if number == current:
            links.append(f'<span aria-current="page">{number}</span>')
        else:
            links.append(link(relative(url, page_url), str(number), aria_label=f"Pagina {number}"))
    return f'<nav class="kb-pager" aria-label="Pagina\'s">{" ".join(links)}</nav>'


def overview_table(entries: Sequence[Entry], page_url: str, indexes: Indexes) -> str:
    def labels(e: Entry, key: str) -> str:
        return text(", ".join(indexes.label(FACET[key], value) for value in e.values(key)))

    rows = "".join(
        "<tr>"
        f"<td>{link(relative(e.url, page_url), e.titel)}</td>"
        f"<td>{text(', '.join(e.values('gemeente')))}</td>"
        f"<td>{labels(e, 'provincie')}</td>"
        f"<td>{e.fields['jaar']}</td>"
        f"<td>{labels(e, 'ladder')}</td>"
        f"<td>{labels(e, 'themas')}</td>"
        "</tr>"
        for e in entries
    )
    head = "".join(f'<th scope="col">{name}</th>' for name in ("Titel", "Gemeente", "Provincie", "Jaar", "Trede", "Thema's"))
    return (
        f'<div class="kb-tabel"><table id="kb-overzicht-tabel"><caption class="kb-verborgen">Praktijkvoorbeelden</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def overview(indexes: Indexes) -> list[GeneratedPage]:
    entries = indexes.praktijkvoorbeelden

    def intro(page_url: str) -> str:
        facets = ", ".join(link(relative(FACET[key].catalogue_base, page_url), FACET[key].name.lower()) for key in BROWSE_FACETS)
        return (
            f"<p>De kennisbank heeft {len(entries)} praktijkvoorbeelden van gemeenten die met inwoners samenwerken. "
            f"Zoek op een woord of kies hieronder wat je zoekt. Je kunt ook bladeren per {facets} of "
            f"{link(relative(urls.section(urls.PARTICIPATIELADDER), page_url), 'trede van de participatieladder')}.</p>"
            f'<div id="kb-filter" data-index="{relative(urls.FILTER_INDEX, page_url)}" '
            f'data-base="{relative(urls.HOME, page_url)}"></div>'
        )

    return _paged(
        urls.section_src(urls.PRAKTIJKVOORBEELDEN),
        "Praktijkvoorbeelden",
        entries,
        intro,
        lambda chunk, url: overview_table(chunk, url, indexes),
    )


def _sort_switch(by_title_url: str, by_year_url: str, newest: bool, page_url: str) -> str:
    """Two orders of the same list as two plain pages: works without JavaScript and across pagination."""
    options = []
    for label, url, current in (("op titel", by_title_url, not newest), ("op jaar, nieuwste eerst", by_year_url, newest)):
        options.append(f'<span aria-current="true">{label}</span>' if current else link(relative(url, page_url), label))
    return f'<p class="kb-sorteer">Sorteer: {" · ".join(options)}</p>'


def facet_pages(indexes: Indexes, facet: Facet) -> list[GeneratedPage]:
    """A page per value that has praktijkvoorbeelden; an empty one would be a dead end."""
    pages = []
    for value in indexes.values(facet):
        entries = indexes.entries_with(facet.key, value)
        if not entries:
            continue
        label = indexes.label(facet, value)
        noun = "praktijkvoorbeeld" if len(entries) == 1 else "praktijkvoorbeelden"
        by_title, by_year = facet.catalogue_url(value), urls.newest_first(facet.catalogue_url(value))
        # A second order only where it changes something: a list whose entries span more than one year.
        sortable = len({entry.fields["jaar"] for entry in entries}) > 1
        for newest in (False, True) if sortable else (False,):

            def intro(
                page_url: str,
                label: str = label,
                count: int = len(entries),
                noun: str = noun,
                newest: bool = newest,
                by_title: str = by_title,
                by_year: str = by_year,
                sortable: bool = sortable,
            ) -> str:
                back = link(relative(facet.catalogue_base, page_url), f"Alle {facet.plural.lower()}")
                switch = _sort_switch(by_title, by_year, newest, page_url) if sortable else ""
                return f'<p class="kb-aantal">{count} {noun} met {facet.name.lower()} {text(label)}.</p><p>{back}</p>' + switch

            src = urls.index_src(by_year) if newest else urls.page_src(by_title)
            ordered = tuple(sorted(entries, key=newest_first)) if newest else entries
            title = f"{facet.name}: {label}" + (" (nieuwste eerst)" if newest else "")
            pages += _paged(src, title, ordered, intro, partial(entry_list, indexes))
    return pages


def facet_index(indexes: Indexes, facet: Facet) -> GeneratedPage:
    def render(page_url: str) -> str:
        rows = [
            f"{link(relative(facet.catalogue_url(value), page_url), indexes.label(facet, value))} "
            f'<span class="kb-rij">({len(indexes.entries_with(facet.key, value))})</span>'
            for value in indexes.values(facet)
            if indexes.entries_with(facet.key, value)
        ]
        intro = f"<p>Kies een {facet.name.lower()} om de praktijkvoorbeelden te zien. Tussen haakjes staat het aantal.</p>"
        empty = [indexes.label(facet, value) for value in indexes.values(facet) if not indexes.entries_with(facet.key, value)]
        none_yet = f"<p>Nog geen praktijkvoorbeelden: {text(', '.join(empty))}.</p>" if empty else ""
        extras: dict[str, Callable[[Indexes, str], str]] = {"provincie": province_map, "onderbouwing": grounding_explained}
        extra = extras[facet.key](indexes, page_url) if facet.key in extras else ""
        # The onderbouwing page first explains the levels; other facets first say what to do.
        lead = extra + intro if facet.key == "onderbouwing" else intro + extra
        return lead + items(rows, css="kb-lijst kb-kolommen") + none_yet

    return GeneratedPage(urls.index_src(facet.catalogue_base), facet.plural, render)


# The provinces roughly where they lie on the map, a row of tiles per line.
_MAP = (
    (None, "Fryslân", "Groningen"),
    ("Noord-Holland", "Flevoland", "Drenthe"),
    ("Zuid-Holland", "Utrecht", "Overijssel"),
    ("Zeeland", "Noord-Brabant", "Gelderland"),
    (None, None, "Limburg"),
)
_TILES = {name: (column, row) for row, names in enumerate(_MAP) for column, name in enumerate(names) if name}


def province_map(indexes: Indexes, page_url: str) -> str:
    facet = FACET["provincie"]
    width, height, gap = 150, 64, 6
    tiles = []
    # A province the map does not know (a new value in data/vocabulaire.yml) gets a tile below it.
    extra = [value for value in indexes.values(facet) if value not in _TILES]
    places = {**_TILES, **{value: (n % 3, 5 + n // 3) for n, value in enumerate(extra)}}
    for value in indexes.values(facet):
        col, row = places[value]
        x, y = col * (width + gap), row * (height + gap)
        count = len(indexes.entries_with("provincie", value))
        name = text(indexes.label(facet, value))
        tile = (
            f'<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="6" class="kb-tegel{" kb-tegel--leeg" if not count else ""}"/>'
            f'<text x="{x + width / 2}" y="{y + 27}" text-anchor="middle">{name}</text>'
            f'<text x="{x + width / 2}" y="{y + 49}" text-anchor="middle" class="kb-tegel-aantal">({count})</text>'
        )
        # A province without praktijkvoorbeelden stays on the map, but leads nowhere.
        tiles.append(f'<a href="{relative(facet.url(value), page_url)}">{tile}</a>' if count else f"<g>{tile}</g>")
    rows = 5 + (len(extra) + 2) // 3
    total_w, total_h = 3 * width + 2 * gap, rows * height + (rows - 1) * gap
    edge = 2  # room for the tiles' border, which is drawn half outside each tile
    return (
        f'<figure class="kb-kaart"><svg viewBox="{-edge} {-edge} {total_w + 2 * edge} {total_h + 2 * edge}" '
        'role="group" aria-labelledby="kb-kaart-titel">'
        f'<title id="kb-kaart-titel">Kaart van de provincies met het aantal praktijkvoorbeelden</title>{"".join(tiles)}</svg>'
        f"<figcaption>Klik op een provincie. Het getal is het aantal praktijkvoorbeelden.</figcaption></figure>"
    )


def grounding_explained(indexes: Indexes, page_url: str) -> str:
    """The levels of onderbouwing, what each means and what none of them means."""
    vocabulary = indexes.vocabulary("onderbouwing")
    label = {term.value: text(term.label) for term in vocabulary.terms}  # the levels' names, as everywhere
    levels = "".join(f"<dt>{text(term.label)}</dt><dd>{text(term.description)}</dd>" for term in vocabulary.terms)
    return (
        f"<p>{text(vocabulary.description)} Bij elk praktijkvoorbeeld staat een van deze drie niveaus:</p>"
        f'<dl class="kb-niveaus">{levels}</dl>'
        '<h2 id="wat-het-niet-betekent">Wat het niet betekent</h2>'
        "<ul>"
        f"<li>Het niveau is geen cijfer voor de aanpak. Een aanpak met het niveau <em>{label['beschreven']}</em> kan heel "
        "goed werken. De bron vertelt er alleen minder over.</li>"
        f"<li><em>{label['resultaten']}</em> betekent niet dat de aanpak de oorzaak van die resultaten was.</li>"
        f"<li><em>{label['geevalueerd']}</em> betekent niet dat de evaluatie positief was, of dat de aanpak overal werkt.</li>"
        "<li>Het niveau zegt niets over hoe het nu gaat. Kijk daarvoor naar het jaar van de bron.</li>"
        "<li>De trede van de participatieladder en de rol van de overheid bij een voorbeeld kiest de redactie. "
        "Ze horen niet bij de onderbouwing.</li>"
        "</ul>"
        "<p>De redactie kiest het niveau op grond van de bron. Alle bronnen staan op de pagina "
        f"{link(relative(urls.SOURCES, page_url), 'Bronnen')}.</p>"
        '<h2 id="per-niveau">Praktijkvoorbeelden per niveau</h2>'
    )


def entry_pages(
    indexes: Indexes, base_src: str, title: str, entries: Sequence[Entry], intro: Callable[[str], str]
) -> list[GeneratedPage]:
    """A paginated list of entries, for other modules' catalogues (such as per publication)."""
    return _paged(base_src, title, entries, intro, partial(entry_list, indexes))


def usage_pages(indexes: Indexes) -> list[GeneratedPage]:
    """Forms and tools used by more praktijkvoorbeelden than their own page lists get a catalogue."""
    pages = []
    # Those whose pages list the praktijkvoorbeelden using them as a list that continues in a catalogue.
    for collection in (c for c in COLLECTIONS if any(related.continued for related in c.related)):
        for entry in indexes.sorted_entries(collection.key):
            users = indexes.linked(entry, PRAKTIJKVOORBEELD.key)
            if len(users) <= LIST_SIZE:
                continue

            def intro(page_url: str, entry: Entry = entry, count: int = len(users)) -> str:
                return f'<p class="kb-aantal">{count} praktijkvoorbeelden met {link(relative(entry.url, page_url), entry.titel)}.</p>'

            src = urls.page_src(urls.usage_catalogue(entry.collection, entry.slug))
            pages += _paged(src, f"Praktijkvoorbeelden met {entry.titel}", users, intro, partial(entry_list, indexes))
    return pages


def all_pages(indexes: Indexes) -> list[GeneratedPage]:
    pages = overview(indexes) + usage_pages(indexes)
    for key in CATALOGUE_FACETS:
        pages.append(facet_index(indexes, FACET[key]))
        pages += facet_pages(indexes, FACET[key])
    return pages
