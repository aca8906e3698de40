"""How current an entry is: the year of its sources, its status in that year, and a notice when it is old.

"Now" is the date of the last commit, not the clock, so the same commit always builds the same pages.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import gitdates, yamlread
from .html import text
from .problems import ContentError, quoted_list
from .records import Entry

DATA_FILE = "data/actualiteit.yml"
_KEYS = {"drempel_jaren": int, "beschreven": str, "beschreven_ook": str, "status": str, "melding": str}
_PLACEHOLDERS = {
    "beschreven": ("{jaar}", "{bron}"),
    "beschreven_ook": ("{jaar}", "{bron}"),
    "status": ("{status}", "{jaar}"),
    "melding": ("{jaar}",),
}
# What each text may name between braces: anything else would stop the build when the text is filled in.
_NAMES = {
    "beschreven": ("jaar", "bron"),
    "beschreven_ook": ("jaar", "bron"),
    "status": ("status", "jaar"),
    "melding": ("jaar", "drempel"),
}


@dataclass(frozen=True)
class Wording:
    threshold: int  # years
    described: str
    described_also: str
    status: str
    notice: str


def load(root: Path) -> Wording:
    """Read and check the wording; raise ContentError listing every mistake in the file."""
    data = yamlread.open_data_file(
        root / DATA_FILE, DATA_FILE, f"dit bestand is leeg. Hier horen de velden {quoted_list(_KEYS)}."
    )
    problems, report, raw = data.problems, data.report, data.root
    fields = yamlread.mapping(raw, "", report, {key: True for key in _KEYS}) or {}
    threshold: int | None = None
    values: dict[str, str] = {}
    for key, kind in _KEYS.items():
        if key not in fields:
            continue
        node = fields[key]
        if kind is int:
            if isinstance(node, yaml.ScalarNode) and re.fullmatch("[0-9]{1,3}", node.value):
                threshold = int(node.value)
            else:
                report(node, key, f"hier hoort een heel getal, zoals 5, maar er staat {yamlread.shown(node)}.")
            continue
        value = yamlread.scalar(node, key, report)
        if value is None:
            continue
        for placeholder in _PLACEHOLDERS.get(key, ()):
            if placeholder not in value:
                report(node, key, f"de tekst mist {placeholder}; daar komt het jaar of de naam te staan.")
        if not _fills(value, _NAMES[key]):
            report(
                node,
                key,
                f"tussen {{ en }} mag alleen {quoted_list('{' + name + '}' for name in _NAMES[key])} "
                f"staan. Gebruik geen andere accolades in deze tekst.",
            )
        values[key] = value
    if problems or threshold is None:  # a missing or wrong threshold is among the problems
        raise ContentError(problems)
    return Wording(threshold, values["beschreven"], values["beschreven_ook"], values["status"], values["melding"])


def _fills(wording: str, names: tuple[str, ...]) -> bool:
    """Does the text name only these places to fill in, each as plain {name}?"""
    try:
        parts = list(string.Formatter().parse(wording))
    except ValueError:  # a single '{' or '}'
        return False
    return all(name is None or name in names and not spec and not conversion for _, name, spec, conversion in parts)


@dataclass(frozen=True)
class Currency:
    wording: Wording
    now: int  # the year the notice counts from


def for_corpus(root: Path, source_years: list[int], wording: Wording | None = None) -> Currency:
    """wording: as already read and checked by the content gate; read here when not given."""
    return Currency(wording or load(root), build_year(root, max(source_years, default=2000)))


def build_year(root: Path, fallback: int) -> int:
    """The year of 'now': SOURCE_DATE_EPOCH if set (reproducible builds), else the last commit's date.
    Without git (a copy of the files, a tarball) it is `fallback`: the newest year of any source."""
    changed = gitdates.last_change(root)
    return fallback if changed is None else changed.year


def source_year(entry: Entry) -> int:
    return max(source.jaar for source in entry.fields["bronnen"])


def described(entry: Entry, wording: Wording) -> str:
    """'Beschreven in 2013, in <cite>Gemeente & Gemeenschap</cite>', newest source first."""
    seen: dict[tuple[int, str], None] = {}
    for source in sorted(entry.fields["bronnen"], key=lambda s: -s.jaar):
        seen.setdefault((source.jaar, source.titel), None)
    parts = [
        text(wording.described if number == 0 else wording.described_also).format(jaar=year, bron=f"<cite>{text(title)}</cite>")
        for number, (year, title) in enumerate(seen)
    ]
    return "".join(parts) + "."


def status(entry: Entry, label: str, wording: Wording) -> str:
    return wording.status.format(status=label.lower(), jaar=source_year(entry))


def is_old(entry: Entry, now: int, wording: Wording) -> bool:
    return now - source_year(entry) > wording.threshold


def notice(entry: Entry, wording: Wording) -> str:
    return wording.notice.format(jaar=source_year(entry), drempel=wording.threshold)
