"""A page the hooks make themselves (catalogues, Keuzehulp, booklet, glossary): what every maker hands the build."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. 'catalogus/provincie/drenthe.md'
    title: str
    render: Callable[[str], str]  # page url -> article HTML
    searchable: bool = False  # lists of links stay out of the search index; the glossary is worth finding
