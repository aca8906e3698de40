"""Rows and lists of entries, as catalogues and pages show them."""

from __future__ import annotations

from typing import Iterable

from .html import items, link, relative, text
from .records import Entry
from .schema import BY_KEY

LIST_SIZE = 50  # the longest list a page shows in full; a longer one continues on a paginated catalogue


def facts_line(entry: Entry) -> str:
    """'Emmen · Drenthe · 2020': what a reader scans in a list of praktijkvoorbeelden (its collection's row_facts)."""
    values = (entry.fields.get(key, ()) for key in BY_KEY[entry.collection].row_facts)
    return " · ".join(", ".join(value) if isinstance(value, tuple) else str(value) for value in values)


def entry_row(entry: Entry, page_url: str) -> str:
    anchor = link(relative(entry.url, page_url), entry.titel)
    summary = facts_line(entry) if BY_KEY[entry.collection].row_facts else entry.samenvatting
    return f'{anchor} <span class="kb-rij">{text(summary)}</span>'


def entry_list(entries: Iterable[Entry], page_url: str) -> str:
    return items((entry_row(entry, page_url) for entry in entries), css="kb-lijst")
