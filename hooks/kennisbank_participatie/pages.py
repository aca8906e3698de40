"""The HTML around an entry's own text: facts box, links to related pages, sources."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from . import dating, urls
from .effort import phrases
from .html import heading, items, link, relative, text
from .indexes import FACET, Indexes, facet_values
from .kinds import Effort, Period, Source
from .listing import LIST_SIZE, entry_list
from .records import Entry
from .schema import BY_KEY, INTRODUCTIE, KEUZEMENU, PRAKTIJKVOORBEELD, TOOLBOX, TREDE, Shown
from .sections import LEADING_OVERVIEWS, SECTION_INDEXES
from .textutil import dutch_number

RUNG_LIST_SIZE = 200  # a rung page lists a whole landed corpus; beyond that its catalogue continues


def _facet_links(indexes: Indexes, entry: Entry, facet_key: str, page_url: str) -> str:
    facet = FACET[facet_key]
    return ", ".join(
        link(relative(facet.url(value), page_url), indexes.label(facet, value)) for value in facet_values(entry, facet_key)
    )


def _labels(indexes: Indexes, vocabulary: str, values: Iterable[str]) -> str:
    return text(", ".join(indexes.term_labels(vocabulary, values)))


def _effort(indexes: Indexes, effort: Effort) -> str:
    return "<br>".join(text(line) for line in phrases(indexes.vocabularies, effort))


def _period(period: Period) -> str:
    if period.tot is None:
        return f"vanaf {period.van}"
    return str(period.van) if period.tot == period.van else f"{period.van} tot en met {period.tot}"


def _grounding(indexes: Indexes, entry: Entry, page_url: str) -> str:
    """The level, linked to its catalogue, with what it means and where the levels are explained."""
    facet = FACET["onderbouwing"]
    term = indexes.vocabulary("onderbouwing").term(entry.fields["onderbouwing"])
    return (
        f"{link(relative(facet.url(term.value), page_url), term.label)}"
        f'<span class="kb-uitleg">{text(term.description)} '
        f"{link(relative(facet.catalogue_base, page_url), 'Over de onderbouwing')}</span>"
    )


def currency(indexes: Indexes, entry: Entry) -> str:
    """Near the top of a praktijkvoorbeeld: when it was described, and a notice when that is long ago."""
    wording = indexes.currency.wording
    html = f'<p class="kb-beschreven" data-search-exclude>{dating.described(entry, wording)}</p>'
    if dating.is_old(entry, indexes.currency.now, wording):
        html += (
            f'<div class="admonition warning kb-oud" role="note" data-search-exclude>'
            f'<p class="admonition-title">Let op: oude beschrijving</p>'
            f"<p>{text(dating.notice(entry, wording))}</p></div>"
        )
    return html


_LESSONS = re.compile(r'(<h2 id="wat-kun-je-ervan-leren">.*?</h2>)', re.S)
LESSONS_NOTE = (
    '<p class="kb-redactie">Deze lessen trekt de redactie uit het voorbeeld. Het zijn geen uitkomsten van onderzoek.</p>'
)


def mark_lessons(body_html: str) -> str:
    """The lessons of a praktijkvoorbeeld are the editors' reading, kept visibly apart from the facts."""
    return _LESSONS.sub(lambda m: m.group(1) + LESSONS_NOTE, body_html, count=1)


def _vocabulary(entry: Entry, key: str) -> str:
    return BY_KEY[entry.collection].field(key).vocabulary[0]


def _status(indexes: Indexes, entry: Entry, key: str) -> str:
    label = indexes.vocabulary(_vocabulary(entry, key)).term(entry.typed(key, str)).label
    return text(dating.status(entry, label, indexes.currency.wording))


# How the facts box shows a value: (indexes, entry, field key, page URL) -> HTML.
_SHOWN: dict[Shown, Callable[[Indexes, Entry, str, str], str]] = {
    Shown.FACET_LINKS: _facet_links,
    Shown.LABELS: lambda indexes, entry, key, page_url: _labels(indexes, _vocabulary(entry, key), entry.values(key)),
    Shown.TEXT: lambda indexes, entry, key, page_url: text(entry.value(key)),
    Shown.NUMBER: lambda indexes, entry, key, page_url: text(dutch_number(entry.typed(key, int))),
    Shown.EUROS: lambda indexes, entry, key, page_url: text(f"€ {dutch_number(entry.typed(key, int))}"),
    Shown.EFFORT: lambda indexes, entry, key, page_url: _effort(indexes, entry.typed(key, Effort)),
    Shown.STATUS: lambda indexes, entry, key, page_url: _status(indexes, entry, key),
    Shown.PERIOD: lambda indexes, entry, key, page_url: text(_period(entry.typed(key, Period))),
    Shown.GROUNDING: lambda indexes, entry, key, page_url: _grounding(indexes, entry, page_url),
}


def facts_box(indexes: Indexes, entry: Entry, page_url: str) -> str:
    rows = [
        (fact.label, _SHOWN[fact.shown](indexes, entry, fact.key, page_url))
        for fact in BY_KEY[entry.collection].facts
        if entry.fields.get(fact.key) not in (None, ())
    ]
    if not rows:
        return ""
    cells = "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in rows)
    return f'<aside class="kb-feiten" aria-label="Feiten" data-search-exclude><dl>{cells}</dl></aside>'


def sources(entry: Entry) -> str:
    def cite(source: Source) -> str:
        parts = f"<cite>{text(source.titel)}</cite>. {text(source.uitgever)}, {source.jaar}"
        if source.pagina:
            parts += f", pagina {text(source.pagina)}"
        parts += "."
        if source.url:
            parts += " " + link(source.url, source.url)
        return parts

    return heading(2, "bronnen", "Bronnen") + items((cite(s) for s in entry.fields["bronnen"]), tag="ol", css="kb-bronnen")


def _section(
    indexes: Indexes,
    anchor: str,
    title: str,
    entries: tuple[Entry, ...],
    page_url: str,
    empty: str = "",
    limit: int = LIST_SIZE,
    more_url: str = "",
) -> str:
    """A generated list of links, at most `limit` long so pages stay light as the corpus grows; the rest
    is on `more_url`. Kept out of the search index, where it would only repeat titles."""
    if not entries:
        return f"<div data-search-exclude>{heading(2, anchor, title)}<p>{text(empty)}</p></div>" if empty else ""
    more = ""
    if len(entries) > limit and more_url:
        more = f"<p>{link(relative(more_url, page_url), f'Bekijk alle {len(entries)} {title[0].lower()}{title[1:]}')}</p>"
    return (
        f"<div data-search-exclude>{heading(2, anchor, f'{title} ({len(entries)})')}"
        f"{entry_list(indexes, entries[:limit], page_url)}{more}</div>"
    )


def entry_page(indexes: Indexes, entry: Entry, body_html: str, page_url: str) -> str:
    """The whole article of an entry page; body_html is the already sanitized Markdown body."""
    collection = BY_KEY[entry.collection]
    parts = [
        f'<p class="kb-samenvatting">{text(entry.samenvatting)}</p>',
        currency(indexes, entry) if collection.dated else "",
        facts_box(indexes, entry, page_url),
        mark_lessons(body_html) if collection.lessons else body_html,
    ]
    parts += [
        _section(
            indexes,
            related.anchor,
            related.title,
            indexes.linked(entry, related.collection),
            page_url,
            related.empty,
            more_url=urls.usage_catalogue(entry.collection, entry.slug) if related.continued else "",
        )
        for related in collection.related
    ]
    if entry.collection == TREDE.key:
        parts.append(rung_lists(indexes, entry.slug, page_url))
    elif entry.collection == INTRODUCTIE.key:
        # The generated overview only repeats the titles of other pages: keep it out of the search index.
        overview = f"<div data-search-exclude>{SECTION_INDEXES[entry.slug](indexes, page_url)}</div>"
        # The Keuzemenu's cards come straight after its summary, so a phone shows a form on the first screen.
        if entry.slug in LEADING_OVERVIEWS:
            parts.insert(1, overview)
        else:
            parts.append(overview)
    if entry.values("bronnen"):
        parts.append(sources(entry))
    return "\n".join(part for part in parts if part)


def rung_lists(indexes: Indexes, rung: str, page_url: str) -> str:
    """What stands at a rung: generated from front matter, never kept by hand. A long list of
    praktijkvoorbeelden continues in the rung's paginated catalogue, so the page stays light."""
    facet = indexes.rung_facet(rung)
    label = indexes.label(facet, rung).lower()
    examples = indexes.at_rung(PRAKTIJKVOORBEELD.key, rung)
    parts = [
        _section(
            indexes,
            "vormen-op-deze-trede",
            f"Vormen uit het Keuzemenu bij {label}",
            indexes.at_rung(KEUZEMENU.key, rung),
            page_url,
        ),
        _section(
            indexes, "instrumenten-op-deze-trede", f"Instrumenten bij {label}", indexes.at_rung(TOOLBOX.key, rung), page_url
        ),
        _section(
            indexes,
            "praktijkvoorbeelden-op-deze-trede",
            f"Praktijkvoorbeelden bij {label}",
            examples,
            page_url,
            "Er zijn nog geen praktijkvoorbeelden bij deze trede.",
            RUNG_LIST_SIZE,
            facet.catalogue_url(rung),
        ),
    ]
    return "\n".join(part for part in parts if part)
