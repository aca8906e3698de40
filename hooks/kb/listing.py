"""Rows and lists of entries, as catalogues and pages show them."""

from __future__ import annotations

from typing import Iterable

from .html import items, link, relative, text
from .records import Entry
from .schema import PRAKTIJKVOORBEELD

LIST_SIZE = 50  # the longest list a page shows in full; a longer one continues on a paginated catalogue


def facts_line(entry: Entry) -> str:
    """'Emmen · Drenthe · 2020': what a reader scans in a list of praktijkvoorbeelden."""
    parts = [", ".join(entry.values("gemeente")), ", ".join(entry.values("provincie")), str(entry.fields["jaar"])]
    return " · ".join(parts)


def entry_row(entry: Entry, page_url: str) -> str:
    anchor = link(relative(entry.url, page_url), entry.titel)
    if entry.collection == PRAKTIJKVOORBEELD.key:
        return f'{anchor} <span class="kb-rij">{text(facts_line(entry))}</span>'
    return f'{anchor} <span class="kb-rij">{text(entry.samenvatting)}</span>'


def entry_list(entries: Iterable[Entry], page_url: str) -> str:
    return items((entry_row(entry, page_url) for entry in entries), css="kb-lijst")
