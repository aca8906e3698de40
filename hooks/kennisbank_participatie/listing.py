"""Rows and lists of entries, as catalogues and pages show them."""

from __future__ import annotations

from collections.abc import Iterable

from .html import items, link, relative, text
from .indexes import FACET, Indexes
from .records import Entry
from .schema import BY_KEY

LIST_SIZE = 50  # the longest list a page shows in full; a longer one continues on a paginated catalogue


def facts_line(indexes: Indexes, entry: Entry) -> str:
    """'Emmen · Drenthe · 2020': what a reader scans in a list of praktijkvoorbeelden (its collection's row_facts),
    each value as the site names it (a province's label, not its value)."""

    def shown(key: str) -> str:
        value = entry.value(key)
        if isinstance(value, tuple):
            return ", ".join(indexes.label(FACET[key], str(item)) if key in FACET else str(item) for item in value)
        return "" if value is None else str(value)

    return " · ".join(shown(key) for key in BY_KEY[entry.collection].row_facts)


def entry_row(indexes: Indexes, entry: Entry, page_url: str) -> str:
    anchor = link(relative(entry.url, page_url), entry.titel)
    summary = facts_line(indexes, entry) if BY_KEY[entry.collection].row_facts else entry.samenvatting
    return f'{anchor} <span class="kb-rij">{text(summary)}</span>'


def entry_list(indexes: Indexes, entries: Iterable[Entry], page_url: str) -> str:
    return items((entry_row(indexes, entry, page_url) for entry in entries), css="kb-lijst")
