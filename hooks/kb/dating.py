"""How current an entry is: the year of its sources, its status in that year, and a notice when it is old.

"Now" is the date of the last commit, not the clock, so the same commit always builds the same pages.
"""

from __future__ import annotations

import logging
import os
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import yaml

from .html import text
from .problems import ContentError, Problem
from .records import Entry

DATA_FILE = "data/actualiteit.yml"
_KEYS = {"drempel_jaren": int, "beschreven": str, "beschreven_ook": str, "status": str, "melding": str}
_PLACEHOLDERS = {"beschreven": ("{jaar}", "{bron}"), "beschreven_ook": ("{jaar}", "{bron}"),
                 "status": ("{status}", "{jaar}"), "melding": ("{jaar}",)}
log = logging.getLogger("mkdocs.hooks.kennisbank")


@dataclass(frozen=True)
class Wording:
    threshold: int  # years
    described: str
    described_also: str
    status: str
    notice: str


def load(root: Path) -> Wording:
    path = root / DATA_FILE
    with open(path, encoding="utf-8") as stream:
        raw = yaml.safe_load(stream) or {}
    problems = []
    for key, kind in _KEYS.items():
        value = raw.get(key) if isinstance(raw, dict) else None
        if not isinstance(value, kind) or isinstance(value, bool):
            shown = "niets" if value is None else f"'{value}'"
            wanted = "een heel getal, zoals 5" if kind is int else "een tekst"
            problems.append(Problem(DATA_FILE, 0, key, f"hier hoort {wanted}, maar er staat {shown}."))
            continue
        for placeholder in _PLACEHOLDERS.get(key, ()):
            if placeholder not in value:
                problems.append(Problem(DATA_FILE, 0, key, f"de tekst mist {placeholder}; daar komt het jaar of de naam te staan."))
    if problems:
        raise ContentError(problems)
    return Wording(raw["drempel_jaren"], raw["beschreven"], raw["beschreven_ook"], raw["status"], raw["melding"])


@dataclass(frozen=True)
class Currency:
    wording: Wording
    now: int  # the year the notice counts from


def for_corpus(root: Path, source_years: list[int]) -> Currency:
    return Currency(load(root), build_year(root, max(source_years, default=2000)))


def build_year(root: Path, fallback: int) -> int:
    """The year of 'now': SOURCE_DATE_EPOCH if set (reproducible builds), else the last commit's date.
    Without git (a copy of the files, a tarball) it is `fallback`: the newest year of any source."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).year
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%cI"], cwd=root, capture_output=True, text=True,
                               check=True, timeout=30).stdout.strip()
        return datetime.fromisoformat(stamp).year
    except (OSError, subprocess.SubprocessError, ValueError):
        log.info("Geen git-geschiedenis gevonden: 'nu' is voor de melding over oude beschrijvingen %s, "
                 "het jaar van de nieuwste bron.", fallback)
        return fallback


def source_year(entry: Entry) -> int:
    return max(source.jaar for source in entry.fields["bronnen"])


def described(entry: Entry, wording: Wording) -> str:
    """'Beschreven in 2013, in <cite>Gemeente & Gemeenschap</cite>', newest source first."""
    seen: dict[tuple[int, str], None] = {}
    for source in sorted(entry.fields["bronnen"], key=lambda s: -s.jaar):
        seen.setdefault((source.jaar, source.titel), None)
    parts = [
        (wording.described if number == 0 else wording.described_also).format(jaar=year, bron=f"<cite>{text(title)}</cite>")
        for number, (year, title) in enumerate(seen)
    ]
    return "".join(parts) + "."


def status(entry: Entry, label: str, wording: Wording) -> str:
    return wording.status.format(status=label.lower(), jaar=source_year(entry))


def is_old(entry: Entry, now: int, wording: Wording) -> bool:
    return now - source_year(entry) > wording.threshold


def notice(entry: Entry, wording: Wording) -> str:
    return wording.notice.format(jaar=source_year(entry), drempel=wording.threshold)
