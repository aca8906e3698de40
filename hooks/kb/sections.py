"""Generated lists on the hand-written introduction pages of the Keuzemenu, toolbox and ladder."""

from __future__ import annotations

from .html import heading, items, link, relative, text
from .indexes import Indexes, title_order
from .listing import entry_list
from .schema import KEUZEMENU, PRAKTIJKVOORBEELD, TOOLBOX


def keuzemenu_index(indexes: Indexes, page_url: str) -> str:
    parties = indexes.corpus.vocabularies["partij"]
    parts = [f'<p>{link(relative("keuzemenu/boekje/", page_url), "Het hele Keuzemenu als boekje om te printen")}</p>']
    for term in indexes.corpus.vocabularies["ladder"].terms:
        at_rung = indexes.at_rung(KEUZEMENU.key, term.value)
        if not at_rung:
            continue
        rows = [
            f"{link(relative(f.url, page_url), f.titel)} "
            f'<span class="kb-rij">{text(f.samenvatting)} Wie begint: '
            f'{text(", ".join(parties.term(p).label.lower() for p in f.values("initiatief")))}.</span>'
            for f in at_rung
        ]
        parts.append(heading(2, f"trede-{term.value}", f"{term.label} ({len(at_rung)})"))
        parts.append(f'<p>{text(term.description)} {link(relative(f"participatieladder/{term.value}/", page_url), "Meer over deze trede")}.</p>')
        parts.append(items(rows, css="kb-lijst"))
    return "\n".join(parts)


def toolbox_index(indexes: Indexes, page_url: str) -> str:
    tools = indexes.corpus.entries[TOOLBOX.key]
    parts = []
    for term in indexes.corpus.vocabularies["fase"].terms:
        in_phase = tuple(sorted((t for t in tools if term.value in t.values("fase")), key=title_order))
        if in_phase:
            parts.append(heading(2, f"fase-{term.value}", f"{term.label} ({len(in_phase)})"))
            parts.append(entry_list(in_phase, page_url))
    return "\n".join(parts)


def ladder_index(indexes: Indexes, page_url: str) -> str:
    parts = []
    for key, title in (("ladder", "De participatieladder"), ("overheidsrol", "De overheidsparticipatietrap")):
        vocabulary = indexes.corpus.vocabularies[key]
        rows = [
            f"{link(relative(f'participatieladder/{term.value}/', page_url), term.label)} "
            f'<span class="kb-rij">{text(term.description)} '
            f"({len(indexes.at_rung(PRAKTIJKVOORBEELD.key, term.value))} praktijkvoorbeelden)</span>"
            for term in vocabulary.terms
        ]
        parts.append(heading(2, f"overzicht-{key}", title) + items(rows, tag="ol", css="kb-lijst"))
    return "\n".join(parts)


SECTION_INDEXES = {"keuzemenu": keuzemenu_index, "toolbox": toolbox_index, "participatieladder": ladder_index}
