"""Rows and lists of entries, as catalogues and pages show them."""

from __future__ import annotations

from typing import Iterable

from .html import items, link, relative, text
from .indexes import FACET, Indexes
from .records import Entry
from .schema import PRAKTIJKVOORBEELD


def facts_line(indexes: Indexes, entry: Entry) -> str:
    """'Emmen · Drenthe · 2020': what a reader scans in a list of praktijkvoorbeelden."""
    provinces = (indexes.label(FACET["provincie"], value) for value in entry.values("provincie"))
    parts = [", ".join(entry.values("gemeente")), ", ".join(provinces), str(entry.fields["jaar"])]
    return " · ".join(parts)


def entry_row(indexes: Indexes, entry: Entry, page_url: str) -> str:
    anchor = link(relative(entry.url, page_url), entry.titel)
    if entry.collection == PRAKTIJKVOORBEELD.key:
        return f'{anchor} <span class="kb-rij">{text(facts_line(indexes, entry))}</span>'
    return f'{anchor} <span class="kb-rij">{text(entry.samenvatting)}</span>'


def entry_list(indexes: Indexes, entries: Iterable[Entry], page_url: str) -> str:
    return items((entry_row(indexes, entry, page_url) for entry in entries), css="kb-lijst")
